"""'Next update due' (issue 27, as Fingertips shows it): an officer-written registry field, printed on
the metric's page and its dashboard tile only when set, checked at its line, never worked out."""

from __future__ import annotations

import datetime as dt

from hwbsite import tiles
from hwbsite.output import build_output
from hwbsite.project import load_project
from hwbsite.publication import public_view

TODAY = dt.date(2026, 12, 3)


def _with_next_update(root, value: str):
    reg = root / "data/metrics/registry.yml"
    text = reg.read_text(encoding="utf-8")
    reg.write_text(text.replace("    unit: days\n", f"    unit: days\n    next_update: {value}\n", 1), encoding="utf-8")
    return load_project(root)


def test_next_update_due_is_printed_on_the_page_and_tile_only_where_the_registry_gives_it(fixture_project):
    project, log = _with_next_update(fixture_project("second-board"), '"January 2027"')
    assert not log.errors, log.errors
    view = public_view(project, TODAY)
    pages = {i.path: i.text for i in build_output(view) if i.is_page}
    assert "Next update due: January 2027 (as the papers state)." in pages["metrics/early-help-wait.md"]
    assert "Next update due" not in pages["metrics/falls-admissions.md"]     # none set: none invented
    assert '<p class="hwb-tile__next">Next update due: January 2027</p>' in tiles.tile(view, "early-help-wait", "x.md")
    assert "Next update due" not in tiles.tile(view, "falls-admissions", "x.md")


def test_a_next_update_date_is_written_in_words(fixture_project):
    project, log = _with_next_update(fixture_project("second-board"), "2026-12-16")
    assert not log.errors, log.errors
    pages = {i.path: i.text for i in build_output(public_view(project, TODAY)) if i.is_page}
    assert "Next update due: 16 December 2026 (as the papers state)." in pages["metrics/early-help-wait.md"]


def _the_one_error_at_its_line(fixture_project, value: str):
    """The single error a next_update value gives, after checking it is at the field's line."""
    _, log = _with_next_update(fixture_project("second-board"), value)
    found = [p for p in log.errors if p.field.endswith("next_update")]
    assert len(found) == 1, log.errors
    assert (found[0].file, found[0].line) == ("data/metrics/registry.yml", 6)
    return found[0]


def test_a_next_update_that_is_not_a_date_or_period_is_an_error_at_its_line(fixture_project):
    error = _the_one_error_at_its_line(fixture_project, "soon")
    assert "expected a date or a period, got 'soon'" in error.message
    assert "2018-03-31" in error.hint


def test_a_next_update_dated_before_the_latest_figures_is_an_error(fixture_project):
    # the fixture's latest early-help figures are dated 2026-11-18
    error = _the_one_error_at_its_line(fixture_project, "2026-11-01")
    assert "next update due 2026-11-01, but its latest figures are dated 2026-11-18" in error.message
