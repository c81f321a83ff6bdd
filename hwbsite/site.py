"""All generated pages of a board's site, from the loaded project (no I/O)."""

from __future__ import annotations

from .pages import meetings, metrics, money, packs, papers, people, registers, statements
from .pages import strategy as strategy_pages
from .outputitem import OutputItem
from .search import search_page


def build_pages(project, ctx) -> list[OutputItem]:
    pages: list[OutputItem] = [meetings.meetings_index(project, ctx), meetings.calendar_page(project, ctx)]
    pages += [meetings.meeting_page(project, m, ctx) for m in project.meetings]
    pages += papers.paper_pages(project, ctx)
    pages += people.people_pages(project, ctx)
    pages += registers.topic_pages(project, ctx)
    pages += registers.decisions_pages(project, ctx) + registers.actions_pages(project, ctx)
    pages += metrics.metric_pages(project, ctx)
    pages += strategy_pages.strategy_pages(project, ctx)
    pages += money.money_pages(project, ctx)
    pages.append(statements.accessibility_page(project, ctx))
    pages += packs.pack_pages(project, ctx)
    pages.append(search_page())
    return sorted(pages, key=lambda p: p.path)
