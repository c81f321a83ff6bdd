"""Person pages and the people index."""

from __future__ import annotations

from .. import citations, dates, records, urls
from ..messages import plural, text
from ..models.people import MEMBERSHIPS
from ..outputitem import OutputItem
from ..render import render


def person_page(project, person, ctx, all_actions=None) -> OutputItem:
    page = urls.person(person.id)
    attendance = records.attendance_of(project, person)
    presented = []
    for meeting in project.meetings:
        if meeting.agenda:
            for item in meeting.agenda.walk():
                if any(project.person_named(n) is person for n in item.people):
                    presented.append((meeting, item))
    all_actions = records.actions(project) if all_actions is None else all_actions
    owned = [a for a in all_actions if project.person_named(a.action.owner) is person]
    declared = []
    for meeting in project.meetings:
        if meeting.minutes and meeting.minutes.declarations:
            for d in meeting.minutes.declarations.entries:
                if project.person_named(d.name) is person:
                    declared.append((meeting, d))
    # a role's evidence is cited by document and pack (citations), so one pack is dated one way on
    # every person's page, not by the dates of the several documents it holds
    md = render("person.md.j2", page, person=person, attendance=attendance,
                presented=presented, owned=owned, declared=declared, cite=citations.for_project(project).cite)
    return OutputItem(page, md, edit="data/people.yml")


def term_words(role) -> str:
    if role.start and role.end:
        return text("people.term_from_to", start=dates.short_date(role.start), end=dates.short_date(role.end))
    if role.start:
        return text("people.term_from", start=dates.short_date(role.start))
    if role.end:
        return text("people.term_until", end=dates.short_date(role.end))
    return text("people.not_stated")


def attendance_words(seat: records.SeatRecord, membership: str) -> str:
    """The rate, computed from the minutes, in words; or what the records cannot tell."""
    if not seat.counted:
        return text("people.no_counted_minutes")
    rate = plural("people.present_at" if membership == "substitute" else "people.attended", len(seat.counted),
                  present=seat.present, since=dates.short_date(seat.since))
    extra = []
    if seat.represented:
        extra.append(text("people.substitute_attended", n=seat.represented))
    if seat.apologies:
        extra.append(text("people.apologies_for", n=seat.apologies))
    return rate + (f" ({'; '.join(extra)})" if extra else "")


def members_page(project, ctx) -> OutputItem:
    """Who sits on the board: each seat the papers record (people.yml roles with ``membership``),
    chairs first, with the term and an attendance rate counted from the published minutes."""
    page = urls.MEMBERS
    rows = []
    for person in project.people:
        for role in person.board_roles:
            seat = records.seat_record(project, person, role.start, role.end)
            rows.append({"person": person, "role": role, "membership": plural(f"people.membership.{role.membership}", 1),
                         "former": bool(role.end and role.end < ctx.today),
                         "term": term_words(role), "attendance": attendance_words(seat, role.membership),
                         "order": (MEMBERSHIPS.index(role.membership), _sort_name(person.name), person.id)})
    rows.sort(key=lambda r: r["order"])
    counted = [m for m in sorted(project.meetings, key=lambda m: m.date)
               if m.minutes and m.minutes.attendance.present]
    groups = []
    for former in (False, True):
        for membership in MEMBERSHIPS:
            group = [r for r in rows if r["former"] is former and r["role"].membership == membership]
            if group:
                heading = plural(f"people.former.{membership}" if former else f"people.membership.{membership}",
                                 len(group))
                groups.append({"heading": heading,
                               "anchor": ("former-" if former else "") + membership, "rows": group})
    md = render("members.md.j2", page, board=project.board, groups=groups, counted=counted)
    return OutputItem(page, md)


def people_index(project, ctx) -> OutputItem:
    page = urls.PEOPLE
    people = sorted(project.people, key=lambda p: _sort_name(p.name))
    has_members = any(p.board_roles for p in project.people)
    md = render("people_index.md.j2", page, people=people, board=project.board, has_members=has_members)
    return OutputItem(page, md, in_nav=True)


_TITLES = {"councillor", "cllr", "dr", "dr.", "mr", "mrs", "ms", "miss", "professor", "prof"}


def _sort_name(name: str) -> tuple:
    words = [w for w in name.split() if w.lower() not in _TITLES]
    return (words[-1].lower() if words else name.lower(), name.lower())


def people_pages(project, ctx) -> list[OutputItem]:
    all_actions = records.actions(project)  # once, not once per person
    return [people_index(project, ctx), members_page(project, ctx)] + [person_page(project, p, ctx, all_actions) for p in project.people]
