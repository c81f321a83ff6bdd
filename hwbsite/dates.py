"""Dates and times written the way English council papers write them.

Names of days and months come from Babel's CLDR data for ``LOCALE``, never from the process
locale (strftime's %A and %B follow LC_TIME, so a build on a machine set to another language
would print its month names): a Welsh site later is a locale here, not a fork.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, get_month_names

from . import patterns

LOCALE = "en_GB"

MONTH_NAMES: tuple[str, ...] = tuple(get_month_names("wide", locale=LOCALE)[m] for m in range(1, 13))


def long_date(d: dt.date | None) -> str:
    """2017-09-20 -> 'Wednesday 20 September 2017'."""
    if d is None:
        return ""
    return format_date(d, "EEEE d MMMM y", locale=LOCALE)


def short_date(d: dt.date | None) -> str:
    """2017-09-20 -> '20 September 2017'."""
    if d is None:
        return ""
    return format_date(d, "d MMMM y", locale=LOCALE)


def month_year(d: dt.date) -> str:
    """2017-09-20 -> 'September 2017'."""
    return format_date(d, "MMMM y", locale=LOCALE)


def clock(t: str | None) -> str:
    """'09:00' -> '9am', '13:30' -> '1:30pm'."""
    if not t:
        return ""
    hour, minute = (int(x) for x in t.split(":"))
    suffix = "am" if hour < 12 else "pm"
    h12 = hour % 12 or 12
    if hour == 12 and minute == 0:
        return "12 noon"
    return f"{h12}{suffix}" if minute == 0 else f"{h12}:{minute:02d}{suffix}"


_ISO_DATE = patterns.compile("dates.iso_date", r"^\s*+(\d{4})-(\d{1,2})-(\d{1,2})\s*+")


def why_impossible(text: str) -> str | None:
    """What is impossible about a date written YYYY-MM-DD ("there is no month 13"); None when the
    text is a real date or not written that way."""
    import calendar
    m = _ISO_DATE.fullmatch(str(text))
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}: months go from 01 to 12"
    last = calendar.monthrange(year, month)[1]
    name = MONTH_NAMES[month - 1]
    if day == 0:
        return "there is no day 0: days start at 01"
    if day > last:
        if month == 2 and day == 29:
            return f"{year} is not a leap year, so February {year} has 28 days"
        return f"{name} {year} has {last} days, so there is no {day} {name}"
    return None
