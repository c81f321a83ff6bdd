"""The assessment of a metric's series: its RAG status against the plan or target for the same period,
and the sentences that say in words what its chart shows, every figure in them a published one."""

from __future__ import annotations

from dataclasses import dataclass

from .figures import KIND_ORDER, format_value, with_covers
from .models.metrics import Metric


@dataclass(frozen=True)
class Status:
    rag: str      # "G", "A", "R" or "" when it cannot be computed
    word: str
    text: str
    # The published figures the sentence names, for whatever shows them beside it (the tiles):
    # the latest actuals (several when the papers disagree) and the plan or target compared.
    actuals: tuple = ()
    plan: object = None
    # The previous comparable actual (same kind of period, same coverage, same definition), for the
    # direction of travel, and the figures published beside the latest one (a national average).
    previous: object = None
    benchmarks: tuple = ()
    # The latest plan or target when no actual has been published (a tile leads with it, named as such).
    expected: object = None


def version_of(metric: Metric, period) -> int | None:
    """Which dated definition version a period falls under (None when the metric has fewer than two)."""
    dated = [v for v in metric.versions if v.start or v.end]
    if len(dated) < 2:
        return None
    for i, ver in enumerate(dated):
        if (ver.start is None or period.end >= ver.start) and (ver.end is None or period.start <= ver.end):
            return i
    return None


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


def split(metric: Metric, values) -> tuple[list, list]:
    """The series a metric is rated on and the figures published beside it: the figures for no
    category, or (for a measure published only by category) its registry's headline category."""
    main = [v for v in values if not v.breakdown]
    if not main and metric.headline:
        return ([v for v in values if v.breakdown == metric.headline],
                [v for v in values if v.breakdown != metric.headline])
    return main, [v for v in values if v.breakdown]


def previous_actual(metric: Metric, main, latest):
    """The actual for the nearest earlier period of the same kind, covering as much of it and under
    the same definition: the figure a direction of travel compares with (None when there is none,
    or when the papers give several different figures for it)."""
    earlier = [v for v in main if v.kind == "actual" and v.period.kind == latest.period.kind
               and v.period.end < latest.period.start and bool(v.covers) == bool(latest.covers)
               and version_of(metric, v.period) == version_of(metric, latest.period)]
    if not earlier:
        return None
    end = max(v.period.end for v in earlier)
    last = [v for v in earlier if v.period.end == end]
    return last[0] if len({v.value for v in last}) == 1 else None


def travel(status_: "Status") -> str:
    """The direction of travel in words: "up from 53 for Quarter 2 (2016/17)"; "" without a previous figure."""
    if status_.previous is None or len(status_.actuals) != 1:
        return ""
    now, was = status_.actuals[0], status_.previous
    word = "up" if now.value > was.value else "down" if now.value < was.value else "no change"
    joiner = " from" if word != "no change" else ", the same as"
    return f"{word}{joiner} {with_covers(was)} for {was.period.label}"


def _beside(beside, actual) -> tuple:
    return tuple(sorted((v for v in beside if v.period.same_as(actual.period)),
                        key=lambda v: (v.breakdown, KIND_ORDER.index(v.kind))))


def _context(text: str, previous, benchmarks, actual) -> str:
    """The direction of travel and the comparators, said in the sentence the tile shows."""
    if previous is not None:
        word = "up" if actual.value > previous.value else "down" if actual.value < previous.value else "unchanged"
        text += f" It is {word} {'from' if word != 'unchanged' else 'on'} {with_covers(previous)} for {previous.period.label}."
    if benchmarks:
        text += (f" Also published for {period_words(benchmarks)}: "
                 + "; ".join(f"{v.breakdown} {with_covers(v)}" for v in benchmarks) + ".")
    return text


def status(metric: Metric, values) -> Status:
    base = _status(metric, values)
    if len(base.actuals) != 1 or (values and not [v for v in values if not v.breakdown] and not metric.headline):
        return base
    main, beside = split(metric, values)
    actual = base.actuals[0]
    previous = previous_actual(metric, main, actual)
    benchmarks = _beside(beside, actual)
    return Status(base.rag, base.word, _context(base.text, previous, benchmarks, actual), base.actuals, base.plan,
                  previous, benchmarks)


def _status(metric: Metric, values) -> Status:
    """RAG for the latest actual against its plan (or target) for the same period and definition.

    Periods compare by what they cover, so "16/17" and "2016/17" are one year.  Every figure in the
    sentence is a published figure for the period the sentence names; no gap is computed into words.
    """
    main, _ = split(metric, values)
    if values and not main:
        return Status("", "Not rated", _categories_sentence(values), tuple(_latest_category_actuals(values)))
    latest = _latest_actuals(main)
    if not latest:
        plans = sorted((v for v in main if v.kind in ("plan", "target", "threshold")),
                       key=lambda v: (v.period.end, KIND_ORDER.index(v.kind)))
        if plans:
            last = plans[-1]
            return Status("", "Not rated", f"No actual figure has been published; the latest {last.kind} is "
                                           f"{with_covers(last)} for {last.period.label}.", expected=last)
        return Status("", "Not rated", "There is no actual figure yet.")
    if len(latest) > 1:
        listed = "; ".join(f"{with_covers(v)} for {v.period.label}" for v in
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
            return Status("", "Not rated", f"The latest actual is {with_covers(actual)} for {actual.period.label}. "
                                           f"The papers set a {level.kind} of {with_covers(level)} for "
                                           f"{level.period.label} as a whole, not for {actual.period.label} alone, "
                                           "so the figure is not rated against it.", (actual,), level)
        return Status("", "Not rated", f"The latest actual, {with_covers(actual)} for {actual.period.label}, "
                                       "has no plan or target for the same period to compare with.", (actual,))
    version = version_of(metric, actual.period)
    comparable = [v for v in same if version_of(metric, v.period) == version]
    if not comparable:
        other = same[0]
        return Status("", "Not rated", f"The latest actual is {with_covers(actual)} for {actual.period.label}; the "
                                       f"{other.kind} of {with_covers(other)} for {other.period.label} uses a "
                                       "different definition, so they are not compared.", (actual,))
    plan = sorted(comparable, key=lambda v: (KIND_ORDER.index(v.kind), v.line))[0]
    gap = actual.value - plan.value
    direction = "above" if gap > 0 else "below" if gap < 0 else "equal to"
    better = {"lower": " Lower is better.", "higher": " Higher is better.", "neutral": ""}[metric.polarity]
    text = (f"The latest actual is {with_covers(actual)} for {actual.period.label}, {direction} the {plan.kind} of "
            f"{with_covers(plan)} for {plan.period.label}{_sameperiod_words(actual, plan)}.{better}")
    differing = [v for v in comparable if v is not plan and v.value != plan.value]
    for v in differing:
        text += f" The papers also give a {v.kind} of {with_covers(v)} for {v.period.label}."
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
    # the status sentence: the comparison, the direction of travel and the comparators beside it
    return status(metric, values).text
