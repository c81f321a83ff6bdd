"""Data checks for the classes of inconsistency the audit found, each with a located message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hwbsite import periods
from hwbsite.project import load_project

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent

PAPER = """---
id: timeline
title: Timeline
meeting: 2026-01-14
item: "2"
---

| | JANUARY 2026 | FEBRUARY 2026 |
|---|---|---|
| Board | V1 14.01.26 | V2 25.02.25 |

Date agreed at Health and Well-Being Board: 30/12/2025

| Scheme | 2025/26 |
|---|---|
| A | 10 |
| B | 20 |
| Total | 31 |
"""


@pytest.fixture
def root(tmp_path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "minimal", root)
    (root / "content/papers").mkdir(parents=True, exist_ok=True)
    (root / "content/papers/timeline.md").write_text(PAPER, encoding="utf-8")
    return root


def warnings(root: Path, code: str) -> list[str]:
    _p, log = load_project(root)
    return [p.format() for p in log.warnings if p.code == code]


def test_a_date_in_a_column_of_another_year(root):
    (w,) = warnings(root, "date-in-wrong-column")
    assert w.startswith('content/papers/timeline.md:10:28: warning: date "25.02.25" stands in the column '
                        '"FEBRUARY 2026" but falls in February 2025')


def test_a_decision_dated_on_a_day_the_board_did_not_meet(root):
    (w,) = warnings(root, "board-date")
    assert w.startswith("content/papers/timeline.md:12:45: warning: a decision of the board is dated 30/12/2025 "
                        "(Tuesday 30 December 2025), a date on which this archive holds no board meeting")


def test_a_total_that_differs_from_its_parts_in_a_paper_table(root):
    (w,) = warnings(root, "total-mismatch")
    assert w.startswith('content/papers/timeline.md:18:1: warning: 2025/26: stated total 31 in "2025/26" differs '
                        "from the sum of the 2 rows above it, 30")


def test_a_total_column_in_a_csv_table(root):
    (root / "data/tables").mkdir(exist_ok=True)
    (root / "data/tables/t.csv").write_text("Item,Q1 25/26,Q2 25/26,Q3 25/26,Q4 25/26,Total 25/26\n"
                                            "Admissions,1,2,3,4,11\n", encoding="utf-8")
    (w,) = warnings(root, "total-mismatch")[-1:]
    assert w.startswith('data/tables/t.csv:2:1: warning: Total 25/26: stated total 11 for "Admissions" differs '
                        "from the sum of Q1 25/26, Q2 25/26, Q3 25/26, Q4 25/26, 10")


def test_one_job_given_two_titles(root):
    path = root / "data/people.yml"
    path.write_text(path.read_text().replace(
        "      - {title: Director of Public Health}",
        "      - {title: Director of Public Health, organisation: Testshire}\n"
        "      - {title: Deputy Director of Public Health, organisation: NHS Testshire}"), encoding="utf-8")
    (w,) = warnings(root, "role-title-differs")
    assert ("Bob Officer's title at NHS Testshire is \"Deputy Director of Public Health\" here but "
            "\"Director of Public Health\" in another paper") in w
    assert w.startswith("data/people.yml:11:10: warning: title:")


def test_plan_and_target_for_the_same_year_that_differ_are_both_flagged():
    _p, log = load_project(REPO)
    found = [p.format() for p in log.warnings if p.code == "plan-target-differ"]
    assert ("data/metrics/values/bcf-2017-19.csv:14:1: warning: value: bcf-residential-admissions: the plan for "
            "17/18 is 580.2 but the target for 2017/18 is 589") in "\n".join(found)
    assert any("bcf-reablement: the target for 2017/18 is 88 but the plan for 17/18 is 87.8" in w for w in found)


@pytest.mark.parametrize("label, hint", [
    ("Q5 2017/18", "there is no quarter 5: a financial year has quarters Q1 to Q4"),
    ("2017/16", "the second year must follow the first, e.g. 2017/18"),
    ("Q3-Q1 2016/17", "the run of quarters ends before it starts"),
])
def test_nonsense_period_labels_get_a_located_message(tmp_path, label, hint):
    from hwbsite.errors import ProblemLog
    from hwbsite.metrics import load_values
    from hwbsite.models.metrics import Metric
    (tmp_path / "v").mkdir()
    (tmp_path / "v/x.csv").write_text("metric,period,kind,value\nm," + label + ",actual,1\n", encoding="utf-8")
    log = ProblemLog(tmp_path)
    load_values(tmp_path / "v", {"m": Metric.model_validate({"id": "m", "title": "M", "unit": "count"})}, log)
    (p,) = log.problems
    assert p.format() == f'v/x.csv:2:3: error: period: cannot read the period "{label}" (hint: {hint})'


@pytest.mark.parametrize("label", ["16/17", "2016/17", "2016-17", "Q1-Q4 2016/17", "Q1–Q4 2016/17",
                                   "April 2016 - March 2017", "April 2016 – March 2017", "16/17 year-end"])
def test_every_spelling_of_a_financial_year_is_the_same_year(label):
    assert periods.parse(label).same_as(periods.parse("2016/17"))
