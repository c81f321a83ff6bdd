"""Registers derived from the meetings: decisions, actions, attendance, topic histories.

Pure functions over the loaded project; page builders format what these return.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .publication import minutes_in_full


@dataclass(frozen=True)
class Decision:
    meeting: object
    minute: object
    resolution: object
    anchor: str              # anchor on the meeting page
    topics: tuple

    @property
    def id(self) -> str:     # permanent id: meeting date + anchor
        return f"{self.meeting.id}-{self.anchor}"

    @property
    def page(self) -> str:
        return urls.meeting(self.meeting.id)


@dataclass(frozen=True)
class ActionRecord:
    meeting: object
    minute: object
    action: object
    anchor: str
    resolution: object = None   # the resolution the action follows ("Action:-" under it), when given
    topics: tuple = ()          # the minute's topics and its resolution's

    @property
    def text(self) -> str:
        """What is to be done, as the minutes word it: the action's own text, else the resolution it
        follows (the minutes print "Action:- Name" under a resolution, which says what); "" if neither."""
        if self.action.text:
            return self.action.text
        return self.resolution.text if self.resolution is not None else ""

    @property
    def year(self) -> int:
        return self.meeting.date.year

    def is_overdue(self, today) -> bool:
        """Past the due date the minutes give and not recorded as done; never without a due date.

        Worked out by this site on the build date, not recorded by the board: an action whose
        status nobody recorded ("unknown") counts as not done, and its status is shown beside."""
        return self.action.due is not None and self.action.due < today and self.action.status != "done"



def decisions(project) -> list[Decision]:
    """Every published resolution, newest meeting first, in minute order within a meeting."""
    out = []
    for meeting in sorted(project.meetings, key=lambda m: m.date, reverse=True):
        for minute in minutes_in_full(meeting):
            for i, res in enumerate(minute.all_resolutions()):
                topics = tuple(dict.fromkeys([*res.topics, *minute.topics]))
                out.append(Decision(meeting, minute, res, urls.resolution_anchor(minute.number, i, res.number),
                                        topics))
    return out


def actions(project) -> list[ActionRecord]:
    """Every published action, newest meeting first, in minute order within a meeting."""
    out = []
    for meeting in sorted(project.meetings, key=lambda m: m.date, reverse=True):
        for minute in minutes_in_full(meeting):
            # the check (references.py) holds each action's resolution number to one of this minute's
            numbered = {r.number: r for r in minute.all_resolutions() if r.number is not None}
            for k, action in enumerate(minute.all_actions(), start=1):
                res = numbered.get(action.resolution) if action.resolution is not None else None
                topics = tuple(dict.fromkeys([*(res.topics if res is not None else ()), *minute.topics]))
                out.append(ActionRecord(meeting, minute, action, urls.action_anchor(minute.number, k), res, topics))
    return out


@dataclass(frozen=True)
class Attendance:
    meeting: object
    category: str     # present / report_presenters / officers / observers / apologies / represented
    role: str | None
    note: str = ""


def attendance_of(project, person) -> list[Attendance]:
    """A person's attendance record, oldest first, including being represented by someone."""
    out = []
    for meeting in project.meetings:
        if not meeting.minutes:
            continue
        att = meeting.minutes.attendance
        for category, _label in att.CATEGORIES:
            for entry in getattr(att, category):
                if project.person_named(entry.name) is person:
                    out.append(Attendance(meeting, category, entry.role, "in the Chair" if entry.chair else ""))
                if entry.representing and project.person_named(entry.representing) is person:
                    out.append(Attendance(meeting, "represented", None, f"represented by {entry.name}"))
    return out


@dataclass(frozen=True)
class SeatRecord:
    """How often a member was at the meetings whose minutes record attendance, within their term.

    Counted only from published minutes with an attendance list: a meeting without one is not
    counted either way (its attendance is unknown, not an absence)."""
    counted: tuple            # the meetings counted, oldest first
    present: int              # listed as present (in person, not as someone's substitute)
    apologies: int            # sent apologies
    represented: int          # a substitute was present for them

    @property
    def since(self):
        return self.counted[0].date if self.counted else None


def seat_record(project, person, start=None, end=None) -> SeatRecord:
    """``person``'s attendance at the meetings held between ``start`` and ``end`` (either may be
    None: open) whose published minutes list who was present."""
    counted, present, apologies, represented = [], 0, 0, 0
    for meeting in sorted(project.meetings, key=lambda m: m.date):
        mins = meeting.minutes
        if mins is None or not mins.attendance.present:
            continue
        if (start and meeting.date < start) or (end and meeting.date > end):
            continue
        counted.append(meeting)
        att = mins.attendance
        if any(project.person_named(a.name) is person for a in att.present):
            present += 1
        if any(project.person_named(a.name) is person for a in att.apologies):
            apologies += 1
        if any(project.person_named(a.representing) is person for a in att.present if a.representing):
            represented += 1
    return SeatRecord(tuple(counted), present, apologies, represented)


@dataclass(frozen=True)
class TopicEntry:
    date: object
    kind: str          # "Agenda item", "Paper", "Minute", "Decision"
    title: str
    page: str
    anchor: str = ""


def topic_history(project, slug: str) -> list[TopicEntry]:
    """Everything tagged with a topic, in date order: what ModernGov calls an issue history."""
    out = []
    for meeting in project.meetings:
        if meeting.agenda:
            for item in meeting.agenda.walk():
                if slug in item.topics:
                    out.append(TopicEntry(meeting.date, "Agenda item", f"{item.number}. {item.title}",
                                          urls.meeting(meeting.id), item.anchor))
        for minute in minutes_in_full(meeting):
            if slug in minute.topics:
                out.append(TopicEntry(meeting.date, "Minute", f"{minute.number}. {minute.title}",
                                      urls.meeting(meeting.id), minute.anchor))
    for paper in project.papers.values():
        if slug in paper.topics:
            when = paper.date or (paper.meeting if paper.meeting else None)
            out.append(TopicEntry(when, "Paper", paper.title, urls.paper(paper.id)))
    return sorted(out, key=lambda e: (e.date is None, e.date, e.kind, e.title))
