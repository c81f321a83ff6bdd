"""Plotly figures for metrics, built as plain dicts (no go.Figure: ~60x faster), plus their text alternatives.

Styling that depends on the reader's palette (light/dark) is applied in the
browser by hwbsite.js, so figures carry no template.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import markup, urls
from .amounts import money
from .models.metrics import UNIT_LABELS, Metric
from . import patterns, spreadsheet

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


# plotly.js's built-in stylesheet: an object literal {selector: declarations} in the bundle, where X
# stands for the plot's root and Y for its notifier (plotly's src/css/_base.js and style.js).
_STYLE_START = '{"X,X div":'
_STYLE_RULE = patterns.compile("charts.style_rule", r"""(?:"([^"]+)"|([A-Z])):(?:'([^']*)'|"([^"]*)")""")


@functools.lru_cache(maxsize=1)   # the bundle is 4.8 MB: read once per process, not per preview rebuild
def runtime_css() -> str:
    """plotly.js's own stylesheet, as a file the site serves beside the bundle.

    plotly.js writes these rules into a <style> it appends to <head> once, when it loads. Material's
    instant navigation drops that element when it re-renders a page (an in-page jump can do it), and
    without `.main-svg {position: absolute}` each chart's info and hover layers stack below the
    chart, transparent, over the headings that follow it (issue 14). Served as a stylesheet, the
    rules survive any re-render; derived from the pinned bundle, they stay in step with it.
    """
    js = (VENDOR / "plotly-basic.min.js").read_text(encoding="utf-8")
    start = js.index(_STYLE_START)
    literal = js[start: js.index("}", start) + 1]   # declarations hold no braces
    rules = []
    for quoted, bare, single, double in _STYLE_RULE.findall(literal):
        selector = (quoted or bare).replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        selector = " ," + selector[1:] if selector.startswith(",") else selector
        rules.append(f"{selector}{{{single or double}}}")
    return ("/* plotly.js's stylesheet, from the pinned bundle (hwbsite.charts.runtime_css) */\n"
            + "\n".join(rules) + "\n")


def unit_label(metric: Metric) -> str:
    return UNIT_LABELS.get(metric.unit, metric.unit)


def format_value(v) -> str:
    """The value as published, with its unit where that reads naturally."""
    if v.unit == "percent":
        return f"{v.published}%"
    if v.unit == "gbp":
        return money(v.published)
    if v.unit == "gbp-thousands":
        return money(v.published, "k")
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


def _hover_note(v, numbered) -> str:
    return f" {MARKER} note {numbered[id(v)]}" if id(v) in numbered else ""


def figure(metric: Metric, values, notes=()) -> dict:
    """A Plotly figure (as a dict) for one metric's values; a noted figure's hover text carries its marker."""
    numbered = {id(n.value): n.number for n in notes}
    if values and all(v.breakdown for v in values):
        return breakdown_figure(metric, values, numbered)
    # comparators published beside a series (a national average) are in the summary and the table
    shown = charted([v for v in values if not v.breakdown])
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
            "text": [f"{v.period.label}: {_with_covers(v)}{_hover_note(v, numbered)}" for v in points],
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
            "text": [f"{row(v)}: {_with_covers(v)}" + (f" (95% CI {v.ci_low:g} to {v.ci_high:g})"
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
    # The published figures the sentence names, for whatever shows them beside it (the tiles):
    # the latest actuals (several when the papers disagree) and the plan or target compared.
    actuals: tuple = ()
    plan: object = None


def version_of(metric: Metric, period) -> int | None:
    """Which dated definition version a period falls under (None when the metric has fewer than two)."""
    dated = [v for v in metric.versions if v.start or v.end]
    if len(dated) < 2:
        return None
    for i, ver in enumerate(dated):
        if (ver.start is None or period.end >= ver.start) and (ver.end is None or period.start <= ver.end):
            return i
    return None


def _with_covers(v) -> str:
    """A value as published, saying when it covers only part of its period."""
    return format_value(v) + (f" ({v.coverage})" if v.covers else "")


def _latest_actuals(main) -> list:
    """The actuals for the most recent period; more than one when the papers publish several."""
    actuals = [v for v in main if v.kind == "actual"]
    if not actuals:
        return []
    end = max(v.period.end for v in actuals)
    spans = {v.period.span for v in actuals if v.period.end == end}
    compared = {v.period.span for v in main if v.kind in ("plan", "target")}
    # Prefer a span a plan can be compared with, then the longest (a year before its last quarter).
    span = min(spans, key=lambda sp: (sp not in compared, sp[0]))
    return [v for v in actuals if v.period.span == span]


def _sameperiod_words(a, b) -> str:
    return "" if a.period.label == b.period.label else " (the same period)"


def status(metric: Metric, values) -> Status:
    """RAG for the latest actual against its plan (or target) for the same period and definition.

    Periods compare by what they cover, so "16/17" and "2016/17" are one year.  Every figure in the
    sentence is a published figure for the period the sentence names; no gap is computed into words.
    """
    main = [v for v in values if not v.breakdown]
    if values and not main:
        return Status("", "Not rated", _categories_sentence(values), tuple(_latest_category_actuals(values)))
    latest = _latest_actuals(main)
    if not latest:
        plans = sorted((v for v in main if v.kind in ("plan", "target")), key=lambda v: v.period.end)
        if plans:
            last = plans[-1]
            return Status("", "Not rated", f"No actual figure has been published; the latest {last.kind} is "
                                           f"{_with_covers(last)} for {last.period.label}.")
        return Status("", "Not rated", "There is no actual figure yet.")
    if len(latest) > 1:
        listed = "; ".join(f"{_with_covers(v)} for {v.period.label}" for v in
                           sorted(latest, key=lambda v: (v.period.label, v.value)))
        return Status("", "Not rated", f"The papers publish {len(latest)} different actual figures for the same "
                                       f"latest period: {listed}. They are not rated against a plan.", tuple(latest))
    actual = latest[0]
    same = [v for v in main if v.kind in ("plan", "target") and v.period.same_as(actual.period)]
    if not same:
        # A level the papers set for a longer period that includes this one (a threshold for 2017-19,
        # a target for the year) is named: the sentence never says there is none when the papers set one.
        levels = sorted((v for v in main if v.kind in ("plan", "target", "threshold") and v.period.contains(actual.period)),
                        key=lambda v: (KIND_ORDER.index(v.kind), v.line))
        if levels:
            level = levels[0]
            return Status("", "Not rated", f"The latest actual is {_with_covers(actual)} for {actual.period.label}. "
                                           f"The papers set a {level.kind} of {_with_covers(level)} for "
                                           f"{level.period.label} as a whole, not for {actual.period.label} alone, "
                                           "so the figure is not rated against it.", (actual,), level)
        return Status("", "Not rated", f"The latest actual, {_with_covers(actual)} for {actual.period.label}, "
                                       "has no plan or target for the same period to compare with.", (actual,))
    version = version_of(metric, actual.period)
    comparable = [v for v in same if version_of(metric, v.period) == version]
    if not comparable:
        other = same[0]
        return Status("", "Not rated", f"The latest actual is {_with_covers(actual)} for {actual.period.label}; the "
                                       f"{other.kind} of {_with_covers(other)} for {other.period.label} uses a "
                                       "different definition, so they are not compared.", (actual,))
    plan = sorted(comparable, key=lambda v: (KIND_ORDER.index(v.kind), v.line))[0]
    gap = actual.value - plan.value
    direction = "above" if gap > 0 else "below" if gap < 0 else "equal to"
    better = {"lower": " Lower is better.", "higher": " Higher is better.", "neutral": ""}[metric.polarity]
    text = (f"The latest actual is {_with_covers(actual)} for {actual.period.label}, {direction} the {plan.kind} of "
            f"{_with_covers(plan)} for {plan.period.label}{_sameperiod_words(actual, plan)}.{better}")
    differing = [v for v in comparable if v is not plan and v.value != plan.value]
    for v in differing:
        text += f" The papers also give a {v.kind} of {_with_covers(v)} for {v.period.label}."
    if actual.covers:
        return Status("", "Not rated", text + " A part-period figure is not rated.", (actual,), plan)
    if metric.polarity == "neutral":
        return Status("", "Not rated", text, (actual,), plan)
    within = abs(gap) <= abs(plan.value) * metric.tolerance
    rag = "G" if (gap <= 0 if metric.polarity == "lower" else gap >= 0) else ("A" if within else "R")
    word = {"G": "On track", "A": "Slightly off track", "R": "Off track"}[rag]
    return Status(rag, word, text, (actual,), plan)


def period_words(values) -> str:
    """The period of figures that share a span, in every spelling the papers used for it, and what
    they cover when that is less than the period."""
    labels = list(dict.fromkeys(v.period.label for v in values))
    coverage = list(dict.fromkeys(v.coverage for v in values if v.covers))
    return (labels[0] + (f" (also given as {', '.join(labels[1:])})" if len(labels) > 1 else "")
            + (f" ({'; '.join(coverage)})" if coverage else ""))


def _names(values) -> str:
    names = sorted({v.breakdown for v in values})
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _latest_category_actuals(values) -> list:
    """The category actuals of the latest period that has any (the longest span when several end together)."""
    actual = [v for v in values if v.kind == "actual"]
    if not actual:
        return []
    end = max(v.period.end for v in actual)
    span = min({v.period.span for v in actual if v.period.end == end}, key=lambda sp: sp[0])
    return [v for v in actual if v.period.span == span]


def _categories_sentence(values) -> str:
    """Highest and lowest category for the latest period that has category actuals (ties named together)."""
    shown = _latest_category_actuals(values)
    if not shown:
        return f"{len({v.breakdown for v in values})} categories; no actual figures have been published."
    label = period_words(shown)
    n = len({v.breakdown for v in shown})
    hi_value = max(v.value for v in shown)
    lo_value = min(v.value for v in shown)
    hi = [v for v in shown if v.value == hi_value]
    lo = [v for v in shown if v.value == lo_value]
    if n == 1:
        return f"1 category for {label}: {shown[0].breakdown}, {format_value(shown[0])}."
    if hi_value == lo_value:
        return f"All {n} categories for {label} have the same value, {format_value(shown[0])}."
    return (f"{n} categories for {label}. Highest: {_names(hi)}, {format_value(hi[0])}. "
            f"Lowest: {_names(lo)}, {format_value(lo[0])}.")


def summary(metric: Metric, values) -> str:
    """One to three sentences that say in words what the chart shows, each checked against its data."""
    if not values:
        return "No figures have been published for this measure yet."
    main = [v for v in values if not v.breakdown]
    if not main:
        return _categories_sentence(values)
    text = status(metric, values).text
    latest = _latest_actuals(main)
    if latest:
        # comparators published beside the main series (a national average) for the same period
        beside = sorted((v for v in values if v.breakdown and v.period.same_as(latest[0].period)),
                        key=lambda v: (v.breakdown, KIND_ORDER.index(v.kind)))
        if beside:
            listed = "; ".join(f"{v.breakdown} {_with_covers(v)}" for v in beside)
            text += f" Also published for {period_words(beside)}: {listed}."
    return text


def _public(cite):
    """Source and note text as the public reads them: line references become pack citations."""
    if cite is None:
        return (lambda v: v.source), (lambda v: v.note)
    return (lambda v: cite.cite(v.source)), (lambda v: cite.replace(v.note, context=v.source))


def table_rows(values, cite=None) -> list[dict]:
    source_of, note_of = _public(cite)
    out = []
    for v in sorted(values, key=lambda v: (v.breakdown, v.period.start, v.period.end, KIND_ORDER.index(v.kind))):
        ci = f"{v.ci_low:g} to {v.ci_high:g}" if v.ci_low is not None and v.ci_high is not None else ""
        out.append({"breakdown": v.breakdown, "period": v.period.label, "kind": KIND_WORDS[v.kind],
                    "value": format_value(v), "ci": ci,
                    "covers": v.covers.label if v.covers else "", "source": source_of(v), "note": note_of(v)})
    return out


def csv_download(metric: Metric, values, cite=None) -> str:
    """The series as CSV, figures exactly as published; sources cite the pack, never internal line numbers."""
    source_of, note_of = _public(cite)
    from .metrics import COLUMNS
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(spreadsheet.safe_row(COLUMNS))
    for v in values:
        writer.writerow(spreadsheet.safe_row([v.metric, v.period.label, v.kind, v.published, v.unit, v.breakdown,
                         _g(v.numerator), _g(v.denominator), _g(v.ci_low), _g(v.ci_high),
                         v.covers.label if v.covers else "", v.as_of.isoformat() if v.as_of else "", source_of(v), note_of(v)]))
    return buf.getvalue()


def _g(x) -> str:
    return "" if x is None else f"{x:g}"


def figure_json(fig: dict) -> str:
    """Compact, deterministic JSON; "</" is escaped too, so it stays inert wherever it is embedded."""
    return json.dumps(fig, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")


def chart_html(metric: Metric, values, chart_id: str, notes=(), about: bool = False) -> str:
    """The chart container: the figure JSON in a data attribute, a described image role, a caption in words.

    Not a <script type="application/json">: Material's instant navigation re-creates scripts
    without their type, which would run the JSON as JavaScript.
    """
    fig = figure(metric, values, notes)
    text = summary(metric, values)
    if notes:
        text += f" {MARKER} {len(notes)} of these figures ha{'s' if len(notes) == 1 else 've'} a note: see below."
    elif about:
        text += f" {MARKER} See the notes about this measure below."
    if not any(trace.get("x") for trace in fig["data"]):
        # Nothing to draw: an empty pair of axes says less than the sentence does.
        return (f'<figure class="hwb-chart hwb-chart--empty" id="{markup.attr(chart_id)}">\n'
                f'<figcaption>{markup.attr(text)}</figcaption>\n'
                f'</figure>\n')
    return plot_html(fig, chart_id, "Chart of " + metric.title + ". " + text, text)


def plot_html(fig: dict, chart_id: str, label: str, caption: str) -> str:
    """Any figure as a chart container: a described image role, the figure in a data attribute, a caption."""
    return (f'<figure class="hwb-chart" id="{markup.attr(chart_id)}">\n'
            f'<div class="hwb-chart__plot" role="img" aria-label="{markup.attr(label)}"'
            f' data-figure="{markup.attr(figure_json(fig))}"></div>\n'
            f'<figcaption>{markup.attr(caption)}</figcaption>\n'
            f'</figure>\n')


def _short_label(label: str, width: int = 44) -> str:
    """A bar's label cut at a word to about two short lines' worth, so that a phone keeps room for the
    bars (the hover text has it whole); hwbsite.js wraps it to the chart's width."""
    words, out = label.split(), ""
    for word in words:
        if out and len(out) + 1 + len(word) > width:
            return out.rstrip(",;:") + "…"
        out = (out + " " + word).strip()
    return out


# Years in a bar chart differ by colour and by fill pattern, so nothing depends on colour alone.
BAR_STYLES = [("#0072B2", ""), ("#E69F00", "/"), ("#009E73", "x"), ("#CC79A7", "."), ("#D55E00", "-")]


def bar_figure(categories: list[str], series: list[tuple[str, list, list[str]]], axis_title: str) -> dict:
    """Horizontal bars, one row per category in the order given (first at the top), one trace per series.

    ``series`` is (name, values in pounds or None, hover text as published) per trace.
    """
    ticks = [_short_label(c) for c in categories]
    traces = []
    for i, (name, values, texts) in enumerate(series):
        colour, shape = BAR_STYLES[i % len(BAR_STYLES)]
        traces.append({
            "type": "bar", "orientation": "h", "name": name, "y": ticks, "x": values,
            "text": texts, "textposition": "none", "customdata": categories,
            "hovertemplate": "%{customdata}: %{text}<extra>" + name + "</extra>",
            "marker": {"color": colour, "pattern": {"shape": shape, "fillmode": "overlay", "fgcolor": "#ffffff"}},
        })
    layout = {
        "barmode": "group",
        "xaxis": {"title": {"text": axis_title}, "rangemode": "tozero", "tickprefix": "£", "separatethousands": True},
        "yaxis": {"automargin": True, "categoryorder": "array", "categoryarray": ticks[::-1]},
        "legend": {"orientation": "h", "y": -0.12, "traceorder": "normal"},
        "margin": {"l": 20, "r": 20, "t": 20, "b": 60},
        "height": max(320, (22 + 14 * len(series)) * len(categories) + 140),   # room for two-line labels
    }
    return {"data": traces, "layout": layout}


MARKER = "⚠"   # one marker for every note about a published figure, on every page; read aloud as "warning"
FLAG_WORDS = patterns.compile("charts.flag_words", r"inconsisten|does not (?:add|match|sum)|not the same|differs?\b|disagree", re.I)


@dataclass(frozen=True)
class FigureNote:
    number: int
    value: object
    text: str


def figure_notes(project, values, cite=None) -> list[FigureNote]:
    """The notes a reader must see beside a figure: the data's own flags and the data checks' warnings.

    Plain provenance ("column '16/17 Plan'") stays in the data table's Note column; a note that flags
    a problem, and every data-check warning about the figure's row, is shown under the chart.
    """
    warnings: dict[tuple[str, int], list[str]] = {}
    for p in project.problems:
        if p.severity.value == "warning":
            warnings.setdefault((p.file, p.line), []).append(p.message)
    _source, note_of = _public(cite)
    out = []
    for v in sorted(values, key=lambda v: (v.breakdown, v.period.start, v.period.end, KIND_ORDER.index(v.kind))):
        parts = []
        note = note_of(v)
        if note and FLAG_WORDS.search(note):
            parts.append(note)
        for message in warnings.get((v.file, v.line), []):
            parts.append("Data check: " + message.split(": ", 1)[-1] + ".")
        if parts:
            out.append(FigureNote(len(out) + 1, v, " ".join(parts)))
    return out


def _noted(notes) -> dict:
    return {id(n.value): n.number for n in notes}


def chart_block(project, options: dict, page: str, asset_dir: str = "") -> str:
    """Markdown for a ```chart block: chart, its notes, its data table and a CSV download."""
    from . import citations
    cite = citations.for_project(project)
    ids = options.get("metrics") or [options["metric"]]
    parts = []
    for metric_id in ids:
        metric = project.metrics[metric_id]
        values = series_values(project.values, metric_id)
        notes = figure_notes(project, values, cite)
        # references into the paper the figures come from need no citation beside them
        home = max((v.source for v in values if v.source), key=[v.source for v in values].count, default=None)
        about = [cite.replace(n, context=home) for n in _new_notes(getattr(metric, "notes", []), notes)]
        parts.append(chart_html(metric, values, f"chart-{metric_id}", notes, bool(about)))
        parts.append("")
        parts.append(notes_list(metric, notes, about))
        parts.append(data_table(metric, values, page, cite, notes))
    return "\n".join(parts) + "\n"


_FIGURE = patterns.compile("charts.figure", r"\d[\d,]*+(?:\.\d++)?%?")
_PERIOD_LABEL = patterns.compile("charts.period_label", r"\b\d{2,4}[/-]\d{2}\b")
_YEAR = patterns.compile("charts.year", r"(?:19|20)\d\d")


def _new_notes(metric_notes, figure_notes_) -> list[str]:
    """Notes about a measure that say something its figures' notes do not (officers often wrote both)."""
    from .citations import LINE_REF
    def figures(text: str) -> set[str]:
        text = _PERIOD_LABEL.sub(" ", LINE_REF.sub(" ", text))   # period labels, not figures
        found = {f.replace(",", "") for f in _FIGURE.findall(text)}
        return {f for f in found if not _YEAR.fullmatch(f)}           # years

    said_figures = figures(" ".join(f"{n.text} {n.value.published}" for n in figure_notes_))
    out = []
    for note in metric_notes:
        figures_ = figures(note)
        if not figures_ or not figures_ <= said_figures:
            out.append(note)
    return out


def notes_list(metric: Metric, notes, about=()) -> str:
    """The flagged figures' notes, then notes about the measure, visible under the chart (not folded away)."""
    if not notes and not about:
        return ""
    lines = [f"**{MARKER} Notes on these figures**", "{: .hwb-notes-title }", ""]
    for n in notes:
        v = n.value
        what = f"{KIND_WORDS[v.kind]} for {v.period.label}" + (f", {v.breakdown}" if v.breakdown else "")
        lines.append(f"{n.number}. {MARKER} Note {n.number}: {markup.text(what)}, "
                     f"{markup.text(_with_covers(v))}. {markup.text(n.text)}")
    for i, text in enumerate(about, start=len(notes) + 1):
        lines.append(f"{i}. {MARKER} Note {i}: about this measure. {markup.text(text)}")
    return "\n".join(lines) + "\n\n"


def data_table(metric: Metric, values, page: str, cite=None, notes=()) -> str:
    rows = table_rows(values, cite)
    numbered = _noted(notes)
    ordered = sorted(values, key=lambda v: (v.breakdown, v.period.start, v.period.end, KIND_ORDER.index(v.kind)))
    for r, v in zip(rows, ordered):
        if id(v) in numbered:
            r["value"] = f"{r['value']} {MARKER} note {numbered[id(v)]}"
    has = {k: any(r[k] for r in rows) for k in ("breakdown", "ci", "covers", "note")}
    cols = [("breakdown", "Category")] if has["breakdown"] else []
    cols += [("period", "Period"), ("kind", "Kind"), ("value", f"Value ({unit_label(metric)})")]
    cols += [("ci", "95% confidence interval")] if has["ci"] else []
    cols += [("covers", "Covers only")] if has["covers"] else []
    cols += [("note", "Note")] if has["note"] else []
    cols += [("source", "Source")]
    lines = [f"??? info \"Data table: {markup.attr(metric.title)}\"", "",
             "    | " + " | ".join(h for _, h in cols) + " |",
             "    |" + "---|" * len(cols)]
    for r in rows:
        lines.append("    | " + " | ".join(markup.cell(r[k]) for k, _ in cols) + " |")
    href = urls.relative(page, urls.metric_download(metric.id))
    lines += ["", f"    [Download {markup.text(metric.title)} as CSV]({href})", ""]
    return "\n".join(lines)
