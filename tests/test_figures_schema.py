"""Every figure the site draws is a valid plotly figure: checked against plotly's own schema
(the `plotly` extra), so a misspelt property is an error here, not a chart the browser silently
draws without it."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest

go = pytest.importorskip("plotly.graph_objects", reason="the plotly extra: pip install 'hwbsite[plotly]'")

from hwbsite import output  # noqa: E402
from hwbsite.project import load_project  # noqa: E402
from hwbsite.publication import public_view  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
_FIGURE = re.compile(r'data-figure="([^"]*)"')


def figures(root: Path, today: dt.date) -> dict[str, dict]:
    project, log = load_project(root, today=today)
    assert project is not None and not log.errors
    found = {}
    for item in output.build_output(public_view(project, today)):
        if item.is_page:
            for n, m in enumerate(_FIGURE.finditer(item.text)):
                found[f"{item.path} figure {n + 1}"] = json.loads(html.unescape(m.group(1)))
    return found


def test_a_misspelt_property_is_refused():
    with pytest.raises(ValueError, match="colour"):
        go.Figure({"data": [{"type": "bar", "x": [1], "y": [2], "marker": {"colour": "red"}}]})

@pytest.mark.slow   # draws every figure of the whole real site

def test_every_figure_the_site_draws_is_valid_plotly():
    drawn = figures(REPO, dt.date(2026, 12, 1))
    # every chart of the real site: each metric's on its page, and again on a dashboard of eight or fewer
    # (a dashboard of more shows rows linking to the metric pages; a single figure is a big number)
    assert len(drawn) > 55
    invalid = {}
    for where, figure in drawn.items():
        try:
            go.Figure(figure)
        except ValueError as exc:
            invalid[where] = str(exc).splitlines()[0]
    assert invalid == {}
