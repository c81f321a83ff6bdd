"""Person pages and the people index."""

from __future__ import annotations

from .. import citations, records, urls
from ..outputitem import OutputItem
from ..render import render

CATEGORY_WORDS = {
    "present": "Present",
    "report_presenters": "Presented a report",
    "officers": "Attended as an officer",
    "observers": "Observer",
    "apologies": "Apologies",
    "represented": "Represented",
}


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
    md = render("person.md.j2", page, person=person, attendance=attendance, words=CATEGORY_WORDS,
                presented=presented, owned=owned, declared=declared, cite=citations.for_project(project).cite)
    return OutputItem(page, md, edit="data/people.yml")


def people_index(project, ctx) -> OutputItem:
    page = urls.PEOPLE
    people = sorted(project.people, key=lambda p: _sort_name(p.name))
    md = render("people_index.md.j2", page, people=people, board=project.board)
    return OutputItem(page, md, in_nav=True)


_TITLES = {"councillor", "cllr", "dr", "dr.", "mr", "mrs", "ms", "miss", "professor", "prof"}


def _sort_name(name: str) -> tuple:
    words = [w for w in name.split() if w.lower() not in _TITLES]
    return (words[-1].lower() if words else name.lower(), name.lower())


def people_pages(project, ctx) -> list[OutputItem]:
    all_actions = records.actions(project)  # once, not once per person
    return [people_index(project, ctx)] + [person_page(project, p, ctx, all_actions) for p in project.people]
