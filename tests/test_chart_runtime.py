"""The chart runtime the site serves: the pinned basic plotly.js bundle, in step with the plotly
Python package, with its licence, small enough for a phone; and chart HTML that reads without it."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import plotly
import pytest

from hwbsite import chartassets, figures

BUNDLE_BUDGET_GZIP = 450_000   # bytes; the full bundle was ~1.44 MB gzip


def _version(js_path: str) -> str:
    head = Path(js_path).read_text(encoding="utf-8")[:300]
    match = re.search(r"plotly\.js(?: \([^)]*\))? v(\d+\.\d+\.\d+)", head)
    assert match, f"no version banner in {js_path}"
    return match.group(1)


def test_the_vendored_bundle_is_the_basic_build_of_the_plotly_js_the_python_package_ships():
    files = chartassets.runtime_files()
    bundled = str(Path(plotly.__file__).parent / "package_data" / "plotly.min.js")
    assert "(basic - minified)" in Path(files["plotly-basic.min.js"]).read_text(encoding="utf-8")[:200]
    assert _version(files["plotly-basic.min.js"]) == _version(bundled)
    assert "MIT License" in Path(files["plotly-basic.LICENSE.txt"]).read_text(encoding="utf-8")


def test_the_bundle_fits_its_budget_and_needs_no_eval():
    js = Path(chartassets.runtime_files()["plotly-basic.min.js"]).read_bytes()
    assert len(gzip.compress(js, 9)) <= BUNDLE_BUDGET_GZIP
    # A strict Content Security Policy (script-src 'self') forbids both.
    assert b"new Function(" not in js and b"eval(" not in js


def test_the_site_serves_the_basic_bundle_and_its_licence_and_not_the_full_one(rotherham_site):
    served = rotherham_site / "assets" / "hwbsite"
    assert (served / "plotly-basic.min.js").read_bytes() == Path(chartassets.runtime_files()["plotly-basic.min.js"]).read_bytes()
    assert (served / "plotly-basic.LICENSE.txt").exists()
    assert not (served / "plotly.min.js").exists()

@pytest.mark.slow   # draws every breakdown chart of the whole real site

def test_breakdown_charts_label_every_row():
    from hwbsite.project import load_project
    from conftest import REPO

    project, _ = load_project(REPO)
    seen = 0
    for metric in project.metrics.values():
        values = figures.series_values(project.values, metric.id)
        if not values or not all(v.breakdown for v in values):
            continue  # a series with a comparator beside it is a line chart (the comparator is in words)
        fig = figures.figure(metric, values)
        rows = [y for trace in fig["data"] for y in trace["y"]]
        seen += 1
        assert all(str(y).strip() for y in rows), f"{metric.id}: a row without a label"
        assert set(rows) == set(fig["layout"]["yaxis"]["categoryarray"]), metric.id
        # One dot per row and kind: two periods never share an unlabelled row.
        for trace in fig["data"]:
            assert len(trace["y"]) == len(set(trace["y"])), f"{metric.id}: {trace['name']} has two dots on one row"
    assert seen >= 5


def test_a_chart_with_nothing_to_draw_is_its_sentence_alone(rotherham_site):
    html = (rotherham_site / "dashboards" / "bcf-2014" / "index.html").read_text(encoding="utf-8")
    empty = re.findall(r'<figure class="hwb-chart hwb-chart--empty" id="([^"]+)">\s*<figcaption>([^<]+)', html)
    assert empty, "bcf-2014 has metrics with no figures published"
    for chart_id, caption in empty:
        assert caption.startswith("No figures have been published"), chart_id


def test_plotly_styles_are_served_as_a_stylesheet_so_a_re_rendered_page_keeps_them():
    """plotly.js keeps its own rules in a <style> it adds to <head> once; Material's instant
    navigation can drop it, and then each chart's transparent hover layer sits below the chart,
    over the next heading. The site serves the same rules, taken from the pinned bundle."""
    css = chartassets.runtime_css()
    rules = css.splitlines()[1:]
    js = Path(chartassets.runtime_files()["plotly-basic.min.js"]).read_text(encoding="utf-8")
    literal = js[js.index(chartassets._STYLE_START):]
    literal = literal[: literal.index("}") + 1]
    assert len(rules) == literal.count(";\",") + literal.count(";',") + 1   # one rule per entry
    assert ".js-plotly-plot .plotly .main-svg{position:absolute;top:0;left:0;pointer-events:none;}" in rules
    assert ".plotly-notifier{" in css and "X" not in "".join(r.split("{")[0] for r in rules)


def test_every_page_links_the_plotly_stylesheet_before_the_sites_own(rotherham_site):
    page = (rotherham_site / "metrics" / "camhs-inpatients" / "index.html").read_text(encoding="utf-8")
    served = (rotherham_site / "assets" / "hwbsite" / "plotly-basic.css").read_text(encoding="utf-8")
    assert served == chartassets.runtime_css()
    assert page.index("assets/hwbsite/plotly-basic.css") < page.index("assets/hwbsite/hwbsite.css")
