"""Load metric values (long-form CSV) against the registry, and check them.

Values keep the figure and the period label exactly as published; parsed
dates live beside them.  Errors stop the build (an unknown metric); warnings
point at problems the papers really have (a total that does not add up).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


from . import periods
from .amounts import number
from .errors import ProblemLog
from .models.metrics import UNIT_SCALES, Metric, ValueRow
from .suggest import did_you_mean
from .tables import cell_columns, header_ok, read_csv
from .validate import validate
from .yamlsource import Document
from . import patterns

COLUMNS = ["metric", "period", "kind", "value", "unit", "breakdown", "numerator", "denominator",
           "ci_low", "ci_high", "covers", "as_of", "source", "note"]
REQUIRED = ("metric", "period", "kind", "value")
KINDS = ("actual", "plan", "target", "baseline", "forecast", "threshold")


@dataclass(frozen=True)
class Value:
    metric: str
    period: periods.Period
    kind: str
    value: float
    published: str             # the value as written in the CSV
    unit: str
    breakdown: str = ""
    numerator: float | None = None
    denominator: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    covers: periods.Period | None = None
    as_of: dt.date | None = None
    source: str = ""
    note: str = ""
    file: str = ""
    line: int = 0

    @property
    def coverage(self) -> str:
        """What the figure covers when that is less than its period label says ("" when it is the
        whole period): every output that shows the figure carries these words (see tests)."""
        return f"covering only {self.covers.label}" if self.covers else ""

    @property
    def src(self):
        from .yamlsource import SourcePos
        return SourcePos(self.file, self.line, 1)


def load_values(directory: Path, registry: dict[str, Metric], log: ProblemLog) -> list[Value]:
    values: list[Value] = []
    for path in sorted(directory.glob("*.csv")):
        csv_file = read_csv(path, log)
        if csv_file is None:
            continue
        rows = csv_file.rows
        rel = log.rel(path)
        header = [h.strip() for h in rows[0]]
        if not header_ok(header, REQUIRED, COLUMNS, rel, log, "the header is: "):
            continue
        for i, row in enumerate(rows[1:], start=1):
            if not any(c.strip() for c in row):
                continue
            line = csv_file.starts[i]
            value = _row(header, row, Path(rel), line, csv_file.lines[line - 1], registry, log)
            if value is not None:
                values.append(value)
    _check_duplicates(values, log)
    return values


def _row(header, row, rel: Path, line: int, raw: str, registry, log) -> Value | None:
    """Validate one row as a ValueRow; every problem is reported at its own cell."""
    columns = cell_columns(raw)
    cells, positions = {}, {}
    for index, (name, cell) in enumerate(zip(header, row)):
        if cell.strip():
            cells[name] = cell.strip()
            positions[(name,)] = (line, columns[index] if index < len(columns) else 1)
    doc = Document(rel, cells, value_pos=positions)
    if "value" not in cells:
        positions[()] = (line, 1)
    parsed = validate(doc, ValueRow, log)
    if parsed is None:
        return None
    metric = registry.get(parsed.metric)
    if metric is None:
        log.error(parsed.pos_of("metric"), "metric", f"unknown metric '{parsed.metric}'",
                  did_you_mean(parsed.metric, registry) or "add it to data/metrics/registry.yml")
        return None
    if parsed.unit and parsed.unit != metric.unit:
        log.error(parsed.pos_of("unit"), "unit",
                  f"unit '{parsed.unit}' disagrees with the registry's '{metric.unit}' for {metric.id}")
        return None
    return Value(metric=metric.id, period=parsed.period, kind=parsed.kind, value=parsed.value,
                 published=cells["value"], unit=parsed.unit or metric.unit, breakdown=parsed.breakdown or "",
                 numerator=parsed.numerator, denominator=parsed.denominator,
                 ci_low=parsed.ci_low, ci_high=parsed.ci_high, covers=parsed.covers, as_of=parsed.as_of,
                 source=parsed.source or "", note=parsed.note or "", file=str(rel), line=line)


def _check_duplicates(values: list[Value], log: ProblemLog) -> None:
    seen: dict[tuple, Value] = {}
    for v in values:
        key = (v.metric, v.period.label, v.kind, v.breakdown)
        if key in seen:
            first = seen[key]
            log.add(v.file, v.line, 1, "period",
                    f"duplicate row for {v.metric} / {v.period.label} / {v.kind}"
                    + (f" / {v.breakdown}" if v.breakdown else "") + f" (first at {first.file}:{first.line})",
                    "each metric, period, kind and breakdown may appear once")
        else:
            seen[key] = v


def check_values(registry: dict[str, Metric], values: list[Value], log: ProblemLog) -> None:
    """Warnings for the inconsistencies that published figures really contain."""
    for v in values:
        scale = UNIT_SCALES.get(v.unit)
        if scale and v.numerator is not None and v.denominator:
            computed = v.numerator / v.denominator * scale
            decimals = len(v.published.split(".")[1]) if "." in v.published else 0
            if abs(computed - v.value) > max(0.5 * 10 ** -decimals, 0.05) + 1e-9:
                log.warn(v.src, "value",
                         f"{v.metric} {v.period.label}: published {v.published} but {v.numerator:g}/{v.denominator:g}"
                         f" x {scale:,} = {computed:.1f}", "the figure is kept as published; check the source",
                         code="rate-mismatch")
        if v.kind == "plan" and v.as_of and v.as_of > v.period.end:
            log.warn(v.src, "as_of", f"plan for {v.period.label} dated {v.as_of}, after its period ended",
                     "a plan revised after the event is not a plan", code="plan-after-period")
    _check_totals(values, log)
    _check_versions(registry, values, log)
    _check_labels(values, log)
    _check_headlines(registry, values, log)
    _check_next_updates(registry, values, log)


def _check_next_updates(registry: dict[str, Metric], values: list[Value], log: ProblemLog) -> None:
    """A next update dated on or before the latest figure's own date has come already: the page would
    tell a reader to wait for figures it shows."""
    latest: dict[str, dt.date] = {}
    for v in values:
        if v.as_of and v.as_of > latest.get(v.metric, dt.date.min):
            latest[v.metric] = v.as_of
    for metric in registry.values():
        due = metric.next_update
        if isinstance(due, dt.date) and metric.id in latest and due <= latest[metric.id]:
            log.error(metric.pos_of("next_update"), "next_update",
                      f"{metric.id}: next update due {due.isoformat()}, but its latest figures are dated "
                      f"{latest[metric.id].isoformat()}",
                      "give the date the papers state for the update after those figures, or remove next_update")


def _check_headlines(registry: dict[str, Metric], values: list[Value], log: ProblemLog) -> None:
    """A headline category must be one the metric's figures are published for: a tile cannot lead
    with a figure that does not exist."""
    categories: dict[str, set[str]] = defaultdict(set)
    for v in values:
        if v.breakdown:
            categories[v.metric].add(v.breakdown)
    for metric in registry.values():
        if metric.headline is not None and metric.headline not in categories[metric.id]:
            known = sorted(categories[metric.id])
            log.error(metric.pos_of("headline"), "headline",
                      f"{metric.id}: headline category '{metric.headline}' is not a breakdown of its values",
                      ("use one of: " + ", ".join(known)) if known else "its values have no breakdown column set")


_NUMBERS = patterns.compile("metrics.numbers", r"\d++(?:[/.-]\d++)*+")
_DIGIT = patterns.compile("metrics.digit", r"\d")


def label_style(label: str) -> str:
    """How a label writes its numbers: "Q1 17/18" -> "9 99/99", "Q1 2017/18" -> "9 9999/99"; words
    ("year-end", month names) are left out, as papers vary them for good reason."""
    return " ".join(_DIGIT.sub("9", n) for n in _NUMBERS.findall(label))


def _check_labels(values: list[Value], log: ProblemLog) -> None:
    """A label written unlike every other label of its series ("Q1 2017/18" among "Q1 17/18")
    is a warning naming the labels the series uses: charts and tables show the labels as written."""
    series: dict[tuple, list[Value]] = defaultdict(list)
    for v in values:
        if v.period.kind in ("quarter", "financial-year", "month"):
            series[(v.metric, v.period.kind)].append(v)
    for group in series.values():
        for v in group:
            others = [o for o in group if o is not v]
            styles = {label_style(o.period.label) for o in others}
            if len(styles) == 1 and label_style(v.period.label) not in styles:
                used = sorted({o.period for o in others})
                shown = ", ".join(f"'{u.label}'" for u in used[:4]) + (", ..." if len(used) > 4 else "")
                log.warn(v.src, "period",
                         f"period '{v.period.label}' is not written like the other {v.metric} rows: "
                         f"the series uses {shown}",
                         "write the label the way the series does, so that the chart and table read as one",
                         code="period-label")


# How many parts of each kind tile a period of another kind: a total is checked only against a
# complete set of parts (three months do not make a year).
_PARTS = {("financial-year", "quarter"): 4, ("financial-year", "month"): 12, ("quarter", "month"): 3}
_PART_WORDS = {"quarter": "quarters", "month": "months"}


def _check_totals(values: list[Value], log: ProblemLog) -> None:
    """A stated total (a year, a quarter) that its complete set of parts (quarters, months) does not
    add up to. Counts only: rates and percentages do not add. (Plain dicts, not pandas: the build
    must not pay for importing it.)"""
    counts = [v for v in values if v.unit == "count"]
    for (total_kind, part_kind), expected in _PARTS.items():
        parts: dict[tuple, list[Value]] = {}
        for v in counts:
            if v.period.kind == part_kind:
                parts.setdefault((v.metric, v.kind, v.breakdown), []).append(v)
        for total in counts:
            if total.period.kind != total_kind:
                continue
            inside = [p.value for p in parts.get((total.metric, total.kind, total.breakdown), ())
                      if p.period.start >= total.period.start and p.period.end <= total.period.end]
            if len(inside) != expected:
                continue
            summed = math.fsum(inside)
            if abs(summed - total.value) > 1e-6:
                log.warn(total.src, "value",
                         f"{total.metric} {total.period.label}: stated total {number(total.published)} but the "
                         f"{'four' if expected == 4 else expected} {_PART_WORDS[part_kind]} sum to {summed:,.0f}",
                         "the stated total is kept as published", code="total-mismatch")


def _check_versions(registry: dict[str, Metric], values: list[Value], log: ProblemLog) -> None:
    """A series whose values fall under more than one dated definition of the metric."""
    if not values:
        return
    by_metric: dict[str, list[Value]] = {}
    for v in values:
        by_metric.setdefault(v.metric, []).append(v)
    for metric in registry.values():
        dated = [v for v in metric.versions if v.start or v.end]
        if len(dated) < 2:
            continue
        used = set()
        for v in by_metric.get(metric.id, ()):
            # the first version that applies wins
            first = next((i for i, ver in enumerate(dated)
                          if (ver.start is None or v.period.end >= ver.start)
                          and (ver.end is None or v.period.start <= ver.end)), None)
            if first is not None:
                used.add(first)
        versions = len(used)
        if versions > 1:
            log.warn(metric.src, "versions",
                     f"{metric.id} mixes {versions} definition versions in one series",
                     "charts show them together; say so in the description or split the metric",
                     code="mixed-definitions")
