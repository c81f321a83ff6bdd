"""Meeting lifecycle: what the public is told about each meeting depends on the build date, not the file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hwbsite import lifecycle
from hwbsite.context import build_context
from hwbsite.pages import home, meetings
from hwbsite.project import load_project
from hwbsite.publication import public_view

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LATER = dt.date(2026, 11, 30)       # the audit's "in 2026"


@pytest.fixture(scope="module")
def project():
    project, log = load_project(REPO)
    assert not log.errors
    return project


def words(markdown: str) -> str:
    return " ".join(markdown.split())


def public(project, today):
    """The public view on ``today`` and its context: what page builders receive."""
    view = public_view(project, today)
    return view, build_context(view)


def page_text(project, builder, today, *meeting_ids) -> str:
    view, ctx = public(project, today)
    return words(builder(view, *(view.meeting(m) for m in meeting_ids), ctx).text)


# --- the home page answers "when is the next meeting?" ------------------------------------------

def test_home_page_in_2026_says_where_the_archive_ends_not_scheduled(project):
    text = words(home.meeting_panel(*public(project, LATER), "index.md"))
    assert "Scheduled" not in text and "Next meeting" not in text
    assert "No future meeting is known. This archive ends at the meeting of Wednesday 20 September 2017" in text
    assert "announced a meeting on Wednesday 15 November 2017" in text


def test_home_page_between_meetings_gives_the_announced_date(project):
    text = words(home.meeting_panel(*public(project, dt.date(2017, 10, 1)), "index.md"))
    assert "## Next meeting" in text
    assert "Wednesday 15 November 2017, 9am." in text
    assert "agenda of 20 September 2017" in text and "No agenda has been published yet." in text


def test_home_page_before_a_meeting_shows_it_as_upcoming(project):
    text = words(home.meeting_panel(*public(project, dt.date(2017, 9, 1)), "index.md"))
    assert "## Next meeting" in text and "Wednesday 20 September 2017" in text
    assert "Status: Upcoming: agenda published." in text


# --- the meetings index and meeting pages -----------------------------------------------------

def test_meetings_index_in_2026_shows_no_past_meeting_as_scheduled_or_awaiting_minutes(project):
    text = page_text(project, meetings.meetings_index, LATER)
    assert "Scheduled" not in text and "Not yet available" not in text
    assert "| Date passed; not recorded as held | Yes | Not in this archive |" in text
    assert "| Held | No | Published; listed for approval at the meeting of 20 September 2017 |" in text


def test_meetings_index_lists_announced_meetings_without_a_page(project):
    text = page_text(project, meetings.meetings_index, LATER)
    assert ("| Wednesday 15 November 2017 | Announced; not in this archive (date given in the "
            "[agenda of 20 September 2017](2017-09-20.md#agenda))") in text
    assert "| Wednesday 19 February 2014 | Announced; not in this archive" in text


def test_previous_link_says_in_this_archive_and_names_the_meeting_the_minutes_approve(project):
    text = page_text(project, meetings.meeting_page, LATER, "2017-07-05")
    assert "[Previous meeting in this archive: 11 February 2014]" in text
    assert "name the previous meeting as 31 May 2017 (not in this archive)." in text
    assert "Previous meeting: 11 February 2014" not in text


def test_next_link_says_in_this_archive_and_gives_the_date_the_agenda_gives(project):
    text = page_text(project, meetings.meeting_page, LATER, "2014-02-11")
    assert "[Next meeting in this archive: 5 July 2017]" in text
    assert "The agenda gives the next meeting as 19 February 2014 (not in this archive)." in text
    # no minutes in the archive, but the signed planning template dates its agreement by the board
    # to this day (002 lines 17-19): the meeting was held, and the page says how we know
    assert ("Meeting status: Held (Rotherham Better Care Fund – Planning template – Part 1 records "
            "“Date agreed at Health and Wellbeing Board: 11 February 2014”)") in text


# --- the pure function ----------------------------------------------------------------------

@pytest.mark.parametrize("today, key, upcoming", [
    (dt.date(2017, 9, 1), lifecycle.AGENDA, True),
    (dt.date(2017, 9, 20), lifecycle.AGENDA, True),     # on the day, until the file says held
    (dt.date(2017, 9, 21), lifecycle.PASSED, False),
    (LATER, lifecycle.PASSED, False),
])
def test_a_past_meeting_is_never_upcoming_whatever_its_file_says(project, today, key, upcoming):
    st = lifecycle.stage(project.meeting("2017-09-20"), project.meetings, today)
    assert (st.key, st.upcoming) == (key, upcoming)


def test_announcements_come_from_agendas_and_disappear_once_the_meeting_has_a_file(project):
    assert [a.date for a in lifecycle.announcements(project.meetings)] == [dt.date(2014, 2, 19),
                                                                           dt.date(2017, 11, 15)]
    with_file = [*project.meetings, project.meeting("2017-09-20").model_copy(update={"date": dt.date(2017, 11, 15),
                                                                                        "agenda": None})]
    assert [a.date for a in lifecycle.announcements(with_file)] == [dt.date(2014, 2, 19)]


# --- hwbsite check warns about a stale status --------------------------------------------------

@pytest.fixture
def fixture_root(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    return tmp_path / "p"


def _warnings(root: Path) -> list[str]:
    _p, log = load_project(root)
    return [p.format() for p in log.warnings if p.code == "meeting-status"]


def test_check_warns_when_a_past_meeting_is_still_scheduled(fixture_root):
    path = fixture_root / "data/meetings/2026-01-14.yml"
    text = path.read_text().replace("date: 2026-01-14", "date: 2016-01-14")
    text = text.replace("status: held", "status: scheduled")
    text = text[:text.index("minutes:")]
    path.rename(path.with_name("2016-01-14.yml"))
    path.with_name("2016-01-14.yml").write_text(text)
    (w,) = _warnings(fixture_root)
    assert w.startswith("data/meetings/2016-01-14.yml:4:1: warning: status: the meeting of Thursday 14 January 2016 "
                        "has passed but its status is still 'scheduled'")


def test_check_warns_when_a_future_meeting_is_held(fixture_root):
    path = fixture_root / "data/meetings/2026-01-14.yml"
    text = path.read_text().replace("date: 2026-01-14", "date: 2099-01-14")
    path.rename(path.with_name("2099-01-14.yml"))
    path.with_name("2099-01-14.yml").write_text(text)
    found = _warnings(fixture_root)
    assert any(w.startswith("data/meetings/2099-01-14.yml:4:1: warning: status: status is 'held' but the meeting of "
                            "Wednesday 14 January 2099 is in the future") for w in found)
    # minutes of a meeting that has not happened (future.py)
    _p, log = load_project(fixture_root)
    assert [p.format() for p in log.errors if p.code == "future-dated"] == [
        "data/meetings/2099-01-14.yml:15:1: error: minutes: the meeting of Wednesday 14 January 2099 is after the "
        "build date (" + f"{_today_long()}" + ") but has minutes (hint: add the minutes after the meeting, or check "
        "the meeting's date)"]


def _today_long() -> str:
    import datetime as dt
    from hwbsite.dates import long_date
    return long_date(dt.date.today())


def test_an_agenda_published_after_the_build_date_is_reported_until_it_is_a_draft(fixture_root):
    import datetime as dt
    path = fixture_root / "data/meetings/2026-01-14.yml"
    good = path.read_text()
    path.write_text(good.replace("agenda:\n", "agenda:\n  published: 2026-01-06\n", 1))
    _p, log = load_project(fixture_root, today=dt.date(2026, 1, 5))
    found = [p.format() for p in log.problems if p.field == "agenda.published"]
    assert found == ["data/meetings/2026-01-14.yml:6:3: error: agenda.published: the agenda is published on "
                      "Tuesday 6 January 2026, after the build date (Monday 5 January 2026) (hint: keep status: "
                      "draft until the agenda is sent out (the site then shows only the meeting's date and place), "
                      "or check the date)"]
    path.write_text(good.replace("agenda:\n", "agenda:\n  status: draft\n  published: 2026-01-06\n", 1)
                    .replace("minutes:", "x_minutes:", 1).split("x_minutes:")[0])
    _p, log = load_project(fixture_root, today=dt.date(2026, 1, 5))
    assert [p for p in log.problems if p.field == "agenda.published"] == []


def test_a_rag_update_after_the_build_date_is_reported_unless_planned_and_then_waits_for_its_date(tmp_path):
    import datetime as dt

    from hwbsite.publication import public_view
    root = tmp_path / "h"
    shutil.copytree(FIXTURES / "strategy-history", root)
    update = root / "data/strategy/updates/2017-09-20--tiny-plan.yml"
    _p, log = load_project(root, today=dt.date(2017, 9, 19))
    assert [p.format() for p in log.errors if p.code == "future-dated"] == [
        "data/strategy/updates/2017-09-20--tiny-plan.yml:2:1: error: as_at: the RAG update is as at Wednesday 20 "
        "September 2017, after the build date (Tuesday 19 September 2017), so the site would show it as current "
        "(hint: add planned: true to publish it from that date, or check the date)"]
    update.write_text(update.read_text().replace("as_at: 2017-09-20\n", "as_at: 2017-09-20\nplanned: true\n"))
    project, log = load_project(root, today=dt.date(2017, 9, 19))
    assert [p for p in log.problems if p.code == "future-dated"] == []
    assert [u.as_at for u in public_view(project, dt.date(2017, 9, 19)).plan_updates] == [dt.date(2017, 6, 14)]
    project, _log = load_project(root, today=dt.date(2017, 9, 20))
    assert [u.as_at for u in public_view(project, dt.date(2017, 9, 20)).plan_updates] == [
        dt.date(2017, 6, 14), dt.date(2017, 9, 20)]
