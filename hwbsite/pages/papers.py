"""Paper pages (front matter + officer's Markdown body) and the papers index."""

from __future__ import annotations


import datetime as dt

from .. import citations, dates, patterns, provenance, urls
from ..finance import money_notes
from ..memo import PerView
from ..models.meetings import item_sort_key
from ..outputitem import OutputItem
from ..render import render

TYPE_LABELS = {"annual-report": "Annual report"}
STATUS_LABELS = {"final": "Final", "signed": "Signed", "draft": "Draft (as printed on the paper)"}


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind.replace("-", " ").capitalize())


_MARKUP = patterns.compile("pages.papers.markup", r"[*_`>#\\]")


def _words(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text or "").split()).lower()


def repeats_summary(paper) -> bool:
    """True when the paper's summary is a passage of its own body: print it once, where the paper has it."""
    summary = _words(paper.summary)
    return bool(summary) and summary in _words(paper.body)


def _index(project) -> tuple:
    """(appendices by parent id, repeats_summary by paper id) for one project or public view: the
    paper page and the pack page both ask for every paper, and scanning every paper for each one's
    appendices made a long archive quadratic."""
    by_parent: dict[str, list] = {}
    for p in project.papers.values():
        if p.appendix_of:
            by_parent.setdefault(p.appendix_of, []).append(p)
    for children in by_parent.values():
        children.sort(key=lambda p: p.id)
    return by_parent, {}


_memo = PerView(_index)


def appendices_of(project, paper_id: str) -> list:
    """The paper's appendices (that the project holds), by id."""
    return list(_memo(project)[0].get(paper_id, ()))


def summary_repeated(project, paper) -> bool:
    """repeats_summary(paper), worked out once per paper of the project."""
    known = _memo(project)[1]
    if paper.id not in known:
        known[paper.id] = repeats_summary(paper)
    return known[paper.id]


def paper_page(project, paper, ctx) -> OutputItem:
    page = urls.paper(paper.id)
    # where it was published: the one record citations, indexes, feeds and exports also follow
    record = provenance.for_project(project)[paper.id]
    meeting, item = record.pack, record.item
    parent = project.papers.get(paper.appendix_of) if paper.appendix_of else None
    appendices = appendices_of(project, paper.id)
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
        "summary": paper.summary if not summary_repeated(project, paper) else None,
        "published": record.text,
    }
    cites = citations.for_project(project)
    # the paper's notes, then every stated total of its money that its parts do not add up to: the same
    # note objects the money pages show (finance.money_notes)
    own = set(paper.notes)
    view["notes"] = [cites.replace(n, context=paper.source) for n in paper.notes] + [
        n for n in money_notes(project, paper.id) if n not in own]
    md = render("paper.md.j2", page, p=paper, v=view, cite=cites.cite, cite_text=cites.replace)
    return OutputItem(page, md, edit=project.source_files.get(f"paper:{paper.id}"),
                      updated=paper.updated or paper.date or (meeting.date if meeting else None))


def papers_index(project, ctx) -> OutputItem:
    page = urls.PAPERS
    by_meeting: dict = {}
    where = provenance.for_project(project)
    for paper in project.papers.values():
        pack = where[paper.id].pack
        by_meeting.setdefault(pack.date if pack else None, []).append(paper)
    groups = []
    # meetings newest first, then the documents published separately (as the page's first line says)
    for meeting_date in sorted(by_meeting, key=lambda d: (d is not None, d or dt.date.min), reverse=True):
        def item_of(p):
            item = where[p.id].item
            return item.number if item is not None else None
        items = sorted(by_meeting[meeting_date], key=lambda p: (item_sort_key(item_of(p)), p.appendix_of or "", p.id))
        groups.append({"meeting": project.meeting(meeting_date) if meeting_date else None,
                       "papers": [{"p": p, "item": item_of(p) or ""} for p in items]})
    md = render("papers_index.md.j2", page, groups=groups, board=project.board, type_label=type_label)
    return OutputItem(page, md, in_nav=True)


def paper_pages(project, ctx) -> list[OutputItem]:
    pages = [papers_index(project, ctx)]
    pages += [paper_page(project, p, ctx) for p in project.papers.values()]
    return pages
