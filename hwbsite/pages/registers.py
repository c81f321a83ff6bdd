"""The decisions register, the action log and topic pages."""

from __future__ import annotations

from .. import records, urls
from ..outputitem import OutputItem
from ..render import render


def decisions_page(project, ctx) -> OutputItem:
    page = urls.DECISIONS
    md = render("decisions.md.j2", page, decisions=records.decisions(project), ctx=ctx)
    return OutputItem(page, md, in_nav=True)


def actions_page(project, ctx) -> OutputItem:
    page = urls.ACTIONS
    rows = [(a, project.person_named(a.action.owner)) for a in records.actions(project)]
    md = render("actions.md.j2", page, rows=rows)
    return OutputItem(page, md, in_nav=True)


def topic_pages(project, ctx) -> list[OutputItem]:
    slugs = sorted(project.topic_slugs)
    described = {t.slug: t for t in project.topics}
    pages = [OutputItem(urls.TOPICS, render("topics_index.md.j2", urls.TOPICS,
                                               topics=[ctx.topic(s) for s in slugs]), in_nav=True)]
    all_decisions = records.decisions(project)  # once, not once per topic
    for slug in slugs:
        page = urls.topic(slug)
        entries = records.topic_history(project, slug)
        decisions = [d for d in all_decisions if slug in d.topics]
        md = render("topic.md.j2", page, topic=ctx.topic(slug), about=described.get(slug),
                    entries=entries, decisions=decisions)
        pages.append(OutputItem(page, md, edit="data/topics.yml"))
    return pages
