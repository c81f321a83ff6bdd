"""Published dates (hwbsite/published.py): What's new and the feeds date each record by when it was
published on this site, read from Git, not by the date it is about; never after the build date;
a shallow clone falls back to the dates the data gives."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, copy_project
from hwbsite.context import build_context
from hwbsite.exports import build_exports
from hwbsite.project import load_project
from hwbsite.publication import public_view

ATOM = "{http://www.w3.org/2005/Atom}"
MEETING = "data/meetings/2026-01-14.yml"


def git(root, *args, day="2026-01-20"):
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00",
           "GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "o@example.org",
           "GIT_COMMITTER_NAME": "Officer", "GIT_COMMITTER_EMAIL": "o@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def outputs(root, today):
    project, log = load_project(root, today=today)
    assert project is not None and not log.errors, [p.format() for p in log.errors]
    view = public_view(project, today)
    return {i.path: i.read_bytes() for i in build_exports(view, build_context(view), "https://hwb.example.org/")}


def feed(out):
    root = ET.fromstring(out["feed.xml"])
    return [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated")[:10]) for e in root.findall(f"{ATOM}entry")]


@pytest.fixture
def repo(tmp_path):
    """The minimal board in its own repository: the meeting committed on 20 January 2026 without
    minutes, the minutes added on 5 March 2026."""
    root = copy_project(FIXTURES / "minimal", tmp_path / "board")
    meeting = root / MEETING
    full = meeting.read_text()
    meeting.write_text(full.split("\nminutes:")[0] + "\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "agenda")
    meeting.write_text(full)
    git(root, "commit", "-q", "-am", "minutes", day="2026-03-05")
    return root


def test_minutes_are_news_on_the_day_they_were_published_not_the_day_of_the_meeting(repo):
    out = outputs(repo, dt.date(2026, 3, 10))
    entries = dict(feed(out))
    assert entries["Minutes: Testshire Health and Wellbeing Board, Wednesday 14 January 2026"] == "2026-03-05"
    assert entries["Agenda: Testshire Health and Wellbeing Board, Wednesday 14 January 2026"] == "2026-01-20"
    page = out["whats-new.md"].decode()
    assert page.index("## 5 March 2026") < page.index("- Minutes: ") < page.index("## 20 January 2026")
    # the same commit and build date give the same bytes
    assert outputs(repo, dt.date(2026, 3, 10)) == out


def test_a_file_not_yet_committed_is_published_on_the_build_date(repo):
    meeting = repo / MEETING
    meeting.write_text(meeting.read_text().replace("minutes:", "minutes:", 1))  # unchanged: still committed
    (repo / "content/papers").mkdir(exist_ok=True)
    (repo / "content/papers/new-report.md").write_text("---\nid: new-report\ntitle: A new report\n"
                                                       "date: 2025-06-01\n---\n\nText.\n")
    entries = dict(feed(outputs(repo, dt.date(2026, 3, 10))))
    assert entries["Paper: A new report"] == "2026-03-10"   # about June 2025, published today
    assert entries["Minutes: Testshire Health and Wellbeing Board, Wednesday 14 January 2026"] == "2026-03-05"


def test_no_feed_entry_is_dated_after_the_build_date(repo):
    # built as of a day before the minutes' commit: their date is the build date at the latest
    found = feed(outputs(repo, dt.date(2026, 3, 1)))
    assert found and max(day for _t, day in found) <= "2026-03-01"


def test_a_shallow_clone_falls_back_to_the_dates_the_data_gives(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    entries = dict(feed(outputs(clone, dt.date(2026, 3, 10))))
    # every file would otherwise seem added by the one commit the clone holds
    assert entries["Minutes: Testshire Health and Wellbeing Board, Wednesday 14 January 2026"] == "2026-01-14"
    no_git = tmp_path / "plain"
    shutil.copytree(repo, no_git, ignore=shutil.ignore_patterns(".git"))
    assert feed(outputs(no_git, dt.date(2026, 3, 10))) == feed(outputs(clone, dt.date(2026, 3, 10)))


def test_an_officers_published_on_dates_the_record_ahead_of_its_git_history(repo):
    # The minutes were committed on 5 March 2026, but the officer says they appeared on 2 February
    # (the site was down for a month); a paper added today appeared on 1 July 2025.
    meeting = repo / MEETING
    meeting.write_text(meeting.read_text().replace("\nminutes:\n", "\nminutes:\n  published_on: 2026-02-02\n", 1))
    git(repo, "commit", "-q", "-am", "minutes' date", day="2026-03-06")
    (repo / "content/papers").mkdir(exist_ok=True)
    (repo / "content/papers/new-report.md").write_text("---\nid: new-report\ntitle: A new report\n"
                                                       "date: 2025-06-01\npublished_on: 2025-07-01\n---\n\nText.\n")
    out = outputs(repo, dt.date(2026, 3, 10))
    entries = dict(feed(out))
    assert entries["Minutes: Testshire Health and Wellbeing Board, Wednesday 14 January 2026"] == "2026-02-02"
    assert entries["Paper: A new report"] == "2025-07-01"     # not the build date, as uncommitted
    # the agenda keeps the date of its file's first commit
    assert entries["Agenda: Testshire Health and Wellbeing Board, Wednesday 14 January 2026"] == "2026-01-20"
    page = out["whats-new.md"].decode()
    assert "## 5 March 2026" not in page
    assert page.index("## 2 February 2026") < page.index("- Minutes: ") < page.index("## 20 January 2026")



def test_a_rag_updates_published_on_dates_it_without_git_history_too(tmp_path):
    root = copy_project(FIXTURES / "strategy-history", tmp_path / "h")
    title = "Progress: Tiny Action Plan 2017-18, as at 20 September 2017"
    assert dict(feed(outputs(root, dt.date(2017, 12, 1))))[title] == "2017-09-20"   # the date it is about
    update = root / "data/strategy/updates/2017-09-20--tiny-plan.yml"
    update.write_text(update.read_text().replace("as_at: 2017-09-20\n", "as_at: 2017-09-20\npublished_on: 2017-10-02\n"))
    assert dict(feed(outputs(root, dt.date(2017, 12, 1))))[title] == "2017-10-02"
