"""The at-a-glance head of a dashboard: one tile per metric (issue 14).

Each tile gives the metric's name, its latest actual and period, the plan (or
target) for the same period, the computed status with its reason, and a small
trend line drawn as inline SVG at build time (no script). The tile's title links
to the chart further down the page; "Details" links to the metric's page. A
dashboard of many series shows compact rows instead, each linking to the
metric's page, and draws no chart itself (blocks.Expander).
Fingertips' overview is the model: the same facts, less ink, readable on a phone.
"""

from __future__ import annotations

import html

from . import assessment, figures, markup, urls

WIDTH, HEIGHT, PAD = 120, 36, 3


def sparkline(values) -> str:
    """Inline SVG of one series (assessment.split's main one): the actuals as a solid line (latest point
    marked), the plan dashed, one shared scale."""
    shown = [v for v in figures.charted(list(values)) if v.kind in ("actual", "plan", "target")]
    actual = sorted((v for v in shown if v.kind == "actual"), key=lambda v: v.period.start)
    if len(actual) < 2:
        return ""
    kind = "plan" if any(v.kind == "plan" for v in shown) else "target"
    plan = sorted((v for v in shown if v.kind == kind), key=lambda v: v.period.start)
    points = actual + plan
    t0 = min(v.period.midpoint for v in points).toordinal()
    t1 = max(v.period.midpoint for v in points).toordinal()
    lo, hi = min(v.value for v in points), max(v.value for v in points)

    def xy(v):
        x = PAD + (WIDTH - 2 * PAD) * ((v.period.midpoint.toordinal() - t0) / ((t1 - t0) or 1))
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * ((v.value - lo) / ((hi - lo) or 1))
        return f"{x:.1f},{y:.1f}"

    first, last = actual[0], actual[-1]
    label = (f"Trend: actual {figures.format_value(first)} in {first.period.label}, "
             f"{figures.format_value(last)} in {last.period.label}")
    parts = [f'<svg class="hwb-spark" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
             f'role="img" aria-label="{html.escape(label)}">']
    if len(plan) >= 2:
        parts.append(f'<polyline class="hwb-spark__plan" points="{" ".join(xy(v) for v in plan)}"></polyline>')
    parts.append(f'<polyline class="hwb-spark__actual" points="{" ".join(xy(v) for v in actual)}"></polyline>')
    x, y = xy(last).split(",")
    parts.append(f'<circle class="hwb-spark__latest" cx="{x}" cy="{y}" r="2.5"></circle>')
    parts.append("</svg>")
    return "".join(parts)


ARROWS = {"up": "▲", "down": "▼", "no change": "▶"}
# More series than this and a dashboard's tiles become compact rows (small multiples), each a click
# from its full chart: 29 tiles of five lines each bury the charts they summarise.
COMPACT_OVER = 8


def compact(metric_ids) -> bool:
    """Whether a dashboard of these series shows compact rows, each linking to its metric's page,
    in place of full tiles above full charts (blocks.Expander then draws no chart on the page)."""
    return len(list(metric_ids)) > COMPACT_OVER


def headline(metric, values, status) -> tuple[str, str]:
    """The figure a tile leads with and its period, from the tile's one Status.

    Every tile leads with a published number and the period it is for:
    - one latest actual: that figure (for a measure published only by category, its registry
      headline category's figure);
    - several different actuals for the latest period: each of them ("98 or 127"), as the papers
      disagree and the sentence names them all;
    - categories and no headline category: the lowest and the highest ("5.2% to 73.3%");
    - no actual: the latest plan, target or threshold, named as such ("plan, not an actual");
    - nothing at all: ("", "") and the tile says plainly that no figure has been published.
    """
    if len(status.actuals) == 1 and (status.actuals[0].breakdown == "" or metric.headline):
        v = status.actuals[0]
        who = f"{v.breakdown}, " if v.breakdown else ""
        return figures.format_value(v), f"{who}actual, {assessment.period_words([v])}"
    if status.actuals and all(not v.breakdown for v in status.actuals):
        shown = sorted(status.actuals, key=lambda v: v.value)
        labels = " or ".join(dict.fromkeys(v.period.label for v in shown))
        # what each covers is in the sentence, which names every figure with its own coverage
        return (" or ".join(dict.fromkeys(figures.format_value(v) for v in shown)),
                f"actual, {labels}: the papers give {len(shown)} figures")
    if status.actuals:
        lo = min(status.actuals, key=lambda v: v.value)
        hi = max(status.actuals, key=lambda v: v.value)
        n = len({v.breakdown for v in status.actuals})
        figure = figures.format_value(lo) if lo.value == hi.value else \
            f"{figures.format_value(lo)} to {figures.format_value(hi)}"
        return figure, f"actual, {n} categories, {assessment.period_words(status.actuals)}"
    if status.expected is not None:
        v = status.expected
        return figures.format_value(v), f"{v.kind}, {assessment.period_words([v])}; no actual figure yet"
    return "", ""


def _travel(status) -> str:
    words = assessment.travel(status)
    if not words:
        return ""
    arrow = ARROWS[words.split(" from")[0].split(",")[0]]
    return (f'<p class="hwb-tile__travel"><span class="hwb-tile__arrow" aria-hidden="true">{arrow}</span> '
            f'{html.escape(words[0].upper() + words[1:])}</p>')


def _benchmark(status) -> str:
    if not status.benchmarks:
        return ""
    shown = status.benchmarks[:3]
    more = len(status.benchmarks) - len(shown)
    listed = "; ".join(f"{v.breakdown} {figures.with_covers(v)}" for v in shown)
    return (f'<p class="hwb-tile__benchmark">Compared with: {html.escape(listed)}'
            + (f" and {more} more (in the chart)" if more else "") + "</p>")


def tile(project, metric_id: str, page: str, compact: bool = False, on_page: bool = True) -> str:
    """One tile, made from the metric's one Status: its headline names the figures and the period
    the sentence under it names (and what they cover), so the two cannot disagree.

    Its name links to the metric's chart further down the page when the page draws it (on_page),
    and otherwise to the metric's own page, where the full chart, its notes and its table are."""
    metric = project.metrics[metric_id]
    values = figures.series_values(project.values, metric_id)
    status = assessment.status(metric, values)
    plan = status.plan
    esc = html.escape
    rag = status.rag.lower() if status.rag else "none"
    # md_in_html parses the tile as blocks down to the "Details" paragraph, whose link is Markdown;
    # the trend line sits in a div, a block Markdown keeps as it is (a bare <svg> would be wrapped in <p>)
    own_page = urls.relative(page, urls.metric(metric_id))
    name = (f'<p class="hwb-tile__name"><a href="#chart-{esc(metric_id)}">{esc(metric.title)}</a></p>' if on_page else
            f'<p class="hwb-tile__name" markdown>{markup.link(markup.text(metric.title), own_page)}</p>')
    out = [f'<li class="hwb-tile hwb-tile--{rag}" markdown="block">', name]
    figure, period = headline(metric, values, status)
    if figure:
        out.append(f'<p class="hwb-tile__figure">{esc(figure)}<span class="hwb-tile__period"> {esc(period)}</span></p>')
    else:
        out.append('<p class="hwb-tile__figure hwb-tile__figure--none">No figure has been published</p>')
    out.append(_travel(status))
    out.append(_benchmark(status))
    if plan is not None and not compact:
        out.append(f'<p class="hwb-tile__plan">{esc(plan.kind.capitalize())} for {esc(assessment.period_words([plan]))}: '
                   f'{esc(figures.format_value(plan))}</p>')
    if due := figures.next_update(metric):
        out.append(f'<p class="hwb-tile__next">Next update due: {esc(due)}</p>')
    out.append(f'<p class="hwb-tile__status"><span class="hwb-status-badge hwb-status-badge--{rag}">{esc(status.word)}</span>'
               f' <span class="hwb-tile__whose">worked out by this site</span></p>')
    out.append(f'<div class="hwb-tile__trend">{sparkline(assessment.split(metric, values)[0])}</div>')
    if status.actuals and not compact:  # without an actual the figure line already says why it is not rated
        out.append(f'<p class="hwb-tile__reason">{esc(status.text)}</p>')
    # A Markdown link (md_in_html parses this paragraph), so the engine resolves it to the metric's page
    word = "Full chart and data" if compact else "Details"
    details = markup.Markup(f'{word}<span class="hwb-visually-hidden"> of ') + markup.text(metric.title) + markup.Markup("</span>")
    out.append(f'<p class="hwb-tile__more" markdown>{markup.link(details, own_page)}</p>')
    out.append("</li>")
    return "".join(x for x in out if x)


def tiles_block(project, options: dict, page: str) -> str:
    """HTML for a ```tiles block: a list of tiles, one per metric (those of the page's charts by default).

    ``on_page`` (set by blocks.Expander, never by an officer) lists the metrics the page draws in full."""
    ids = options.get("metrics") or []
    if not ids:
        return ""
    is_compact = compact(ids)
    drawn = set(options.get("on_page") or ())
    items = "\n".join(tile(project, m, page, is_compact, m in drawn) for m in ids)
    listed = "hwb-tiles__list hwb-tiles__list--compact" if is_compact else "hwb-tiles__list"
    lead = (f'<p class="hwb-tiles__lead">{len(ids)} measures, one row each: select a name for its full chart, '
            'sentence and table.</p>\n') if is_compact else ""
    return (f'<section class="hwb-tiles" aria-label="At a glance" markdown>\n<h2 class="hwb-tiles__heading" id="at-a-glance">At a glance</h2>\n'
            f'{lead}<ul class="{listed}" markdown>\n{items}\n</ul>\n</section>\n')
