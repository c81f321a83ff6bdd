"""Plotly figures for metrics and money, built as plain dicts (no go.Figure: ~60x faster), and the words
for a published figure with its unit.

Styling that depends on the reader's palette (light/dark) is applied in the browser by hwbsite.js,
so figures carry no template."""

from __future__ import annotations

import datetime as dt
import json

from .amounts import money, number
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


MARKER = "⚠"   # one marker for every note about a published figure, on every page; read aloud as "warning"


def unit_label(metric: Metric) -> str:
    return UNIT_LABELS.get(metric.unit, metric.unit)


# The words after a figure for each unit (a count's title names what is counted).
UNIT_AFTER = {"per-100000": " per 100,000", "per-1000": " per 1,000", "days": " days", "weeks": " weeks"}


def next_update(metric: Metric) -> str:
    """When the papers say the metric's next figures are due, as the registry states it ("" when it does
    not: the site never works one out): a date in words, or the period as published."""
    due = metric.next_update
    if due is None:
        return ""
    if isinstance(due, dt.date):
        from .dates import short_date
        return short_date(due)
    return str(getattr(due, "label", due))


def format_value(v) -> str:
    """The value as published, thousands grouped, with its unit: the one way every page, tile,
    caption and hover writes a metric's figure."""
    if v.unit == "percent":
        return f"{number(v.published)}%"
    if v.unit == "gbp":
        return money(v.published)
    if v.unit == "gbp-thousands":
        return money(v.published, "k")
    return number(v.published) + UNIT_AFTER.get(v.unit, "")


def with_covers(v) -> str:
    """A value as published, saying when it covers only part of its period."""
    return format_value(v) + (f" ({v.coverage})" if v.covers else "")


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


def _hover_note(v, numbered) -> str:
    return f" {MARKER} note {numbered[id(v)]}" if id(v) in numbered else ""


ADDITIVE = ("count", "gbp", "gbp-thousands")
COMPARATOR_STYLE = {"color": "#6b6b6b", "dash": "dot", "symbol": "star-open"}


def point_count(fig: dict) -> int:
    """How many points a figure draws (a line across a level's period counts once)."""
    return sum(1 if t.get("meta") == "level" else len(t.get("x") or []) for t in fig["data"])


def _level_trace(v, shown) -> dict | None:
    """A plan, target or threshold the papers set for a period that includes the charted ones
    ("a threshold of 3.5% for 2017-19"), drawn as a flat line across the charted points it covers
    and named in the legend with its period."""
    inside = sorted((s for s in shown if v.period.contains(s.period)), key=lambda s: s.period.start)
    if not inside:
        return None
    style = STYLES[v.kind]
    name = f"{KIND_WORDS[v.kind]} for {v.period.label}"
    xs = [inside[0].period.start.isoformat(), inside[-1].period.end.isoformat()]
    return {"type": "scatter", "mode": "lines", "name": name, "meta": "level", "x": xs, "y": [v.value, v.value],
            "text": [f"{name}: {with_covers(v)}"] * 2, "hovertemplate": "%{text}<extra></extra>",
            "line": {"color": style["color"], "dash": style["dash"], "width": 2}}


def figure(metric: Metric, values, notes=()) -> dict:
    """A Plotly figure (as a dict) for one metric's values; a noted figure's hover text carries its marker.

    The context the data holds is drawn and named in the legend: comparators published beside the
    series (a national average: a trace per category), and a level set for a longer period than the
    charted ones (a threshold for 2017-19). The period axis shows the papers' own labels.
    """
    numbered = {id(n.value): n.number for n in notes}
    if values and all(v.breakdown for v in values):
        return breakdown_figure(metric, values, numbered)
    main = [v for v in values if not v.breakdown]
    shown = charted(main)
    traces = []

    def scatter(points, name, style, width, extra=""):
        return {
            "type": "scatter", "name": name, "mode": "lines+markers",
            "x": [v.period.midpoint.isoformat() for v in points],
            "y": [v.value for v in points],
            "text": [f"{v.period.label}: {with_covers(v)}{_hover_note(v, numbered)}" for v in points],
            "hovertemplate": "%{text}<extra>" + name + "</extra>",
            "line": {"color": style["color"], "dash": style["dash"], "width": width},
            "marker": {"symbol": style["symbol"], "size": 8, "color": style["color"]},
        }
    for kind in KIND_ORDER:
        points = sorted((v for v in shown if v.kind == kind), key=lambda v: (v.period.start, v.period.end))
        if not points:
            continue
        trace = scatter(points, KIND_WORDS[kind], STYLES[kind], 2.5 if kind == "actual" else 2)
        if any(v.ci_low is not None for v in points):
            trace["error_y"] = _error_bars([v.value for v in points], points)
        traces.append(trace)
    # Comparators published beside the series for the charted kind of period, one trace each.
    kinds = {v.period.kind for v in shown}
    beside = [v for v in values if v.breakdown and v.period.kind in kinds]
    for name in sorted({v.breakdown for v in beside}):
        for kind in KIND_ORDER:
            points = sorted((v for v in beside if v.breakdown == name and v.kind == kind), key=lambda v: v.period.start)
            if points:
                label = name if kind == "actual" else f"{name} ({KIND_WORDS[kind].lower()})"
                traces.append(scatter(points, label, {**COMPARATOR_STYLE, "symbol": STYLES[kind]["symbol"]}, 1.5))
    # A level applies to each part of its period only where the unit does not add up: a rate or a
    # percentage for 2017-19 holds for each month, a count for a year is a total of its quarters.
    levels = [] if metric.unit in ADDITIVE else main
    for v in sorted((v for v in levels if v.kind in ("plan", "target", "threshold") and v not in shown),
                    key=lambda v: (KIND_ORDER.index(v.kind), v.period.start)):
        level = _level_trace(v, shown)
        if level is not None:
            traces.append(level)
    # The papers' period labels at their periods ("Q1 17/18", "2016/17"), not calendar months;
    # hwbsite.js thins them to the room there is.
    ticks = sorted({(v.period.midpoint.isoformat(), v.period.label) for v in shown})
    seen: dict[str, str] = {}
    for x, label in ticks:
        seen.setdefault(x, label)
    # What is charted only: legend, margins, size and ticks depend on the reader's screen and
    # are set in the browser (hwbsite.js), so that nothing overlaps at any width. Every value axis
    # starts at zero, so a change from 7.0 to 7.1 weeks does not fill the chart.
    layout = {
        "xaxis": {"type": "date", "title": {"text": "Period"}, "tickmode": "array",
                  "tickvals": list(seen), "ticktext": list(seen.values())},
        "yaxis": {"title": {"text": unit_label(metric) + " (from 0)"}, "rangemode": "tozero",
                  "separatethousands": True, **_affixes(metric)},
        "hovermode": "closest",
    }
    return {"data": traces, "layout": layout}


def _affixes(metric: Metric) -> dict:
    """The unit on the value axis's ticks: "£1,000", "45%"."""
    if metric.unit == "percent":
        return {"ticksuffix": "%"}
    if metric.unit == "gbp":
        return {"tickprefix": "£"}
    if metric.unit == "gbp-thousands":
        return {"tickprefix": "£", "ticksuffix": "k"}
    return {}


def _error_bars(centres, points) -> dict:
    return {"type": "data", "symmetric": False,
            "array": [(v.ci_high - c) if v.ci_high is not None else 0 for c, v in zip(centres, points)],
            "arrayminus": [(c - v.ci_low) if v.ci_low is not None else 0 for c, v in zip(centres, points)],
            "thickness": 1.5, "width": 4}


def breakdown_figure(metric: Metric, values, numbered=None) -> dict:
    """Dot-and-interval chart: one row per category, each kind a different marker.

    Every row has a label: the figure for no particular category reads "All", and where the
    series spans several periods each row names its period too (otherwise the dots of different
    periods would share one unlabelled row).
    """
    numbered = numbered or {}
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
            "text": [f"{row(v)}: {with_covers(v)}" + (f" (95% CI {v.ci_low:g} to {v.ci_high:g})"
                     if v.ci_low is not None and v.ci_high is not None else "") + _hover_note(v, numbered)
                     for v in points],
            "hovertemplate": "%{text}<extra>" + KIND_WORDS[kind] + "</extra>",
            "marker": {"symbol": style["symbol"] if kind != "actual" else "circle", "size": 10, "color": style["color"]},
        }
        if any(v.ci_low is not None for v in points):
            bars = _error_bars([v.value for v in points], points)
            trace["error_x"] = bars
        traces.append(trace)
    # type "category": a category that reads as a number or a date ("2016", "65+") stays a label.
    layout = {
        "xaxis": {"title": {"text": unit_label(metric) + " (from 0)"}, "rangemode": "tozero",
                  "separatethousands": True, **_affixes(metric)},
        "yaxis": {"type": "category", "automargin": True, "categoryorder": "array", "categoryarray": categories[::-1]},
        "height": max(320, 36 * len(categories) + 120),
    }
    return {"data": traces, "layout": layout}


def _short_label(label: str, width: int = 44) -> str:
    """A bar's label cut at a word to about two short lines' worth, so that a phone keeps room for the
    bars (the hover text has it whole); hwbsite.js wraps it to the chart's width."""
    words, out = label.split(), ""
    for word in words:
        if out and len(out) + 1 + len(word) > width:
            return out.rstrip(",;:") + "…"
        out = (out + " " + word).strip()
    return out


def short_labels(labels: list[str], width: int = 44) -> list[str]:
    """Each label cut short, unless two would then read the same: those stay whole (two bars
    labelled "Integrated Locality…" cannot be told apart)."""
    cut = [_short_label(c, width) for c in labels]
    counts: dict[str, int] = {}
    for c in cut:
        counts[c] = counts.get(c, 0) + 1
    return [c if counts[c] == 1 else whole for c, whole in zip(cut, labels)]


# Years in a bar chart differ by colour and by fill pattern, so nothing depends on colour alone.
BAR_STYLES = [("#0072B2", ""), ("#E69F00", "/"), ("#009E73", "x"), ("#CC79A7", "."), ("#D55E00", "-")]


def bar_figure(categories: list[str], series: list[tuple[str, list, list[str]]], axis_title: str) -> dict:
    """Horizontal bars, one row per category in the order given (first at the top), one trace per series.

    ``series`` is (name, values in pounds or None, hover text as published) per trace.
    """
    ticks = short_labels(categories)
    traces = []
    for i, (name, values, texts) in enumerate(series):
        colour, shape = BAR_STYLES[i % len(BAR_STYLES)]
        traces.append({
            "type": "bar", "orientation": "h", "name": name, "y": ticks, "x": values,
            "text": texts, "textposition": "none", "customdata": categories,
            "hovertemplate": "%{customdata}: %{text}<extra>" + name + "</extra>",
            "marker": {"color": colour, "pattern": {"shape": shape, "fillmode": "overlay", "fgcolor": "#ffffff"}},
        })
    # plotly draws an axis only for a trace on it: an invisible marker at the largest bar carries the top axis
    largest = max((x for _, values, _ in series for x in values if x is not None), default=0)
    traces.append({"type": "scatter", "mode": "markers", "x": [largest], "y": [ticks[0]] if ticks else [],
                   "xaxis": "x2", "showlegend": False, "hoverinfo": "skip", "marker": {"opacity": 0}})
    layout = {
        "barmode": "group",
        "xaxis": {"title": {"text": axis_title}, "rangemode": "tozero", "tickprefix": "£", "separatethousands": True},
        # the same scale above the bars, so a phone shows it without scrolling to the chart's foot
        "xaxis2": {"overlaying": "x", "matches": "x", "side": "top", "tickprefix": "£", "separatethousands": True,
                   "rangemode": "tozero", "showgrid": False},
        "yaxis": {"automargin": True, "categoryorder": "array", "categoryarray": ticks[::-1]},
        "legend": {"orientation": "h", "y": -0.12, "traceorder": "normal"},
        "margin": {"l": 20, "r": 20, "t": 20, "b": 60},
        "height": max(320, (22 + 14 * len(series)) * len(categories) + 140),   # room for two-line labels
    }
    return {"data": traces, "layout": layout}


def figure_json(fig: dict) -> str:
    """Compact, deterministic JSON; "</" is escaped too, so it stays inert wherever it is embedded."""
    return json.dumps(fig, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
