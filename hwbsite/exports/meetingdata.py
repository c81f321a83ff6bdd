"""The open datasets of the board's business: meetings, agenda items, papers, decisions, actions,
attendance, declarations, people and their roles, each declared next to the function that makes
its rows (opendata.py publishes them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import lifecycle, provenance, records, urls
from . import addresses
from .dataset import Dataset, _f, _fk

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
    return Dataset("meetings", "Meetings", "Every board meeting: when, where and what state it is in.", [
        _f("id", "string", "Meeting id: its date as first arranged (YYYY-MM-DD)"),
        _f("date", "date", "Date of the meeting"),
        _f("time", "string", "Start time, 24-hour HH:MM, Europe/London; empty when the papers give none"),
        _f("venue", "string", "Where the meeting is held, as published"),
        _f("title", "string", "Name of the meeting"),
        _f("status", "string", "The meeting's state on the day the site was built, from its date and the "
           "papers: announced (no agenda yet), agenda-published, passed-unrecorded (the date has passed "
           "and no paper records the meeting as held), held, cancelled or moved"),
        _f("status_text", "string", "The same state in words, with the evidence, as the meeting's page says it"),
        _f("moved_to", "date", "For a moved meeting, its new date"),
        _f("note", "string", "Why a meeting was cancelled or moved, as published"),
        _f("agenda_published", "date", "Date the agenda was published"),
        _f("minutes_status", "string", "draft, published or approved; empty when there are no minutes"),
        _f("minutes_approved_on", "date", "Date the board approved the minutes as a correct record"),
        _f("page", "string", "Address of the meeting's page"),
    ], rows, ["id"])


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
                   "Local Government Act 1972 that applies.", [
        _f("meeting", "string", "Meeting id (meetings.id)"),
        _f("number", "string", "Item number as printed, e.g. 5 or 15A"),
        _f("position", "integer", "Order on the agenda, from 1"),
        _f("parent", "string", "Number of the item this is a sub-item of"),
        _f("section", "string", "Agenda section heading"),
        _f("title", "string", "Title of the item"),
        _f("presenter", "string", "Who presents it, as printed"),
        _f("pages", "string", "Pages of the agenda pack"),
        _f("exempt", "boolean", "True when the item is taken in private"),
        _f("exempt_paragraph", "integer", "Paragraph (1-7) of Schedule 12A that makes it exempt"),
        _f("papers", "string", "Ids of the papers for this item (papers.id), space-separated"),
        _f("topics", "string", "Topic slugs, space-separated"),
        _f("minutes_of", "string", "For a minutes item, the meeting whose minutes it approves (meetings.id)"),
    ], rows, ["meeting", "number"], [_fk("meeting", "meetings", "id")])


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
    return Dataset("papers", "Papers", "Every published paper: reports, briefings, appendices and plans.", [
        _f("id", "string", "Paper id, permanent"),
        _f("title", "string", "Title as printed"),
        _f("type", "string", "report, briefing, appendix, presentation, plan, ..."),
        _f("meeting", "string", "Meeting whose agenda pack printed the paper (meetings.id); empty for a "
           "document published separately, not in an agenda pack"),
        _f("item", "string", "Agenda item that lists it at that meeting"),
        _f("published_in", "string", "Where the paper was published, in words, as its page says"),
        _f("appendix_of", "string", "The paper this is an appendix of (papers.id)"),
        _f("date", "date", "Date printed on the paper"),
        _f("organisation", "string", "Organisation that wrote it"),
        _f("directorate", "string", "Directorate or team"),
        _f("status", "string", "draft, final or signed, as printed on the paper"),
        _f("topics", "string", "Topic slugs, space-separated"),
        _f("summary", "string", "Summary (Markdown)"),
        _f("authors", "string", "Authors' names, separated by '; '"),
        _f("page", "string", "Address of the paper's page"),
    ], rows, ["id"], [_fk("meeting", "meetings", "id"), _fk("appendix_of", "papers", "id")])


def decisions(project: BoardRecords, site_url: str | None) -> Dataset:
    rows = [{"id": d.id, "meeting": d.meeting.id, "minute": d.minute.number, "minute_title": d.minute.title,
             "resolution": d.resolution.number, "text": d.resolution.text, "topics": _words(d.topics),
             "page": addresses.page(site_url, d.page, d.anchor)}
            for d in sorted(records.decisions(project), key=lambda d: (d.meeting.date, d.minute.number, d.anchor))]
    return Dataset("decisions", "Decisions", "Every resolution in the published minutes.", [
        _f("id", "string", "Decision id: meeting id and the resolution's anchor on the meeting page"),
        _f("meeting", "string", "Meeting that decided (meetings.id)"),
        _f("minute", "integer", "Minute number"),
        _f("minute_title", "string", "Title of the minute"),
        _f("resolution", "integer", "Resolution number within the minute, when numbered"),
        _f("text", "string", "The resolution as minuted (Markdown)"),
        _f("topics", "string", "Topic slugs, space-separated"),
        _f("page", "string", "Address of the decision on the meeting page"),
    ], rows, ["id"], [_fk("meeting", "meetings", "id")])


def actions(project: BoardRecords) -> Dataset:
    rows = [{"id": f"{a.meeting.id}-{a.anchor}", "meeting": a.meeting.id, "minute": a.minute.number,
             "resolution": a.action.resolution, "owner": a.action.owner,
             "person": _person_id(project, a.action.owner), "text": a.action.text, "status": a.action.status,
             "due": a.action.due}
            for a in sorted(records.actions(project), key=lambda a: (a.meeting.date, a.minute.number, a.anchor))]
    return Dataset("actions", "Actions", "Every action recorded in the published minutes.", [
        _f("id", "string", "Action id: meeting id and the action's anchor on the meeting page"),
        _f("meeting", "string", "Meeting that recorded it (meetings.id)"),
        _f("minute", "integer", "Minute number"),
        _f("resolution", "integer", "Resolution it follows, when the minutes say"),
        _f("owner", "string", "Who owns it, as minuted"),
        _f("person", "string", "The owner's person id (people.id), when known"),
        _f("text", "string", "The action (Markdown)"),
        _f("status", "string", "open, done or unknown"),
        _f("due", "date", "Due date"),
    ], rows, ["id"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


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
                   "as the minutes record.", [
        _f("meeting", "string", "Meeting id (meetings.id)"),
        _f("position", "integer", "Order in the minutes' attendance list, from 1"),
        _f("category", "string", "present, report_presenters, officers, observers or apologies"),
        _f("name", "string", "Name as minuted"),
        _f("person", "string", "Person id (people.id), when known"),
        _f("role", "string", "Role as minuted"),
        _f("chair", "boolean", "True for whoever was in the Chair"),
        _f("representing", "string", "The member this person attended for, as minuted"),
    ], rows, ["meeting", "position"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def declarations(project: BoardRecords) -> Dataset:
    rows = []
    for m in project.meetings:
        decls = m.minutes.declarations if m.minutes else None
        for i, d in enumerate(decls.entries if decls else [], start=1):
            rows.append({"meeting": m.id, "position": i, "name": d.name, "person": _person_id(project, d.name),
                         "item": d.item, "interest": d.interest, "kind": d.kind})
    return Dataset("declarations", "Declarations of interest", "Interests declared at each meeting, as minuted.", [
        _f("meeting", "string", "Meeting id (meetings.id)"),
        _f("position", "integer", "Order in the minutes, from 1"),
        _f("name", "string", "Name as minuted"),
        _f("person", "string", "Person id (people.id), when known"),
        _f("item", "string", "Agenda item number the interest relates to"),
        _f("interest", "string", "The interest declared"),
        _f("kind", "string", "Kind of interest, when minuted"),
    ], rows, ["meeting", "position"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def people(project: BoardRecords, site_url: str | None) -> Dataset:
    rows = [{"id": p.id, "name": p.name, "aliases": "; ".join(p.aliases),
             "page": addresses.page(site_url, urls.person(p.id))} for p in sorted(project.people, key=lambda p: p.id)]
    return Dataset("people", "People", "People named in the papers, with the other spellings the papers use.", [
        _f("id", "string", "Person id, permanent"),
        _f("name", "string", "Name"),
        _f("aliases", "string", "Other spellings in the papers, separated by '; '"),
        _f("page", "string", "Address of the person's page"),
    ], rows, ["id"])


def roles(project: BoardRecords) -> Dataset:
    rows = [{"person": p.id, "position": i, "title": r.title, "organisation": r.organisation,
             "start": r.start, "end": r.end}
            for p in sorted(project.people, key=lambda p: p.id) for i, r in enumerate(p.roles, start=1)]
    return Dataset("roles", "Roles", "The roles people hold, with dates when the papers give them. "
                   "A person with no roles has no row.", [
        _f("person", "string", "Person id (people.id)"),
        _f("position", "integer", "Order in the person's record, from 1"),
        _f("title", "string", "Role title"),
        _f("organisation", "string", "Organisation"),
        _f("start", "date", "Held from"),
        _f("end", "date", "Held until"),
    ], rows, ["person", "position"], [_fk("person", "people", "id")])

