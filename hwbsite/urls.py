"""Where each generated page lives: one place, so links and files always agree.

Paths are derived from data ids (dates, slugs), never from titles, so a
rebuild changes only what changed and links stay permanent.
"""

from __future__ import annotations

import datetime as dt


def meeting(meeting_id: str | dt.date) -> str:
    return f"meetings/{meeting_id}.md"


def meeting_pack(meeting_id: str | dt.date) -> str:
    """The printable agenda pack of a meeting: the agenda and every public paper."""
    return f"meetings/{meeting_id}/pack.md"


MEETINGS = "meetings/index.md"
PAPERS = "papers/index.md"
PEOPLE = "people/index.md"
MEMBERS = "people/members.md"          # who sits on the board (pages/people.py members_page)
MEETINGS_CALENDAR = "meetings/calendar.md"   # the meetings month by month (pages/meetings.py)
DECISIONS = "decisions/index.md"
ACTIONS = "actions/index.md"
TOPICS = "topics/index.md"
STRATEGY = "strategy/index.md"
METRICS = "metrics/index.md"
MONEY = "money/index.md"


def decisions(view: str = "index") -> str:
    """The decisions register, or one filtered view of it ("year-2017", "topic-<slug>")."""
    return f"decisions/{view}.md"


def actions(view: str = "index") -> str:
    """The action log, or one filtered view of it ("overdue", "year-2017", "topic-<slug>")."""
    return f"actions/{view}.md"


def meeting_calendar(meeting_id: str | dt.date) -> str:
    """The meeting's own iCalendar file (hwbsite.exports.calendar)."""
    return f"meetings/{meeting_id}.ics"


ACCESSIBILITY = "accessibility.md"
ACCESSIBILITY_URL = "accessibility/"   # the same page as a site-relative URL, for theme templates


def paper(paper_id: str) -> str:
    return f"papers/{paper_id}.md"


def person(person_id: str) -> str:
    return f"people/{person_id}.md"


def topic(slug: str) -> str:
    return f"topics/{slug}.md"


def aim(plan_id: str, number: int) -> str:
    return f"strategy/{plan_id}/aim-{number}.md"


def plan_actions(plan_id: str, view: str = "index") -> str:
    """Every action of a plan, or one filtered view of them ("red", "overdue", "aim-2", "lead-<person>")."""
    return f"strategy/{plan_id}/actions/{view}.md"


def strategy_action_anchor(action_id: str) -> str:
    """The id of an action's card on its aim page: "1.01" -> "action-1-01"."""
    return "action-" + "".join(c if c.isalnum() else "-" for c in str(action_id).lower()).strip("-")


def metric(metric_id: str) -> str:
    return f"metrics/{metric_id}.md"


def money(programme_id: str) -> str:
    return f"money/{programme_id}.md"


def money_download(dataset: str) -> str:
    return f"downloads/money/{dataset}.csv"


def table_download(name: str) -> str:
    return f"downloads/tables/{name}"


def metric_download(metric_id: str) -> str:
    return f"downloads/metrics/{metric_id}.csv"


# Anchors within a meeting page: the one place that names them, so links from registers, person,
# topic and aim pages always land where the meeting page put the record. Permanent: they are built
# from the numbers printed in the papers, never from titles.
MINUTES_ANCHOR = "minutes"


def item_anchor(number: str) -> str:
    return f"item-{number.lower()}"


def minute_anchor(number: int) -> str:
    return f"minute-{number}"


def resolution_anchor(minute_number: int, index: int, number: int | None) -> str:
    """Numbered resolutions by their number; unnumbered ones by their place in the minute."""
    return f"minute-{minute_number}-r{number}" if number is not None else f"minute-{minute_number}-r{index + 1}u"


def action_anchor(minute_number: int, position: int) -> str:
    """Actions by their place in the minute, counting from 1 across its sections."""
    return f"minute-{minute_number}-a{position}"


def section_anchor(section: str | None, index: int) -> str:
    return "section-" + "-".join(section.lower().split()) if section else f"items-{index}"


def relative(from_page: str, to_page: str) -> str:
    """A relative Markdown link from one generated page to another (MkDocs resolves .md links)."""
    from_parts = from_page.split("/")[:-1]
    to_parts = to_page.split("/")
    common = 0
    while common < len(from_parts) and common < len(to_parts) - 1 and from_parts[common] == to_parts[common]:
        common += 1
    up = [".."] * (len(from_parts) - common)
    return "/".join(up + to_parts[common:])

