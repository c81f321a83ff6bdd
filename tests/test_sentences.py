"""Every sentence the site writes about a series is checked against the series' own data table.

A property test builds sentences from random series (gaps, mixed spellings of the same period,
categories, missing plans, ties, part-period figures) and checks each sentence against the rows
of the chart's data table; then the examples the audit found on the real site.
"""

from __future__ import annotations

import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hwbsite import assessment, figures, figuretables, periods
from hwbsite.metrics import Value
from hwbsite.models.metrics import Metric

# Spellings found in the packs; several name the same span.
LABELS = ["16/17", "2016/17", "2016-17", "Q1-Q4 2016/17", "April 2016 - March 2017", "15/16", "2017/18",
          "17/18", "Q1 17/18", "Quarter 1 (2017/18)", "Q2 17/18", "Quarter 4 (2016/17)", "Q4 16/17",
          "Apr-16", "September 2016", "Sep-16", "16/17 year-end", "2016"]
COVERS = ["", "", "", "April 2016 - February 2017"]
KINDS = ["actual", "actual", "plan", "target", "baseline"]

value_st = st.builds(
    lambda label, kind, number, breakdown, covers, unit: (label, kind, number, breakdown, covers, unit),
    st.sampled_from(LABELS), st.sampled_from(KINDS),
    st.sampled_from(["3.5", "6.0", "87.5", "91.0", "91", "771.9", "663", "0", "12", "12.0", "28893"]),
    st.sampled_from(["", "", "national average", "Doncaster", "CAMHS patients"]),
    st.sampled_from(COVERS), st.sampled_from(["percent", "count"]),
)


def make(rows, unit) -> list[Value]:
    out = []
    for i, (label, kind, number, breakdown, covers, _u) in enumerate(rows):
        out.append(Value(metric="m", period=periods.parse(label), kind=kind, value=float(number), published=number,
                         unit=unit, breakdown=breakdown, covers=periods.parse(covers) if covers else None,
                         file="v.csv", line=i + 2))
    return out


COUNT_WORDS = re.compile(r"\b(?:All )?\d+ (?:categories|category|different)\b")
NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?k?")


def check_sentence(text: str, metric: Metric, values: list[Value]) -> None:
    rows = figuretables.table_rows(values)
    labels = sorted({r["period"] for r in rows} | {r["covers"] for r in rows if r["covers"]}, key=len, reverse=True)
    named = {lab for lab in labels if lab in text}
    stripped = COUNT_WORDS.sub(" ", text)
    # category names may hold numbers of their own ("(0-17)"): they are names, not figures
    for lab in [*labels, *sorted({r["breakdown"] for r in rows if r["breakdown"]}, key=len, reverse=True)]:
        stripped = stripped.replace(lab, " ")
    # a figure is written with its unit ("663 per 100,000"): the unit's words are not a figure
    for unit in figures.UNIT_AFTER.values():
        stripped = stripped.replace(unit, " ")
    allowed = {functools.reduce(lambda t, u: t.replace(u, ""), figures.UNIT_AFTER.values(), r["value"])
               for r in rows if r["period"] in named}
    for number in NUMBER.findall(stripped):
        assert number in allowed, f"{number!r} in {text!r} is not a figure of the periods it names {sorted(named)}"
    # no blank label anywhere a name or a period belongs
    assert not re.search(r"(?:Highest|Lowest|published for): ,|for ,|for \.|\s,", text), text
    # "no plan" only when no plan or target for the same span exists
    m = re.search(r"The latest actual, (.+?) for (.+?), has no plan or target", text)
    if m:
        main, _ = assessment.split(metric, values)   # the headline category's, for a measure of categories
        actual = next(v for v in main if v.kind == "actual" and v.period.label == m.group(2))
        assert not any(v.kind in ("plan", "target") and v.period.same_as(actual.period) for v in main), text


@settings(max_examples=400, deadline=None)
@given(st.lists(value_st, min_size=0, max_size=8), st.sampled_from(["lower", "higher", "neutral"]),
       st.booleans())
def test_every_generated_sentence_is_supported_by_its_data_table(rows, polarity, all_categories):
    unit = rows[0][5] if rows else "count"
    if all_categories:
        rows = [(r[0], r[1], r[2], r[3] or "Rotherham", r[4], r[5]) for r in rows]
    metric = Metric.model_validate({"id": "m", "title": "M", "unit": unit, "polarity": polarity})
    values = make(rows, unit)
    for text in (assessment.summary(metric, values), assessment.status(metric, values).text):
        check_sentence(text, metric, values)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["16/17", "2016/17", "2016-17", "Q1-Q4 2016/17", "April 2016 - March 2017"]),
       st.sampled_from(["16/17", "2016/17", "2016-17", "Q1–Q4 2016/17", "April 2016 – March 2017"]))
def test_a_plan_and_an_actual_for_the_same_year_are_compared_however_each_is_spelled(plan_label, actual_label):
    metric = Metric.model_validate({"id": "m", "title": "M", "unit": "percent", "polarity": "higher"})
    values = make([(plan_label, "plan", "91.0", "", "", "percent"), (actual_label, "actual", "87.5", "", "", "percent")],
                  "percent")
    text = assessment.status(metric, values).text
    assert "no plan" not in text
    assert f"87.5% for {actual_label}, below the plan of 91.0% for {plan_label}" in text


# --- the audit's examples, on the real data --------------------------------------------------

def _real(metric_id):
    from pathlib import Path

    from hwbsite.project import load_project
    project, _log = load_project(Path(__file__).resolve().parent.parent)
    return project.metrics[metric_id], figures.series_values(project.values, metric_id)


def test_reablement_actual_is_compared_with_the_16_17_plan():
    metric, values = _real("bcf-reablement")
    text = assessment.summary(metric, values)
    assert "has no plan or target" not in text
    assert "The latest actual is 87.5% for 2016/17, below the plan of 91.0% for 16/17 (the same period)." in text


def test_residential_admissions_actual_is_compared_with_the_16_17_plan():
    metric, values = _real("bcf-residential-admissions")
    text = assessment.summary(metric, values)
    assert "has no plan or target" not in text
    assert "663 per 100,000 for 2016/17, below the plan of 771.9 per 100,000 for 16/17" in text


def test_percent_delayed_names_every_category_and_the_period_of_each_figure():
    metric, values = _real("bcf-dtoc-percent-delayed")
    text = assessment.summary(metric, values)
    assert "Highest: ," not in text and "categories for September 2016" not in text
    # the paper sets 3.5% for 2017-19 ("under the 3.5% target", 000 line 3535): never "no plan or target"
    assert "no plan or target" not in text
    assert text.startswith("The latest actual is 5.4% for June 2017. The papers set a target of 3.5% for "
                           "2017-19 as a whole, not for June 2017 alone, so the figure is not rated against it.")
    fig = figures.figure(metric, values)
    assert all(name for trace in fig["data"] for name in trace.get("y", []) if isinstance(name, str))


def test_a_status_sentence_never_denies_a_level_the_papers_set_for_a_period_that_includes_it():
    """Every real metric: when the sentence says there is no plan or target for the latest actual's
    period, no plan, target or threshold row covers that period either."""
    import datetime as dt

    from conftest import REPO
    from hwbsite.project import load_project
    project, _ = load_project(REPO, today=dt.date(2017, 9, 20))
    denied = 0
    for metric_id, metric in project.metrics.items():
        values = figures.series_values(project.values, metric_id)
        status = assessment.status(metric, values)
        if "no plan or target" in status.text:
            denied += 1
            actual = status.actuals[0]
            assert not [v for v in values if not v.breakdown and v.kind in ("plan", "target", "threshold")
                        and actual.period.start >= v.period.start and actual.period.end <= v.period.end], metric_id
    assert denied > 5


def test_nonsense_period_labels_get_a_specific_hint():
    for label, hint in [("Q5 2017/18", "there is no quarter 5"), ("2017/16", "the second year must follow the first")]:
        try:
            periods.parse(label)
        except periods.PeriodError as exc:
            assert hint in exc.hint
        else:
            raise AssertionError(f"{label} was read as a period")


def test_every_sentence_on_the_real_metric_pages_is_supported_by_its_data_table():
    from pathlib import Path

    from hwbsite.project import load_project
    project, _log = load_project(Path(__file__).resolve().parent.parent)
    checked = 0
    for metric in project.metrics.values():
        values = figures.series_values(project.values, metric.id)
        for text in (assessment.summary(metric, values), assessment.status(metric, values).text):
            check_sentence(text, metric, values)
            checked += 1
    assert checked == 2 * len(project.metrics) > 100
