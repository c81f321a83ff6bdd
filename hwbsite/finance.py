"""Load the money the papers publish (data/finance/), check that stated totals add up, and fill paper tables.

data/finance/programmes.yml names each programme (the 2014 Better Care Fund, CAMHS investment ...),
its datasets and its scheme codes; data/finance/<dataset>.csv holds one row per published amount
(see models/finance.py).  Each file is read once; every problem is reported at file:line:column.

Reconciliation works on the validated rows: a total row adds up over the dimensions
it names in 'over'; its parts are the rows of the same dataset, measure and year that agree with
it on every other dimension.  A total printed more coarsely than its parts ("£6.2m" against
"£200,000") is allowed half its last printed digit; otherwise the parts as printed must add up
exactly.  A total that disagrees is a warning: the figure is published as printed, with the
difference shown beside it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import fences, patterns
from .errors import ProblemLog, Severity
from .models.finance import COLUMNS, DIMENSIONS, FinanceRow, Programme, ProgrammesFile
from .tables import Table, cell_columns, header_ok, read_csv
from .yamlsource import SourcePos
from .amounts import money

REQUIRED = ("item", "year", "measure", "amount", "seed")


@dataclass(frozen=True)
class Discrepancy:
    total: FinanceRow
    parts: tuple[FinanceRow, ...]
    summed: int           # the parts as printed, in pounds

    @property
    def difference(self) -> int:
        return self.summed - self.total.pounds


@dataclass
class Finance:
    programmes: list[Programme] = field(default_factory=list)
    rows: list[FinanceRow] = field(default_factory=list)      # file order, files by name
    files: dict[str, str] = field(default_factory=dict)        # dataset id -> data file
    _cells: dict | None = field(default=None, repr=False, compare=False)
    _groups: dict | None = field(default=None, repr=False, compare=False)
    _groups_of: int = field(default=-1, repr=False, compare=False)
    _found: list | None = field(default=None, repr=False, compare=False)
    _cells_of: list = field(default_factory=list, repr=False, compare=False)

    def programme_of(self, dataset: str) -> Programme | None:
        for programme in self.programmes:
            if any(d.id == dataset for d in programme.datasets):
                return programme
        return None

    def dataset_rows(self, dataset: str) -> list[FinanceRow]:
        return [r for r in self.rows if r.dataset == dataset]

    def cell(self, dataset: str, item: str, column: str) -> FinanceRow | None:
        """The row printed in a table's cell (item down, column across)."""
        if self._cells is None or len(self._cells_of) != len(self.rows):
            self._cells_of = list(self.rows)
            self._cells = {}
            for r in self.rows:
                self._cells.setdefault((r.dataset, r.item, r.column), r)
        return self._cells.get((dataset, item, column))

    def position(self, row: FinanceRow) -> int:
        """The row's index in self.rows (by identity: two rows may print the same thing)."""
        return next(i for i, r in enumerate(self.rows) if r is row)


# ---------------------------------------------------------------------------------------------
# Loading


def load(directory: Path, log: ProblemLog, load_yaml_model) -> Finance:
    """Read programmes.yml and every dataset CSV under ``directory`` (once each)."""
    finance = Finance()
    index = directory / "programmes.yml"
    if not directory.is_dir():
        return finance
    if not index.exists():
        if any(directory.glob("*.csv")):
            log.add(log.rel(index), 1, 1, "", "data/finance/ has CSV files but no programmes.yml",
                    "list each programme and its datasets in data/finance/programmes.yml")
        return finance
    loaded = load_yaml_model(index, ProgrammesFile, log)
    finance.programmes = loaded.programmes if loaded else []
    for path in sorted(directory.glob("*.csv")):
        rel = log.rel(path)
        programme = finance.programme_of(path.stem)
        if programme is None:
            log.add(rel, 1, 1, "", f"dataset '{path.stem}' is not listed in data/finance/programmes.yml",
                    "add it under datasets: of its programme")
            continue
        csv_file = read_csv(path, log)
        if csv_file is None:
            continue
        finance.files[path.stem] = rel
        finance.rows += _rows(path.stem, programme, csv_file, rel, log)
    _check_duplicates(finance.rows, log)
    return finance


def _rows(dataset: str, programme: Programme, csv_file, rel: str, log: ProblemLog) -> list[FinanceRow]:
    header = [h.strip() for h in csv_file.rows[0]]
    if not header_ok(header, REQUIRED, COLUMNS, rel, log, "the columns are: "):
        return []
    codes = {s.code for s in programme.schemes}
    rows = []
    for i, cells in enumerate(csv_file.rows[1:], start=1):
        if not any(c.strip() for c in cells):
            continue
        line = csv_file.starts[i]
        raw = csv_file.lines[line - 1]
        starts = cell_columns(raw) if csv_file.starts[i + 1:i + 2] in ([line + 1], []) else []

        def pos(name: str) -> SourcePos:
            j = header.index(name) if name in header else -1
            return SourcePos(rel, line, starts[j] if 0 <= j < len(starts) else 1)

        values = {k: v.strip() for k, v in zip(header, cells) if v.strip()}
        try:
            row = FinanceRow.model_validate({"dataset": dataset, **values})
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                name = str(err["loc"][0]) if err["loc"] else ""
                ctx = err.get("ctx", {}).get("error")
                name = getattr(ctx, "field", "") or name
                message = err["msg"].removeprefix("Value error, ")
                if err["type"] == "missing":
                    message = f"'{name}' is required"
                elif err["type"] == "literal_error":
                    message = f"expected one of {err['ctx']['expected']}, got \"{err['input']}\""
                log.error(pos(name), name, message, getattr(ctx, "hint", ""))
            continue
        row._src = pos("item")
        row._field_pos = {name: pos(name) for name in header}
        if row.code and codes and row.code not in codes:
            close = difflib.get_close_matches(row.code, sorted(codes), n=1)
            log.error(row.pos_of("code"), "code", f"unknown scheme code '{row.code}' for {programme.id}",
                      f"did you mean '{close[0]}'?" if close else
                      "add it under schemes: of the programme in data/finance/programmes.yml")
            continue
        rows.append(row)
    return rows


def _check_duplicates(rows: list[FinanceRow], log: ProblemLog) -> None:
    seen: dict[tuple, FinanceRow] = {}
    for r in rows:
        if not r.column:
            continue
        key = (r.dataset, r.item, r.column)
        if key in seen:
            log.error(r.pos_of("column"), "column",
                      f"'{r.item}' / '{r.column}' is given twice (first at line {seen[key].src.line})",
                      "each printed figure is one row")
        else:
            seen[key] = r


# ---------------------------------------------------------------------------------------------
# Reconciliation


def _key_columns(over) -> list[str]:
    return [c for c in ("dataset", "measure", "year", *DIMENSIONS) if c not in over]


def _key(row: FinanceRow, over) -> tuple:
    return tuple(getattr(row, c) for c in _key_columns(over))


def _part_groups(finance: Finance) -> dict[tuple, dict]:
    """For each 'over' used by a total: the rows that name at least one of those dimensions, grouped
    by everything else (dataset, measure, year, the other dimensions), with their sum and finest step.

    A total leaves blank the dimensions it adds up over, so it is never one of its own parts.
    Computed once per loaded project, in one pass over the rows per 'over' (plain dicts: a few
    hundred rows do not pay for importing pandas, which was a third of a small site's overhead).
    """
    if finance._groups is not None and finance._groups_of == len(finance.rows):
        return finance._groups
    priced = [(i, r) for i, r in enumerate(finance.rows) if r.pounds is not None]
    groups = {}
    for over in sorted({tuple(r.over) for r in finance.rows if r.kind == "total"}):
        keys = _key_columns(over)
        index: dict[tuple, list[int]] = {}
        sums: dict[tuple, tuple[int, int]] = {}
        for i, r in priced:
            if all(getattr(r, d) == "" for d in over):
                continue
            key = tuple(getattr(r, c) for c in keys)
            index.setdefault(key, []).append(i)
            pounds, step = sums.get(key, (0, r.step))
            sums[key] = (pounds + r.pounds, min(step, r.step))
        groups[over] = {"index": index, "sums": sums}
    finance._groups, finance._groups_of = groups, len(finance.rows)
    return groups


def parts_of(finance: Finance, total: FinanceRow) -> list[FinanceRow]:
    """The rows a stated total adds up: same dataset, measure and year, the same on every dimension
    it does not add up over, and naming at least one that it does."""
    group = _part_groups(finance).get(tuple(total.over))
    if group is None:
        return []
    return [finance.rows[i] for i in group["index"].get(_key(total, total.over), [])]


def reconcile(finance: Finance) -> list[Discrepancy]:
    """Every stated total whose parts, as printed, do not add up to it (computed once per project)."""
    if finance._found is not None and finance._groups_of == len(finance.rows):
        return finance._found
    groups = _part_groups(finance)
    found = []
    for total in finance.rows:
        if total.kind != "total" or total.pounds is None:
            continue
        summed, finest = groups[tuple(total.over)]["sums"].get(_key(total, total.over), (0, total.step))
        allowed = total.step / 2 if total.step > finest else 0
        if abs(summed - total.pounds) > allowed:
            found.append(Discrepancy(total, tuple(parts_of(finance, total)), summed))
    finance._found = found
    return found


def check(finance: Finance, log: ProblemLog) -> None:
    """Warn at each stated total that its parts do not reach (registered in checks.run)."""
    for d in reconcile(finance):
        t = d.total
        where = f"{t.item}" + (f", {t.column}" if t.column else f", {t.year}")
        stated = (t.amount if t.unit == "£" else f"{t.amount} ({money(t.pounds)})" if "£" in t.amount
                  else f"{t.amount} ({t.unit}, so {money(t.pounds)})")
        if not d.parts:
            message = f"stated total {stated} ({where}) has no parts to add up over {' '.join(t.over)}"
        else:
            parts = f"{len(d.parts)} parts add" if len(d.parts) > 1 else "one part adds"
            message = (f"stated total {stated} ({where}) but its {parts} up to "
                       f"{money(d.summed)}, a difference of {money(d.difference)}")
        log.add(t.pos_of("amount").file, t.pos_of("amount").line, t.pos_of("amount").column, "amount", message,
                f"the total is published as printed (seed {t.seed}), with the difference shown beside it",
                Severity.WARNING, code="finance-total-mismatch")


# ---------------------------------------------------------------------------------------------
# Paper tables that show finance figures


def fill_table(table: Table, finance: Finance, dataset: str, key: str | None = None) -> Table:
    """The table with its money cells filled from the dataset: the CSV leaves them empty."""
    k = table.header.index(key) if key in table.header else 0
    rows = []
    for row in table.rows:
        out = list(row)
        for j, heading in enumerate(table.header):
            found = finance.cell(dataset, row[k].strip(), heading.strip())
            if found is not None and not out[j].strip():
                out[j] = found.amount
        rows.append(out)
    return Table(table.name, table.path, table.header, rows)


def check_filled_table(table: Table, finance: Finance, dataset: str, key: str | None, log: ProblemLog,
                       csv_lines: dict[int, int] | None = None) -> None:
    """A paper table that reads from finance holds no copy of its figures, and every figure has a cell."""
    if key is not None and key not in table.header:
        log.add(table.path, 1, 1, "key", f"no column '{key}' in {table.name}", "key: names the column that holds "
                "the item of each finance row")
        return
    k = table.header.index(key) if key else 0
    placed = set()
    for i, row in enumerate(table.rows):
        for j, heading in enumerate(table.header):
            found = finance.cell(dataset, row[k].strip(), heading.strip())
            if found is None:
                continue
            placed.add(id(found))
            if row[j].strip():
                line = (csv_lines or {}).get(i, i + 2)
                log.add(table.path, line, 1, heading,
                        f"'{row[j]}' is also held in {finance.files.get(dataset, dataset)} line {found.src.line}",
                        "leave the cell empty: the table reads its figures from data/finance/")
    for r in finance.dataset_rows(dataset):
        if r.column and id(r) not in placed:
            log.add(r.pos_of("column").file, r.pos_of("column").line, r.pos_of("column").column, "column",
                    f"no cell for '{r.item}' / '{r.column}' in {table.name}, which shows this dataset",
                    "the item must match the table's key column and the column its heading, as printed")


# An amount of money as papers print it in running text: "£8.6m", "£456,000", "£10.104 million".
# Linear: one pass, no nested quantifiers.
_MONEY_IN_TEXT = patterns.compile("finance.money_in_text",
                                  r"£\s?+\d[\d,]*+(?:\.\d++)?+(?:\s?+(?:m\b|million\b|k\b|bn\b))?+")
_GROUPED_NUMBER = patterns.compile("finance.grouped_number", r"\d{1,3}+(?:,\d{3})++")
_NOT_AMOUNT = patterns.compile("finance.not_amount", r"[£,\s]")


def _amount_key(text: str) -> str:
    return _NOT_AMOUNT.sub("", text).removesuffix("million").rstrip(".")


def untranscribed_amounts(project) -> dict[str, list[str]]:
    """paper id -> the amounts of money its running text prints that data/finance/ does not hold,
    for each paper data/finance/ transcribes. A page or download that says it holds "every amount
    of money printed" in those papers is true only when every list here is empty."""
    finance = project.finance
    if finance is None:
        return {}
    held: dict[str, set[str]] = {}
    for programme in finance.programmes:
        for dataset in programme.datasets:
            if dataset.paper:
                held.setdefault(dataset.paper, set())
    paper_of = {d.id: d.paper for p in finance.programmes for d in p.datasets if d.paper}
    for row in finance.rows:
        if row.dataset in paper_of:
            held[paper_of[row.dataset]].add(_amount_key(row.amount))
    out = {}
    for paper_id in sorted(held):
        paper = project.papers.get(paper_id)
        if paper is None:
            continue
        # outside fenced blocks: tables are filled from data/finance/ or hold no money
        text = "\n".join(line for _n, line in fences.prose_lines(paper.body))
        found = [m.group(0).strip() for m in _MONEY_IN_TEXT.finditer(text)]
        missing = list(dict.fromkeys(a for a in found if _amount_key(a) not in held[paper_id]
                                     and any(c.isdigit() for c in a)))
        out[paper_id] = missing
    return out


def discrepancy_sentence(d: "Discrepancy") -> str:
    """One stated total that its parts do not add up to, in the words every page that shows it uses."""
    side = "less" if d.difference < 0 else "more"
    where = d.total.item + (f", {d.total.column}" if d.total.column else "")
    return (f"{where}: the paper prints {d.total.amount}; the parts it lists add up to {money(d.summed)}, "
            f"{money(abs(d.difference))} {side} than the total printed. The figure is shown as printed.")


def money_notes(project, paper_id: str) -> list[str]:
    """The notes about a paper's money, one list for its page and the money pages: every stated total
    its parts do not add up to (computed), then the paper's own notes that name one of its amounts."""
    finance = project.finance
    paper = project.papers.get(paper_id)
    if finance is None or paper is None:
        return []
    datasets = {d.id for p in finance.programmes for d in p.datasets if d.paper == paper_id}
    out = [discrepancy_sentence(d) for d in reconcile(finance) if d.total.dataset in datasets]
    amounts = {_amount_key(r.amount) for r in finance.rows if r.dataset in datasets}
    amounts |= {f"{r.pounds:,}" for r in finance.rows if r.dataset in datasets and r.pounds}
    for note in paper.notes:
        named = {_amount_key(m.group(0)) for m in _MONEY_IN_TEXT.finditer(note)}
        named |= {m.group(0) for m in _GROUPED_NUMBER.finditer(note)}
        if named & amounts:
            out.append(note)
    return out
