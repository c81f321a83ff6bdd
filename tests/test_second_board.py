"""A second board, shaped unlike the first (tests/fixtures/second-board, written for the tests):
it meets monthly in the evening, receives the minutes of its sub-groups, has a strategy nobody
rates Red/Amber/Green, metrics by month and by calendar year, no money pages, and its own licence
and colour. It builds strictly, every link resolves, and nothing of Rotherham reaches its pages."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, build, copy_project
from hwbsite import buildcheck, output
from hwbsite.checkrun import run_check
from hwbsite.project import load_project
from hwbsite.publication import public_view
from rotherham_words import hits

# Every test reads the second board's whole site, built with MkDocs once per module: `make test` runs them.
pytestmark = pytest.mark.slow

BUILD_DATE = "2026-12-01"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_project(FIXTURES / "second-board", tmp_path_factory.mktemp("second") / "board")
    return build(root, strict=True, build_date=BUILD_DATE)


def article(page) -> str:
    html = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_check_passes_and_every_link_resolves():
    import datetime as dt
    root = FIXTURES / "second-board"
    assert [p.format() for p in run_check(root, build_date=dt.date(2026, 12, 1)).errors] == []
    project, _log = load_project(root)
    assert buildcheck.broken_links(output.build_output(public_view(project, dt.date(2026, 12, 1)))) == []


def test_evening_meetings_and_the_sub_groups_minutes_they_receive(site):
    meeting = article(site / "meetings/2026-10-21/index.html")
    assert "Wednesday 21 October 2026 , 6:30pm · Committee Room 2" in meeting
    assert "Minutes of the Ageing Well Group" in meeting
    index = article(site / "meetings/index.html")
    assert "Upcoming meetings" in index and "{#" not in index and "{%" not in index   # no template text leaks
    assert (site / "papers/ageing-well-minutes-2026-09-30/index.html").exists()
    assert "That the minutes of the Ageing Well Group be received." in article(site / "decisions/index.html")


def test_monthly_and_calendar_year_metrics_and_no_money(site):
    metrics = article(site / "metrics/index.html")
    assert "Average wait for an early help assessment" in metrics
    assert "dashboards" not in metrics              # this board has no hand-written dashboards
    falls = article(site / "metrics/falls-admissions/index.html")
    assert "2023 Actual 2,210 per 100,000 Public health annual report 2026" in falls   # calendar years
    assert "2025 Actual 2,080 per 100,000" in falls
    wait = article(site / "metrics/early-help-wait/index.html")
    assert "October 2026 Actual 18" in wait                                   # months
    assert not (site / "money").exists()


def test_its_own_licence_colour_and_contact(site):
    home = (site / "index.html").read_text()
    footer = home.split('<footer class="md-footer">', 1)[1]
    assert 'rel="license">Creative Commons Attribution 4.0 International</a>, except the district council' in footer
    assert "Harrowdale Health and Wellbeing Board, hosted by Harrowdale District Council." in footer
    assert "--md-primary-fg-color: #00695c;" in (site / "assets/hwbsite/board.css").read_text()
    assert "This website is fully compliant" in article(site / "accessibility/index.html")


def test_nothing_of_rotherham_reaches_any_output(site):
    found = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".ics", ".css", ".js", ".txt", ".md"}:
            words = hits(path.read_text(encoding="utf-8", errors="replace"))
            if words:
                found[path.relative_to(site).as_posix()] = words
    assert found == {}


def test_a_strategy_without_rag_shows_no_ratings(site):
    said = "The board reports progress on this plan in words; it does not rate the actions Red, Amber or Green."
    overview = article(site / "strategy/index.html")
    assert said in overview
    for word in ("RAG", "Not rated", "Red", "Amber"):
        assert word not in overview.replace(said, ""), word
    aim = article(site / "strategy/wellbeing-plan/aim-1/index.html")
    assert "Offer every family a health visit at two years" in aim
    for word in ("RAG", "Not rated"):
        assert word not in aim, word
    actions = article(site / "strategy/wellbeing-plan/actions/index.html")
    assert "3 actions." in actions and "RAG" not in actions
    assert not (site / "strategy/wellbeing-plan/actions/not-rated").exists()
