"""iCalendar (RFC 5545) files of the board's meetings: one to subscribe to, one per meeting.

Each meeting is one event with a UID made from its first date, so a calendar that subscribed
before a meeting was moved updates the event instead of adding a second one.  Times are local
(Europe/London) with a VTIMEZONE, so 10am stays 10am either side of the clock change.  A meeting
with no time in the data is an all-day event: the calendar never shows a time the papers did not,
and no event has an end time, because no paper gives one (RFC 5545: a DTSTART with no DTEND is an
instant on that day, or the day itself for a date).  STATUS and the first line of the description
are the meeting's stage as the public view decided it (lifecycle), the words every page uses.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from .. import dates, lifecycle, urls
from ..pages.meetings import meeting_title, meeting_updated
from ..outputitem import OutputItem
from . import addresses, clean

LONDON = ZoneInfo("Europe/London")
CALENDAR = "calendar.ics"


def _origins(project) -> dict[str, object]:
    """meeting id -> the meeting it was first announced as (itself unless another moved to it)."""
    origin = {m.id: m for m in project.meetings}
    for meeting in project.meetings:          # oldest first, so a chain of moves keeps its first date
        if meeting.status == "moved" and meeting.moved_to and meeting.moved_to.isoformat() in origin:
            origin[meeting.moved_to.isoformat()] = origin[meeting.id]
    return origin


def _final(project, meeting):
    """Where a moved meeting ended up: the meeting file for its new date, if there is one."""
    seen = {meeting.id}
    while meeting.status == "moved" and meeting.moved_to:
        target = project.meeting(meeting.moved_to)
        if target is None or target.id in seen:
            return meeting, meeting.moved_to
        seen.add(target.id)
        meeting = target
    return meeting, meeting.moved_to if meeting.status == "moved" else meeting.date


def events(project, site_url: str) -> dict[str, icalendar.Event]:
    """One event per meeting as announced, keyed by UID (a move updates, never duplicates)."""
    origin = _origins(project)
    out: dict[str, icalendar.Event] = {}
    for meeting in project.meetings:
        first = origin[meeting.id]
        uid = f"meeting-{first.id}@{addresses.host(site_url)}"
        if uid in out:
            continue
        out[uid] = _event(project, first, uid, site_url)
    return out


def _event(project, first, uid: str, site_url: str) -> icalendar.Event:
    meeting, day = _final(project, first)
    event = icalendar.Event()
    event.add("uid", uid)
    stamp = meeting_updated(meeting) or meeting_updated(first) or first.date
    # DTSTAMP is required; it comes from the data so that a rebuild changes nothing.
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.timezone.utc))
    event.add("sequence", 0 if meeting is first and first.status != "moved" else 1)
    event.add("summary", clean(f"{meeting.title or project.board.name}, {dates.long_date(day)}"))
    if meeting.time and meeting.date == day:
        hour, minute = (int(x) for x in meeting.time.split(":"))
        start = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)
        event.add("dtstart", start)
        if meeting.end_time:
            hour, minute = (int(x) for x in meeting.end_time.split(":"))
            event.add("dtend", dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON))
    else:
        event.add("dtstart", day)
    if meeting.venue:
        event.add("location", clean(meeting.venue))
    link = addresses.page(site_url, urls.meeting(meeting.id))
    event.add("url", link)
    # The stage of the meeting the event stands for: where a move ended up when the archive holds that
    # meeting, else the moved meeting itself ("Moved to ...", tentative: no agenda for the new date).
    stage = lifecycle.stage_of(project, meeting)
    notes = [f"Status: {clean(stage.sentence)}", f"Agenda and papers: {link}"]
    if first is not meeting or first.status == "moved":
        notes.append(f"First arranged for {dates.long_date(first.date)}.")
    notes += [clean(m.note) for m in ([first] if first is meeting else [first, meeting]) if m.note]
    event.add("description", "\n".join(notes))
    event.add("status", stage.ical_status)
    return event



def _calendar(name: str, events_: list, site_url: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//hwbsite//Health and Wellbeing Board meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean(name))
    cal.add("x-wr-timezone", "Europe/London")
    if any(isinstance(e.decoded("dtstart"), dt.datetime) for e in events_):
        cal.add_component(london())
    for event in events_:
        cal.add_component(event)
    return cal.to_ical()


def london() -> icalendar.Timezone:
    """Europe/London as UK law has set it since 1996 (EU rule): BST from 01:00 GMT on the last
    Sunday of March to 02:00 BST on the last Sunday of October.

    Written as rules rather than generated from tzdata: icalendar's generator puts the spring
    onset at 02:00 instead of 01:00 local standard time (RFC 5545 3.8.2.4), and lists every date.
    Boards were created in 2013, so the pre-1996 rules are never needed.
    """
    tz = icalendar.Timezone()
    tz.add("tzid", "Europe/London")
    for kind, name, start, month, before, after in (
            (icalendar.TimezoneDaylight, "BST", dt.datetime(1996, 3, 31, 1), 3, 0, 1),
            (icalendar.TimezoneStandard, "GMT", dt.datetime(1996, 10, 27, 2), 10, 1, 0)):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        tz.add_component(part)
    return tz


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def calendar_files(project, ctx, site_url: str | None) -> list[OutputItem]:
    by_uid = events(project, site_url)
    ordered = sorted(by_uid.values(), key=lambda e: (_day(e.decoded("dtstart")), str(e["uid"])))
    files = [OutputItem(CALENDAR, _calendar(f"{project.board.name}: meetings", ordered, site_url))]
    origin = _origins(project)
    host = addresses.host(site_url)
    for meeting in project.meetings:
        event = by_uid[f"meeting-{origin[meeting.id].id}@{host}"]
        files.append(OutputItem(urls.meeting_calendar(meeting.id),
                                _calendar(meeting_title(project.board, meeting), [event], site_url)))
    return files
