"""Plotly figures for metrics, built as plain dicts (no go.Figure: ~60x faster), plus their text alternatives.

Styling that depends on the reader's palette (light/dark) is applied in the
browser by hwbsite.js, so figures carry no template.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from . import markup, urls
from .models.metrics import UNIT_LABELS, Metric

# Okabe-Ito colour-blind-safe palette; each kind also has its own dash and marker,
# so nothing depends on colour alone.
STYLES = {
    "actual": {"color": "#0072B2", "dash": "solid", "symbol": "circle", "mode": "lines+markers"},
    "plan": {"color": "#E69F00", "dash": "dash", "symbol": "square-open", "mode": "lines+markers"},
    "target": {"color": "#009E73", "dash": "dot", "symbol": "diamond-open", "mode": "lines+markers"},
    "baseline": {"color": "#CC79A7", "dash": "longdash", "symbol": "triangle-up-open", "mode": "lines+markers"},
    "forecast": {"color": "#56B4E9", "dash": "dashdot", "symbol": "x-open", "mode": "lines+markers"},
    "threshold": {"color": "#D55E00", "dash": "longdashdot", "symbol": "cross-open", "mode": "lines+markers"},
}
KIND_ORDER = list(STYLES)
KIND_WORDS = {"actual": "Actual", "plan": "Plan", "target": "Target", "baseline": "Baseline",
              "forecast": "Forecast", "threshold": "Threshold"}


VENDOR = Path(__file__).parent / "assets" / "vendor"


def runtime_files() -> dict[str, str]:
    """The chart runtime served from the site (never a CDN), by name under the asset folder.

    The official basic partial bundle of plotly.js (scatter, bar, pie; ~400 KB gzip against the
    full bundle's ~1.4 MB), pinned in assets/vendor (see its README), with its licence. It needs
    no eval, so it runs under script-src 'self'.
    """
    return {name: str(VENDOR / name) for name in ("plotly-basic.min.js", "plotly-basic.LICENSE.txt")}


def unit_label(metric: Metric) -> str:
    return UNIT_LABELS.get(metric.unit, metric.unit)


def format_value(v) -> str:
    """The value as published, with its unit where that reads naturally."""
    if v.unit == "percent":
        return f"{v.published}%"
    if v.unit == "gbp":
        return f"£{v.published}"
    if v.unit == "gbp-thousands":
        return f"£{v.published}k"
    return v.published


def series_values(values, metric_id: str) -> list:
    return [v for v in values if v.metric == metric_id]


def charted(values) -> list:
    """The values a line chart shows: the most common period granularity (year totals stay in the table)."""
    if not values:
        return []
    counts: dict[str, int] = {}
    for v in values:
        counts[v.period.kind] = counts.get(v.period.kind, 0) + 1
    kind = max(counts, key=lambda k: (counts[k], k))
    return [v for v in values if v.period.kind == kind]


def figure(metric: Metric, values) -> dict:
    """A Plotly figure (as a dict) for one metric's values."""
    if any(v.breakdown for v in values):
        return breakdown_figure(metric, values)
    shown = charted(values)
    traces = []
    for kind in KIND_ORDER:
        points = sorted((v for v in shown if v.kind == kind), key=lambda v: (v.period.start, v.period.end))
        if not points:
            continue
        style = STYLES[kind]
        trace = {
            "type": "scatter", "name": KIND_WORDS[kind], "mode": style["mode"],
            "x": [v.period.midpoint.isoformat() for v in points],
            "y": [v.value for v in points],
            "text": [f"{v.period.label}: {format_value(v)}" for v in points],
            "hovertemplate": "%{text}<extra>" + KIND_WORDS[kind] + "</extra>",
            "line": {"color": style["color"], "dash": style["dash"], "width": 2.5 if kind == "actual" else 2},
            "marker": {"symbol": style["symbol"], "size": 8, "color": style["color"]},
        }
        if any(v.ci_low is not None for v in points):
            trace["error_y"] = _error_bars([v.value for v in points], points)
        traces.append(trace)
    # What is charted only: legend, margins, size and ticks depend on the reader's screen and
    # are set in the browser (hwbsite.js), so that nothing overlaps at any width.
    layout = {
        "xaxis": {"type": "date", "title": {"text": "Period"}},
        "yaxis": {"title": {"text": unit_label(metric)}, "rangemode": "tozero" if metric.unit == "count" else "normal"},
        "hovermode": "closest",
    }
    return {"data": traces, "layout": layout}


def _error_bars(centres, points) -> dict:
    return {"type": "data", "symmetric": False,
            "array": [(v.ci_high - c) if v.ci_high is not None else 0 for c, v in zip(centres, points)],
            "arrayminus": [(c - v.ci_low) if v.ci_low is not None else 0 for c, v in zip(centres, points)],
            "thickness": 1.5, "width": 4}


def breakdown_figure(metric: Metric, values) -> dict:
    """Dot-and-interval chart: one row per category, each kind a different marker.

    Every row has a label: the figure for no particular category reads "All", and where the
    series spans several periods each row names its period too (otherwise the dots of different
    periods would share one unlabelled row).
    """
    many_periods = len({v.period for v in values}) > 1

    def row(v) -> str:
        name = v.breakdown or "All"
        return f"{name}, {v.period.label}" if many_periods else name

    ordered = sorted(values, key=lambda v: (v.breakdown != "", v.breakdown, v.period.start, v.period.end)) \
        if many_periods else values
    categories = list(dict.fromkeys(row(v) for v in ordered))
    traces = []
    for kind in KIND_ORDER:
        points = [v for v in values if v.kind == kind]
        if not points:
            continue
        style = STYLES[kind]
        trace = {
            "type": "scatter", "mode": "markers", "name": KIND_WORDS[kind], "orientation": "h",
            "y": [row(v) for v in points], "x": [v.value for v in points],
            "text": [f"{row(v)}: {format_value(v)}" + (f" (95% CI {v.ci_low:g} to {v.ci_high:g})"
                     if v.ci_low is not None and v.ci_high is not None else "") for v in points],
            "hovertemplate": "%{text}<extra>" + KIND_WORDS[kind] + "</extra>",
            "marker": {"symbol": style["symbol"] if kind != "actual" else "circle", "size": 10, "color": style["color"]},
        }
        if any(v.ci_low is not None for v in points):
            bars = _error_bars([v.value for v in points], points)
            trace["error_x"] = bars
        traces.append(trace)
    # type "category": a category that reads as a number or a date ("2016", "65+") stays a label.
    layout = {
        "xaxis": {"title": {"text": unit_label(metric)}, "rangemode": "tozero"},
        "yaxis": {"type": "category", "automargin": True, "categoryorder": "array", "categoryarray": categories[::-1]},
        "height": max(320, 36 * len(categories) + 120),
    }
    return {"data": traces, "layout": layout}


@dataclass(frozen=True)
class Status:
    rag: str      # "G", "A", "R" or "" when it cannot be computed
    word: str
    text: str


def status(metric: Metric, values) -> Status:
    """RAG for the latest actual against its plan (or target) for the same period, using polarity and tolerance."""
    actuals = sorted((v for v in values if v.kind == "actual" and not v.breakdown), key=lambda v: v.period.end)
    if not actuals:
        return Status("", "Not rated", "There is no actual figure yet.")
    latest = actuals[-1]
    compare = [v for v in values if v.kind in ("plan", "target") and v.period == latest.period and not v.breakdown]
    if not compare:
        return Status("", "Not rated", f"The latest actual, {format_value(latest)} for {latest.period.label}, "
                                       "has no plan or target for the same period to compare with.")
    plan = sorted(compare, key=lambda v: KIND_ORDER.index(v.kind))[0]
    gap = latest.value - plan.value
    if metric.polarity == "neutral":
        return Status("", "Not rated", _gap_text(latest, plan, gap, metric))
    better = gap <= 0 if metric.polarity == "lower" else gap >= 0
    within = abs(gap) <= abs(plan.value) * metric.tolerance
    rag = "G" if better else ("A" if within else "R")
    word = {"G": "On track", "A": "Slightly off track", "R": "Off track"}[rag]
    return Status(rag, word, _gap_text(latest, plan, gap, metric))


def _gap_text(latest, plan, gap, metric) -> str:
    direction = "above" if gap > 0 else "below" if gap < 0 else "equal to"
    amount = f"{abs(gap):,.1f}".rstrip("0").rstrip(".") if gap else ""
    better = {"lower": "Lower is better.", "higher": "Higher is better.", "neutral": ""}[metric.polarity]
    return (f"The latest actual is {format_value(latest)} for {latest.period.label}, against a {plan.kind} of "
            f"{format_value(plan)}: {amount + ' ' if amount else ''}{direction} the {plan.kind}. {better}").strip()


def summary(metric: Metric, values) -> str:
    """One or two sentences that say in words what the chart shows."""
    if not values:
        return "No figures have been published for this measure yet."
    if any(v.breakdown for v in values):
        actual = [v for v in values if v.kind == "actual"]
        hi = max(actual, key=lambda v: v.value) if actual else None
        lo = min(actual, key=lambda v: v.value) if actual else None
        text = f"{len({v.breakdown for v in values})} categories for {values[0].period.label}."
        if hi and lo:
            text += f" Highest: {hi.breakdown}, {format_value(hi)}. Lowest: {lo.breakdown}, {format_value(lo)}."
        return text
    return status(metric, values).text


def table_rows(values) -> list[dict]:
    out = []
    for v in sorted(values, key=lambda v: (v.breakdown, v.period.start, v.period.end, KIND_ORDER.index(v.kind))):
        ci = f"{v.ci_low:g} to {v.ci_high:g}" if v.ci_low is not None and v.ci_high is not None else ""
        out.append({"breakdown": v.breakdown, "period": v.period.label, "kind": KIND_WORDS[v.kind],
                    "value": format_value(v), "ci": ci,
                    "covers": v.covers.label if v.covers else "", "source": v.source, "note": v.note})
    return out


def csv_download(metric: Metric, values) -> str:
    """The series as CSV, exactly as published."""
    from .metrics import COLUMNS
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for v in values:
        writer.writerow([v.metric, v.period.label, v.kind, v.published, v.unit, v.breakdown,
                         _g(v.numerator), _g(v.denominator), _g(v.ci_low), _g(v.ci_high),
                         v.covers.label if v.covers else "", v.as_of.isoformat() if v.as_of else "", v.source, v.note])
    return buf.getvalue()


def _g(x) -> str:
    return "" if x is None else f"{x:g}"


def figure_json(fig: dict) -> str:
    """Compact, deterministic JSON; "</" is escaped too, so it stays inert wherever it is embedded."""
    return json.dumps(fig, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")


def chart_html(metric: Metric, values, chart_id: str) -> str:
    """The chart container: the figure JSON in a data attribute, a described image role, a caption in words.

    Not a <script type="application/json">: Material's instant navigation re-creates scripts
    without their type, which would run the JSON as JavaScript.
    """
    fig = figure(metric, values)
    text = summary(metric, values)
    if not any(trace.get("x") for trace in fig["data"]):
        # Nothing to draw: an empty pair of axes says less than the sentence does.
        return (f'<figure class="hwb-chart hwb-chart--empty" id="{markup.attr(chart_id)}">\n'
                f'<figcaption>{markup.attr(text)}</figcaption>\n'
                f'</figure>\n')
    return (f'<figure class="hwb-chart" id="{markup.attr(chart_id)}">\n'
            f'<div class="hwb-chart__plot" role="img" aria-label="{markup.attr("Chart of " + metric.title + ". " + text)}"'
            f' data-figure="{markup.attr(figure_json(fig))}"></div>\n'
            f'<figcaption>{markup.attr(text)}</figcaption>\n'
            f'</figure>\n')


def chart_block(project, options: dict, page: str, asset_dir: str = "") -> str:
    """Markdown for a ```chart block: chart, its data table and a CSV download."""
    ids = options.get("metrics") or [options["metric"]]
    parts = []
    for metric_id in ids:
        metric = project.metrics[metric_id]
        values = series_values(project.values, metric_id)
        parts.append(chart_html(metric, values, f"chart-{metric_id}"))
        parts.append("")
        parts.append(data_table(metric, values, page))
    return "\n".join(parts) + "\n"


def data_table(metric: Metric, values, page: str) -> str:
    rows = table_rows(values)
    has = {k: any(r[k] for r in rows) for k in ("breakdown", "ci", "covers", "note")}
    cols = [("breakdown", "Category")] if has["breakdown"] else []
    cols += [("period", "Period"), ("kind", "Kind"), ("value", f"Value ({unit_label(metric)})")]
    cols += [("ci", "95% confidence interval")] if has["ci"] else []
    cols += [("covers", "Covers only")] if has["covers"] else []
    cols += [("source", "Source")]
    lines = [f"??? info \"Data table: {markup.attr(metric.title)}\"", "",
             "    | " + " | ".join(h for _, h in cols) + " |",
             "    |" + "---|" * len(cols)]
    for r in rows:
        lines.append("    | " + " | ".join(markup.cell(r[k]) for k, _ in cols) + " |")
    href = urls.relative(page, urls.metric_download(metric.id))
    lines += ["", f"    [Download {markup.text(metric.title)} as CSV]({href})", ""]
    return "\n".join(lines)
