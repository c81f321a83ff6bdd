"""A plan with two progress updates: the aim page shows how each action's RAG changed."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, build, copy_project

# Every test reads the fixture's whole site, built with MkDocs once per module: `make test` runs them.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site, built once for this module with --strict."""
    return build(copy_project(FIXTURES / "strategy-history", tmp_path_factory.mktemp("strategy-history")))


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _row(html: str, action_id: str) -> str:
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        if f"<strong>{action_id}</strong>" in row:
            yield _text(row)


def test_history_fixture_builds_and_shows_rag_change(site):
    html = (site / "strategy/tiny-plan/aim-1/index.html").read_text(encoding="utf-8")
    assert 'id="rag-history"' in html
    history = html[html.index('id="rag-history"'):]
    assert "14 June 2017" in history and "20 September 2017" in history
    rows = {a: list(_row(history, a))[0] for a in ("1.01", "1.02", "1.03")}
    assert rows["1.01"].endswith("Amber ! Green ✓ Amber to Green")
    assert rows["1.02"].endswith("Red ✗ Amber ! Red to Amber")
    assert rows["1.03"].endswith("Not rated – TBC ? Not rated to TBC")
    # the sources of both updates are given, the first with a link to its meeting
    assert "first update, test fixture" in history and "second update, test fixture" in history
    assert 'href="../../../meetings/2017-06-14/"' in history


def _card(html: str, action_id: str) -> str:
    anchor = "action-" + action_id.replace(".", "-")
    start = html.index(f'id="{anchor}"')
    return _text(html[start:html.index("</ul>", start)])


def test_history_fixture_current_status_is_the_latest_update(site):
    html = (site / "strategy/tiny-plan/aim-1/index.html").read_text(encoding="utf-8")
    current = html[:html.index('id="rag-history"')]
    assert "3 actions: 1 Amber, 1 Green, 1 TBC" in _text(current)
    # 1.02 was due by July 2017 and is Amber at 20 September 2017: overdue, said in words
    assert "Past timescale (worked out by this site): timescale" in _card(current, "1.02")
    assert "ended on 31 July 2017" in _card(current, "1.02")
    assert "Past timescale" not in _card(current, "1.01")   # Green
    # the agenda item tagged with aim 1 is linked
    assert 'href="../../../meetings/2017-06-14/#item-2"' in html


def test_history_fixture_overview_and_links_from_meetings(site):
    overview = (site / "strategy/index.html").read_text(encoding="utf-8")
    text = _text(overview)
    assert "Aim 1: 3 actions: 1 Amber, 1 Green, 1 TBC" in text
    assert "Aim 2: 1 action: 1 Amber" in text
    assert "Progress updates" in text
    meeting = (site / "meetings/2017-06-14/index.html").read_text(encoding="utf-8")
    assert 'href="../../strategy/tiny-plan/aim-1/"' in meeting
    # aim pages are reachable but not in the navigation
    assert 'href="../strategy/tiny-plan/aim-1/"' not in (site / "meetings/index.html").read_text(encoding="utf-8")
