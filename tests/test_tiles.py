"""The at-a-glance tiles at the head of each dashboard (issue 14)."""

from __future__ import annotations

import re

import pytest

from hwbsite import blocks, tiles
from hwbsite.errors import BlockError


def test_every_dashboard_with_charts_opens_with_one_tile_per_chart(rotherham_site):
    for name in ["bcf-2014", "bcf-2017-19", "camhs", "community-kpis", "healthwatch"]:
        html = (rotherham_site / f"dashboards/{name}/index.html").read_text(encoding="utf-8")
        charts = re.findall(r'<figure class="hwb-chart(?: hwb-chart--empty)?" id="(chart-[\w-]+)"', html)
        links = re.findall(r'<p class="hwb-tile__name"><a href="#(chart-[\w-]+)">', html)
        assert links == list(dict.fromkeys(charts)), name
        assert html.index('id="at-a-glance"') < html.index('<figure class="hwb-chart"')
        # each tile also links to the metric's own page
        for chart in links:
            assert f'href="../../metrics/{chart.removeprefix("chart-")}/">Details' in html


def test_a_tile_shows_latest_actual_same_period_plan_status_and_trend(rotherham_site):
    html = (rotherham_site / "dashboards/bcf-2017-19/index.html").read_text(encoding="utf-8")
    start = html.index('<a href="#chart-bcf-residential-admissions">')
    tile = html[start:html.index("</li>", start)]
    assert '<p class="hwb-tile__figure">663<span class="hwb-tile__period"> actual, 2016/17</span></p>' in tile
    # the 16/17 plan is the same year as the 2016/17 actual (the audit found it said "no plan")
    assert ">On track</span> <span class=\"hwb-tile__whose\">worked out by this site</span>" in tile
    assert "The latest actual is 663 for 2016/17, below the plan of 771.9 for 16/17 (the same period)." in tile
    assert '<svg class="hwb-spark"' in tile and 'aria-label="Trend: actual' in tile and "663 in 2016/17" in tile


def test_tiles_block_without_metrics_takes_the_charts_of_its_page():
    class P:
        metrics = {"a": None, "b": None}
    text = "```tiles\n```\n\n```chart\nmetric: a\n```\n```chart\nmetrics: [b, a]\n```\n"
    seen = {}
    expander = blocks.Expander(P(), {"tiles": lambda o, p: seen.setdefault("m", o["metrics"]) and "T",
                                     "chart": lambda o, p: "C"})
    expander.expand(text, "dashboards/x.md")
    assert seen["m"] == ["a", "b"]


def test_tiles_block_names_an_unknown_metric():
    class P:
        metrics = {"a": None}
    with pytest.raises(BlockError, match=r"dashboards/x.md:1: unknown metric 'zz'"):
        blocks.Expander(P(), {"tiles": lambda o, p: ""}).expand("```tiles\nmetrics: [zz]\n```\n", "dashboards/x.md")


def test_sparkline_needs_two_actuals():
    assert tiles.sparkline([]) == ""


def test_a_tile_shows_the_figures_its_sentence_compares_and_no_other():
    """Where the papers publish two different actuals for the latest period the sentence rates
    neither; the tile used to show one of them beside a target as if it had been compared."""
    import datetime as dt

    from conftest import REPO
    from hwbsite import assessment, figures
    from hwbsite.project import load_project

    project, _ = load_project(REPO, today=dt.date(2017, 9, 20))
    disagree = tiles.tile(project, "community-fractured-neck-of-femur-per-month", "dashboards/x.md")
    assert '<p class="hwb-tile__figure">2 different actuals<span class="hwb-tile__period">, 16/17</span></p>' in disagree
    assert "hwb-tile__plan" not in disagree
    assert "The papers publish 2 different actual figures for the same latest period" in disagree
    shown = 0
    for metric_id, metric in project.metrics.items():
        status = assessment.status(metric, figures.series_values(project.values, metric_id))
        tile = tiles.tile(project, metric_id, "dashboards/x.md")
        if len(status.actuals) == 1 and not any(v.breakdown for v in figures.series_values(project.values, metric_id)):
            figure = status.actuals[0]
            # the headline names the sentence's period, and says when the figure covers only part of it
            covers = f" ({figure.coverage})" if figure.covers else ""
            assert (f'<p class="hwb-tile__figure">{figures.format_value(figure)}<span class="hwb-tile__period"> '
                    f'actual, {figure.period.label}{covers}</span>') in tile, metric_id
            assert f"{figures.format_value(figure)}{covers} for {figure.period.label}" in status.text, metric_id
            assert (status.plan is None) == ("hwb-tile__plan" not in tile), metric_id
            shown += 1
    assert shown > 20
