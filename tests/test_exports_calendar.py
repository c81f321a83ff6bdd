"""The meetings calendar: one event per meeting, correct local times, escaped text, stable UIDs."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from exports_support import FIXTURES, PRIVATE_MARKERS, REPO, as_bytes, exports, load
from hwbsite.exports.calendar import london

LONDON = ZoneInfo("Europe/London")


def events(item) -> list:
    return icalendar.Calendar.from_ical(item.text).walk("VEVENT")


def edge():
    return exports(FIXTURES / "exports-edge", dt.date(2026, 7, 1))


def test_the_real_calendar_has_one_event_per_meeting_at_its_local_time():
    out = exports(REPO, dt.date(2017, 9, 20))
    view, _ = load(REPO, dt.date(2017, 9, 20))
    found = events(out["calendar.ics"])
    assert sorted(str(e["uid"]) for e in found) == sorted(
        f"meeting-{m.id}@board.example.org" for m in view.meetings)
    by_uid = {str(e["uid"]): e for e in found}
    sept = by_uid["meeting-2017-09-20@board.example.org"].decoded("dtstart")
    assert sept == dt.datetime(2017, 9, 20, 9, 0, tzinfo=LONDON)   # 9am BST, 08:00 UTC
    assert sept.astimezone(dt.timezone.utc).hour == 8
    for meeting in view.meetings:
        assert f"meetings/{meeting.id}.ics" in out
        assert len(events(out[f"meetings/{meeting.id}.ics"])) == 1


def test_times_keep_their_clock_time_either_side_of_the_clock_change():
    out = edge()
    by_uid = {str(e["uid"]): e for e in events(out["calendar.ics"])}
    april = by_uid["meeting-2026-03-11@board.example.org"].decoded("dtstart")   # moved into BST
    october = by_uid["meeting-2026-10-28@board.example.org"].decoded("dtstart")  # after it ends
    assert april.astimezone(dt.timezone.utc) == dt.datetime(2026, 4, 8, 9, 0, tzinfo=dt.timezone.utc)
    assert october.astimezone(dt.timezone.utc) == dt.datetime(2026, 10, 28, 14, 30, tzinfo=dt.timezone.utc)


def test_the_published_timezone_agrees_with_tzdata_at_every_real_local_time():
    """A client that reads our VTIMEZONE (not its own tz database) gets the same UTC offsets:
    at noon every day for 27 years, and every half hour on the days the clocks change."""
    tz = london().to_tz(lookup_tzid=False)
    wrong = []
    day = dt.datetime(2013, 1, 1)
    while day.year < 2040:
        changes = (day.replace(tzinfo=LONDON).utcoffset() != (day + dt.timedelta(days=1)).replace(tzinfo=LONDON).utcoffset())
        for step in range(48) if changes else [24]:
            local = day + dt.timedelta(minutes=30 * step)
            if local.replace(tzinfo=LONDON).astimezone(dt.timezone.utc).astimezone(LONDON).replace(tzinfo=None) != local:
                continue  # the hour that does not exist on the night the clocks go forward
            for fold in (0, 1):
                if local.replace(tzinfo=tz, fold=fold).utcoffset() != local.replace(tzinfo=LONDON, fold=fold).utcoffset():
                    wrong.append((local, fold))
        day += dt.timedelta(days=1)
    assert wrong == []


def test_a_moved_meeting_is_one_event_under_its_first_uid_at_the_new_date():
    out = edge()
    found = events(out["calendar.ics"])
    uids = [str(e["uid"]) for e in found]
    assert len(uids) == len(set(uids)) == 3   # four meeting files, one of them moved to another
    moved = next(e for e in found if str(e["uid"]) == "meeting-2026-03-11@board.example.org")
    assert moved.decoded("dtstart").date() == dt.date(2026, 4, 8)
    assert int(moved["sequence"]) == 1
    assert "Moved because of the election period" in str(moved["description"])
    # both dates' own calendar files carry that same event
    for path in ("meetings/2026-03-11.ics", "meetings/2026-04-08.ics"):
        assert [str(e["uid"]) for e in events(out[path])] == ["meeting-2026-03-11@board.example.org"]


def test_cancelled_meetings_are_cancelled_and_meetings_without_a_time_are_all_day():
    found = {str(e["uid"]): e for e in events(edge()["calendar.ics"])}
    assert str(found["meeting-2026-10-28@board.example.org"]["status"]) == "CANCELLED"
    all_day = found["meeting-2026-06-10@board.example.org"]
    assert all_day.decoded("dtstart") == dt.date(2026, 6, 10)
    assert not isinstance(all_day.decoded("dtstart"), dt.datetime)
    assert "location" not in all_day      # no venue in the data: none invented


def test_venue_and_text_survive_escaping_and_lose_control_characters():
    out = edge()
    raw = out["calendar.ics"].text
    assert b"Room 1\\, Floor 2\\; Civic Centre\\nHigh Street\\, Edgetown" in raw
    assert not any(c < 32 and c not in (10, 13) for c in raw)
    moved = next(e for e in events(out["calendar.ics"]) if "2026-03-11" in str(e["uid"]))
    assert str(moved["location"]) == "Room 1, Floor 2; Civic Centre\nHigh Street, Edgetown"
    assert str(moved["summary"]) == "Edgeshire Health; and Wellbeing, Board, Wednesday 8 April 2026"
    assert "https://board.example.org/hwb/meetings/2026-04-08/" in str(moved["description"])
    assert str(moved["url"]) == "https://board.example.org/hwb/meetings/2026-04-08/"


def test_calendars_are_the_same_bytes_on_every_build():
    assert as_bytes(edge()["calendar.ics"]) == as_bytes(edge()["calendar.ics"])


def test_no_private_business_reaches_a_calendar():
    out = exports(FIXTURES / "exempt", dt.date(2026, 2, 1))
    # the meeting with exempt business, and one whose agenda is a draft: its date and place only
    for path, count in (("calendar.ics", 2), ("meetings/2026-01-14.ics", 1), ("meetings/2026-03-11.ics", 1)):
        data = as_bytes(out[path])
        assert [m for m in PRIVATE_MARKERS if m.encode() in data] == []
        assert len(events(out[path])) == count
