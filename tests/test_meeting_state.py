"""One meeting state in every output: the public view decides each meeting's stage once (lifecycle),
and the meeting page, the meetings index, the calendar, the feed, the open data and OParl all say it.

The property test generates archives of meetings in every state (announced, agenda published, date
passed with no record, held by its file, by its minutes or by another paper's dated decision,
cancelled, moved) and reads each output back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports_support import FIXTURES, REPO, exports, load
from hwbsite import lifecycle
from hwbsite.context import build_context
from hwbsite.exports import build_exports
from hwbsite.models.meetings import Agenda, AgendaItem, HeldEvidence, Meeting, Minute, Minutes
from hwbsite.models.papers import Paper
from hwbsite.pages.meetings import meeting_page, meetings_index
from hwbsite.project import load_project
from hwbsite.publication import public_view

TODAY = dt.date(2026, 6, 1)
SITE = "https://board.example.org/hwb/"
KINDS = ("announced", "agenda", "passed", "held-file", "held-minutes", "held-evidence", "cancelled", "moved")
EXPECTED = {"announced": lifecycle.ANNOUNCED, "agenda": lifecycle.AGENDA, "passed": lifecycle.PASSED,
            "held-file": lifecycle.HELD, "held-minutes": lifecycle.HELD, "held-evidence": lifecycle.HELD,
            "cancelled": lifecycle.CANCELLED, "moved": lifecycle.MOVED}
# What a reader sees first, per state: the label every human-readable output starts with.
LABEL_START = {lifecycle.ANNOUNCED: "Upcoming: no agenda yet", lifecycle.AGENDA: "Upcoming: agenda published",
               lifecycle.PASSED: "Date passed; not recorded as held", lifecycle.HELD: "Held",
               lifecycle.CANCELLED: "Cancelled", lifecycle.MOVED: "Moved to "}
ICAL = {lifecycle.ANNOUNCED: "TENTATIVE", lifecycle.AGENDA: "CONFIRMED", lifecycle.PASSED: "TENTATIVE",
        lifecycle.HELD: "CONFIRMED", lifecycle.CANCELLED: "CANCELLED", lifecycle.MOVED: "TENTATIVE"}
EVIDENCE_PAPER = Paper(id="signed-plan", title="Signed plan", date=dt.date(2026, 1, 1))


@functools.lru_cache(maxsize=1)
def _base():
    project, log = load_project(FIXTURES / "minimal", today=TODAY)
    assert project is not None and not log.errors
    return project


def _meeting(day: dt.date, kind: str, moved_to: dt.date) -> Meeting:
    item = AgendaItem(number="1", title="Joint strategy")
    fields: dict = {"date": day, "time": "10:00", "venue": "County Hall"}
    if kind in ("agenda", "passed", "held-evidence", "held-file"):
        fields["agenda"] = Agenda(items=[item])
    if kind == "held-file":
        fields["status"] = "held"
    if kind == "held-minutes":
        fields["minutes"] = Minutes(items=[Minute(number=1, title="Joint strategy", body="Noted.")])
    if kind == "held-evidence":
        fields["held_evidence"] = [HeldEvidence(paper=EVIDENCE_PAPER.id, text=f"Agreed at the board on {day}")]
    if kind == "cancelled":
        fields["status"] = "cancelled"
    if kind == "moved":
        fields.update(status="moved", moved_to=moved_to)
    return Meeting(**fields)


@st.composite
def archives(draw):
    offsets = draw(st.lists(st.integers(-400, 400), min_size=1, max_size=5, unique=True))
    out = []
    for offset in sorted(offsets):
        day = TODAY + dt.timedelta(days=offset)
        kind = draw(st.sampled_from(KINDS))
        if day >= TODAY and kind in ("passed", "held-minutes", "held-evidence", "held-file"):
            kind = "agenda"      # a future meeting cannot have been held (lifecycle warns instead)
        if day < TODAY and kind in ("announced", "agenda"):
            kind = "passed"
        out.append((day, kind))
    return out


def _outputs(archive):
    days = {d for d, _ in archive}
    meetings = []
    for day, kind in archive:
        moved_to = day + dt.timedelta(days=1000)   # far from every generated date: no file there
        assert moved_to not in days
        meetings.append(_meeting(day, kind, moved_to))
    project = dataclasses.replace(_base(), meetings=meetings, papers={EVIDENCE_PAPER.id: EVIDENCE_PAPER})
    view = public_view(project, TODAY)
    ctx = build_context(view)
    out = {i.path: i for i in build_exports(view, ctx, SITE)}
    pages = {m.id: meeting_page(view, m, ctx).text for m in view.meetings}
    return view, out, pages, meetings_index(view, ctx).text


def _text(item) -> str:
    content = item.text
    return content.decode() if isinstance(content, bytes) else content


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archives())
def test_every_output_gives_each_meeting_the_same_state(archive):
    view, out, pages, index = _outputs(archive)
    rows = {r["id"]: r for r in json.loads(_text(out["data/meetings.json"]))}
    csv_text = _text(out["data/meetings.csv"])
    feed = _text(out["feed.xml"])
    for day, kind in archive:
        mid = day.isoformat()
        state, label = EXPECTED[kind], LABEL_START[EXPECTED[kind]]
        # OParl, and the field it derives from the state
        oparl = json.loads(_text(out[f"oparl/meeting/{mid}.json"]))
        # in OParl's recommended words, never the pages' English: conducted when held, invited once
        # the agenda was published (the day still to come or passed unrecorded), else scheduled
        with_agenda = kind in ("agenda", "passed", "held-evidence", "held-file")
        assert oparl["meetingState"] == ("durchgeführt" if state == lifecycle.HELD
                                         else "eingeladen" if with_agenda else "terminiert")
        assert oparl["meetingState"] == lifecycle.stage_of(view, view.meeting(day)).oparl_state
        assert oparl.get("cancelled", False) is (state == lifecycle.CANCELLED)
        assert "end" not in oparl                      # no paper gives an end time
        # open data, JSON and CSV
        assert rows[mid]["status"] == state
        assert rows[mid]["status_text"].startswith(label)
        assert f"{mid},10:00,County Hall" in csv_text and f",{state}," in csv_text.split(mid, 1)[1].split("\n", 1)[0]
        # the calendar: its STATUS, its description's status line, and never an end time
        event = icalendar.Calendar.from_ical(out[f"meetings/{mid}.ics"].text).walk("VEVENT")[0]
        assert str(event["status"]) == ICAL[state]
        assert str(event["description"]).splitlines()[0] == f"Status: {rows[mid]['status_text']}"
        assert "dtend" not in event and "duration" not in event
        # the meeting's page and the index say the same words as the calendar and the open data
        assert f"Meeting status: {rows[mid]['status_text'].removesuffix('.')}" in pages[mid]
        if state == lifecycle.HELD and kind == "held-evidence":
            assert "Signed plan records" in pages[mid]
        # the feed: a published agenda's entry carries the same state
        if any(m.id == mid and m.agenda and m.agenda.items for m in view.meetings):
            assert f"Meeting status: {rows[mid]['status_text']}" in feed
    upcoming = [d for d, k in archive if EXPECTED[k] in (lifecycle.ANNOUNCED, lifecycle.AGENDA)]
    nxt = lifecycle.next_meeting(view)
    assert (nxt.date if nxt else None) == (min(upcoming) if upcoming else None)
    # the meetings index lists every meeting under the same label its page gives
    for day, kind in archive:
        assert f"| {LABEL_START[EXPECTED[kind]]}" in index, (day, kind)


def test_the_real_archive_knows_the_2014_meeting_was_held_from_the_signed_template():
    """The signed planning template prints "Date agreed at Health and Wellbeing Board: 11 February
    2014": with no minutes in the archive, that meeting is held, and every output says so."""
    today = dt.date(2026, 12, 3)
    out = exports(REPO, today)
    view, _ = load(REPO, today)
    oparl = json.loads(_text(out["oparl/meeting/2014-02-11.json"]))
    assert oparl["meetingState"] == "durchgeführt"
    event = icalendar.Calendar.from_ical(out["meetings/2014-02-11.ics"].text).walk("VEVENT")[0]
    assert str(event["status"]) == "CONFIRMED"
    assert "Date agreed at Health and Wellbeing Board: 11 February 2014" in str(event["description"])
    # the 2017 pack's meeting: the archive holds its agenda only, and no paper records it as held
    later = json.loads(_text(out["oparl/meeting/2017-09-20.json"]))
    assert later["meetingState"] == "eingeladen" and "cancelled" not in later   # invited; minutes not released
    assert {json.loads(_text(i))["meetingState"] for p, i in out.items()
            if p.startswith("oparl/meeting/")} <= set(lifecycle.OPARL_STATES)
    event = icalendar.Calendar.from_ical(out["meetings/2017-09-20.ics"].text).walk("VEVENT")[0]
    assert str(event["status"]) == "TENTATIVE"
    assert "dtend" not in event
    assert lifecycle.stage_of(view, view.meeting("2017-07-05")).key == "held"
