"""Metric figures, their text alternatives, computed status and data checks (no site build needed)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from hwbsite import assessment, charts, figures, figuretables
from hwbsite.errors import ProblemLog
from hwbsite.metrics import check_values, load_values
from hwbsite.models.metrics import Metric

HEADER = "metric,period,kind,value,unit,breakdown,numerator,denominator,ci_low,ci_high,covers,as_of,source,note\n"


def metric(**kw) -> Metric:
    base = {"id": "nea", "title": "Emergency admissions", "unit": "count", "polarity": "lower", "tolerance": 0.02}
    return Metric.model_validate({**base, **kw})


def values(tmp_path: Path, rows: str, registry: dict):
    (tmp_path / "v").mkdir(exist_ok=True)
    (tmp_path / "v/values.csv").write_text(HEADER + rows)
    log = ProblemLog(tmp_path)
    vals = load_values(tmp_path / "v", registry, log)
    return vals, log


ROWS = ("nea,Q1 17/18,plan,7395,count,,,,,,,2017-09-11,000 lines 4839,\n"
        "nea,Q2 17/18,plan,7436,count,,,,,,,2017-09-11,000 lines 4839,\n"
        "nea,Q1 17/18,actual,7600,count,,,,,,,2017-11-01,,\n")


def test_actuals_solid_with_markers_plans_dashed_hover_shows_published_value(tmp_path):
    m = metric()
    vals, log = values(tmp_path, ROWS, {"nea": m})
    assert log.problems == []
    fig = figures.figure(m, vals)
    by_name = {t["name"]: t for t in fig["data"]}
    assert by_name["Actual"]["line"]["dash"] == "solid" and "markers" in by_name["Actual"]["mode"]
    assert by_name["Plan"]["line"]["dash"] == "dash"
    assert by_name["Plan"]["marker"]["symbol"] != by_name["Actual"]["marker"]["symbol"]
    assert "Q1 17/18: 7,395" in by_name["Plan"]["text"]   # thousands grouped, as every page writes it
    assert fig["layout"]["yaxis"]["title"]["text"] == "number (from 0)"   # every value axis starts at zero
    assert "template" not in fig["layout"]
    assert len(figures.figure_json(fig)) < 3000  # no 6.5 KB default template per chart


def test_confidence_intervals_become_error_bars_and_breakdowns_a_dot_and_interval_chart(tmp_path):
    m = metric(id="eq", unit="percent", polarity="higher")
    vals, _ = values(tmp_path, "eq,2015-16,actual,41.2,percent,EHC,,,37.1,45.4,,,,\n"
                               "eq,2015-16,threshold,42.2,percent,EHC,,,,,,,,\n", {"eq": m})
    fig = figures.figure(m, vals)
    actual = next(t for t in fig["data"] if t["name"] == "Actual")
    assert actual["y"] == ["EHC"] and actual["x"] == [41.2]
    assert actual["error_x"]["array"] == [pytest.approx(4.2)] and actual["error_x"]["arrayminus"] == [pytest.approx(4.1)]
    assert "95% CI 37.1 to 45.4" in actual["text"][0]


@pytest.mark.parametrize("actual, polarity, rag", [
    (7300, "lower", "G"), (7500, "lower", "A"), (7700, "lower", "R"),
    (7500, "higher", "G"), (7300, "higher", "A"), (7000, "higher", "R"),
])
def test_status_uses_polarity_and_tolerance(tmp_path, actual, polarity, rag):
    m = metric(polarity=polarity)
    vals, _ = values(tmp_path, f"nea,Q1 17/18,plan,7395,count,,,,,,,,,\nnea,Q1 17/18,actual,{actual},count,,,,,,,,,\n",
                     {"nea": m})
    assert assessment.status(m, vals).rag == rag


def test_text_summary_says_latest_actual_plan_and_direction_in_words(tmp_path):
    # no computed gap: every number in a sentence is a figure in the data table (see test_sentences)
    m = metric()
    vals, _ = values(tmp_path, ROWS, {"nea": m})
    text = assessment.summary(m, vals)
    assert text == "The latest actual is 7,600 for Q1 17/18, above the plan of 7,395 for Q1 17/18. Lower is better."


def test_chart_json_cannot_close_its_script_element():
    fig = {"data": [{"name": "</script><script>alert(1)</script>"}], "layout": {}}
    encoded = figures.figure_json(fig)
    assert "</script>" not in encoded and json.loads(encoded) == fig


def test_csv_download_keeps_published_values(tmp_path):
    m = metric()
    vals, _ = values(tmp_path, ROWS, {"nea": m})
    text = figuretables.csv_download(m, vals)
    assert text.splitlines()[0] == HEADER.strip()
    assert "nea,Q1 17/18,plan,7395,count" in text


# --- errors and data checks ----------------------------------------------------------------

@pytest.mark.parametrize("row, where, words", [
    ("nope,Q1 17/18,plan,1,count,,,,,,,,,\n", "v/values.csv:2:1", "unknown metric 'nope'"),
    ("nea,Q9 17/18,plan,1,count,,,,,,,,,\n", "v/values.csv:2:5", 'cannot read the period "Q9 17/18"'),
    ("nea,Q1 17/18,plan,lots,count,,,,,,,,,\n", "v/values.csv:2:19", "expected a plain number, got 'lots'"),
    ("nea,Q1 17/18,plan,1,percent,,,,,,,,,\n", "v/values.csv:2:21", "disagrees with the registry's 'count'"),
    ("nea,Q1 17/18,guess,1,count,,,,,,,,,\n", "v/values.csv:2:14", "expected one of 'actual', 'plan'"),
    # quoted cells: the column is still the cell's own, not the row's start
    ('nea,"Q1 17/18",plan,"1,5",count,,,,,,,,,\n', "v/values.csv:2:21", "expected a plain number, got '1,5'"),
    ("nea,Q1 17/18,plan,1,count,,,,,,,,,\nnea,Q1 17/18,plan,2,count,,,,,,,,,\n", "v/values.csv:3:1",
     "duplicate row for nea / Q1 17/18 / plan"),
    ("nea,Q1 17/18,plan,1,count\n", "v/values.csv:2:1", "expected 14 columns like the header, found 5"),
])
def test_bad_values_give_file_line_and_column(tmp_path, row, where, words):
    _vals, log = values(tmp_path, row, {"nea": metric()})
    (problem,) = log.errors
    assert problem.format().startswith(where), problem.format()
    assert words in problem.message


def test_rate_that_does_not_match_numerator_and_denominator_is_a_warning(tmp_path):
    m = metric(id="reab", unit="percent", polarity="higher")
    vals, log = values(tmp_path, "reab,April 2012 - March 2013,baseline,86.7,percent,,110,130,,,,,,\n", {"reab": m})
    check_values({"reab": m}, vals, log)
    (w,) = log.warnings
    assert w.format().startswith("v/values.csv:2:1: warning: value: reab April 2012 - March 2013: published 86.7 "
                                 "but 110/130 x 100 = 84.6")


def test_quarters_that_do_not_sum_to_the_stated_total_are_a_warning(tmp_path):
    rows = "".join(f"nea,Q{q} 17/18,plan,{v},count,,,,,,,,,\n" for q, v in zip(range(1, 5), (7395, 7436, 7047, 7016)))
    rows += "nea,2017/18,plan,28893,count,,,,,,,,,\n"
    vals, log = values(tmp_path, rows, {"nea": metric()})
    check_values({"nea": metric()}, vals, log)
    (w,) = log.warnings
    assert "stated total 28,893 but the four quarters sum to 28,894" in w.message and w.line == 6


def test_months_that_do_not_sum_to_their_quarter_are_a_warning_and_an_incomplete_set_is_not(tmp_path):
    rows = ("nea,Q1 17/18,actual,300,count,,,,,,,,,\n"
            "nea,Apr-17,actual,100,count,,,,,,,,,\nnea,May-17,actual,100,count,,,,,,,,,\n"
            "nea,Jun-17,actual,99,count,,,,,,,,,\n"
            # two months of Q2 only: no complete set, so no total to check
            "nea,Q2 17/18,actual,500,count,,,,,,,,,\nnea,Jul-17,actual,1,count,,,,,,,,,\n"
            "nea,Aug-17,actual,1,count,,,,,,,,,\n")
    vals, log = values(tmp_path, rows, {"nea": metric()})
    check_values({"nea": metric()}, vals, log)
    assert [(w.line, w.message) for w in log.warnings] == [
        (2, "nea Q1 17/18: stated total 300 but the 3 months sum to 299")]


def test_plan_revised_after_its_period_ended_is_a_warning(tmp_path):
    vals, log = values(tmp_path, "nea,Q1 17/18,plan,7395,count,,,,,,,2017-09-11,,\n", {"nea": metric()})
    check_values({"nea": metric()}, vals, log)
    (w,) = log.warnings
    assert "dated 2017-09-11, after its period ended" in w.message


def test_series_mixing_definition_versions_is_a_warning(tmp_path):
    m = metric(versions=[{"from": dt.date(2012, 4, 1), "to": dt.date(2015, 3, 31), "definition": "old"},
                         {"from": dt.date(2015, 4, 1), "definition": "new"}])
    vals, log = values(tmp_path, "nea,2013/14,actual,1,count,,,,,,,,,\nnea,2017/18,actual,2,count,,,,,,,,,\n",
                       {"nea": m})
    check_values({"nea": m}, vals, log)
    assert [w.code for w in log.warnings] == ["mixed-definitions"]


def test_row_numbers_stay_right_after_a_note_that_spans_lines(tmp_path):
    rows = ('nea,Q1 17/18,plan,7395,count,,,,,,,,,"a note\nover two lines"\n'
            "nea,Q2 17/18,plan,oops,count,,,,,,,,,\n")
    _vals, log = values(tmp_path, rows, {"nea": metric()})
    (e,) = log.errors
    assert (e.line, e.column) == (4, 19)


# --- issue 27: charts that carry their context ------------------------------------------------

def _real(metric_id):
    from conftest import REPO
    from hwbsite.project import load_project
    project, _ = load_project(REPO, today=dt.date(2017, 9, 1))
    return project.metrics[metric_id], figures.series_values(project.values, metric_id)


def test_comparators_and_levels_are_drawn_and_named_in_the_legend():
    m, vals = _real("bcf-dtoc-percent-delayed")
    fig = figures.figure(m, vals)
    by_name = {t["name"]: t for t in fig["data"]}
    # the national average published beside September 2016, and the 2017-19 target across the months
    assert by_name["national average"]["y"] == [3.5]
    level = by_name["Target for 2017-19"]
    # across the charted months it covers (April to June 2017), not September 2016 before it
    assert level["y"] == [3.5, 3.5] and level["x"] == ["2017-04-01", "2017-06-30"]
    # the axis shows the papers' labels at their periods, and starts at zero with its unit on the ticks
    assert fig["layout"]["xaxis"]["ticktext"][0] == "September 2016"
    assert fig["layout"]["xaxis"]["ticktext"][-1] == "June 2017"
    assert fig["layout"]["yaxis"]["rangemode"] == "tozero" and fig["layout"]["yaxis"]["ticksuffix"] == "%"


def test_a_year_total_is_not_drawn_as_a_level_across_its_quarters():
    """28,824 for 2018/19 is the sum of its quarters (about 7,000 each), not a line they could reach."""
    m, vals = _real("bcf-non-elective-admissions")
    names = [t["name"] for t in figures.figure(m, vals)["data"]]
    assert names == ["Plan"]


def test_a_single_published_figure_is_a_big_number_not_a_chart_of_one_dot():
    m, vals = _real("camhs-average-wait-assessment")
    html = charts.chart_html(m, vals, "chart-x")
    assert "data-figure" not in html
    assert ('<p class="hwb-bignumber"><span class="hwb-bignumber__value">3.6 weeks</span> '
            '<span class="hwb-bignumber__period">actual, Quarter 4 (2016/17)</span></p>') in html


@pytest.mark.slow
def test_no_chart_on_the_site_has_a_single_point_and_every_count_has_its_separator(rotherham_site):
    import html as html_lib
    seen = 0
    for page in sorted(rotherham_site.glob("**/index.html")):
        text = page.read_text(encoding="utf-8")
        for raw in re.findall(r'data-figure="([^"]*)"', text):
            fig = json.loads(html_lib.unescape(raw))
            seen += 1
            assert figures.point_count(fig) > 1, page
            for trace in fig["data"]:
                for hover in trace.get("text") or []:
                    # a figure of four or more digits is grouped (years and their spans are not figures)
                    for n in re.findall(r"(?<![\d,./])\d{4,}(?![\d/])", hover.split(": ", 1)[-1]):
                        assert 1990 <= int(n) <= 2040, (page, hover)
    assert seen > 30


# The slots where the site writes a figure: tiles, big numbers, status sentences, chart captions, and
# the value and money columns of its tables. (Officers' own notes quote the papers as printed.)
_SLOT = re.compile(r'<(p|figcaption|span)\b[^>]*class="[^"]*\b(hwb-tile__(?:figure|travel|benchmark|plan|reason|next)'
                   r'|hwb-bignumber|hwb-status)\b[^"]*"[^>]*>(.*?)</\1>', re.S)
_BARE = re.compile(r"(?<![\d,./:#-])\d{4,}(?![\d/])")


@pytest.mark.slow
def test_every_count_over_999_the_site_writes_has_its_separator(rotherham_site):
    """Issue 27's Done when, in the HTML (the charts' hover text is checked above)."""
    import html as html_lib
    pages = sorted([*rotherham_site.glob("dashboards/**/index.html"), *rotherham_site.glob("metrics/**/index.html"),
                    *rotherham_site.glob("money/**/index.html"), rotherham_site / "index.html"])
    texts = []
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        texts += [(page, m.group(3)) for m in _SLOT.finditer(raw)]
        texts += [(page, c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", raw, re.S)]
        for table in re.findall(r"<table.*?</table>", raw, re.S):
            heads = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
            cols = [i for i, h in enumerate(heads) if h.startswith("Value (") or "£" in h]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
                cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
                texts += [(page, cells[i]) for i in cols if i < len(cells)]
    plain = [(page, html_lib.unescape(re.sub(r"<[^>]+>", "", t))) for page, t in texts]
    assert len(plain) > 500
    # the slots do hold large figures (grouped): the check below has something to look at
    assert any("27,859" in t for _, t in plain) and any("28,824" in t for _, t in plain)
    bare = [(page.relative_to(rotherham_site).as_posix(), n, t[:120]) for page, t in plain
            for n in _BARE.findall(t) if not 1990 <= int(n) <= 2040]   # a year is not a count
    assert bare == []


@pytest.mark.slow
def test_every_chart_whose_data_has_a_comparator_draws_it_and_names_it(rotherham_site):
    """A figure published beside a measure's own (a national average, another area) is drawn and named
    in the chart's legend (or as a row of a chart by category), and the status sentence names it."""
    import html as html_lib

    from conftest import REPO
    from hwbsite.project import load_project
    project, _ = load_project(REPO, today=dt.date(2026, 12, 3))
    checked = 0
    for metric_id, metric in sorted(project.metrics.items()):
        values = figures.series_values(project.values, metric_id)
        own = [v for v in values if not v.breakdown]
        comparators = {v.breakdown for v in values if v.breakdown}
        if not comparators or not own:
            continue
        raw = (rotherham_site / f"metrics/{metric_id}/index.html").read_text(encoding="utf-8")
        found = re.search(r'data-figure="([^"]*)"', raw)
        if found is None:      # one figure, shown as a figure: nothing to draw beside it
            assert "hwb-chart--single" in raw, metric_id
            continue
        fig = json.loads(html_lib.unescape(found.group(1)))
        names = {t["name"] for t in fig["data"]}
        rows = {y.split(",")[0] for t in fig["data"] if t.get("orientation") == "h" for y in t["y"]}
        # those published for the kind of period charted (a year's average beside quarters is not)
        charted_kinds = {v.period.kind for v in figures.charted(own)}
        for name in sorted({v.breakdown for v in values if v.breakdown and v.period.kind in charted_kinds}):
            assert name in rows or any(n == name or n.startswith(name + " (") for n in names), (metric_id, name, names)
            checked += 1
        for v in assessment.status(metric, values).benchmarks:
            assert v.breakdown in assessment.status(metric, values).text, (metric_id, v.breakdown)
    assert checked >= 3
