"""The decisions register, the action log (each with linkable filter pages) and topic pages.

The filters are static pages, as the strategy's action lists are (pages/strategy.py): each filter
has its own URL and works without JavaScript. A year or topic page exists while some decision or
action has it, and only those are linked; the overdue actions page always exists, empty or not,
because the home page links to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import dates, records, urls
from ..messages import text
from ..outputitem import OutputItem
from ..render import render


@dataclass
class RegisterView:
    key: str          # "index", "overdue", "year-2017", "topic-better-care-fund"
    group: str        # "all", "overdue", "year", "topic" (the filter bar's rows)
    label: str        # "All", "Overdue", "2017", "Better Care Fund"
    title: str        # the page's heading
    rows: list
    page: str = ""    # templates link to it with link(v.page)
    empty: str = ""   # what the page says when nothing is in it
    topic: str = ""   # a topic view's topic (its slug)


def _year_and_topic_views(rows, register: str, ctx) -> list[RegisterView]:
    """One view per year (newest first) and per topic (by title) that some row has; ``register``
    ("decisions" or "actions") picks the views' titles in the catalogue."""
    views = []
    for year in sorted({r.meeting.date.year for r in rows}, reverse=True):
        views.append(RegisterView(f"year-{year}", "year", str(year), text(f"registers.year_title.{register}", year=year),
                                  [r for r in rows if r.meeting.date.year == year]))
    slugs = sorted({t for r in rows for t in r.topics}, key=lambda s: (ctx.topic(s).title.lower(), s))
    for slug in slugs:
        title = ctx.topic(slug).title
        views.append(RegisterView(f"topic-{slug}", "topic", title, text(f"registers.topic_title.{register}", topic=title),
                                  [r for r in rows if slug in r.topics], topic=slug))
    return views


def decision_views(project, ctx) -> list[RegisterView]:
    rows = records.decisions(project)
    views = [RegisterView("index", "all", text("registers.all"), text("decisions.title"), rows,
                          empty=text("decisions.none"))]
    views += _year_and_topic_views(rows, "decisions", ctx)
    for v in views:
        v.page = urls.decisions(v.key)
    return views


@dataclass(frozen=True)
class ActionRow:
    record: records.ActionRecord
    owner: object        # the person the owner's name matches, or None
    overdue: bool        # worked out on the build date: see records.ActionRecord.is_overdue

    @property
    def meeting(self):   # the year and topic filters read these, as they do a decision's
        return self.record.meeting

    @property
    def topics(self) -> tuple:
        return self.record.topics


def action_views(project, ctx) -> list[RegisterView]:
    today = ctx.today
    rows = [ActionRow(a, project.person_named(a.action.owner), a.is_overdue(today)) for a in records.actions(project)]
    views = [RegisterView("index", "all", "All", "Action log", rows, empty="No actions have been recorded yet."),
             RegisterView("overdue", "overdue", "Overdue", "Overdue actions", [r for r in rows if r.overdue],
                          empty=f"No action is overdue on {dates.long_date(today)}: none is past a due date "
                                "the minutes give without being recorded as done.")]
    views += _year_and_topic_views(rows, "actions", ctx)
    for v in views:
        v.page = urls.actions(v.key)
    return views


def undated(views) -> int:
    """How many actions not recorded as done have no due date: none of them can be overdue."""
    return sum(1 for r in views[0].rows if r.record.action.due is None and r.record.action.status != "done")


def _groups(views) -> list[tuple[str, list[RegisterView]]]:
    return [(g, [v for v in views if v.group == g]) for g in ("all", "overdue", "year", "topic")]


def decisions_pages(project, ctx) -> list[OutputItem]:
    views = decision_views(project, ctx)
    pages = []
    for view in views:
        md = render("decisions.md.j2", view.page, view=view, groups=_groups(views), ctx=ctx)
        pages.append(OutputItem(view.page, md, in_nav=view.key == "index"))
    return pages


def actions_pages(project, ctx) -> list[OutputItem]:
    views = action_views(project, ctx)
    plans = [(p, urls.plan_actions(p.id, "overdue")) for p in project.plans]
    pages = []
    for view in views:
        md = render("actions.md.j2", view.page, view=view, groups=_groups(views), ctx=ctx, plans=plans,
                    undated=undated(views))
        pages.append(OutputItem(view.page, md, in_nav=view.key == "index"))
    return pages


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
