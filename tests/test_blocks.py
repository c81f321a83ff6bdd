"""Block options are validated like data: each problem at the line of the option, with a hint."""

from __future__ import annotations

from hwbsite.project import load_project

PAGE = "content/dashboards/test.md"


def problems(root, block: str):
    page = root / PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# Test\n\nSome words.\n\n" + block)   # the fence opens on line 5
    _project, log = load_project(root)
    return [(p.line, p.column, p.message, p.hint) for p in log.errors if p.file == PAGE]


def test_a_misspelt_option_is_reported_at_its_own_line_with_a_suggestion(fixture_project):
    found = problems(fixture_project("minimal"), "```table\nfile: nothing.csv\ndisply: table\n```\n")
    found = [f for f in found if "nothing.csv" not in f[2]]   # the missing table is another problem
    assert len(found) == 1
    line, column, message, hint = found[0]
    assert (line, column) == (7, 1)
    assert "disply" in message
    assert "display" in hint


def test_a_bad_value_is_reported_at_its_line_naming_the_choices(fixture_project):
    found = problems(fixture_project("minimal"), "```table\nfile: nothing.csv\ndisplay: tabel\n```\n")
    found = [f for f in found if "nothing.csv" not in f[2]]
    assert [line for line, *_ in found] == [7]
    assert found[0][2] == 'expected one of \'table\' or \'download\', got "tabel"'


def test_an_unknown_metric_is_reported_at_the_metric_line(fixture_project):
    found = problems(fixture_project("minimal"), "```chart\n\nmetric: no-such-metric\n```\n")
    assert [(line, message) for line, _c, message, _h in found] == [(7, "unknown metric 'no-such-metric'")]


def test_an_option_that_would_do_nothing_is_refused(fixture_project):
    # 'breakdown: true' used to be accepted and ignored: a chart shows categories from the data
    found = problems(fixture_project("minimal"), "```chart\nmetric: x\nbreakdown: true\n```\n")
    assert any(line == 7 and "breakdown" in message for line, _c, message, _h in found)
