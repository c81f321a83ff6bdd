"""A printable agenda pack per meeting: the agenda, then every public paper in agenda order,
each starting on a new page, with its contents expanded and no site navigation (issue 14).

The pack is one page, meetings/<id>/pack/, for a reader who wants to print or save the
meeting as one PDF. It is built from the public view, so it holds only public papers; an exempt
agenda item is listed by its number and title only.
"""

from __future__ import annotations

import functools

import posixpath
import re

from .. import dates, provenance, urls
from ..fences import prose_lines
from ..outputitem import OutputItem
from ..render import render
from .papers import STATUS_LABELS, appendices_of, summary_repeated, type_label
from .. import patterns

_HEADING = patterns.compile("pages.packs.heading", r"^(#{1,5})(?=\s)")


@functools.lru_cache(maxsize=1 << 12)   # pure: a save re-makes every pack from mostly unchanged papers
def demote(markdown: str) -> str:
    """Every heading one level down (## -> ###), outside fenced blocks (the one fence scanner,
    fences.prose_lines): the paper's title is the h2."""
    lines = markdown.splitlines(keepends=True)
    for offset, _line in prose_lines(markdown):
        lines[offset] = _HEADING.sub(r"\1#", lines[offset])
    return "".join(lines)


# An inline link's target, or a reference definition's: "](papers-page.md#x)" / "[r]: papers-page.md".
# A target stops at the next "]" (and a reference label at the line's end), so that a line of many
# "](" or of unclosed "[" is read once, not once from each bracket.
_INLINE = patterns.compile("pages.packs.inline", r"(\]\()(<?)([^)\s>\]]++)")
_REFERENCE = patterns.compile("pages.packs.reference", r"^(\s{0,3}\[[^\]\n]++\]:\s*+)(<?)(\S++)", re.MULTILINE)


def relink(markdown: str, from_page: str, to_page: str, here: dict[str, str]) -> str:
    """A paper's relative links, written for its own page, made to work inside the pack: a link to
    a paper that is in the pack goes to its place in the pack (``here``: page -> anchor)."""
    def target(url: str) -> str:
        if "://" in url or url.startswith(("#", "/", "mailto:")):
            return url
        path, _, fragment = url.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), path))
        if resolved in here and not fragment:
            return "#" + here[resolved]
        return urls.relative(to_page, resolved) + (f"#{fragment}" if fragment else "")

    def sub(m):
        return m.group(1) + m.group(2) + target(m.group(3))
    return _REFERENCE.sub(sub, _INLINE.sub(sub, markdown))


def _papers_for(project, meeting, ctx) -> list[dict]:
    """Public papers in agenda order, each followed by its public appendices; each paper once."""
    seen, out = set(), []

    def add(paper, item):
        if paper.id in seen:
            return
        seen.add(paper.id)
        out.append({"p": paper, "item": item, "type": type_label(paper.type), "status": STATUS_LABELS[paper.status] if "status" in paper.model_fields_set else "",
                    "summary": paper.summary if not summary_repeated(project, paper) else None,
                    "body": demote(paper.body or ""), "anchor": f"paper-{paper.id}"})
        for appendix in appendices_of(project, paper.id):
            add(appendix, item)

    for item in meeting.agenda.walk() if meeting.agenda else []:
        for pid in provenance.for_project(project).printed_under(meeting, item):
            add(project.papers[pid], item)
    return out


def pack_page(project, meeting, ctx) -> OutputItem | None:
    """The agenda pack of one meeting, or None when it has no agenda."""
    if not meeting.agenda or not meeting.agenda.items:
        return None
    page = urls.meeting_pack(meeting.id)
    papers = _papers_for(project, meeting, ctx)
    here = {urls.paper(e["p"].id): e["anchor"] for e in papers}
    for entry in papers:
        entry["body"] = relink(entry["body"], urls.paper(entry["p"].id), page, here)
    by_item: dict = {}
    for entry in papers:
        by_item.setdefault(entry["item"].number, []).append(entry)
    items = [{"i": item, "papers": by_item.get(item.number, []),
              "depth": _depth(meeting.agenda, item)} for item in meeting.agenda.walk()]
    md = render("meeting_pack.md.j2", page, m=meeting, board=project.board, items=items, papers=papers,
                when=dates.long_date(meeting.date), clock=dates.clock(meeting.time) if meeting.time else "")
    return OutputItem(page, md, edit=project.source_files.get(f"meeting:{meeting.id}"),
                         updated=getattr(meeting, "updated", None))


def _depth(agenda, target) -> int:
    def rec(items, depth):
        for item in items:
            if item is target:
                return depth
            found = rec(item.items, depth + 1)
            if found is not None:
                return found
        return None
    return rec(agenda.items, 0) or 0


def pack_pages(project, ctx) -> list[OutputItem]:
    return [p for m in project.meetings if (p := pack_page(project, m, ctx)) is not None]
