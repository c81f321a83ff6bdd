"""Where each paper was published: the one record every page, citation, feed, export and count follows.

A paper is in an agenda pack when the pack's agenda lists it under an item *and* the pack prints it
(its text, or an earlier version's, comes from the pack's source file). Any other source text of
the paper (a signed copy, a stand-alone summary) was published separately, not in an agenda pack.
A paper no agenda lists is not attached to any meeting, whatever else its file says (the data check
``paper-not-in-pack`` tells officers).

An officer may write the record in the paper's front matter (``published_in:``: the pack, item and
pages, or ``separately: true``, with the evidence line). The written record is the one every output
follows; the derived one above is the fallback, and a disagreement between the two is an error at
the written field (``check_written``), so no output can show one while the papers say the other.

Line references stay for officers: the public record names the pack, the item and its pages.
Pure functions of the meetings and papers (a project or a public view).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import dates, patterns
from .memo import PerView

_FILE = patterns.compile("provenance.file", r"\b(\d{3}) lines? ")


def source_files(source: str | None) -> list[str]:
    """The seed files a source string points into, in order ("002 lines 1-381; 003 lines 400-532")."""
    return list(dict.fromkeys(_FILE.findall(source or "")))


@dataclass(frozen=True)
class Provenance:
    paper: object
    pack: object = None          # the meeting whose agenda pack prints the paper
    item: object = None          # the agenda item that lists it
    separately: bool = False     # (some of) its text was published on its own, outside any agenda pack
    pack_version: str = ""       # "draft" when the pack printed an earlier version and the site shows a later one
    written_pages: str | None = None   # the pages the officer wrote, when they did
    evidence: str = ""           # the written record's evidence (a line reference, for officers only)

    @property
    def pages(self) -> str | None:
        pages = self.written_pages or (self.item.pages if self.item is not None else None)
        return pages.replace("-", "–") if pages else None

    @property
    def in_pack(self) -> str:
        """"agenda pack, 20 September 2017, item 15, pages 107–237" ("" when in no pack)."""
        if self.pack is None:
            return ""
        where = f"agenda pack, {dates.short_date(self.pack.date)}"
        if self.item is not None:
            where += f", item {self.item.number}"
            where += f", pages {self.pages}" if self.pages else " (the agenda prints no page numbers for it)"
        return where

    @property
    def text(self) -> str:
        """Where it was published, in words: the same on every page that cites the paper."""
        if self.pack is None:
            return "published separately, not in an agenda pack"
        if not self.separately:
            return self.in_pack
        if self.pack_version:
            return (f"{self.paper.status} version published separately, not in an agenda pack; its "
                    f"{self.pack_version} version is in the {self.in_pack}")
        return f"{self.in_pack}; part of it was published separately, not in an agenda pack"


def pack_files(meetings) -> dict[str, object]:
    """seed file -> the meeting whose agenda pack it is (the file its agenda was transcribed from)."""
    packs: dict[str, object] = {}
    for m in meetings:
        if m.agenda:
            for file in source_files(m.source):
                packs.setdefault(file, m)
    return packs


def _listing(meetings, paper_id: str):
    """(meeting, item) of the first agenda that lists the paper, or (None, None)."""
    for m in meetings:
        if m.agenda:
            for item in m.agenda.walk():
                if paper_id in item.papers:
                    return m, item
    return None, None


def of(meetings, paper, packs=None) -> Provenance:
    """The paper's record: the one its front matter writes, else the one the agendas and sources give."""
    packs = pack_files(meetings) if packs is None else packs
    written = getattr(paper, "published_in", None)
    return derived(meetings, paper, packs) if written is None else _written(meetings, paper, written, packs)


def _pack_versions(paper, meeting, packs) -> list[str]:
    return [v.status for v in paper.versions
            if meeting is not None and any(packs.get(f) is meeting for f in source_files(v.source))]


def _written(meetings, paper, written, packs) -> Provenance:
    meeting = next((m for m in meetings if m.date == written.pack), None) if written.pack else None
    item = None
    if meeting is not None and meeting.agenda and written.item is not None:
        item = next((i for i in meeting.agenda.walk() if i.number == written.item), None)
    if meeting is None:
        return Provenance(paper, separately=True, evidence=written.evidence)
    versions = _pack_versions(paper, meeting, packs) if written.separately else []
    return Provenance(paper, meeting, item, separately=written.separately,
                      pack_version=versions[0] if versions else "",
                      written_pages=written.pages, evidence=written.evidence)


def _words(record: Provenance) -> str:
    if record.pack is None:
        return "published separately"
    where = f"pack {record.pack.date}" + (f", item {record.item.number}" if record.item is not None else "")
    where += f", pages {record.pages}" if record.pages else ""
    return where + (", and separately" if record.separately else "")


def check_written(meetings, paper, packs=None) -> list[tuple[str, str, str]]:
    """(field, message, hint) for each way the paper's written record is wrong: it names a pack or item
    that does not exist, or disagrees with what the agendas and the sources say. Empty when there is no
    written record or it agrees."""
    written = getattr(paper, "published_in", None)
    if written is None:
        return []
    packs = pack_files(meetings) if packs is None else packs
    problems = []
    meeting = next((m for m in meetings if m.date == written.pack), None) if written.pack else None
    if written.pack and (meeting is None or not meeting.agenda):
        problems.append(("pack", f"no meeting on {written.pack} with an agenda in data/meetings/",
                         "pack: is the date of the meeting whose agenda pack prints the paper"))
        return problems
    if meeting is not None and written.item is not None and \
            not any(i.number == written.item for i in meeting.agenda.walk()):
        problems.append(("item", f"the agenda of {written.pack} has no item '{written.item}'",
                         "write the item number as the agenda prints it"))
        return problems
    if meeting is not None and written.item is None:
        problems.append(("item", "a paper in an agenda pack is printed under an item",
                         "add item: (the agenda item it is printed under)"))
        return problems
    record, found = _written(meetings, paper, written, packs), derived(meetings, paper, packs)
    if _words(record) != _words(found):
        problems.append(("published_in", f"'{paper.id}' is written as published in {_words(record)}, but the "
                         f"agendas and source lines say {_words(found)}",
                         "transcribe what the papers say: list the paper under the item that prints it "
                         "(or under none), and check its source: lines; never correct the papers here"))
    return problems


def derived(meetings, paper, packs=None) -> Provenance:
    """The record the agendas and source lines give (the fallback when none is written)."""
    packs = pack_files(meetings) if packs is None else packs
    meeting, item = _listing(meetings, paper.id)
    own = source_files(paper.source)
    pack_versions = _pack_versions(paper, meeting, packs)
    every = own + [f for v in paper.versions for f in source_files(v.source)]
    pack_known = meeting is not None and any(m is meeting for m in packs.values())
    # Without line references on both sides the agenda's listing is the only evidence, and it suffices.
    printed = (any(packs.get(f) is meeting for f in own) or bool(pack_versions)
               or not every or not pack_known)
    if meeting is None or not printed:
        return Provenance(paper, separately=True)
    outside = pack_known and any(packs.get(f) is not meeting for f in own)
    return Provenance(paper, meeting, item, separately=outside,
                      pack_version=pack_versions[0] if outside and pack_versions else "")


class Provenances:
    """paper id -> Provenance, for one project or public view."""

    def __init__(self, project):
        meetings = list(project.meetings)
        packs = pack_files(meetings)
        self.papers = {pid: of(meetings, paper, packs) for pid, paper in project.papers.items()}

    def __getitem__(self, paper_id: str) -> Provenance:
        return self.papers[paper_id]

    def printed_under(self, meeting, item) -> list[str]:
        """The papers an agenda item prints, in the agenda's order: those it lists whose record puts
        them in this meeting's pack under this item. A paper listed but published separately is not
        one of the meeting's papers on any page, count, feed or export."""
        return [pid for pid in item.papers if pid in self.papers
                and self.papers[pid].pack is meeting and self.papers[pid].item is item]


for_project = PerView(Provenances)
