"""Dates and times written the way English council papers write them."""

from __future__ import annotations

import datetime as dt


def long_date(d: dt.date | None) -> str:
    """2017-09-20 -> 'Wednesday 20 September 2017'."""
    if d is None:
        return ""
    return f"{d:%A} {d.day} {d:%B %Y}"


def short_date(d: dt.date | None) -> str:
    """2017-09-20 -> '20 September 2017'."""
    if d is None:
        return ""
    return f"{d.day} {d:%B %Y}"


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
