"""Atom feeds of what the board publishes, and the "What's new" page.

An entry is something a reader would want to hear about: an agenda, a paper, a set of minutes,
a decision, a RAG update, new figures.  Each is dated when it was published on this site
(published.py: from Git history, else the date it is about), never after the build date and never
by the clock, so the same commit and build date give the same bytes.  An item with no date at
all has no place in a dated feed and is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from .. import dates, lifecycle, markup, provenance, published, records, urls
from ..pages.meetings import meeting_title
from ..outputitem import OutputItem
from . import addresses, clean

# At the site root: Material's language switcher fetches sitemap.xml beside every
# <link rel="alternate"> in the head, and only the root has one (a 404 on every page otherwise).
ALL = "feed.xml"
WHATS_NEW = "whats-new.md"
WINDOW = dt.timedelta(days=90)
EPOCH = dt.date(1970, 1, 1)


def topic_feed(slug: str) -> str:
    return f"feeds/topics/{slug}.xml"


@dataclass(frozen=True)
class Entry:
    kind: str            # "Agenda", "Paper", "Minutes", "Decision", "Progress", "Figures"
    key: str             # permanent: kind and data id
    date: dt.date
    title: str
    page: str            # generated page path (Markdown)
    anchor: str = ""
    summary: str = ""
    topics: tuple = ()


def entries(project) -> list[Entry]:
    """Everything published, newest first; ties in a stable order (kind, then key). Each is dated
    when it was published on this site (published.py: Git history, or else the date it is about),
    never after the build date."""
    out: list[Entry] = []
    board = project.board
    today = project.today
    hist = published.history(project.root, today)

    def on_site(from_git, about: dt.date, officer: dt.date | None = None) -> dt.date:
        # the officer's published_on: first, then Git history, then the date the record is about
        return min(officer or from_git or about, today)

    for meeting in project.meetings:
        page = urls.meeting(meeting.id)
        title = meeting_title(board, meeting)
        source = f"data/meetings/{meeting.id}.yml"
        if meeting.agenda and meeting.agenda.status == "published" and meeting.agenda.items:
            topics = {t for item in meeting.agenda.walk() for t in item.topics}
            # the agenda's own published_on: or published: date is the officer's word; else when its
            # file was added
            out.append(Entry("Agenda", f"agenda/{meeting.id}",
                             on_site(hist and hist.file_added(source), meeting.date,
                                     meeting.agenda.published_on or meeting.agenda.published),
                             f"Agenda: {title}", page, "agenda",
                             # the meeting's state as every page and export gives it (lifecycle)
                             _count(len(list(meeting.agenda.walk())), "agenda item")
                             + f" Meeting status: {lifecycle.stage_of(project, meeting).sentence}",
                             tuple(sorted(topics))))
        minutes = meeting.minutes
        if minutes and minutes.items:
            when = on_site(hist and hist.minutes_added(source), minutes.approved_on
                           if minutes.status == "approved" and minutes.approved_on else meeting.date,
                           minutes.published_on)
            topics = {t for m in minutes.items for t in m.topics}
            status = {"draft": "draft, not yet agreed", "published": "to be approved at the next meeting",
                      "approved": "approved as a correct record"}[minutes.status]
            out.append(Entry("Minutes", f"minutes/{meeting.id}", when, f"Minutes: {title}", page, "minutes",
                             f"Minutes ({status}).", tuple(sorted(topics))))
    for decision in records.decisions(project):
        source = f"data/meetings/{decision.meeting.id}.yml"
        out.append(Entry("Decision", f"decision/{decision.id}",
                         on_site(hist and hist.minutes_added(source), decision.meeting.date,
                                 decision.meeting.minutes.published_on if decision.meeting.minutes else None),
                         f"Decision, {dates.short_date(decision.meeting.date)}: {decision.minute.title}",
                         decision.page, decision.anchor, decision.resolution.text, tuple(sorted(decision.topics))))
    for paper in project.papers.values():
        meeting = provenance.for_project(project)[paper.id].pack
        when = paper.date or (meeting.date if meeting else None) or paper.updated
        if when is None:
            continue
        out.append(Entry("Paper", f"paper/{paper.id}",
                         on_site(hist and hist.file_added(f"content/papers/{paper.id}.md"), when, paper.published_on),
                         f"Paper: {paper.title}", urls.paper(paper.id),
                         summary=paper.summary or "", topics=tuple(sorted(paper.topics))))
    out += _updates_and_figures(project, hist, on_site)
    return sorted(out, key=lambda e: (-e.date.toordinal(), e.kind, e.key))


def _updates_and_figures(project, hist, on_site) -> list[Entry]:
    """A RAG update (news when its file is added) and a metric's figures (news when its values
    file last changed: a new quarter of values). Without Git history a metric's figures are dated
    by the latest as-of date its values give, and a metric whose values give none is left out."""
    out: list[Entry] = []
    plans = {p.id: p for p in project.plans}
    for update in project.plan_updates:
        plan = plans.get(update.plan)
        if plan is None:
            continue
        source = update.pos_of("as_at").file
        out.append(Entry("Progress", f"progress/{update.plan}/{update.as_at.isoformat()}",
                         on_site(hist and hist.file_added(source), update.as_at, update.published_on),
                         f"Progress: {plan.title}, as at {dates.short_date(update.as_at)}",
                         urls.plan_actions(update.plan)))
    by_metric: dict[str, list] = {}
    for value in project.values:
        by_metric.setdefault(value.metric, []).append(value)
    for metric in sorted(project.metrics.values(), key=lambda m: m.id):
        values = by_metric.get(metric.id, [])
        changed = [d for v in values if hist and (d := hist.file_changed(v.file))]
        about = max((v.as_of for v in values if v.as_of), default=None)
        when = max(changed) if changed else about
        if when is None:
            continue
        out.append(Entry("Figures", f"figures/{metric.id}", on_site(None, when), f"Figures: {metric.title}",
                         urls.metric(metric.id)))
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}."


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone.utc)


def _feed(project, title: str, path: str, items: list[Entry], site_url: str, updated: dt.date,
          alternate: str) -> bytes:
    fg = FeedGenerator()
    fg.id(addresses.file(site_url, path))
    fg.title(clean(title))
    fg.subtitle(clean(project.board.description or project.board.name))
    fg.author({"name": clean(project.board.council)})
    fg.link(href=addresses.file(site_url, path), rel="self", type="application/atom+xml")
    fg.link(href=alternate, rel="alternate", type="text/html")
    fg.language(project.board.language)
    fg.updated(_stamp(updated))
    for item in items:
        fe = fg.add_entry(order="append")
        fe.id(f"{addresses.base(site_url)}#{item.key}")
        fe.title(clean(item.title))
        fe.link(href=addresses.page(site_url, item.page, item.anchor), rel="alternate", type="text/html")
        fe.updated(_stamp(item.date))
        fe.published(_stamp(item.date))
        if item.summary:
            fe.summary(clean(item.summary))
        for slug in item.topics:
            fe.category(term=slug)
    # feedgen writes generator and rights only when asked; no clock value is written.
    fg.generator("hwbsite")
    return fg.atom_str(pretty=True)


def feed_files(project, ctx, site_url: str | None) -> list[OutputItem]:
    found = entries(project)
    newest = found[0].date if found else EPOCH
    files = [OutputItem(ALL, _feed(project, f"{project.board.name}: new agendas, papers, minutes and decisions",
                                   ALL, found, site_url, newest, addresses.page(site_url, WHATS_NEW)))]
    for topic in sorted(project.topics, key=lambda t: t.slug):
        mine = [e for e in found if topic.slug in e.topics]
        files.append(OutputItem(topic_feed(topic.slug), _feed(
            project, f"{project.board.name}: {topic.title}", topic_feed(topic.slug), mine, site_url,
            mine[0].date if mine else newest, addresses.page(site_url, urls.topic(topic.slug)))))
    return files


def whats_new_page(project, ctx) -> OutputItem:
    recent = [e for e in entries(project) if ctx.today - WINDOW <= e.date <= ctx.today]
    lines = ["# What's new", "",
             f"Agendas, papers, minutes and decisions published in the 90 days to "
             f"{dates.short_date(ctx.today)}, newest first.", "",
             f"[Subscribe to the Atom feed]({urls.relative(WHATS_NEW, ALL)}) or "
             f"[add the meetings calendar]({urls.relative(WHATS_NEW, 'calendar.ics')}) to your own calendar app.", ""]
    if not recent:
        lines.append("Nothing new was published in this period. [All meetings]"
                     f"({urls.relative(WHATS_NEW, urls.MEETINGS)}).")
    current = None
    for entry in recent:
        if entry.date != current:
            current = entry.date
            lines += ["", f"## {dates.short_date(entry.date)}", ""]
        target = urls.relative(WHATS_NEW, entry.page) + (f"#{entry.anchor}" if entry.anchor else "")
        lines.append(f"- {entry.kind}: [{markup.text(clean(_short(entry)))}]({target})")
    return OutputItem(WHATS_NEW, "\n".join(lines) + "\n", updated=recent[0].date if recent else None)


def _short(entry: Entry) -> str:
    return entry.title.split(": ", 1)[1] if ": " in entry.title else entry.title
