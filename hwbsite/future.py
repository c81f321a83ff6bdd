"""The build date rules the future: a record the site would show as done or current but dated after
the build date is an error, at the file, line and field that carry the date.

A record the site does not show yet is not an error, because nothing false reaches a page:

- an agenda still a draft (``status: draft``) publishes only its meeting's date and place;
- minutes under a draft agenda are not published (publication.minutes_published);
- a RAG update marked ``planned: true`` is published from its ``as_at`` date, not before, and one
  whose paper is embargoed (or otherwise private) on the build date is not published at all.

An officer-set ``published_on:`` (the day a record appeared on this site, which What's new and the
feeds use ahead of Git history) after the build date is an error wherever it is written: a record
cannot have appeared on the site after the day the site is built.

Minutes cannot be planned: a meeting that has not happened has none. An error, not a warning: a
future date shown as current is a wrong fact on the site, and `hwbsite check` and the build stop on
it alike (the build runs the same rules). A test or a reproducible build of an archive fixes its
build date (the plugin's ``build_date``, or ``--build-date``) after the data it builds.
"""

from __future__ import annotations

from . import dates, publication

CODE = "future-dated"


def check(project, log) -> None:
    _appearance_dates(project, log)
    today = project.today
    on = dates.long_date(today)
    for meeting in project.meetings:
        agenda, minutes = meeting.agenda, meeting.minutes
        if agenda is not None and agenda.status == "published" and agenda.published and agenda.published > today:
            log.error(agenda.pos_of("published"), "agenda.published",
                      f"the agenda is published on {dates.long_date(agenda.published)}, after the build date ({on})",
                      "keep status: draft until the agenda is sent out (the site then shows only the meeting's "
                      "date and place), or check the date", code=CODE)
        if minutes is None or not publication.minutes_published(meeting):
            continue
        if meeting.date > today:
            log.error(meeting.pos_of("minutes"), "minutes",
                      f"the meeting of {dates.long_date(meeting.date)} is after the build date ({on}) but has minutes",
                      "add the minutes after the meeting, or check the meeting's date", code=CODE)
        elif minutes.approved_on and minutes.approved_on > today:
            log.error(minutes.pos_of("approved_on"), "minutes.approved_on",
                      f"the minutes are approved on {dates.long_date(minutes.approved_on)}, after the build date ({on})",
                      "keep status: published (not approved) until the board approves them, or check the date",
                      code=CODE)
    ahead = [u for u in project.plan_updates if u.as_at > today and not u.planned]
    if not ahead:
        return
    # What the public view publishes on the build date: an update whose paper is embargoed or whose
    # meeting's agenda is a draft is not shown, so its date misleads no one yet.
    shown = {id(u) for u in publication.public_view(project, today).plan_updates}
    for update in ahead:
        if id(update) in shown:
            log.error(update.pos_of("as_at"), "as_at",
                      f"the RAG update is as at {dates.long_date(update.as_at)}, after the build date ({on}), so the "
                      "site would show it as current",
                      "add planned: true to publish it from that date, or check the date", code=CODE)


def _appearance_dates(project, log) -> None:
    """Every ``published_on:`` after the build date, at its file, line and field."""
    today = project.today
    on = dates.long_date(today)
    found = []
    for meeting in project.meetings:
        for field, block in (("agenda", meeting.agenda), ("minutes", meeting.minutes)):
            if block is not None:
                found.append((block, f"{field}.published_on", f"the {field}"))
    found += [(paper, "published_on", "the paper") for paper in sorted(project.papers.values(), key=lambda p: p.id)]
    found += [(update, "published_on", "the RAG update") for update in project.plan_updates]
    for record, field, what in found:
        day = record.published_on
        if day is not None and day > today:
            log.error(record.pos_of("published_on"), field,
                      f"{what} cannot have appeared on this site on {dates.long_date(day)}, after the build "
                      f"date ({on})",
                      "published_on: is the day it appeared on the site: write that day, or remove the line "
                      "to date it by its file's history", code=CODE)
