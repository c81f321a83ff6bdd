"""Warnings where the papers disagree with themselves: the classes the audit found, checked everywhere.

- a date in a column headed by another month or year ("V2 28.02.17" under FEBRUARY 2018);
- a date given for a board decision on which the archive holds no board meeting;
- one person given different job titles at the same organisation;
- a stated total that differs from the sum of its parts, in any table;
- a plan and a target for the same period and measure that differ.

Each warning names the file, line and column; nothing here changes what is published.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from . import dates, lifecycle, patterns, perfile, periods
from .amounts import money
from .errors import ProblemLog

DMY = patterns.compile("consistency.dmy", r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)")
BOARD = r"(?:Health and Well-?being Board|HWBB?|H&WBB?|HWbB)"
AGREED = patterns.compile("consistency.agreed", r"agreed (?:at|by) (?:the )?" + BOARD + r"\W{0,6}(?:on\s++)?"
                           r"(?P<date>\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}(?:st|nd|rd|th)? \w++,? \d{4})", re.I)
_EMPHASIS = patterns.compile("consistency.emphasis", r"[*_]")
_STAR_OR_ESCAPE = patterns.compile("consistency.star_or_escape", r"[*\\]")
_DELIMITER_ROW = patterns.compile("consistency.delimiter_row", r"^\s*+\|(?>\s*+:?-++:?\s*+\|)++\s*+$")
_TOTAL = patterns.compile("consistency.total", r"^\s*+(?:\*\*)?(?:grand )?totals?\b", re.I)
_TOTAL_WORDS = patterns.compile("consistency.total_words", r"\b(?:total|totals|planned|plan|actual)\b", re.I)
_SLASH_DATE = patterns.compile("consistency.slash_date", r"(\d{1,2})/(\d{1,2})/(\d{2,4})$")
_WORDY_DATE = patterns.compile("consistency.wordy_date", r"(\d{1,2})(?:st|nd|rd|th)? (\w++),? (\d{4})$")
_NOT_LETTER = patterns.compile("consistency.not_letter", r"[^a-z ]")
_SPACES = patterns.compile("consistency.spaces", r"\s++")


def run(project, log: ProblemLog) -> None:
    root = Path(project.root)
    for paper in project.papers.values():
        perfile.run(log, _scan_markdown_tables, paper.body, paper.path, paper.body_line)   # its text alone
    for table in project.tables.values():
        _check_table(table, log)
    _check_board_dates(project, root, log)
    _check_role_titles(project, log)
    _check_plan_target(project.values, log)


# ---------------------------------------------------------------------------------------------
# Dates in a column of another month or year


def _column_period(header: str) -> periods.Period | None:
    text = _EMPHASIS.sub("", header).strip()
    try:
        p = periods.parse(text)
    except periods.PeriodError:
        return None
    return p if p.kind in ("month", "year") else None


def _date_of(m: re.Match) -> dt.date | None:
    day, _sep, month, year = m.groups()
    y = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return dt.date(y, int(month), int(day))
    except ValueError:
        return None  # an impossible date is reported by checks.bad_date


def _check_cells(header_periods, cells, file: str, line: int, columns, log: ProblemLog) -> None:
    for j, cell in enumerate(cells):
        period = header_periods[j] if j < len(header_periods) else None
        if period is None:
            continue
        for m in DMY.finditer(cell):
            when = _date_of(m)
            if when and not period.start <= when <= period.end:
                log.add(file, line, columns[j] + m.start(), "",
                        f"date \"{m.group(0)}\" stands in the column \"{period.label}\" but falls in "
                        + dates.month_year(when), "it is published as printed; say so in the paper's notes:",
                        code="date-in-wrong-column", severity=_W)


def _scan_markdown_tables(body: str, file: str, first_line: int, log: ProblemLog) -> None:
    lines = body.splitlines()
    header_periods: list = []
    grid = None

    def finish():
        if grid is not None and grid.rows:
            _row_totals(grid, log)
            _column_totals(grid, log)

    for i, text in enumerate(lines):
        if not text.lstrip().startswith("|"):
            finish()
            header_periods, grid = [], None
            continue
        cells, columns = _split_row(text)
        if i + 1 < len(lines) and _DELIMITER_ROW.match(lines[i + 1]):
            finish()
            header_periods = [_column_period(c) for c in cells]
            grid = _Grid(file, [_STAR_OR_ESCAPE.sub("", c).strip() for c in cells], [], [])
            continue
        if _DELIMITER_ROW.match(text):
            continue
        _check_cells(header_periods, cells, file, first_line + i, columns, log)
        if grid is not None:
            grid.rows.append([_STAR_OR_ESCAPE.sub("", c).strip() for c in cells])
            grid.lines.append(first_line + i)
    finish()


def _split_row(text: str) -> tuple[list[str], list[int]]:
    cells, columns, pos = [], [], text.index("|") + 1
    for part in text.strip().strip("|").split("|"):
        columns.append(pos + 1)
        cells.append(part)
        pos += len(part) + 1
    return cells, columns


# ---------------------------------------------------------------------------------------------
# Tables: dates by column, totals against their parts

# possessive: with no £, "\s*£?\s*" would try every split of a run of spaces between two \s*
_NUMBER = patterns.compile("consistency.number", r"^\(?(-|−)?\s*+£?\s*+(-|−)?(\d[\d,]*+(?:\.\d++)?)\s*+(%|k|m)?\)?$")


def _number(cell: str) -> float | None:
    m = _NUMBER.match(cell.strip())
    if not m or (m.group(4) and m.group(4) != "%"):
        return None
    value = float(m.group(3).replace(",", ""))
    negative = bool(m.group(1) or m.group(2)) or cell.strip().startswith("(")
    return -value if negative else value


class _Grid:
    """A table from a CSV file or a Markdown body: its header, rows and the line of each row."""

    def __init__(self, path, header, rows, lines):
        self.path, self.header, self.rows, self.lines = path, header, rows, lines


def _check_table(table, log: ProblemLog) -> None:
    header_periods = [_column_period(h) for h in table.header]
    for r, row in enumerate(table.rows):
        _check_cells(header_periods, row, table.path, r + 2, [1] * len(row), log)
    grid = _Grid(table.path, table.header, table.rows, [r + 2 for r in range(len(table.rows))])
    _row_totals(grid, log)
    _column_totals(grid, log)


def _is_total(label: str) -> bool:
    return bool(_TOTAL.match(label))


def _row_totals(table, log: ProblemLog) -> None:
    """A "Total" row against the rows above it (back to the header or the previous total)."""
    start = 0
    for r, row in enumerate(table.rows):
        if not row or not _is_total(row[0]):
            continue
        parts = table.rows[start:r]
        start = r + 1
        if len(parts) < 2 or not _alike(parts, row):
            continue
        for j in range(1, len(row)):
            total = _number(row[j])
            if total is None or (table.header[j:j + 1] and "%" in row[j]):
                continue
            values = [_number(p[j]) if j < len(p) else None for p in parts]
            if any(v is None and j < len(p) and p[j].strip() for v, p in zip(values, parts)):
                continue  # a part that is not a plain number: nothing to add up
            summed = sum(v for v in values if v is not None)
            if sum(v is not None for v in values) >= 2 and abs(summed - total) > 1e-6 * max(1, abs(total)):
                log.add(table.path, table.lines[r], 1, table.header[j],
                        f"stated total {row[j].strip()} in \"{table.header[j]}\" differs from the sum of the "
                        f"{len(parts)} rows above it, {_fmt(summed, row[j])}",
                        "the stated total is published as printed; add a note saying so",
                        code="total-mismatch", severity=_W)


def _alike(parts, total_row) -> bool:
    """Parts add up to a total only when they agree on every descriptive column (one year, one unit)."""
    for k in range(1, len(total_row)):
        words = {p[k].strip() for p in parts if k < len(p) and p[k].strip() and _number(p[k]) is None}
        if len(words) > 1:
            return False
    return True


def _within(header: str, total_header: str) -> bool:
    """A column belongs to a total column that names a period ("Total 17/18") when its period lies inside."""
    span = _header_span(total_header)
    col = _header_span(header)
    return span is None or (col is not None and span[0] <= col[0] and col[1] <= span[1])


def _header_span(header: str):
    text = _TOTAL_WORDS.sub("", header).strip(" :*")
    try:
        return periods.parse(text).span if text else None
    except periods.PeriodError:
        return None


def _column_totals(table, log: ProblemLog) -> None:
    """A "Total" column against the numeric columns before it (back to the previous total column)."""
    first = 1
    for j, head in enumerate(table.header):
        if not _is_total(head):
            continue
        cols = [c for c in range(first, j) if _within(table.header[c], head)]
        if _header_span(head) is not None:
            cols = [c for c in range(1, j) if _header_span(table.header[c]) and _within(table.header[c], head)]
        first = j + 1
        if len(cols) < 2:
            continue
        for r, row in enumerate(table.rows):
            if j >= len(row):
                continue
            total = _number(row[j])
            values = [_number(row[c]) if c < len(row) else None for c in cols]
            if total is None or any(v is None for v in values) or "%" in row[j]:
                continue
            summed = sum(values)
            if abs(summed - total) > 1e-6 * max(1, abs(total)):
                log.add(table.path, table.lines[r], 1, head,
                        f"stated total {row[j].strip()} for \"{row[0]}\" differs from the sum of "
                        f"{', '.join(table.header[c] for c in cols)}, {_fmt(summed, row[j])}",
                        "the stated total is published as printed; add a note saying so",
                        code="total-mismatch", severity=_W)


def _fmt(value: float, like: str) -> str:
    decimals = len(like.split(".")[1].rstrip("%)")) if "." in like else 0
    text = ("-" if value < 0 else "") + (f"{abs(value):,.{decimals}f}" if "," in like else f"{abs(value):.{decimals}f}")
    return money(text) if "£" in like else text


# ---------------------------------------------------------------------------------------------
# Board dates


def board_dates(project) -> set[dt.date]:
    """Every date on which the papers show the board meeting: files, announcements, meetings the minutes name."""
    known = {m.date for m in project.meetings if m.status != "cancelled"}
    known |= {a.date for a in lifecycle.announcements(project.meetings)}
    known |= {d for m in project.meetings if (d := lifecycle.previous_named(m))}
    return known


def _parse_date(text: str) -> dt.date | None:
    m = _SLASH_DATE.match(text)
    if m:
        y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        try:
            return dt.date(y, int(m[2]), int(m[1]))
        except ValueError:
            return None
    m = _WORDY_DATE.match(text)
    if m and m[2].lower()[:3] in periods.MONTHS:
        try:
            return dt.date(int(m[3]), periods.MONTHS[m[2].lower()[:3]], int(m[1]))
        except ValueError:
            return None
    return None


def _check_board_dates(project, root: Path, log: ProblemLog) -> None:
    known = board_dates(project)
    for paper in project.papers.values():
        text = project.texts.get(paper.path)   # the loader's kept text: rules never read the disk
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if line.lstrip().startswith("#"):
                continue
            for m in AGREED.finditer(line):
                when = _parse_date(m["date"])
                if when and when not in known:
                    log.add(paper.path, number, m.start("date") + 1, "",
                            f"a decision of the board is dated {m['date']} ({dates.long_date(when)}), "
                            "a date on which this archive holds no board meeting",
                            "it is published as printed; add a note to the paper's notes: saying so",
                            code="board-date", severity=_W)


# ---------------------------------------------------------------------------------------------
# Role titles


def _org_key(org: str | None) -> str:
    words = _NOT_LETTER.sub(" ", (org or "").lower()).split()
    return " ".join(w for w in words if w not in ("nhs", "the"))


def _title_key(title: str) -> str:
    return _SPACES.sub(" ", patterns.without_parenthesised(title)).strip().lower()


def _check_role_titles(project, log: ProblemLog) -> None:
    """Two spellings of one job at one organisation ("Chief Operating Officer" / "Chief Officer").

    Different jobs (a board sponsor, a lead officer for an aim) are not reported: only titles
    that read as variants of each other.
    """
    import difflib
    for person in project.people:
        by_org: dict[str, list] = defaultdict(list)
        for role in person.roles:
            if role.title:
                by_org[_org_key(role.organisation)].append(role)
        for roles in by_org.values():
            for i, a in enumerate(roles):
                for b in roles[i + 1:]:
                    ka, kb = _title_key(a.title), _title_key(b.title)
                    if ka != kb and difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.6:
                        log.warn(b.pos_of("title"), "title",
                                 f"{person.name}'s title at {b.organisation or a.organisation} is \"{b.title}\" "
                                 f"here but \"{a.title}\" in another paper (line {a.src.line})",
                                 "keep each as printed; the person page lists both", code="role-title-differs")


# ---------------------------------------------------------------------------------------------
# Plan against target


def _check_plan_target(values, log: ProblemLog) -> None:
    groups: dict[tuple, list] = defaultdict(list)
    for v in values:
        if v.kind in ("plan", "target"):
            groups[(v.metric, v.breakdown, v.period.span)].append(v)
    for group in groups.values():
        plans = [v for v in group if v.kind == "plan"]
        targets = [v for v in group if v.kind == "target"]
        for p in plans:
            for t in targets:
                if p.value != t.value:
                    for this, other in ((p, t), (t, p)):
                        log.warn(this.src, "value",
                                 f"{this.metric}: the {this.kind} for {this.period.label} is {this.published} but the "
                                 f"{other.kind} for {other.period.label} is {other.published}",
                                 "both are published as printed; say which each paper gives", code="plan-target-differ")


from .errors import Severity as _Severity  # noqa: E402

_W = _Severity.WARNING
