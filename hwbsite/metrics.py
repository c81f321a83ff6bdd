"""Load metric values (long-form CSV) against the registry, and check them.

Values keep the figure and the period label exactly as published; parsed
dates live beside them.  Errors stop the build (an unknown metric); warnings
point at problems the papers really have (a total that does not add up).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import periods
from .errors import ProblemLog
from .models.metrics import UNIT_SCALES, Metric
from .suggest import did_you_mean
from .tables import read_csv

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
    def src(self):
        from .yamlsource import SourcePos
        return SourcePos(self.file, self.line, 1)


def _column(raw_line: str, index: int) -> int:
    """1-based character column of field ``index`` in an unquoted CSV line (else 1)."""
    if '"' in raw_line:
        return 1
    parts = raw_line.split(",")
    return sum(len(p) + 1 for p in parts[:index]) + 1


_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _number(text: str) -> float:
    # "1,045.2" in double quotes is the figure as printed: the comma groups thousands.
    value = float(text.replace(",", "") if _THOUSANDS.match(text) else text)
    if math.isnan(value) or math.isinf(value):
        raise ValueError(text)
    return value


def load_values(directory: Path, registry: dict[str, Metric], log: ProblemLog) -> list[Value]:
    values: list[Value] = []
    for path in sorted(directory.glob("*.csv")):
        csv_file = read_csv(path, log)
        if csv_file is None:
            continue
        rows = csv_file.rows
        rel = log.rel(path)
        header = [h.strip() for h in rows[0]]
        missing = [c for c in REQUIRED if c not in header]
        unknown = [c for c in header if c not in COLUMNS]
        if missing or unknown:
            log.add(rel, 1, 1, "header",
                    f"missing column(s) {', '.join(missing)}" if missing else f"unknown column '{unknown[0]}'",
                    "the header is: " + ",".join(COLUMNS))
            continue
        for i, row in enumerate(rows[1:], start=1):
            if not any(c.strip() for c in row):
                continue
            line = csv_file.starts[i]
            value = _row(dict(zip(header, (c.strip() for c in row))), header, rel, line,
                         csv_file.lines[line - 1], registry, log)
            if value is not None:
                values.append(value)
    _check_duplicates(values, log)
    return values


def _row(cells, header, rel, line, raw, registry, log) -> Value | None:
    ok = True

    def err(column: str, message: str, hint: str = ""):
        nonlocal ok
        ok = False
        log.add(rel, line, _column(raw, header.index(column)) if column in header else 1, column, message, hint)

    metric = registry.get(cells["metric"])
    if metric is None:
        err("metric", f"unknown metric '{cells['metric']}'",
            did_you_mean(cells["metric"], registry) or "add it to data/metrics/registry.yml")
    period = covers = None
    try:
        period = periods.parse(cells["period"])
    except periods.PeriodError as exc:
        err("period", str(exc), exc.hint)
    if cells.get("covers"):
        try:
            covers = periods.parse(cells["covers"])
        except periods.PeriodError as exc:
            err("covers", str(exc), exc.hint)
    if cells["kind"] not in KINDS:
        err("kind", f"expected one of {', '.join(KINDS)}, got '{cells['kind']}'")
    numbers = {}
    for name in ("value", "numerator", "denominator", "ci_low", "ci_high"):
        text = cells.get(name, "")
        if not text:
            numbers[name] = None
            if name == "value":
                err("value", "a value is required")
            continue
        try:
            numbers[name] = _number(text)
        except ValueError:
            err(name, f"expected a plain number, got '{text}'", "write 7395 not 7,395, and 86.7 not 86.7%")
    unit = cells.get("unit") or (metric.unit if metric else "")
    if metric and cells.get("unit") and cells["unit"] != metric.unit:
        err("unit", f"unit '{cells['unit']}' disagrees with the registry's '{metric.unit}' for {metric.id}")
    as_of = None
    if cells.get("as_of"):
        try:
            as_of = dt.date.fromisoformat(cells["as_of"])
        except ValueError:
            err("as_of", f"expected a date YYYY-MM-DD, got '{cells['as_of']}'")
    if not ok:
        return None
    return Value(metric=metric.id, period=period, kind=cells["kind"], value=numbers["value"],
                 published=cells["value"], unit=unit, breakdown=cells.get("breakdown", ""),
                 numerator=numbers["numerator"], denominator=numbers["denominator"],
                 ci_low=numbers["ci_low"], ci_high=numbers["ci_high"], covers=covers, as_of=as_of,
                 source=cells.get("source", ""), note=cells.get("note", ""), file=rel, line=line)


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


_NUMBERS = re.compile(r"\d+(?:[/.-]\d+)*")


def label_style(label: str) -> str:
    """How a label writes its numbers: "Q1 17/18" -> "9 99/99", "Q1 2017/18" -> "9 9999/99"; words
    ("year-end", month names) are left out, as papers vary them for good reason."""
    return " ".join(re.sub(r"\d", "9", n) for n in _NUMBERS.findall(label))


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


def _check_totals(values: list[Value], log: ProblemLog) -> None:
    groups: dict[tuple, list[Value]] = defaultdict(list)
    for v in values:
        groups[(v.metric, v.kind, v.breakdown)].append(v)
    for group in groups.values():
        years = [v for v in group if v.period.kind == "financial-year"]
        quarters = [v for v in group if v.period.kind == "quarter"]
        for total in years:
            inside = [q for q in quarters if total.period.start <= q.period.start <= total.period.end]
            if len(inside) == 4 and group[0].unit == "count":
                summed = sum(q.value for q in inside)
                if abs(summed - total.value) > 1e-6:
                    log.warn(total.src, "value",
                             f"{total.metric} {total.period.label}: stated total {total.published} but the four "
                             f"quarters sum to {summed:,.0f}", "the stated total is kept as published",
                             code="total-mismatch")


def _check_versions(registry: dict[str, Metric], values: list[Value], log: ProblemLog) -> None:
    for metric in registry.values():
        dated = [v for v in metric.versions if v.start or v.end]
        if len(dated) < 2:
            continue
        series = [v for v in values if v.metric == metric.id]
        used = set()
        for v in series:
            for i, ver in enumerate(dated):
                if (ver.start is None or v.period.end >= ver.start) and (ver.end is None or v.period.start <= ver.end):
                    used.add(i)
                    break
        if len(used) > 1:
            log.warn(metric.src, "versions",
                     f"{metric.id} mixes {len(used)} definition versions in one series",
                     "charts show them together; say so in the description or split the metric",
                     code="mixed-definitions")
