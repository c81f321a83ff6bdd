"""The decisions register and the action log as registers (issue 27): each action with its text,
owner, due date, status and overdue flag; both filterable by year and topic on linkable static
pages, whose every link resolves whatever the data holds.

Builders are pure: these tests build the pages from a fixture project without MkDocs
(tests/fixtures/registers, built on 1 March 2026)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from hwbsite import records
from hwbsite.context import build_context
from hwbsite.project import load_project
from hwbsite.publication import public_view
from hwbsite.site import build_pages

from conftest import FIXTURES

BUILD_DATE = dt.date(2026, 3, 1)
LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)]*)?\)")


def pages_of(root: Path, today: dt.date = BUILD_DATE) -> dict:
    project, log = load_project(root, today=today)
    assert [p.format() for p in log.errors] == []
    view = public_view(project, today)
    return {p.path: p for p in build_pages(view, build_context(view))}


@pytest.fixture(scope="module")
def pages() -> dict:
    return pages_of(FIXTURES / "registers")


def cards(md: str) -> list[str]:
    """The action cards of an action log page, as Markdown."""
    return md.split('<div class="hwb-card" markdown>')[1:]


def test_each_action_shows_what_is_to_be_done_not_the_resolution_number(pages):
    md = pages["actions/index.md"].text
    assert "Resolution 1" not in md and "Resolution 2" not in md
    # an action that follows a resolution, with no words of its own, says what the resolution says
    assert "That the Director of Public Health review the care home fees." in md
    # its own words win over the resolution's
    assert "Write to every care home provider." in md and "That the providers be consulted." not in md


def test_each_action_has_its_owner_due_date_and_status(pages):
    card = next(c for c in cards(pages["actions/index.md"].text) if "review the care home fees" in c)
    assert "- Owner: [Bob Officer](../people/bob-officer.md)" in card
    assert "- Due: Sunday 1 February 2026 (**overdue**)" in card
    assert '<span class="hwb-card__label">Open</span> <span class="hwb-flag">Overdue</span>' in card
    assert "(../meetings/2025-11-12.md#minute-7-a1), resolution 1" in card
    undated = next(c for c in cards(pages["actions/index.md"].text) if "That the refresh be noted." in c)
    assert "- Due: no date given in the minutes" in undated and "Overdue" not in undated
    unknown_owner = next(c for c in cards(pages["actions/index.md"].text) if "Write to every" in c)
    assert "- Owner: Dee Nobody\n" in unknown_owner     # no person page: no link
    # an action with neither words nor a resolution says so, rather than show an empty card
    wordless = next(c for c in cards(pages["actions/index.md"].text) if "minute-1-a3" in c)
    assert "*The minutes give no words for this action.*" in wordless and '"hwb-card__label">Done<' in wordless


def test_overdue_is_past_due_on_the_build_date_and_not_done(pages):
    overdue = pages["actions/overdue.md"].text
    listed = [c.split("\n\n")[1] for c in cards(overdue)]
    # open and past due; status unknown and past due (shown as such beside the flag)
    assert listed == ["That the Director of Public Health review the care home fees.",
                      "Write to every care home provider."]
    assert "Status not known</span> <span class=\"hwb-flag\">Overdue</span>" in overdue
    # done though past due, due on the build date itself, and no due date: none is overdue
    everything = pages["actions/index.md"].text
    assert everything.count('<span class="hwb-flag">Overdue</span>') == 2
    assert "by Sunday 1 March 2026 (the day this site was built)" in overdue
    # the open action with no due date cannot be overdue, and the page says how many there are
    assert "1 action not recorded as done has no due date in the minutes" in overdue


def test_the_overdue_rule_counts_the_day_after_the_due_date():
    project, _ = load_project(FIXTURES / "registers", today=BUILD_DATE)
    due_today = next(a for a in records.actions(project) if a.action.due == BUILD_DATE)
    assert not due_today.is_overdue(BUILD_DATE)
    assert due_today.is_overdue(BUILD_DATE + dt.timedelta(days=1))


def test_both_registers_filter_by_year_and_topic(pages):
    assert {p for p in pages if p.startswith("actions/")} == {
        "actions/index.md", "actions/overdue.md", "actions/year-2025.md", "actions/year-2026.md",
        "actions/topic-care-homes.md", "actions/topic-strategy.md"}
    assert {p for p in pages if p.startswith("decisions/")} == {
        "decisions/index.md", "decisions/year-2025.md", "decisions/year-2026.md",
        "decisions/topic-care-homes.md", "decisions/topic-strategy.md"}
    y2025 = pages["decisions/year-2025.md"].text
    assert "That the review be published." in y2025 and "That the refresh be noted." not in y2025
    strategy = pages["actions/topic-strategy.md"].text
    assert [c.split("\n\n")[1] for c in cards(strategy)] == ["That the refresh be noted.",
                                                             "Bring the refreshed strategy to the board.",
                                                             "*The minutes give no words for this action.*"]
    # the filter bar marks where the reader is and links the rest, with counts
    assert '<strong class="hwb-filter hwb-filter--current" aria-current="page">2025 (3)</strong>' in y2025
    assert "[Care homes (3)](topic-care-homes.md)" in y2025


def test_the_nav_lists_only_the_registers_index_pages(pages):
    in_nav = {p for p, item in pages.items() if item.in_nav and p.startswith(("actions/", "decisions/"))}
    assert in_nav == {"actions/index.md", "decisions/index.md"}


def _broken_links(pages: dict) -> list[str]:
    broken = []
    for path, item in pages.items():
        if not path.startswith(("actions/", "decisions/")):
            continue
        for target in LINK.findall(item.text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if resolved not in pages:
                broken.append(f"{path} -> {target}")
    return broken


def test_every_filter_link_resolves(pages):
    assert _broken_links(pages) == []


def test_a_board_with_no_actions_still_has_an_overdue_page_that_says_so(tmp_path):
    root = tmp_path / "board"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.rmtree(root / "data" / "meetings")
    (root / "data" / "meetings").mkdir()
    empty = pages_of(root)
    assert {p for p in empty if p.startswith(("actions/", "decisions/"))} == {
        "actions/index.md", "actions/overdue.md", "decisions/index.md"}
    assert "No action is overdue on Sunday 1 March 2026" in empty["actions/overdue.md"].text
    assert "No actions have been recorded yet." in empty["actions/index.md"].text
    assert "No decisions have been published yet." in empty["decisions/index.md"].text
    assert _broken_links(empty) == []


def test_the_home_pages_link_to_the_overdue_actions():
    repo = Path(__file__).resolve().parent.parent
    for home in (repo / "content/index.md", repo / "hwbsite/skeleton/content/index.md"):
        assert "(actions/overdue.md)" in home.read_text(encoding="utf-8"), home


@pytest.mark.slow
def test_the_fixture_board_builds_strictly_and_its_nav_lists_only_the_index_pages(fixture_project):
    from conftest import build
    site = build(fixture_project("registers"), build_date=BUILD_DATE.isoformat())
    overdue = (site / "actions/overdue/index.html").read_text(encoding="utf-8")
    assert overdue.count('<span class="hwb-flag">Overdue</span>') == 2
    nav = _nav_links((site / "index.html").read_text(encoding="utf-8"))
    assert {"actions/", "decisions/"} <= nav
    assert [h for h in nav if h.startswith(("actions/", "decisions/")) and h not in ("actions/", "decisions/")] == []


def _nav_links(html: str) -> set[str]:
    """Where the site navigation's links go (Material's md-nav__link anchors)."""
    from html.parser import HTMLParser

    found: set[str] = set()

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "a" and "md-nav__link" in (a.get("class") or "").split():
                found.add(a.get("href") or "")

    Links().feed(html)
    return found
