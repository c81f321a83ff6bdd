"""The open datasets of the board's business: meetings, agenda items, papers, decisions, actions,
attendance, declarations, people and their roles, each declared next to the function that makes
its rows (opendata.py publishes them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import lifecycle, provenance, records, urls
from . import addresses
from .dataset import Dataset, _fk, columns

if TYPE_CHECKING:  # pragma: no cover
    from ..boardrecords import BoardRecords


def _person_id(project: BoardRecords, name: str | None) -> str | None:
    person = project.person_named(name)
    return person.id if person else None


def _words(values: Iterable[str]) -> str:
    return " ".join(values)


def meetings(project: BoardRecords, site_url: str | None) -> Dataset:
    stages = {m.id: lifecycle.stage_of(project, m) for m in project.meetings}
    rows = [{"id": m.id, "date": m.date, "time": m.time, "venue": m.venue, "title": m.title or project.board.name,
             "status": stages[m.id].state, "status_text": stages[m.id].sentence, "moved_to": m.moved_to,
             "note": m.note,
             "agenda_published": m.agenda.published if m.agenda else None,
             "minutes_status": m.minutes.status if m.minutes else None,
             "minutes_approved_on": m.minutes.approved_on if m.minutes else None,
             "page": addresses.page(site_url, urls.meeting(m.id))} for m in project.meetings]
    return Dataset("meetings", "Meetings", "Every board meeting: when, where and what state it is in.", columns("meetings"), rows, ["id"])


def agenda_items(project: BoardRecords) -> Dataset:
    rows = []
    where = provenance.for_project(project)   # an item's papers are those its pack prints
    for m in project.meetings:
        if not m.agenda:
            continue
        position = [0]

        def walk(items, parent):
            for item in items:
                position[0] += 1
                rows.append({"meeting": m.id, "number": item.number, "position": position[0],
                    "parent": parent, "section": item.section,
                    "title": item.title, "presenter": item.presenter, "pages": item.pages,
                    "exempt": item.exempt is not None,
                    "exempt_paragraph": item.exempt.paragraph if item.exempt else None,
                    "papers": _words(where.printed_under(m, item)), "topics": _words(item.topics),
                    "minutes_of": item.minutes_of.isoformat() if item.minutes_of else None})
                walk(item.items, item.number)
        walk(m.agenda.items, None)
    return Dataset("agenda_items", "Agenda items", "Every item on every published agenda, in agenda order. "
                   "Business taken in private shows only its title and the paragraph of Schedule 12A to the "
                   "Local Government Act 1972 that applies.", columns("agenda_items"), rows, ["meeting", "number"], [_fk("meeting", "meetings", "id")])


def papers(project: BoardRecords, site_url: str | None) -> Dataset:
    where = provenance.for_project(project)   # the one record of where each paper was published
    rows = [{"id": p.id, "title": p.title, "type": p.type,
             "meeting": where[p.id].pack.id if where[p.id].pack else None,
             "item": where[p.id].item.number if where[p.id].item else None,
             "published_in": where[p.id].text, "appendix_of": p.appendix_of, "date": p.date, "organisation": p.organisation,
             "directorate": p.directorate, "status": p.status, "topics": _words(p.topics),
             "summary": p.summary, "authors": "; ".join(a.name for a in p.authors),
             "page": addresses.page(site_url, urls.paper(p.id))}
            for p in sorted(project.papers.values(), key=lambda p: p.id)]
    known = {p.id for p in project.papers.values()}
    for row in rows:   # an appendix of a paper that is not published names no paper here
        if row["appendix_of"] not in known:
            row["appendix_of"] = None
    return Dataset("papers", "Papers", "Every published paper: reports, briefings, appendices and plans.", columns("papers"), rows, ["id"], [_fk("meeting", "meetings", "id"), _fk("appendix_of", "papers", "id")])


def decisions(project: BoardRecords, site_url: str | None) -> Dataset:
    rows = [{"id": d.id, "meeting": d.meeting.id, "minute": d.minute.number, "minute_title": d.minute.title,
             "resolution": d.resolution.number, "text": d.resolution.text, "topics": _words(d.topics),
             "page": addresses.page(site_url, d.page, d.anchor)}
            for d in sorted(records.decisions(project), key=lambda d: (d.meeting.date, d.minute.number, d.anchor))]
    return Dataset("decisions", "Decisions", "Every resolution in the published minutes.", columns("decisions"), rows, ["id"], [_fk("meeting", "meetings", "id")])


def actions(project: BoardRecords) -> Dataset:
    rows = [{"id": f"{a.meeting.id}-{a.anchor}", "meeting": a.meeting.id, "minute": a.minute.number,
             "resolution": a.action.resolution, "owner": a.action.owner,
             "person": _person_id(project, a.action.owner), "text": a.action.text, "status": a.action.status,
             "due": a.action.due}
            for a in sorted(records.actions(project), key=lambda a: (a.meeting.date, a.minute.number, a.anchor))]
    return Dataset("actions", "Actions", "Every action recorded in the published minutes.", columns("actions"), rows, ["id"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def attendance(project: BoardRecords) -> Dataset:
    rows = []
    for m in project.meetings:
        if not m.minutes:
            continue
        att = m.minutes.attendance
        entries = [(category, entry) for category, _label in att.CATEGORIES for entry in getattr(att, category)]
        for position, (category, entry) in enumerate(entries, start=1):
            rows.append({"meeting": m.id, "position": position,
                         "category": category, "name": entry.name, "person": _person_id(project, entry.name),
                         "role": entry.role, "chair": entry.chair, "representing": entry.representing})
    return Dataset("attendance", "Attendance", "Who attended each meeting, in what capacity, and who sent apologies, "
                   "as the minutes record.", columns("attendance"), rows, ["meeting", "position"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def declarations(project: BoardRecords) -> Dataset:
    rows = []
    for m in project.meetings:
        decls = m.minutes.declarations if m.minutes else None
        for i, d in enumerate(decls.entries if decls else [], start=1):
            rows.append({"meeting": m.id, "position": i, "name": d.name, "person": _person_id(project, d.name),
                         "item": d.item, "interest": d.interest, "kind": d.kind})
    return Dataset("declarations", "Declarations of interest", "Interests declared at each meeting, as minuted.", columns("declarations"), rows, ["meeting", "position"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def people(project: BoardRecords, site_url: str | None) -> Dataset:
    rows = [{"id": p.id, "name": p.name, "aliases": "; ".join(p.aliases),
             "page": addresses.page(site_url, urls.person(p.id))} for p in sorted(project.people, key=lambda p: p.id)]
    return Dataset("people", "People", "People named in the papers, with the other spellings the papers use.", columns("people"), rows, ["id"])


def roles(project: BoardRecords) -> Dataset:
    rows = [{"person": p.id, "position": i, "title": r.title, "organisation": r.organisation,
             "start": r.start, "end": r.end}
            for p in sorted(project.people, key=lambda p: p.id) for i, r in enumerate(p.roles, start=1)]
    return Dataset("roles", "Roles", "The roles people hold, with dates when the papers give them. "
                   "A person with no roles has no row.", columns("roles"), rows, ["person", "position"], [_fk("person", "people", "id")])

