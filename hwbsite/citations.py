"""Citations a reader can follow: the document, its date and the pages of the published pack.

Officers record where a fact comes from as a line reference into the seed text
("000 lines 2329-4315"): precise for them, useless to the public, who have the
published agenda pack.  The agendas print a page range for each item, so a line
reference becomes the document that contains the line, the pack it was published
in and that item's pages:

    "000 lines 4839"  ->  "Better Care Fund Planning Template 2017-19: agenda pack, 20 September 2017,
                           item 15, pages 107–237"

The index is built from the data itself (each paper's and meeting's own ``source``),
so nothing here is board-specific.  A source that is not a line reference
("Healthwatch Annual Report 2016/17") is already readable and is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates, patterns, provenance, spreadsheet
from .memo import PerView

# "000 lines 2329-4315", "000 line 94", "000 lines 6077, 6589", "003 lines 22-398"
_RANGE = r"\d++(?:\s*+[-–]\s*+\d++)?"
LINE_REF = patterns.compile("citations.line_ref",
                            r"\b(?P<file>\d{3}) lines? (?P<ranges>" + _RANGE + r"(?:\s*+(?:,|and)\s*+" + _RANGE + r")*+)")
# a reference with no file ("line 4416", "lines 480-484"): only its context says which file
BARE_REF = patterns.compile("citations.bare_ref",
                            r"\b(?<!\d{3} )lines? (?P<ranges>" + _RANGE + r"(?:\s*+(?:,|and)\s*+" + _RANGE + r")*+)")
# the numbers between these (int() ignores the space around them)
_BETWEEN_RANGES = patterns.compile("citations.between_ranges", r",|and")
_IN_RANGE = patterns.compile("citations.in_range", r"[-–]")
# A pattern that opens with a run of space ("\s*\(") is tried from every space of the run and reads
# the rest of the run each time: quadratic. (?<!\s) starts it only where the run starts, which is
# where its leftmost match starts anyway (each of these matches ends on a non-space).
_EMPTY_BRACKETS = patterns.compile("citations.empty_brackets", r"(?<!\s)\s*+\(\s*+\)")
_LEFT_BRACKETS = patterns.compile("citations.left_brackets", r"(?<!\s)\s*+\((?:\s|[,;]|and)*+\)")
_SEPARATOR_CLOSE = patterns.compile("citations.separator_close", r"[,;]\s*+\)")
_OPEN_SEPARATOR = patterns.compile("citations.open_separator", r"\(\s*+[,;]\s*+")
_SPACE_PUNCTUATION = patterns.compile("citations.space_punctuation", r"(?<!\s)\s++([,.;:])")


@dataclass(frozen=True)
class Document:
    file: str
    start: int
    end: int
    title: str
    pack: object = None          # the meeting whose agenda pack published it
    item: str | None = None      # agenda item number in that pack
    pages: str | None = None     # the item's page range, as the agenda prints it
    note: str = ""               # e.g. "not part of an agenda pack"
    where: str = ""              # a paper's provenance record, in words (see provenance.py)

    @property
    def size(self) -> int:
        return self.end - self.start


def _spans(source: str | None):
    """(file, start, end) for each line range in a source string."""
    for m in LINE_REF.finditer(source or ""):
        for part in _BETWEEN_RANGES.split(m["ranges"]):
            nums = [int(n) for n in _IN_RANGE.split(part)]
            yield m["file"], nums[0], nums[-1]


def _pages(text: str | None) -> str | None:
    return text.replace("-", "–") if text else None


_OWN = "\x00own\x00"   # stands for a dropped reference into the text's own paper, until the sentence is mended
_AT_OWN = patterns.compile("citations.at_own", r"\b(?:at|in|on)\s++" + _OWN)
_FROM_OWN = patterns.compile("citations.from_own", r"\b(from|see)\s++" + _OWN)


class Citations:
    """Line references -> readable citations, for one project (or public view)."""

    def __init__(self, project):
        self.docs: list[Document] = []
        meetings = list(project.meetings)
        packs: dict[str, object] = {}
        for m in meetings:
            for file, start, end in _spans(m.source if m.agenda else None):
                packs.setdefault(file, m)
                self.docs.append(Document(file, start, end, f"Agenda, {dates.short_date(m.date)}", m))
        for m in meetings:
            if m.minutes and m.minutes.source:
                later = next((x for x in meetings if x.agenda and any(
                    i.minutes_of == m.date for i in x.agenda.walk())), None)
                item = next((i for i in later.agenda.walk() if i.minutes_of == m.date), None) if later else None
                for file, start, end in _spans(m.minutes.source):
                    self.docs.append(Document(file, start, end, f"Minutes of {dates.short_date(m.date)}",
                                              packs.get(file) if later else None,
                                              item.number if item else None, _pages(item.pages) if item else None))
        # A paper is cited with its one provenance record, whichever of its lines is cited: never as in
        # a pack on one page and as published separately on another.
        where = provenance.for_project(project)
        for paper in project.papers.values():
            record = where[paper.id]
            for source in [paper.source, *(v.source for v in paper.versions)]:
                for file, start, end in _spans(source):
                    self.docs.append(Document(file, start, end, paper.title, record.pack,
                                              record.item.number if record.item else None, record.pages,
                                              where=record.text))
        for plan in project.plans:
            update = next((u for u in project.plan_updates if u.plan == plan.id and u.meeting), None)
            meeting = next((m for m in meetings if update and m.date == update.meeting), None)
            item = next((i for i in meeting.agenda.walk() if i.aims and i.pages and not i.papers), None) \
                if meeting and meeting.agenda else None
            for file, start, end in _spans(plan.source):
                in_pack = meeting is not None and packs.get(file) is meeting
                self.docs.append(Document(file, start, end, plan.title, meeting if in_pack else None,
                                          item.number if in_pack and item else None,
                                          _pages(item.pages) if in_pack and item else None))
        self.packs = packs
        self.papers = dict(project.papers)
        # Lookups by file, remembered: every table cell and note asks, and a scan of every document
        # per lookup made a long archive's build quadratic.
        self._by_file: dict[str, list[Document]] = {}
        for d in self.docs:
            self._by_file.setdefault(d.file, []).append(d)
        self._found: dict[tuple[str, int], Document | None] = {}
        self._replaced: dict[tuple, str] = {}   # table cells and notes repeat across pages and CSVs

    def document(self, file: str, line: int) -> Document | None:
        """The narrowest document holding that line (the first listed, of equal sizes)."""
        key = (file, line)
        if key not in self._found:
            found = [d for d in self._by_file.get(file, ()) if d.start <= line <= d.end]
            self._found[key] = min(found, key=lambda d: d.size) if found else None
        return self._found[key]

    def _one(self, file: str, line: int, with_title: bool) -> str:
        doc = self.document(file, line)
        pack = self.packs.get(file)
        if doc is None:
            return f"agenda pack, {dates.short_date(pack.date)}" if pack else "the published papers"
        head = doc.title if with_title else ""
        if doc.where:
            if not head:
                return doc.where
            return f"{head}: {doc.where}" if doc.where.startswith("agenda pack") else f"{head} ({doc.where})"
        if doc.pack is None:
            where = doc.note or ""
        elif doc.title.startswith("Agenda,"):
            return doc.title if with_title else f"agenda, {dates.short_date(doc.pack.date)}"
        else:
            where = f"agenda pack, {dates.short_date(doc.pack.date)}"
            if doc.item:
                where += f", item {doc.item}"
                where += f", pages {doc.pages}" if doc.pages else " (the agenda prints no page numbers for it)"
        if head and where:
            return f"{head}: {where}" if not where.startswith("published") else f"{head} ({where})"
        return head or where

    def cite(self, source: str | None, with_title: bool = True) -> str:
        """A public citation for a source string; "" for none.  Line references never pass through."""
        if not source:
            return ""
        if not LINE_REF.search(source):
            return BARE_REF.sub("", source).strip(" ;,")
        return self.replace(source, with_title)

    def replace(self, text: str | None, with_title: bool = True, context: str | None = None) -> str:
        """Text with every line reference turned into a citation (notes and sources alike).

        ``context`` is the source of the record the text belongs to, for references with no file.
        """
        if not text:
            return text or ""
        key = (text, with_title, context)
        if key not in self._replaced:
            self._replaced[key] = self._replace(text, with_title, context)
        return self._replaced[key]

    def _replace(self, text: str, with_title: bool, context: str | None) -> str:
        seen: list[str] = []
        # a reference into the document the text belongs to says nothing a reader of that page needs
        own = {id(d) for f, st, _e in _spans(context) if (d := self.document(f, st)) is not None}

        def sub(m: re.Match) -> str:
            parts = []
            for part in _BETWEEN_RANGES.split(m["ranges"]):
                first = int(_IN_RANGE.split(part)[0])
                if id(self.document(m["file"], first)) in own:
                    continue
                cited = self._one(m["file"], first, with_title)
                if cited not in parts:
                    parts.append(cited)
            seen.extend(parts)
            return "; ".join(parts) if parts else _OWN

        out = LINE_REF.sub(sub, text)
        # A reference into the text's own paper says nothing on that paper's page, but the words
        # that led to it must still make a sentence: "repeated at 000 lines 6943" -> "repeated
        # elsewhere in the same paper", never a note cut off at "repeated at".
        out = _AT_OWN.sub("elsewhere in the same paper", out)
        out = _FROM_OWN.sub(r"\1 the same paper", out)
        out = out.replace(_OWN, "")
        out = _EMPTY_BRACKETS.sub("", out)
        ctx_file = next((f for f, _s, _e in _spans(context)), None)

        def bare(m: re.Match) -> str:
            # "(line 3605)" in a note on a paper points into that paper: nothing to cite on its own page
            if ctx_file is None:
                return ""
            first = int(_IN_RANGE.split(_BETWEEN_RANGES.split(m["ranges"])[0])[0])
            if id(self.document(ctx_file, first)) in own:
                return ""
            return self._one(ctx_file, first, with_title)

        out = BARE_REF.sub(bare, out)
        out = _LEFT_BRACKETS.sub("", out)
        out = _SEPARATOR_CLOSE.sub(")", out)
        out = _OPEN_SEPARATOR.sub("(", out)
        out = _SPACE_PUNCTUATION.sub(r"\1", out)
        # "Source: A; A" when several ranges fall in one document
        pieces = [p.strip() for p in out.split(";")]
        if len(pieces) > 1 and len(set(pieces)) < len(pieces):
            out = "; ".join(dict.fromkeys(pieces))
        return out


def has_line_reference(text: str | None) -> bool:
    return bool(text and (LINE_REF.search(text) or BARE_REF.search(text)))


# One index per project (or public view) per build: pages ask for it many times.
for_project = PerView(Citations)


def public_table_csv(project, table) -> str:
    """A table's CSV download: every figure as published, line references in its cells turned into citations."""
    import csv
    import io
    cites = for_project(project)
    paper = cites.papers.get(table.name.split("--")[0])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(spreadsheet.safe_row(table.header))
    for row in table.rows:
        writer.writerow(spreadsheet.safe_row(cites.replace(cell, context=paper.source if paper else None)
                                             for cell in row))
    return buf.getvalue()
