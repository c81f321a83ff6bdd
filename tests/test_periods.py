"""The period parser reads the labels the papers use and keeps them as published."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hwbsite.periods import PeriodError, parse

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


@pytest.mark.parametrize("label, start, end", [
    ("2017/18", "2017-04-01", "2018-03-31"),
    ("2017-18", "2017-04-01", "2018-03-31"),
    ("17/18", "2017-04-01", "2018-03-31"),
    ("16/17 year-end", "2016-04-01", "2017-03-31"),
    ("Q1 17/18", "2017-04-01", "2017-06-30"),
    ("Q4 18/19", "2019-01-01", "2019-03-31"),
    ("Quarter 4 (2016/17)", "2017-01-01", "2017-03-31"),
    ("Quarter 1 2017/18", "2017-04-01", "2017-06-30"),
    ("Apr-16", "2016-04-01", "2016-04-30"),
    ("January 2017", "2017-01-01", "2017-01-31"),
    ("April - December 2014", "2014-04-01", "2014-12-31"),
    ("April 2012 - March 2013", "2012-04-01", "2013-03-31"),
    ("January - June 2015", "2015-01-01", "2015-06-30"),
    ("1st November 2016 to 31st March 2017", "2016-11-01", "2017-03-31"),
    ("Apr 13 - Nov 13 [8 months]", "2013-04-01", "2013-11-30"),
    ("2017-19", "2017-04-01", "2019-03-31"),
    ("2016", "2016-01-01", "2016-12-31"),
])
def test_published_labels(label, start, end):
    period = parse(label)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)
    assert period.label == label


@pytest.mark.parametrize("label", ["", "soon", "Q5 17/18", "2017/16", "Quarter 2 (2016/18)", "31st June 2017 to July 2017"])
def test_unreadable_labels_are_refused_with_a_hint(label):
    with pytest.raises(PeriodError) as exc:
        parse(label)
    assert exc.value.hint


years = st.integers(min_value=2000, max_value=2060)


@given(years, st.sampled_from(["{a}/{b2}", "{a}-{b2}", "{a2}/{b2}", "{a}/{b}"]))
def test_financial_years_run_april_to_march(year, pattern):
    label = pattern.format(a=year, b=year + 1, a2=f"{year % 100:02d}", b2=f"{(year + 1) % 100:02d}")
    period = parse(label)
    assert period.start == dt.date(year, 4, 1) and period.end == dt.date(year + 1, 3, 31)
    assert period.kind == "financial-year"


@given(years, st.integers(1, 4), st.sampled_from(["Q{q} {a2}/{b2}", "Quarter {q} ({a}/{b2})", "Quarter {q} {a}/{b}"]))
def test_quarters_are_three_months_inside_their_financial_year(year, q, pattern):
    label = pattern.format(q=q, a=year, b=year + 1, a2=f"{year % 100:02d}", b2=f"{(year + 1) % 100:02d}")
    period = parse(label)
    fy = parse(f"{year}/{year + 1}")
    assert fy.start <= period.start < period.end <= fy.end
    assert period.months == 3
    assert period.start.month == [4, 7, 10, 1][q - 1]


@given(years, st.integers(1, 12), st.booleans())
def test_months(year, month, abbreviated):
    name = MONTHS[month - 1]
    label = f"{name[:3]}-{year % 100:02d}" if abbreviated else f"{name} {year}"
    period = parse(label)
    assert period.start == dt.date(year, month, 1)
    assert period.months == 1 and period.end.month == month


@given(years, st.integers(1, 12), st.integers(0, 30))
def test_ranges_never_end_before_they_start(year, month, length):
    end_year = year + (month - 1 + length) // 12
    end_month = (month - 1 + length) % 12 + 1
    label = f"{MONTHS[month - 1]} {year} - {MONTHS[end_month - 1]} {end_year}"
    period = parse(label)
    assert period.start <= period.end
    assert period.months == length + 1
