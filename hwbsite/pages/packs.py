"""A printable agenda pack per meeting: the agenda, then every public paper in agenda order,
each starting on a new page, with its contents expanded and no site navigation (issue 14).

The pack is one page, meetings/<id>/pack/, for a reader who wants to print or save the
meeting as one PDF. Papers are those a public page shows (ctx.public_papers); an exempt
agenda item is listed by its number and title only.
"""

from __future__ import annotations

import re

from .. import dates, urls
from ..render import GeneratedPage, render
from .papers import STATUS_LABELS, repeats_summary, type_label

_HEADING = re.compile(r"^(#{1,5})(?=\s)", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)


def demote(markdown: str) -> str:
    """Every heading one level down (## -> ###), outside fenced blocks: the paper's title is the h2."""
    out, pos = [], 0
    for fence in _FENCE.finditer(markdown):
        out.append(_HEADING.sub(r"\1#", markdown[pos:fence.start()]))
        out.append(fence.group(0))
        pos = fence.end()
    out.append(_HEADING.sub(r"\1#", markdown[pos:]))
    return "".join(out)


def _papers_for(project, meeting, ctx) -> list[dict]:
    """Public papers in agenda order, each followed by its public appendices; each paper once."""
    seen, out = set(), []

    def add(paper, item):
        if paper.id in seen or paper.id not in ctx.public_papers:
            return
        seen.add(paper.id)
        out.append({"p": paper, "item": item, "type": type_label(paper.type), "status": STATUS_LABELS[paper.status],
                    "summary": paper.summary if not repeats_summary(paper) else None,
                    "body": demote(paper.body or ""), "anchor": f"paper-{paper.id}"})
        for appendix in sorted((p for p in project.papers.values() if p.appendix_of == paper.id), key=lambda p: p.id):
            add(appendix, item)

    for item in meeting.agenda.walk() if meeting.agenda else []:
        if item.exempt is not None:
            continue
        for pid in item.papers:
            if pid in project.papers:
                add(project.papers[pid], item)
    return out


def pack_page(project, meeting, ctx) -> GeneratedPage | None:
    """The agenda pack of one meeting, or None when it has no agenda."""
    if not meeting.agenda or not meeting.agenda.items:
        return None
    page = urls.meeting_pack(meeting.id)
    papers = _papers_for(project, meeting, ctx)
    by_item: dict = {}
    for entry in papers:
        by_item.setdefault(entry["item"].number, []).append(entry)
    items = [{"i": item, "papers": by_item.get(item.number, []),
              "depth": _depth(meeting.agenda, item)} for item in meeting.agenda.walk()]
    md = render("meeting_pack.md.j2", page, m=meeting, board=project.board, items=items, papers=papers,
                when=dates.long_date(meeting.date), clock=dates.clock(meeting.time) if meeting.time else "")
    return GeneratedPage(page, md, source=project.source_files.get(f"meeting:{meeting.id}"),
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


def pack_pages(project, ctx) -> list[GeneratedPage]:
    return [p for m in project.meetings if (p := pack_page(project, m, ctx)) is not None]
