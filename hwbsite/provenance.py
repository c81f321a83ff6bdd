"""Where each paper was published: the one record every page, citation, feed, export and count follows.

A paper is in an agenda pack when the pack's agenda lists it under an item *and* the pack prints it
(its text, or an earlier version's, comes from the pack's source file). Any other source text of
the paper (a signed copy, a stand-alone summary) was published separately, not in an agenda pack.
A paper no agenda lists is not attached to any meeting, whatever else its file says (the data check
``paper-not-in-pack`` tells officers).

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

    @property
    def pages(self) -> str | None:
        return self.item.pages.replace("-", "–") if self.item is not None and self.item.pages else None

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
    packs = pack_files(meetings) if packs is None else packs
    meeting, item = _listing(meetings, paper.id)
    own = source_files(paper.source)
    pack_versions = [v.status for v in paper.versions
                     if meeting is not None and any(packs.get(f) is meeting for f in source_files(v.source))]
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


for_project = PerView(Provenances)
