"""The at-a-glance head of a dashboard: one tile per metric (issue 14).

Each tile gives the metric's name, its latest actual and period, the plan (or
target) for the same period, the computed status with its reason, and a small
trend line drawn as inline SVG at build time (no script). The tile's title links
to the chart further down the page; "Details" links to the metric's page.
Fingertips' overview is the model: the same facts, less ink, readable on a phone.
"""

from __future__ import annotations

import html

from . import assessment, figures, markup, urls

WIDTH, HEIGHT, PAD = 120, 36, 3


def sparkline(values) -> str:
    """Inline SVG: the actual series as a solid line (latest point marked), the plan dashed, one shared scale."""
    shown = [v for v in figures.charted([v for v in values if not v.breakdown]) if v.kind in ("actual", "plan", "target")]
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


def tile(project, metric_id: str, page: str) -> str:
    """One tile, made from the metric's one Status: its headline names the figures and the period
    the sentence under it names (and what they cover), so the two cannot disagree."""
    metric = project.metrics[metric_id]
    values = figures.series_values(project.values, metric_id)
    status = assessment.status(metric, values)
    plan = status.plan
    esc = html.escape
    rag = status.rag.lower() if status.rag else "none"
    # md_in_html parses the tile as blocks down to the "Details" paragraph, whose link is Markdown;
    # the trend line sits in a div, a block Markdown keeps as it is (a bare <svg> would be wrapped in <p>)
    out = [f'<li class="hwb-tile hwb-tile--{rag}" markdown="block">',
           f'<p class="hwb-tile__name"><a href="#chart-{esc(metric_id)}">{esc(metric.title)}</a></p>']
    if any(v.breakdown for v in values) and not any(not v.breakdown for v in values):
        cats = len({v.breakdown for v in values})
        period = f", {assessment.period_words(status.actuals)}" if status.actuals else ""
        out.append(f'<p class="hwb-tile__figure">{cats} categories<span class="hwb-tile__period">{esc(period)}</span></p>')
        out.append(f'<p class="hwb-tile__reason">{esc(assessment.summary(metric, values))}</p>')
    else:
        if len(status.actuals) == 1:
            latest = status.actuals[0]
            out.append(f'<p class="hwb-tile__figure">{esc(figures.format_value(latest))}'
                       f'<span class="hwb-tile__period"> actual, {esc(assessment.period_words([latest]))}</span></p>')
        elif status.actuals:   # the papers disagree: the reason below gives every figure
            out.append(f'<p class="hwb-tile__figure">{len(status.actuals)} different actuals'
                       f'<span class="hwb-tile__period">, {esc(status.actuals[0].period.label)}</span></p>')
        else:
            out.append('<p class="hwb-tile__figure hwb-tile__figure--none">No actual figure yet</p>')
        if plan is not None:
            out.append(f'<p class="hwb-tile__plan">{esc(plan.kind.capitalize())} for {esc(assessment.period_words([plan]))}: '
                       f'{esc(figures.format_value(plan))}</p>')
        out.append(f'<p class="hwb-tile__status"><span class="hwb-status-badge hwb-status-badge--{rag}">{esc(status.word)}</span>'
                   f' <span class="hwb-tile__whose">worked out by this site</span></p>')
        out.append(f'<div class="hwb-tile__trend">{sparkline(values)}</div>')
        if status.actuals:  # without an actual the figure line already says why it is not rated
            out.append(f'<p class="hwb-tile__reason">{esc(status.text)}</p>')
    # A Markdown link (md_in_html parses this paragraph), so the engine resolves it to the metric's page
    details = markup.Markup('Details<span class="hwb-visually-hidden"> of ') + markup.text(metric.title) + markup.Markup("</span>")
    out.append(f'<p class="hwb-tile__more" markdown>{markup.link(details, urls.relative(page, urls.metric(metric_id)))}</p>')
    out.append("</li>")
    return "".join(x for x in out if x)


def tiles_block(project, options: dict, page: str) -> str:
    """HTML for a ```tiles block: a list of tiles, one per metric (those of the page's charts by default)."""
    ids = options.get("metrics") or []
    if not ids:
        return ""
    items = "\n".join(tile(project, m, page) for m in ids)
    return (f'<section class="hwb-tiles" aria-label="At a glance" markdown>\n<h2 class="hwb-tiles__heading" id="at-a-glance">At a glance</h2>\n'
            f'<ul class="hwb-tiles__list" markdown>\n{items}\n</ul>\n</section>\n')
