"""The action plan's "Timescale" column: published words kept, due date read where the words give one."""

from __future__ import annotations

import calendar
import datetime as dt
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hwbsite import timescales
from hwbsite.timescales import parse


@pytest.mark.parametrize("text, due, kind", [
    ("Jan-17", dt.date(2017, 1, 31), "month"),
    ("Oct 17", dt.date(2017, 10, 31), "month"),
    ("Jan 17", dt.date(2017, 1, 31), "month"),
    ("Jul 17", dt.date(2017, 7, 31), "month"),
    ("Mar-18", dt.date(2018, 3, 31), "month"),
    ("May-17", dt.date(2017, 5, 31), "month"),
    ("Sep-17", dt.date(2017, 9, 30), "month"),
    ("Apr-18", dt.date(2018, 4, 30), "month"),
    ("March 2018", dt.date(2018, 3, 31), "month"),
    ("2017/18", dt.date(2018, 3, 31), "financial-year"),
    ("3 year plan 2017/18 year 2", dt.date(2018, 3, 31), "financial-year"),
    ("Current plan 2016-19", dt.date(2019, 3, 31), "range"),
    ("Jan 18 onwards", None, "from"),
    ("TBC", None, "tbc"),
    ("TBA", None, "tbc"),
    ("On-going", None, "ongoing"),
    ("Ongoing", None, "ongoing"),
    ("", None, "blank"),
    ("3 Year Strategy", None, "none"),
    ("See Aim 4 Detail", None, "none"),
    ("Bronwen to add detail", None, "none"),
    ("Steve/Polly to include detail", None, "none"),
])
def test_published_timescales(text, due, kind):
    t = parse(text)
    assert (t.text, t.due, t.kind) == (text, due, kind)


def test_onwards_keeps_its_start_month():
    assert parse("Jan 18 onwards").starts == dt.date(2018, 1, 1)


def test_overdue_is_strictly_before_the_update_date():
    t = parse("Sep-17")
    assert not t.overdue(dt.date(2017, 9, 30))
    assert t.overdue(dt.date(2017, 10, 1))
    assert not parse("TBC").overdue(dt.date(2030, 1, 1))
    assert not t.overdue(None)


def test_every_timescale_in_the_rotherham_plan_parses_without_error():
    from pathlib import Path

    import yaml
    plan = yaml.safe_load((Path(__file__).parent.parent / "data/strategy/action-plan-2017-18.yml").read_text())
    for aim in plan["aims"]:
        for action in aim["actions"]:
            assert parse(action["timescale"]).text == action["timescale"]


# --- properties ------------------------------------------------------------------------------

months = st.integers(1, 12)
years = st.integers(2000, 2069)   # two-digit years are read as 20xx below 70


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@st.composite
def month_labels(draw):
    year, month = draw(years), draw(months)
    name = draw(st.sampled_from([calendar.month_abbr[month], calendar.month_name[month]]))
    name = draw(st.sampled_from([name, name.upper(), name.lower()]))
    yy = draw(st.sampled_from([f"{year % 100:02d}", str(year)]))
    sep = draw(st.sampled_from(["-", " ", "  ", " - "]))
    return f"{name}{sep}{yy}", year, month


@given(month_labels())
def test_a_month_is_due_at_its_end(label):
    text, year, month = label
    t = parse(text)
    assert t.due == _month_end(year, month)
    assert t.kind == "month"
    assert t.text == text


@given(month_labels(), st.sampled_from([" onwards", " onward", " Onwards"]))
def test_a_month_onwards_has_no_due_date(label, suffix):
    text, year, month = label
    t = parse(text + suffix)
    assert t.due is None and t.kind == "from" and t.starts == dt.date(year, month, 1)


@given(st.integers(2000, 2068), st.sampled_from(["/", "-"]), st.booleans())
def test_a_financial_year_is_due_on_31_march(start, sep, short):
    end = f"{(start + 1) % 100:02d}" if short else str(start + 1)
    t = parse(f"{start}{sep}{end}")
    assert t.due == dt.date(start + 1, 3, 31)


words = st.text(alphabet=string.ascii_letters + " ", max_size=20)


@given(words, st.integers(2000, 2068), words)
def test_a_financial_year_inside_words_is_found(before, start, after):
    text = f"{before} {start}/{(start + 1) % 100:02d} {after}"
    assert parse(text).due == dt.date(start + 1, 3, 31)


@given(st.text(max_size=60))
def test_never_raises_and_keeps_the_published_text(text):
    t = parse(text)
    assert t.text == text
    assert t.due is None or isinstance(t.due, dt.date)
    assert t.kind in {"month", "financial-year", "year", "range", "from", "ongoing", "tbc", "blank", "none"}


@given(st.text(max_size=60))
def test_a_due_date_is_always_the_last_day_of_a_month(text):
    due = parse(text).due
    if due is not None:
        assert (due + dt.timedelta(days=1)).day == 1


@given(st.sampled_from(["TBC", "tbc", "TBA", "TBD", "On-going", "ongoing", "On going", "Ongoing", "", "   "]))
def test_no_due_date_for_unknown_or_ongoing(text):
    assert parse(text).due is None


@given(month_labels(), st.dates(dt.date(2000, 1, 1), dt.date(2070, 12, 31)))
def test_overdue_means_due_before_the_update(label, as_at):
    text, year, month = label
    assert parse(text).overdue(as_at) == (_month_end(year, month) < as_at)


def test_module_documents_its_rules():
    assert "never raises" in timescales.__doc__
