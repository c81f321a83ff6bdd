"""hwbsite.data: the board's published figures as pandas DataFrames for analysts (the `data` extra)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas", reason="the data extra: pip install 'hwbsite[data]'")

from hwbsite import data  # noqa: E402
from hwbsite.project import load_project  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUILD_DATE = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def board():
    return data.load(REPO, BUILD_DATE)


def test_metrics_hold_each_published_value_as_printed(board):
    frame = board.metrics()
    row = frame[(frame.metric == "bcf-residential-admissions") & (frame.period == "April 2012 - March 2013")
                & (frame.kind == "baseline")].iloc[0]
    # data/metrics/values/bcf-2014.csv line 2: 739.6 per 100,000 (345 of 46,645)
    assert (row.value, row.published, row.numerator, row.denominator) == (739.6, "739.6", 345, 46645)
    assert row.start == dt.date(2012, 4, 1) and row.unit == "per-100000"
    rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1
               for p in (REPO / "data/metrics/values").glob("*.csv"))
    assert len(frame) == rows


def test_money_is_the_published_finance_one_row_per_amount(board):
    money = board.money()
    project, _log = load_project(REPO, today=BUILD_DATE)
    assert len(money) == sum(1 for r in project.finance.rows if r.pounds is not None)
    assert set(money.dataset) == set(board.view.finance.files)
    assert money.pounds.dtype.kind == "i"   # whole pounds, summable


def test_attendance_lists_who_was_there_and_in_what_capacity(board):
    frame = board.attendance()
    july = frame[frame.meeting == dt.date(2017, 7, 5)]
    chair = july[july.chair]
    assert list(chair.name) == ["Councillor D. Roche"] and list(chair.person) == ["david-roche"]
    assert july[july.name == "Dominic Blaydon"].representing.tolist() == ["Louise Barnett"]
    assert set(july.category) >= {"present", "report_presenters"}


def test_broken_data_is_refused_with_its_errors(real_data_copy):
    (real_data_copy / "data/board.yml").write_text("name: [\n", encoding="utf-8")
    with pytest.raises(data.DataHasErrors, match=r"data/board.yml:\d+:\d+: error"):
        data.load(real_data_copy, BUILD_DATE)
