"""The at-a-glance tiles at the head of each dashboard (issue 14)."""

from __future__ import annotations

import re

import pytest

from hwbsite import blocks, tiles
from hwbsite.errors import BlockError


def test_every_dashboard_with_charts_opens_with_one_tile_per_chart(rotherham_site):
    for name in ["bcf-2014", "bcf-2017-19", "healthwatch"]:   # eight series or fewer: full tiles, full charts
        html = (rotherham_site / f"dashboards/{name}/index.html").read_text(encoding="utf-8")
        charts = re.findall(r'<figure class="hwb-chart(?: hwb-chart--empty| hwb-chart--single)?" id="(chart-[\w-]+)"', html)
        links = re.findall(r'<p class="hwb-tile__name"><a href="#(chart-[\w-]+)">', html)
        assert charts and links == list(dict.fromkeys(charts)), name
        assert html.index('id="at-a-glance"') < html.index('<figure class="hwb-chart"')
        # each tile also links to the metric's own page
        for chart in links:
            assert f'href="../../metrics/{chart.removeprefix("chart-")}/">Details' in html


def test_a_tile_shows_latest_actual_same_period_plan_status_and_trend(rotherham_site):
    html = (rotherham_site / "dashboards/bcf-2017-19/index.html").read_text(encoding="utf-8")
    start = html.index('<a href="#chart-bcf-residential-admissions">')
    tile = html[start:html.index("</li>", start)]
    assert '<p class="hwb-tile__figure">663 per 100,000<span class="hwb-tile__period"> actual, 2016/17</span></p>' in tile
    # the 16/17 plan is the same year as the 2016/17 actual (the audit found it said "no plan")
    assert ">On track</span> <span class=\"hwb-tile__whose\">worked out by this site</span>" in tile
    assert ("The latest actual is 663 per 100,000 for 2016/17, below the plan of 771.9 per 100,000 for 16/17 "
            "(the same period).") in tile
    assert '<svg class="hwb-spark"' in tile and 'aria-label="Trend: actual' in tile and "663 per 100,000 in 2016/17" in tile


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


def test_a_dashboard_of_many_series_draws_rows_and_links_each_to_its_full_chart():
    """More series than tiles.COMPACT_OVER: compact rows only. A section that holds nothing but its
    chart goes (its row stands for it); one that says more keeps its words and links to the chart;
    the page's own title stays."""
    ids = [f"m{i}" for i in range(tiles.COMPACT_OVER + 1)]

    class P:
        metrics = {m: None for m in ids}
    sections = "".join(f"## Section {m}\n\n```chart\nmetric: {m}\n```\n\n" for m in ids[1:])
    text = (f"# Dashboard\n\n```tiles\n```\n\n{sections}"
            "## Why m0 matters\n\nThe officers' words.\n\n```chart\nmetric: m0\n```\n")
    seen = {}
    out = blocks.Expander(P(), {"tiles": lambda o, p: seen.update(o) or "ROWS\n", "chart": lambda o, p: "FULL",
                               "chart-link": lambda o, p: f"LINK {o['metric']}\n"}).expand(text, "dashboards/x.md")
    assert "FULL" not in out and "## Section" not in out
    assert seen["metrics"] == ids[1:] + ["m0"] and seen["on_page"] == []
    assert out.startswith("# Dashboard\n\nROWS\n")
    assert out.rstrip().endswith("## Why m0 matters\n\nThe officers' words.\n\nLINK m0")
    # a dashboard of eight draws every chart and its tiles point at them
    few = "```tiles\n```\n\n" + "".join(f"## S {m}\n\n```chart\nmetric: {m}\n```\n\n" for m in ids[:8])
    out = blocks.Expander(P(), {"tiles": lambda o, p: seen.update(o) or "ROWS\n", "chart": lambda o, p: "FULL",
                               "chart-link": lambda o, p: "LINK"}).expand(few, "dashboards/x.md")
    assert out.count("FULL") == 8 and out.count("## S") == 8 and "LINK" not in out and seen["on_page"] == ids[:8]


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
    # both figures the sentence names lead the tile, as numbers, with the period they are for
    assert '<p class="hwb-tile__figure">19 or 37.3<span class="hwb-tile__period"> actual, 16/17 or 16/17 year-end: the papers give 2 figures</span></p>' in disagree
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


# --- issue 27: tiles as Fingertips draws them ------------------------------------------------

NUMBER = re.compile(r"^-?£?\d[\d,]*(?:\.\d+)?")


@pytest.mark.slow
def test_every_tile_on_every_dashboard_starts_with_a_number_and_a_period(rotherham_site):
    """Done-when of issue 27, over the built site: a tile leads with a published number, then the
    kind of figure and its period; only a measure with no figure at all says so instead."""
    import html as html_lib
    tiles_seen = none = 0
    for page in sorted(rotherham_site.glob("dashboards/*/index.html")):
        text = page.read_text(encoding="utf-8")
        for tile in re.findall(r'<li class="hwb-tile.*?</li>', text, re.S):
            tiles_seen += 1
            figure = re.search(r'<p class="hwb-tile__figure[^"]*">(.*?)</p>', tile, re.S).group(1)
            if figure == "No figure has been published":
                none += 1
                continue
            number, period = re.fullmatch(r'(.*?)<span class="hwb-tile__period"> (.*?)</span>', figure).groups()
            assert NUMBER.match(html_lib.unescape(number)), (page, figure)
            assert re.search(r"\d", period), (page, figure)       # a period names its year
            # the four headlines issue 27 saw in place of a figure are gone
            assert "categories<" not in figure and "different actuals" not in figure and "No actual" not in figure
    assert tiles_seen > 50
    # bcf-2014's two outcome measures have no published figure at all; nothing else may say so
    assert none == 2


@pytest.mark.slow
def test_a_tile_shows_direction_of_travel_in_words_and_the_comparators(rotherham_site):
    html = (rotherham_site / "dashboards/healthwatch/index.html").read_text(encoding="utf-8")
    start = html.index('<a href="#chart-healthwatch-comments">')
    tile = html[start:html.index("</li>", start)]
    # a count over 999 has its separator; the arrow is decoration, the words carry the direction
    assert '<p class="hwb-tile__figure">27,859<span class="hwb-tile__period"> actual, 2016/17</span></p>' in tile
    assert ('<p class="hwb-tile__travel"><span class="hwb-tile__arrow" aria-hidden="true">▲</span> '
            "Up from 4,557 for 2015/16</p>") in tile
    assert "It is up from 4,557 for 2015/16." in tile   # the sentence says the same
    camhs = (rotherham_site / "dashboards/camhs/index.html").read_text(encoding="utf-8")
    start = camhs.index('<a href="../../metrics/camhs-inpatient-admission-rate/">')
    tile = camhs[start:camhs.index("</li>", start)]
    # the registry's headline category leads; the other CCGs are its benchmark
    assert '<p class="hwb-tile__figure">8.4 per 100,000<span class="hwb-tile__period"> Rotherham, actual, 2016</span>' in tile
    assert ('<p class="hwb-tile__benchmark">Compared with: Barnsley 20.92 per 100,000; Bassetlaw 33.01 per 100,000; '
            "Doncaster 42.15 per 100,000 and 1 more (in the chart)</p>") in tile


@pytest.mark.slow
def test_a_dashboard_of_many_series_shows_compact_rows_each_a_click_from_its_chart(rotherham_site):
    for name in ("camhs", "community-kpis"):
        page = rotherham_site / f"dashboards/{name}/index.html"
        html = page.read_text(encoding="utf-8")
        assert '<ul class="hwb-tiles__list hwb-tiles__list--compact">' in html
        rows = re.findall(r'<li class="hwb-tile.*?</li>', html, re.S)
        assert len(rows) > tiles.COMPACT_OVER
        # the rows only: no full chart or data table stacked below them
        assert "hwb-chart" not in html and "<table" not in html
        for row in rows:
            metric = re.search(r'<p class="hwb-tile__name"><a href="\.\./\.\./metrics/([\w-]+)/">', row).group(1)
            assert "hwb-tile__reason" not in row      # the sentence is with the chart, one click away
            assert f'<a href="../../metrics/{metric}/">Full chart and data<span class="hwb-visually-hidden"> of ' in row
            # one click away: the metric's page draws its chart (or its one figure) and its table
            own = (rotherham_site / f"metrics/{metric}/index.html").read_text(encoding="utf-8")
            assert f'id="chart-{metric}"' in own and "<table" in own, metric
    few = (rotherham_site / "dashboards/healthwatch/index.html").read_text(encoding="utf-8")
    assert "hwb-tiles__list--compact" not in few and "hwb-tile__reason" in few


def test_direction_of_travel_compares_only_like_with_like():
    """A part-quarter figure is not compared with a whole quarter, nor a year with a quarter; the
    previous figure is the nearest earlier one of the same kind."""
    from hwbsite import assessment, periods
    from hwbsite.metrics import Value
    from hwbsite.models.metrics import Metric

    metric = Metric(id="m", title="M", unit="count")

    def v(label, value, covers=None):
        return Value(metric="m", period=periods.parse(label), kind="actual", value=value, published=str(value),
                     unit="count", covers=periods.parse(covers) if covers else None)
    q3, q4 = v("Q3 16/17", 56), v("Q4 16/17", 30)
    year = v("2015/16", 300)
    status = assessment.status(metric, [year, q3, q4])
    assert status.previous is q3 and assessment.travel(status) == "down from 56 for Q3 16/17"
    part = v("Q1 17/18", 40, "April 2017 - May 2017")
    assert assessment.status(metric, [q3, q4, part]).previous is None
    assert assessment.travel(assessment.status(metric, [q4, v("Q1 17/18", 30)])) == "no change, the same as 30 for Q4 16/17"


def test_a_headline_category_must_be_one_the_figures_have(tmp_path):
    from conftest import REPO, copy_project
    from hwbsite.project import load_project

    root = copy_project(REPO, tmp_path / "p")
    reg = root / "data/metrics/registry.yml"
    reg.write_text(reg.read_text(encoding="utf-8").replace('headline: "Rotherham"', 'headline: "Rotherhan"'),
                   encoding="utf-8")
    _, log = load_project(root)
    found = [p for p in log.errors if p.field == "headline"]
    assert len(found) == 1, log.errors
    assert found[0].file == "data/metrics/registry.yml" and found[0].line > 1
    assert "headline category 'Rotherhan' is not a breakdown" in found[0].message
    assert "Rotherham" in found[0].hint
