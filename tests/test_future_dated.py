"""The build date rules the future (hwbsite/future.py): what the site would show as done or current
but is dated after the build date is an error at its file, line and field, in `hwbsite check` and
the build alike; what the site does not show yet (planned, embargoed, under a draft agenda) is not."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import FIXTURES, build
from hwbsite.cli import run_check

UPDATE = "data/strategy/updates/2017-09-20--tiny-plan.yml"
ERROR = (f"{UPDATE}:2:1: error: as_at: the RAG update is as at Wednesday 20 September 2017, after the build "
         "date (Tuesday 19 September 2017), so the site would show it as current (hint: add planned: true to "
         "publish it from that date, or check the date)")


@pytest.fixture
def root(tmp_path):
    shutil.copytree(FIXTURES / "strategy-history", tmp_path / "h")
    return tmp_path / "h"


def future_errors(root, day: dt.date) -> list[str]:
    return [p.format() for p in run_check(root, build_date=day).errors if p.code == "future-dated"]


def test_a_future_rag_update_is_an_error_in_check_and_stops_the_build(root, caplog):
    assert future_errors(root, dt.date(2017, 9, 19)) == [ERROR]
    with pytest.raises((Abort, PluginError)):
        build(root, build_date="2017-09-19")
    assert ERROR in caplog.text
    assert not (root / "site" / "index.html").exists()
    # on its date it is current, and the same data builds
    assert future_errors(root, dt.date(2017, 9, 20)) == []
    assert (build(root, build_date="2017-09-20") / "index.html").exists()


def test_an_update_whose_paper_is_embargoed_is_not_shown_so_it_is_no_error(root):
    (root / "content/papers").mkdir(parents=True)
    paper = root / "content/papers/rag-report.md"
    paper.write_text("---\nid: rag-report\ntitle: Action plan progress\nembargoed_until: 2017-09-20\n---\n\nThe report.\n")
    update = root / UPDATE
    update.write_text(update.read_text().replace("as_at: 2017-09-20\n", "as_at: 2017-09-20\npaper: rag-report\n"))
    assert future_errors(root, dt.date(2017, 9, 19)) == []
    build(root, build_date="2017-09-19")
    # the embargo lifts on the update's own date: then it is shown, and current
    assert future_errors(root, dt.date(2017, 9, 20)) == []
    # an embargo that lifts before the update's date does not hide it: the error is back
    paper.write_text(paper.read_text().replace("embargoed_until: 2017-09-20", "embargoed_until: 2017-09-10"))
    assert [e.split(": error: ")[1][:40] for e in future_errors(root, dt.date(2017, 9, 19))] == [
        "as_at: the RAG update is as at Wednesday"]


def test_minutes_under_a_draft_agenda_are_not_published_so_their_date_is_no_error(tmp_path):
    root = tmp_path / "m"
    shutil.copytree(FIXTURES / "minimal", root)
    assert [e.split(": error: ")[1][:60] for e in future_errors(root, dt.date(2026, 1, 13))] == [
        "minutes: the meeting of Wednesday 14 January 2026 is after t"]
    meeting = root / "data/meetings/2026-01-14.yml"
    meeting.write_text(meeting.read_text().replace("agenda:\n", "agenda:\n  status: draft\n", 1)
                       .replace("status: held", "status: scheduled", 1))
    assert future_errors(root, dt.date(2026, 1, 13)) == []


def test_a_published_on_after_the_build_date_is_an_error_at_its_line_in_check_and_the_build(tmp_path, caplog):
    root = tmp_path / "m"
    shutil.copytree(FIXTURES / "minimal", root)
    meeting = root / "data/meetings/2026-01-14.yml"
    text = meeting.read_text()
    meeting.write_text(text.replace("\nminutes:\n", "\nminutes:\n  published_on: 2026-02-01\n", 1))
    line = meeting.read_text().splitlines().index("  published_on: 2026-02-01") + 1
    (root / "content/papers").mkdir()
    (root / "content/papers/report.md").write_text(
        "---\nid: report\ntitle: A report\ndate: 2026-01-10\npublished_on: 2026-01-25\n---\n\nText.\n")
    on = "after the build date (Tuesday 20 January 2026)"
    assert sorted(future_errors(root, dt.date(2026, 1, 20))) == [
        f"content/papers/report.md:5:1: error: published_on: the paper cannot have appeared on this site on "
        f"Sunday 25 January 2026, {on} (hint: published_on: is the day it appeared on the site: write that day, "
        "or remove the line to date it by its file's history)",
        f"data/meetings/2026-01-14.yml:{line}:3: error: minutes.published_on: the minutes cannot have appeared on "
        f"this site on Sunday 1 February 2026, {on} (hint: published_on: is the day it appeared on the site: "
        "write that day, or remove the line to date it by its file's history)"]
    with pytest.raises((Abort, PluginError)):
        build(root, build_date="2026-01-20")
    assert f"data/meetings/2026-01-14.yml:{line}:3: error: minutes.published_on" in caplog.text
    assert not (root / "site" / "index.html").exists()
    # on that day they have appeared, and the same data builds
    assert future_errors(root, dt.date(2026, 2, 1)) == []
    assert (build(root, build_date="2026-02-01") / "index.html").exists()
