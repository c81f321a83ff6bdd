"""Where each meeting stands, derived from the data and the build date, never from the clock.

A meeting file says what officers last wrote ("status: scheduled"); the papers say more
(an agenda was published, minutes were taken, the next agenda lists them for approval);
the build date says whether the day has passed.  This module turns those facts into one
stage per meeting, so that a past meeting is never shown as upcoming whatever its file
says, and so that every page, feed or calendar says the same thing.

It also knows the meetings the papers announce but the archive does not hold: an
agenda's "Date and time of next meeting" gives a date, and until a file for that date
exists the meeting is "announced".

Pure functions over the meetings list (a project or a public view) and a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import dates

# The stages, in the order a meeting passes through them.
ANNOUNCED = "announced"            # a date known from a paper; no public agenda yet
AGENDA = "agenda-published"        # upcoming, agenda published
PASSED = "passed-unrecorded"       # the date has passed; the archive holds no record that it was held
HELD = "held"
CANCELLED = "cancelled"
MOVED = "moved"

# OParl 1.1 leaves Meeting.meetingState free text but recommends three words, which OParl clients
# (and the German council systems they were written against) expect: "terminiert" (scheduled),
# "eingeladen" (invited: from the invitation, the agenda, until the minutes are released) and
# "durchgeführt" (conducted). meetingState uses only these; whether it will not take place is OParl's
# own `cancelled`. The English stage words stay for the pages and the open data (meetings.csv/json).
OPARL_SCHEDULED, OPARL_INVITED, OPARL_CONDUCTED = "terminiert", "eingeladen", "durchgeführt"
OPARL_STATES = (OPARL_SCHEDULED, OPARL_INVITED, OPARL_CONDUCTED)

ICAL_STATUS = {ANNOUNCED: "TENTATIVE", AGENDA: "CONFIRMED", PASSED: "TENTATIVE", HELD: "CONFIRMED",
               CANCELLED: "CANCELLED", MOVED: "TENTATIVE"}


@dataclass(frozen=True)
class Announcement:
    """A meeting date printed in a paper (an agenda's next meeting) with no meeting file of its own."""

    date: dt.date
    time: str | None
    venue: str | None
    text: str | None
    announced_by: object        # the meeting whose agenda printed it

    @property
    def id(self) -> str:
        return self.date.isoformat()


@dataclass(frozen=True)
class Stage:
    """What the public should be told about one meeting, as of the build date."""

    meeting: object             # a Meeting, or an Announcement
    key: str                    # one of the stage constants above
    label: str                  # short, for a status column
    upcoming: bool              # on or after the build date, and not cancelled or moved
    minutes: str                # short text for a minutes column
    evidence: str = ""          # why the meeting counts as held, when it does

    @property
    def state(self) -> str:
        """The machine-readable word every export prints (OParl meetingState, meetings.csv/json)."""
        return self.key

    @property
    def oparl_state(self) -> str:
        """OParl meetingState, one of OPARL_STATES: conducted when the papers record it as held; invited
        when its agenda was published (whether the day is to come, has passed unrecorded, or the meeting
        was then cancelled or moved: `cancelled` says that); otherwise scheduled."""
        if self.key == HELD:
            return OPARL_CONDUCTED
        agenda = getattr(self.meeting, "agenda", None)
        return OPARL_INVITED if agenda is not None and agenda.status == "published" else OPARL_SCHEDULED

    @property
    def ical_status(self) -> str:
        """RFC 5545 STATUS: confirmed only when an agenda was published for a meeting still to come or
        the papers record it as held; tentative when only a date is known (announced, or moved to a date
        the archive holds no file for) or the date passed with no record that the meeting took place;
        cancelled when it will not take place."""
        return ICAL_STATUS[self.key]

    @property
    def cancelled(self) -> bool:
        return self.key == CANCELLED

    @property
    def sentence(self) -> str:
        """The status as one sentence, with its evidence: what pages, feeds and calendars say."""
        return f"{self.label}" + (f" ({self.evidence})" if self.evidence else "") + "."

    @property
    def date(self) -> dt.date:
        return self.meeting.date

    @property
    def announced_only(self) -> bool:
        return isinstance(self.meeting, Announcement)


def announcements(meetings) -> list[Announcement]:
    """Meetings announced by an agenda ("next meeting") for which the archive holds no file."""
    held_dates = {m.date for m in meetings} | {m.moved_to for m in meetings if m.moved_to}
    out: dict[dt.date, Announcement] = {}
    for m in meetings:
        nxt = m.agenda.next_meeting if m.agenda else None
        if nxt and nxt.date and nxt.date not in held_dates and nxt.date not in out:
            out[nxt.date] = Announcement(nxt.date, nxt.time, nxt.venue, nxt.text, m)
    return sorted(out.values(), key=lambda a: a.date)


def approval_listed_at(meeting, meetings):
    """The later meeting (in this archive) whose agenda lists this meeting's minutes for approval."""
    for later in meetings:
        if later.date > meeting.date and later.agenda:
            if any(item.minutes_of == meeting.date for item in later.agenda.walk()):
                return later
    return None


def minutes_text(meeting, meetings, today: dt.date) -> str:
    """Where the minutes stand: never "not yet available" for a meeting years in the past."""
    mins = meeting.minutes
    if meeting.status in ("cancelled", "moved"):
        return "None"
    if mins is None:
        if meeting.date >= today:
            return "Not yet available"
        return "Not in this archive"
    if mins.status == "draft":
        return "Draft: not yet agreed by the board"
    if mins.status == "approved":
        text = "Approved with corrections" if mins.correction else "Approved as a correct record"
        return text + (f" on {dates.short_date(mins.approved_on)}" if mins.approved_on else "")
    later = approval_listed_at(meeting, meetings)
    if later is not None:
        return f"Published; listed for approval at the meeting of {dates.short_date(later.date)}"
    known_later = [m.date for m in meetings if m.status not in ("cancelled", "moved")] + [
        a.date for a in announcements(meetings)]
    if any(meeting.date < d <= today for d in known_later):
        return "Published; their approval is not recorded in this archive"
    return "Published: to be approved at the next meeting"


def held_evidence(meeting, meetings, papers=None) -> str | None:
    """Why the papers show this meeting was held (None when they do not), in words for the public.

    ``papers`` (id -> Paper) names the document that records a decision or signature dated to the
    day; a record citing a paper not in ``papers`` (a private one, in the public view) is no evidence.
    """
    if meeting.minutes is not None:
        return "its minutes are published"
    later = approval_listed_at(meeting, meetings)
    if later is not None:
        return f"its minutes are listed for approval at the meeting of {dates.short_date(later.date)}"
    for record in meeting.held_evidence:
        paper = (papers or {}).get(record.paper)
        if paper is not None:
            return f"{paper.title} records \u201c{record.text}\u201d"
    return None


def stage(meeting, meetings, today: dt.date, papers=None) -> Stage:
    """The stage of a meeting file (or an announcement) on the build date."""
    if isinstance(meeting, Announcement):
        if meeting.date >= today:
            return Stage(meeting, ANNOUNCED, "Announced: no agenda yet", True, "Not yet available")
        return Stage(meeting, PASSED, "Announced; not in this archive", False, "Not in this archive")
    minutes = minutes_text(meeting, meetings, today)
    if meeting.status == "cancelled":
        return Stage(meeting, CANCELLED, "Cancelled", False, minutes)
    if meeting.status == "moved":
        return Stage(meeting, MOVED, f"Moved to {dates.long_date(meeting.moved_to)}", False, minutes)
    if meeting.date <= today:
        # Minutes, a later agenda approving them, or a decision another paper dates to the day prove
        # the meeting took place; a file still saying "scheduled" does not make it upcoming.
        evidence = held_evidence(meeting, meetings, papers)
        if meeting.status == "held" or evidence is not None:
            return Stage(meeting, HELD, "Held", False, minutes, evidence or "")
        if meeting.date < today:
            return Stage(meeting, PASSED, "Date passed; not recorded as held", False, minutes)
    has_agenda = bool(meeting.agenda and meeting.agenda.status == "published" and meeting.agenda.items)
    if has_agenda:
        return Stage(meeting, AGENDA, "Upcoming: agenda published", True, minutes)
    return Stage(meeting, ANNOUNCED, "Upcoming: no agenda yet", True, minutes)


def timeline(meetings, today: dt.date, papers=None) -> list[Stage]:
    """Every meeting file and every announced meeting, oldest first, with its stage."""
    everything = [*meetings, *announcements(meetings)]
    return [stage(m, meetings, today, papers) for m in sorted(everything, key=lambda m: m.date)]


def stages(meetings, today: dt.date, papers=None) -> dict[str, Stage]:
    """meeting (or announcement) id -> its stage: computed once, in the public view."""
    return {s.meeting.id: s for s in timeline(meetings, today, papers)}


def stage_of(project, meeting) -> Stage:
    """The stage the public view decided for ``meeting``: every page and export asks here."""
    return project.stages[meeting.id]


def next_meeting(project) -> Stage | None:
    """The first meeting on or after the build date that is still going ahead, if the papers give one."""
    return next((s for s in sorted(project.stages.values(), key=lambda s: s.date) if s.upcoming), None)


def latest_in_archive(meetings, today: dt.date):
    """The most recent meeting file on or before the build date (the archive's last record)."""
    past = [m for m in meetings if m.date <= today and m.status not in ("cancelled", "moved")]
    return past[-1] if past else None


def previous_named(meeting):
    """The date of the previous meeting as the minutes (or agenda) of this meeting name it, if they do."""
    named = []
    if meeting.minutes:
        named += [mi.minutes_of for mi in meeting.minutes.items if getattr(mi, "minutes_of", None)]
    if meeting.agenda:
        named += [item.minutes_of for item in meeting.agenda.walk() if item.minutes_of]
    earlier = [d for d in named if d < meeting.date]
    return max(earlier) if earlier else None


def next_named(meeting):
    """The date of the next meeting as this meeting's agenda gives it, if it does."""
    nxt = meeting.agenda.next_meeting if meeting.agenda else None
    return nxt.date if nxt and nxt.date and nxt.date > meeting.date else None


def stale_status(meeting, today: dt.date) -> list[tuple[str, str, str]]:
    """(field, message, hint) for a meeting file whose status contradicts its date or its minutes."""
    out = []
    when = dates.long_date(meeting.date)
    # held_evidence already records how the papers show the meeting took place
    if meeting.status == "scheduled" and meeting.date < today and not meeting.held_evidence:
        out.append(("status", f"the meeting of {when} has passed but its status is still 'scheduled'",
                    "set status: held (or cancelled / moved) when the papers record what happened; "
                    "the site already shows it as past, never as upcoming"))
    if meeting.status == "held" and meeting.date > today:
        out.append(("status", f"status is 'held' but the meeting of {when} is in the future",
                    "set status: scheduled until the meeting has taken place"))
    if meeting.minutes is not None and meeting.status in ("cancelled", "moved"):
        out.append(("status", f"the meeting of {when} has minutes but its status is '{meeting.status}'",
                    "a meeting with minutes took place: set status: held"))
    return out
