"""CSV tables of published figures (data/tables/*.csv), kept exactly as published."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import ProblemLog
from .yamlsource import YamlProblem
from . import limits, patterns

# A published table or metric series has hundreds of rows at most; the bound keeps a pasted
# extract (or a file of empty lines) from making every page that shows it enormous.
MAX_ROWS = 20_000


@dataclass
class Table:
    name: str             # file name, e.g. "annual-report-2026-27--finances.csv"
    path: str             # relative to the project root
    header: list[str]
    rows: list[list[str]]

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]


def cell_columns(raw_line: str) -> list[int]:
    """The 1-based column where each cell of a CSV line starts (quotes understood)."""
    columns, quoted, i = [1], False, 0
    while i < len(raw_line):
        ch = raw_line[i]
        if ch == '"':
            if quoted and raw_line[i + 1:i + 2] == '"':
                i += 1            # an escaped quote inside a quoted cell
            else:
                quoted = not quoted
        elif ch == "," and not quoted:
            columns.append(i + 2)
        i += 1
    return columns


@dataclass
class CsvFile:
    rows: list[list[str]]
    starts: list[int]     # the line each row starts on
    lines: list[str]      # the raw text lines, for column positions


def read_csv(path: Path, log: ProblemLog) -> CsvFile | None:
    """Read a CSV file; a wrong column count or bad encoding is an error at its line."""
    rel = log.rel(path)
    try:
        text = log.read(path)
    except YamlProblem as p:
        log.add(rel, p.line, p.column, "", p.message, p.hint)
        return None
    if not text.strip():
        log.add(rel, 1, 1, "", "file is empty", "a CSV file needs a header row")
        return None
    reader = csv.reader(io.StringIO(text))
    rows = []
    starts = []  # the line each row starts on: a quoted cell may span several lines
    next_start = 1
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                log.add(rel, next_start, 1, "", f"more than {MAX_ROWS:,} rows; tables and metric files must be shorter",
                        "split the file, or publish the full extract as a download elsewhere")
                return None
            starts.append(next_start)
            rows.append(row)
            next_start = reader.line_num + 1
    except csv.Error as exc:
        log.add(rel, reader.line_num, 1, "", f"CSV syntax error: {exc}", "check the quotes on this line")
        return None
    if found := limits.long_cell(rows):
        r, c, message = found
        columns = cell_columns(text.split("\n")[starts[r] - 1])
        field = (rows[0][c].strip() if r and c < len(rows[0]) else "") or f"column {c + 1}"
        log.add(rel, starts[r], columns[c] if c < len(columns) else 1, field, message,
                "a cell holds a figure or a short label; longer text belongs in a paper")
        return None
    width = len(rows[0])
    ok = True
    for i, row in enumerate(rows):
        if row and len(row) != width:
            split = split_number(row, width)
            if split is not None and i > 0:
                index, joined = split
                column = rows[0][index].strip() or f"column {index + 1}"
                log.add(rel, starts[i], _column_of(row, index), column,
                        f"the number {joined} is split in two by its comma, so this row has {len(row)} "
                        f"columns, not {width}",
                        f"put it in double quotes: \"{joined}\" (or write it without the comma: "
                        f"{joined.replace(',', '')})")
            else:
                log.add(rel, starts[i], 1, f"row {i}",
                        f"expected {width} columns like the header, found {len(row)}",
                        "check for a missing or extra comma; quote values that contain commas")
            ok = False
    return CsvFile(rows, starts, text.splitlines()) if ok else None


_HEAD = patterns.compile("tables.head", r"^\s*+-?\d{1,3}(?:,\d{3})*+$")
_GROUP = patterns.compile("tables.group", r"^\d{3}(?:\.\d++)?%?\s*+$")


def header_ok(header: list[str], required: list[str] | tuple[str, ...], columns: list[str] | tuple[str, ...],
              rel: str, log: ProblemLog, hint: str) -> bool:
    """Whether a data CSV's header names every required column and no unknown one; if not, the
    error (at line 1) names the first problem and the hint lists the columns."""
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in columns]
    if missing or unknown:
        log.add(rel, 1, 1, "header",
                f"missing column(s) {', '.join(missing)}" if missing else f"unknown column '{unknown[0]}'",
                hint + ",".join(columns))
        return False
    return True


def split_number(row: list[str], width: int) -> tuple[int, str] | None:
    """(column index, "1,045.2") when rejoining numbers that an unquoted thousands comma split
    ("1", "045.2") gives the row the header's width; else None."""
    cells, first = list(row), None
    i = 0
    while len(cells) > width and i < len(cells) - 1:
        if _HEAD.match(cells[i]) and _GROUP.match(cells[i + 1]):
            joined = f"{cells[i].strip()},{cells[i + 1].strip()}"
            cells[i:i + 2] = [joined]
            first = first or (i, joined)
            continue  # "1,045,200": the joined cell may take the next group too
        i += 1
    if len(cells) != width or first is None:
        return None
    index, _ = first
    return index, cells[index]


def _column_of(row: list[str], index: int) -> int:
    """1-based character column where cell ``index`` starts (the row as split, unquoted)."""
    return sum(len(c) + 1 for c in row[:index]) + 1


def load_tables(directory: Path, log: ProblemLog) -> dict[str, Table]:
    tables = {}
    for path in sorted(directory.glob("*.csv")):
        csv_file = read_csv(path, log)
        if csv_file is None:
            continue
        rows = csv_file.rows
        body = [r for r in rows[1:] if any(c.strip() for c in r)]
        tables[path.name] = Table(path.name, log.rel(path), rows[0], body)
    return tables
