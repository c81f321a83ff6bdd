"""Read the "Timescale" column of an action plan: keep the published words, find a due date if any.

Action plans write timescales the way officers type them: "Jan-17", "Oct 17",
"March 2018", "2017/18", "3 year plan 2017/18 year 2", "On-going", "TBC",
"Bronwen to add detail".  The text is always kept exactly as published; a due
date is read only where the words give one:

- a month ("Jan-17", "Oct 17", "March 2018") is due at the end of that month;
- a financial year ("2017/18", "2016-19", or one inside longer words such as
  "3 year plan 2017/18 year 2") is due at the end of that financial year (31 March);
- "Jan 18 onwards" names when work starts, not when it is due, so it has no due
  date (``starts`` holds the month instead);
- "On-going", "TBC"/"TBA", a blank and anything else have no due date.

``parse`` never raises: an unreadable timescale is shown as written and simply
never counts as overdue.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import patterns, periods

ONGOING = patterns.compile("timescales.ongoing", r"^(?:on[\s-]?going|continuous|continuing)$", re.IGNORECASE)
TO_CONFIRM = patterns.compile("timescales.to_confirm", r"^(?:tbc|tba|tbd|to be (?:confirmed|agreed|determined))\.?$", re.IGNORECASE)
# "(?P<when>.+?)\s+" tried every end of "when" and rescanned the run of spaces after it; "when" ending
# in a non-space followed by a possessive run gives the same split in one pass.
ONWARDS = patterns.compile("timescales.onwards",
                           r"^(?:from\s++)?(?P<when>.*\S)\s++(?:onwards?|and beyond|on)$|^from\s++(?P<when2>.++)$",
                           re.IGNORECASE)
# A financial year inside longer words: "3 year plan 2017/18 year 2", "Current plan 2016-19".
EMBEDDED_FY = patterns.compile("timescales.embedded_fy", r"(?<![\d/-])((?:19|20)\d{2}\s*+[/-]\s*+\d{2}(?:\d{2})?)(?![\d/-])")


@dataclass(frozen=True)
class Timescale:
    """A timescale as published, with the date it falls due if the words give one."""

    text: str
    due: dt.date | None = None
    kind: str = "none"        # month | financial-year | year | range | from | ongoing | tbc | blank | none
    starts: dt.date | None = None

    def overdue(self, as_at: dt.date | None) -> bool:
        """Due before ``as_at`` (the date of a progress update)."""
        return bool(self.due and as_at and self.due < as_at)


def parse(text: str | None) -> Timescale:
    """Parse a published timescale; never raises."""
    published = "" if text is None else str(text)
    words = " ".join(published.split())
    if not words:
        return Timescale(published, kind="blank")
    if ONGOING.match(words):
        return Timescale(published, kind="ongoing")
    if TO_CONFIRM.match(words):
        return Timescale(published, kind="tbc")
    period = _period(words)
    if period is not None:
        return Timescale(published, period.end, period.kind)
    m = ONWARDS.match(words)
    if m:
        start = _period(m["when"] or m["when2"])
        if start is not None:
            return Timescale(published, None, "from", start.start)
    found = {p for p in EMBEDDED_FY.findall(words) if _period(p) is not None}
    if len(found) == 1:
        period = _period(found.pop())
        return Timescale(published, period.end, period.kind)
    return Timescale(published, kind="none")


def _period(words: str) -> periods.Period | None:
    try:
        return periods.parse(words)
    except periods.PeriodError:
        return None
    except ValueError:  # an impossible date such as a 31st in a 30-day month
        return None
