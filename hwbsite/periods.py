"""Parse the period labels that board papers use, keeping the label as published.

Financial years start on 1 April: "2017/18", "2017-18", "17/18", "15/16 year-end";
quarters are financial quarters: "Q1 17/18", "Quarter 4 (2016/17)"; months:
"Apr-16", "January 2017"; ranges: "April - December 2014",
"April 2012 - March 2013", "1st November 2016 to 31st March 2017".
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from . import patterns
from .dates import MONTH_NAMES


class PeriodError(ValueError):
    def __init__(self, label: str, hint: str = 'e.g. "2017/18", "Q1 17/18", "Apr-16", "April 2012 - March 2013"'):
        super().__init__(f'cannot read the period "{label}"')
        self.hint = hint


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    label: str = ""
    kind: str = "range"   # year | financial-year | quarter | month | range

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def midpoint(self) -> dt.date:
        return self.start + (self.end - self.start) / 2

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """What the period covers, whatever its spelling: "16/17", "2016-17" and "Q1-Q4 2016/17" are one span."""
        return (self.start, self.end)

    def same_as(self, other: "Period") -> bool:
        return self.span == other.span

    def contains(self, other: "Period") -> bool:
        """Whether this period includes all of ``other`` (and is longer)."""
        return self.start <= other.start and other.end <= self.end and self.span != other.span


# English month names, not the process locale's (calendar.month_name follows LC_TIME)
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)})
MONTHS["sept"] = 9
_MONTH = r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"


def _year(text: str) -> int:
    y = int(text)
    if y < 100:
        y += 2000 if y < 70 else 1900
    return y


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def financial_year(start_year: int, label: str = "", years: int = 1) -> Period:
    kind = "financial-year" if years == 1 else "range"
    return Period(dt.date(start_year, 4, 1), dt.date(start_year + years, 3, 31), label, kind)


def quarter(number: int, fy_start: int, label: str = "") -> Period:
    month = 4 + 3 * (number - 1)
    year = fy_start + (month - 1) // 12
    month = (month - 1) % 12 + 1
    end_month = month + 2
    return Period(dt.date(year, month, 1), _month_end(year, end_month), label, "quarter")


# Runs of space are possessive (\s*+): "\s*(?:q|quarter)?\s*" would otherwise try every split of a
# run of spaces between its two \s*, at every position, quadratic in the run's length.
_FY = patterns.compile("periods.fy", r"^(?:fy\s*+)?(?P<a>\d{2}|\d{4})\s*+[/-]\s*+(?P<b>\d{2}|\d{4})$")
# "Q1-Q4 2016/17", "Q1 to Q2 17/18": a run of quarters of one financial year.
_QQ = patterns.compile("periods.quarters",
                       r"^(?:q|quarters?)\s*+(?P<q1>\d)\s*+(?:-|–|to)\s*+(?:q|quarter)?\s*+(?P<q2>\d)\s*+\(?\s*+"
                       r"(?P<a>\d{2}|\d{4})\s*+[/-]\s*+(?P<b>\d{2}|\d{4})\s*+\)?$")
# Any quarter number, so that "Q5 2017/18" gets its own message.
_Q_ANY = patterns.compile("periods.quarter_any", r"^(?:q|quarter)\s*+(?P<q>\d++)\b")
_Q = patterns.compile("periods.quarter", r"^(?:q|quarter)\s*+(?P<q>[1-4])\s*+\(?\s*+(?P<a>\d{2}|\d{4})\s*+[/-]\s*+"
                      r"(?P<b>\d{2}|\d{4})\s*+\)?$")
_MONTH_YEAR = patterns.compile("periods.month_year", r"^" + _MONTH.format("m") + r"\.?[\s-]*+(?:'|’)?(?P<y>\d{2}|\d{4})$")
_DAY = r"(?:(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?\s++)?"
_RANGE = patterns.compile("periods.range",
                          r"^" + _DAY.format("d1") + _MONTH.format("m1") + r"\.?\s*+(?P<y1>\d{2}|\d{4})?\s*+(?:-|–|to)\s*+"
                          + _DAY.format("d2") + _MONTH.format("m2") + r"\.?\s*+(?P<y2>\d{2}|\d{4})$")
_YEAR = patterns.compile("periods.year", r"^(?P<y>\d{4})$")


def _strip_qualifiers(text: str) -> str:
    r"""The label without the words that describe a figure rather than change its period: "[a]",
    "(... months ...)", "year-end", "year end" or "outturn" at its end, repeatedly.

    Plain string code, not the pattern r"\s*(?:\[[^\]]*\]|\([^)]*months?[^)]*\)|year[- ]end|outturn)\s*$"
    it replaces (same result): tried at every position, that pattern rescanned the rest of the text
    from each space and each bracket, and "[^)]*months?[^)]*" tried every split of a bracket's text.
    """
    end, stripped = len(text), False
    while True:
        while end and text[end - 1].isspace():
            end -= 1
        last = text[end - 1] if end else ""
        start = -1
        if last == "]":
            start = text.find("[", text.rfind("]", 0, end - 1) + 1, end - 1)
        elif last == ")":
            opening = text.find("(", text.rfind(")", 0, end - 1) + 1, end - 1)
            if opening >= 0 and "month" in text[opening + 1:end - 1].lower():
                start = opening
        else:
            tail = text[max(0, end - 8):end].lower()
            for word in ("year-end", "year end", "outturn"):
                if tail.endswith(word):
                    start = end - len(word)
        if start < 0:
            return text[:end] if stripped else text
        end, stripped = start, True


def parse(label: str) -> Period:
    """Parse a published period label; raises PeriodError with a hint if it cannot be read."""
    if not isinstance(label, str) or not label.strip():
        raise PeriodError(str(label))
    text = " ".join(label.strip().split())
    text = _strip_qualifiers(text)
    low = text.lower()
    if m := _QQ.match(low):
        q1, q2 = int(m["q1"]), int(m["q2"])
        a, b = _year(m["a"]), _year(m["b"])
        if not (1 <= q1 <= 4 and 1 <= q2 <= 4):
            raise PeriodError(label, "a financial year has quarters Q1 to Q4")
        if q2 < q1:
            raise PeriodError(label, "the run of quarters ends before it starts")
        if b != a + 1:
            raise PeriodError(label, "a financial year runs into the next year, e.g. 2017/18")
        first, last = quarter(q1, a), quarter(q2, a)
        if (q1, q2) == (1, 4):
            return financial_year(a, label)
        return Period(first.start, last.end, label, "range")
    if (m := _Q_ANY.match(low)) and not 1 <= int(m["q"]) <= 4:
        raise PeriodError(label, f"there is no quarter {m['q']}: a financial year has quarters Q1 to Q4")
    if m := _Q.match(low):
        a, b = _year(m["a"]), _year(m["b"])
        if b != a + 1:
            raise PeriodError(label, "a financial year runs into the next year, e.g. 2017/18")
        return quarter(int(m["q"]), a, label)
    if m := _FY.match(low):
        a, b = _year(m["a"]), _year(m["b"])
        if b <= a or b - a > 5:
            raise PeriodError(label, f"the second year must follow the first, e.g. {a}/{str(a + 1)[2:]}"
                              if b <= a else "the second year must follow the first, e.g. 2017/18")
        return financial_year(a, label, b - a)
    if m := _YEAR.match(low):
        y = int(m["y"])
        return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), label, "year")
    if m := _MONTH_YEAR.match(low):
        month, year = MONTHS[m["m"][:3] if m["m"][:3] != "sep" else "sep"], _year(m["y"])
        return Period(dt.date(year, month, 1), _month_end(year, month), label, "month")
    if m := _RANGE.match(low):
        m1, m2 = MONTHS[m["m1"][:3]], MONTHS[m["m2"][:3]]
        y2 = _year(m["y2"])
        y1 = _year(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        try:
            start = dt.date(y1, m1, int(m["d1"]) if m["d1"] else 1)
            end = dt.date(y2, m2, int(m["d2"])) if m["d2"] else _month_end(y2, m2)
        except ValueError:
            raise PeriodError(label, "check the day of the month") from None
        if end < start:
            raise PeriodError(label, "the period ends before it starts")
        # "April 2016 - March 2017" is the financial year 2016/17, however it is spelled
        kind = "financial-year" if (start.month, start.day, end.month, end.day) == (4, 1, 3, 31) \
            and end.year == start.year + 1 else "range"
        return Period(start, end, label, kind)
    raise PeriodError(label)
