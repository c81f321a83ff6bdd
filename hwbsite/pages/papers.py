"""Paper pages (front matter + officer's Markdown body) and the papers index."""

from __future__ import annotations

import re

from .. import citations, dates, urls
from ..models.meetings import item_sort_key
from ..render import GeneratedPage, render

TYPE_LABELS = {"annual-report": "Annual report"}
STATUS_LABELS = {"final": "Final", "signed": "Signed", "draft": "Draft (as printed on the paper)"}


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind.replace("-", " ").capitalize())


def _words(text: str) -> str:
    return " ".join(re.sub(r"[*_`>#\\]", " ", text or "").split()).lower()


def repeats_summary(paper) -> bool:
    """True when the paper's summary is a passage of its own body: print it once, where the paper has it."""
    summary = _words(paper.summary)
    return bool(summary) and summary in _words(paper.body)


def paper_page(project, paper, ctx) -> GeneratedPage:
    page = urls.paper(paper.id)
    meeting = project.meeting(paper.meeting) if paper.meeting else None
    item = None
    if meeting:
        item = meeting.agenda_item(paper.item)
    parent = project.papers.get(paper.appendix_of) if paper.appendix_of else None
    appendices = sorted((p for p in project.papers.values()
                         if p.appendix_of == paper.id), key=lambda p: p.id)
    view = {
        "type": type_label(paper.type),
        # a status the paper does not print is a default, not a fact: show only what was written
        "status": STATUS_LABELS[paper.status] if "status" in paper.model_fields_set else "",
        "meeting": meeting,
        "meeting_title": f"{project.board.name}, {dates.long_date(meeting.date)}" if meeting else "",
        "item": item,
        "parent": parent,
        "appendices": appendices,
        "topics": [ctx.topic(t) for t in paper.topics],
        "aims": [a for n in paper.aims if (a := ctx.aim_link(n))],
        "versions": paper.versions,
        "long": paper.body.count("\n## ") >= 3 or len(paper.body) > 6000,
        "summary": paper.summary if not repeats_summary(paper) else None,
    }
    cites = citations.for_project(project)
    view["notes"] = [cites.replace(n, context=paper.source) for n in paper.notes]
    md = render("paper.md.j2", page, p=paper, v=view, cite=cites.cite, cite_text=cites.replace)
    return GeneratedPage(page, md, source=project.source_files.get(f"paper:{paper.id}"),
                         updated=paper.updated or paper.date or paper.meeting)


def papers_index(project, ctx) -> GeneratedPage:
    page = urls.PAPERS
    by_meeting: dict = {}
    for paper in project.papers.values():
        by_meeting.setdefault(paper.meeting, []).append(paper)
    groups = []
    for meeting_date in sorted(by_meeting, key=lambda d: (d is None, d), reverse=True):
        items = sorted(by_meeting[meeting_date], key=lambda p: (item_sort_key(p.item), p.appendix_of or "", p.id))
        groups.append({"meeting": project.meeting(meeting_date) if meeting_date else None, "papers": items})
    md = render("papers_index.md.j2", page, groups=groups, board=project.board, type_label=type_label)
    return GeneratedPage(page, md, in_nav=True)


def paper_pages(project, ctx) -> list[GeneratedPage]:
    pages = [papers_index(project, ctx)]
    pages += [paper_page(project, p, ctx) for p in project.papers.values()]
    return pages
