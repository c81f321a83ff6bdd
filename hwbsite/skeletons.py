"""The commented files `hwbsite new` starts an officer with (a meeting, a paper), and the one edit it
makes to an existing file: listing a new paper under its agenda item (round-trip YAML, comments kept)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from . import scaffold
from .errors import ProblemLog
from .publication import london_today

if TYPE_CHECKING:  # pragma: no cover
    from .models.board import Board
    from .models.meetings import AgendaItem


MINUTES_NOTE = "# minutes: add them after the meeting"   # the note a new meeting file ends with


def quote(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _long_date(day: dt.date) -> str:
    from .dates import long_date
    return long_date(day)


def meeting_skeleton(day: dt.date, board: Board, previous: dt.date | None = None, previous_minutes: bool = True) -> str:
    """A valid, commented meeting file with the board's defaults and standing items.

    ``minutes_of:`` is filled only when the previous meeting's minutes are published: a link to
    minutes that do not exist would stop the strict build once the agenda is published."""
    time = f"{quote(board.default_time)}" if board.default_time else "null"
    venue = quote(board.default_venue) if board.default_venue else "null"
    lines = [
        "# yaml-language-server: $schema=../../schemas/meeting.schema.json",
        f"# {board.name}: meeting on {_long_date(day)}.",
        f"# Started with `hwbsite new meeting {day.isoformat()}`. Check it with `make check`, preview it",
        "# with `make serve`, and see EDITING.md for every field. Lines starting with # are notes:",
        "# remove the # to use a field.",
        f"date: {day.isoformat()}",
        f"time: {time:<24} # 24-hour \"HH:MM\" in quotes; the default is default_time in data/board.yml",
        f"venue: {venue}",
        "status: scheduled              # scheduled, held (after the meeting), cancelled or moved",
        "# moved_to: YYYY-MM-DD         # only with status: moved",
        "# note: \"Why the meeting was cancelled or moved\"",
        f"updated: {london_today().isoformat()}            # the date you last changed this file",
        "agenda:",
        "  status: draft                # change to published when the agenda is sent out",
        "  # published: YYYY-MM-DD      # when the agenda was published: at least five clear days before",
        "  # signed_by: {name: \"Name\", role: \"Chief Executive\"}",
        "  items:",
        "    # The standing items from data/board.yml. Add each further item like this:",
        "    #   - number: \"8\"                       # in quotes; \"8A\" for an added item",
        "    #     title: \"Better Care Fund update\"",
        "    #     section: \"For Discussion\"",
        "    #     presenter: \"Name, Job title\"",
        "    #     people: [\"Name\"]                  # spelled as in data/people.yml",
        "    #     pages: \"14-23\"                    # pages of the agenda pack",
        "    #     papers: [bcf-update-2026-12]      # start one with: hwbsite new paper <id> --meeting "
        f"{day.isoformat()} --item 8",
        "    #     topics: [better-care-fund]        # ids from data/topics.yml",
        "    #     exempt: {paragraph: 3}            # private business: Schedule 12A paragraph 1-7",
    ]
    for number, title in enumerate(board.standing_items, start=1):
        lines.append(f"    - number: \"{number}\"")
        lines.append(f"      title: {quote(title)}")
        if previous and title.lower().startswith("minutes of the previous meeting"):
            if previous_minutes:
                lines.append(f"      minutes_of: {previous.isoformat()}   # the meeting whose minutes are approved")
            else:
                lines.append(f"      # minutes_of: {previous.isoformat()}   # remove the # once "
                             f"data/meetings/{previous.isoformat()}.yml has its minutes")
    if not board.standing_items:
        lines.append("    - number: \"1\"")
        lines.append("      title: \"Apologies for absence\"")
    lines += [
        "  # next_meeting: {date: YYYY-MM-DD, time: \"09:00\"}",
        MINUTES_NOTE + "; see \"Publish minutes\" in EDITING.md.",
        "",
    ]
    return "\n".join(lines)


def previous_meeting(root: Path, meetings: Path, date: dt.date) -> tuple[dt.date | None, bool]:
    """The latest earlier meeting that was held (not cancelled or moved), and whether its minutes
    are published: the meeting whose minutes the new one approves."""
    from .publication import minutes_published
    from .models.meetings import Meeting
    from .validate import load_yaml_model
    earlier = sorted((d, p) for p in meetings.glob("*.y*ml") if (d := date_of(p.stem)) and d < date)
    for day, path in reversed(earlier):
        meeting = load_yaml_model(path, Meeting, ProblemLog(root))
        if meeting is None:
            return day, False  # a file with errors: leave minutes_of for the officer
        if meeting.status in ("cancelled", "moved"):
            continue
        return day, minutes_published(meeting)
    return None, False


def date_of(stem: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(stem)
    except ValueError:
        return None


def paper_skeleton(paper_id: str, title: str, meeting: dt.date, item: str, organisation: str | None,
                   paper_type: str = "report") -> str:
    org = quote(organisation) if organisation else "null"
    return "\n".join([
        "---",
        f"# Started with `hwbsite new paper {paper_id} --meeting {meeting.isoformat()} --item {item}`.",
        "# The lines between the two --- are the paper's details; the paper itself follows, in Markdown.",
        "# Lines starting with # are notes: remove the # to use a field. See EDITING.md.",
        f"{'id: ' + paper_id:<32} # must match the file name",
        f"title: {quote(title)}",
        f"{'type: ' + paper_type:<32} # report, briefing, appendix, presentation, plan, update, ...",
        f"{'meeting: ' + meeting.isoformat():<32} # the meeting it goes to",
        f"{'item: ' + quote(item):<32} # its agenda item there, which lists this paper under papers:",
        "# appendix_of: other-paper-id   # for an appendix: the paper it belongs to",
        f"{'date: ' + meeting.isoformat():<32} # the date printed on the paper",
        f"organisation: {org}",
        "# directorate: \"Public Health\"",
        "authors: []",
        "#  - name: \"Name\"",
        "#    role: \"Job title\"",
        "#    email: \"name@example.org\"",
        "# summary: >-",
        "#   One or two sentences in plain English saying what the paper is about.",
        "recommendations: []",
        "#  - \"That the Board notes the report.\"",
        "status: draft                    # draft, final or signed",
        "topics: []                       # ids from data/topics.yml, e.g. [better-care-fund]",
        "aims: []                         # strategy aim numbers, e.g. [4]",
        "# exempt: {paragraph: 3}         # private business under Schedule 12A: never published",
        "# confidential: true             # never published",
        "# embargoed_until: YYYY-MM-DD    # not published before this date",
        "---",
        "",
        "## 1. Purpose",
        "",
        scaffold.PAPER_PURPOSE,
        "",
        "## 2. Background",
        "",
        scaffold.PAPER_BODY,
        "",
        "## 3. Recommendations",
        "",
        scaffold.PAPER_RECOMMENDATIONS,
        "",
    ])


def list_paper_on_item(root: Path, meeting_file: Path, item: AgendaItem, paper_id: str) -> bool:
    """Add paper_id to an agenda item's papers: in the meeting file, keeping its comments, order and
    quoting (yamledit.py); False, with the file as it was, if that cannot be done safely."""
    from . import yamledit
    from .models.meetings import Meeting
    try:
        original = yamledit.edit(meeting_file, lambda doc: yamledit.add_paper(doc, item.number, paper_id))
    except yamledit.NotEditable:
        return False
    log = ProblemLog(root)
    from .validate import load_yaml_model
    edited = load_yaml_model(meeting_file, Meeting, log)
    listed = edited is not None and any(paper_id in i.papers and i.number == item.number for i in edited.agenda.walk())
    if log.errors or not listed:
        meeting_file.write_text(original, encoding="utf-8")
        return False
    return True
