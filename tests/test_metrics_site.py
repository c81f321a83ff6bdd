"""The dashboards publish the seed figures exactly, with charts, tables and downloads."""

from __future__ import annotations

import csv
import html
import json
import re

import pytest

from test_build import main_text
from test_papers import SEED_FILES, seed_line

# (metric, period as published, kind, value, seed, line)
VALUES = [
    ("bcf-non-elective-admissions", "Q1 17/18", "plan", "7395", "000", 4839),
    ("bcf-non-elective-admissions", "Q2 17/18", "plan", "7436", "000", 4839),
    ("bcf-non-elective-admissions", "Q3 17/18", "plan", "7047", "000", 4839),
    ("bcf-non-elective-admissions", "Q4 17/18", "plan", "7016", "000", 4839),
    ("bcf-non-elective-admissions", "Q4 18/19", "plan", "6999", "000", 4839),
    ("bcf-non-elective-admissions", "2017/18", "plan", "28893", "000", 4839),
    ("bcf-non-elective-admissions", "2018/19", "plan", "28824", "000", 4839),
    ("bcf-residential-admissions", "15/16", "actual", "808.1", "000", 4876),
    ("bcf-residential-admissions", "17/18", "plan", "580.2", "000", 4876),
    ("bcf-residential-admissions", "2017/18", "target", "589", "000", 3770),
    ("bcf-residential-admissions", "2016/17", "actual", "663", "000", 3770),
    ("bcf-residential-admissions-count", "Quarter 1 2017/18", "target", "75", "000", 3770),
    ("bcf-reablement", "15/16", "actual", "89.6", "000", 4889),
    ("bcf-reablement", "17/18", "plan", "87.8", "000", 4889),
    ("bcf-reablement", "2016/17", "actual", "87.5", "000", 3778),
    ("bcf-dtoc-delayed-days", "Q4 16/17", "actual", "1103.8", "000", 4897),
    ("bcf-dtoc-delayed-days", "Q1 17/18", "plan", "1166.5", "000", 4897),
    ("bcf-dtoc-delayed-days", "Q4 18/19", "plan", "675.1", "000", 4897),
    ("bcf-dtoc-people-delayed", "September 2017", "threshold", "9.4", "000", 3756),
    ("bcf-dtoc-percent-delayed", "September 2016", "actual", "3.27", "000", 3526),
    ("bcf-dtoc-percent-delayed", "March 2017", "actual", "6.0", "000", 3533),
    ("bcf-residential-admissions", "April 2012 - March 2013", "baseline", "739.6", "003", 510),
    ("bcf-reablement", "April 2012 - March 2013", "baseline", "86.7", "003", 514),
    ("bcf-reablement", "April 2014 - March 2015", "plan", "91.5", "003", 514),
    ("bcf-dtoc-2014", "April - December 2014", "plan", "109.1", "003", 518),
    ("bcf-avoidable-emergency-admissions", "October 2014 - March 2015", "plan", "528", "003", 522),
    ("community-fragility-fracture-ae-per-month", "16/17 year-end", "actual", "127", "000", 2834),
    ("community-unscheduled-admissions-over-65-per-month", "17/18", "target", "730", "000", 2837),
    ("community-gp-referrals-mau-per-month", "16/17", "target", "262.5", "000", 2836),
    ("community-emergency-admissions-over-65", "2016/17", "threshold", "8760", "000", 2849),
    ("community-fragility-fracture-ae", "Jun-16", "actual", "192", "000", 2842),
    ("camhs-waiting-without-assessment-appointment", "April 2016", "actual", "240", "000", 6254),
    ("camhs-average-wait-treatment", "Quarter 1 (2017/18)", "actual", "7.1", "000", 7030),
    ("camhs-waiting-for-treatment", "Quarter 1 (2017/18)", "actual", "193", "000", 7029),
    ("camhs-spa-referrals", "Quarter 4 (2016/17)", "actual", "362", "000", 6291),
    ("camhs-spa-referrals", "Quarter 1 (2017/18)", "actual", "335", "000", 6987),
    ("camhs-ics-caseload", "Quarter 4 (2016/17)", "actual", "33", "000", 6077),
    ("equity-audit-engagement", "2015-16", "actual", "41.2", "000", 2106),
    ("equity-audit-engagement", "2015-16", "threshold", "8.4", "000", 2117),
    ("healthwatch-comments", "2016/17", "actual", "27859", "000", 826),
]
KIND_WORDS = {"actual": "Actual", "plan": "Plan", "target": "Target", "baseline": "Baseline",
              "threshold": "Threshold", "forecast": "Forecast"}


def numbers_in(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


@pytest.mark.fidelity
@pytest.mark.skipif(not SEED_FILES, reason="the seed papers (../shared/seeds) are not beside this checkout")
@pytest.mark.parametrize("metric, period, kind, value, seed, line", VALUES)
def test_values_on_the_built_pages_match_the_seeds(rotherham_site, metric, period, kind, value, seed, line):
    assert float(value) in numbers_in(seed_line(seed, line)), "value not at that line of the seed"
    # the published CSV download carries it exactly
    rows = list(csv.DictReader((rotherham_site / "downloads/metrics" / f"{metric}.csv").open()))
    assert any(r["period"] == period and r["kind"] == kind and r["value"] == value for r in rows)
    # the page shows it as printed, its whole part grouped in thousands (7395 reads 7,395)
    whole, dot, fraction = value.partition(".")
    shown = f"{int(whole):,}{dot}{fraction}" if whole.isdigit() else value
    page = rotherham_site / "metrics" / metric / "index.html"
    assert shown in main_text(page)
    # whatever its chart draws is a figure the papers printed for this measure (no figure invented)
    printed = {float(r["value"]) for r in rows}
    for data in re.findall(r'<div class="hwb-chart__plot"[^>]* data-figure="([^"]*)"', page.read_text()):
        for trace in json.loads(html.unescape(data))["data"]:
            drawn = trace["x"] if trace.get("orientation") == "h" else trace["y"]
            assert set(drawn) <= printed, (metric, trace["name"])


def test_every_dashboard_has_charts_with_text_alternatives(rotherham_site):
    # camhs and community-kpis show compact rows, each linking to its metric's page, which draws the chart
    pages = ([rotherham_site / "dashboards" / name / "index.html"
              for name in ("bcf-2017-19", "bcf-2014", "equity-audit", "healthwatch")]
             + [rotherham_site / href.removeprefix("../../") / "index.html"
                for name in ("camhs", "community-kpis")
                for href in re.findall(r'<p class="hwb-tile__name"><a href="([^"#]+)">',
                                       (rotherham_site / "dashboards" / name / "index.html").read_text())])
    assert len(pages) > 20
    for name in pages:
        raw = name.read_text()
        if "hwb-chart--single" in raw:   # one published figure, shown as a figure
            continue
        charts = re.findall(r'<div class="hwb-chart__plot" role="img" aria-label="([^"]+)"', raw)
        assert charts, name
        assert all(len(label) > 20 for label in charts)
        assert "<figcaption>" in raw and "Download" in raw


def test_pages_without_charts_do_not_load_plotly(rotherham_site):
    for page in ("index.html", "meetings/2017-09-20/index.html", "papers/bcf-plan-2017-19/index.html"):
        # plotly's small stylesheet is linked on every page (instant navigation keeps it); nothing else of plotly
        mentions = re.findall(r'"([^"]*plotly[^"]*)"', (rotherham_site / page).read_text())
        assert [m.rsplit("/", 1)[-1] for m in mentions] == ["plotly-basic.css"], page
    assert (rotherham_site / "assets/hwbsite/plotly-basic.min.js").stat().st_size > 1_000_000
