"""A metric's ```chart block: the chart container (figure, described image, caption in words), its notes,
its data table and its CSV download."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import markup
from .assessment import summary
from .figures import MARKER, charted, figure, figure_json, format_value, point_count, series_values
from .figuretables import data_table, figure_notes, new_notes, notes_list
from .models.metrics import Metric

if TYPE_CHECKING:  # pragma: no cover
    from .boardrecords import BoardRecords
    from .metrics import Value


def chart_html(metric: Metric, values: list[Value], chart_id: str, notes: Sequence[Any] = (),
               about: bool = False) -> str:
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
    if point_count(fig) == 1:
        return single_html(metric, values, chart_id, text)
    return plot_html(fig, chart_id, "Chart of " + metric.title + ". " + text, text)


def single_html(metric: Metric, values: Sequence[Any], chart_id: str, caption: str) -> str:
    """One published figure is shown as a figure, big, with its kind and period: a chart of one
    dot says less and takes a screen to say it."""
    v = (charted([x for x in values if not x.breakdown]) or list(values))[0]   # the one point drawn
    who = f"{v.breakdown}, " if v.breakdown else ""
    return (f'<figure class="hwb-chart hwb-chart--single" id="{markup.attr(chart_id)}">\n'
            f'<p class="hwb-bignumber"><span class="hwb-bignumber__value">{markup.attr(format_value(v))}</span> '
            f'<span class="hwb-bignumber__period">{markup.attr(who + v.kind)}, {markup.attr(v.period.label)}'
            f'{markup.attr(" (" + v.coverage + ")" if v.covers else "")}</span></p>\n'
            f'<figcaption>{markup.attr(caption)}</figcaption>\n'
            f'</figure>\n')


def plot_html(fig: dict[str, Any], chart_id: str, label: str, caption: str) -> str:
    """Any figure as a chart container: a described image role, the figure in a data attribute, a caption."""
    return (f'<figure class="hwb-chart" id="{markup.attr(chart_id)}">\n'
            f'<div class="hwb-chart__plot" role="img" aria-label="{markup.attr(label)}"'
            f' data-figure="{markup.attr(figure_json(fig))}"></div>\n'
            f'<figcaption>{markup.attr(caption)}</figcaption>\n'
            f'</figure>\n')


def chart_block(project: BoardRecords, options: dict[str, Any], page: str, asset_dir: str = "") -> str:
    """Markdown for a ```chart block: chart, its notes, its data table and a CSV download."""
    from . import citations
    cite = citations.for_project(project)
    ids = options.get("metrics") or [options["metric"]]
    parts: list[str] = []
    for metric_id in ids:
        metric = project.metrics[metric_id]
        values = series_values(project.values, metric_id)
        notes = figure_notes(project, values, cite)
        # references into the paper the figures come from need no citation beside them
        home = max((v.source for v in values if v.source), key=[v.source for v in values].count, default=None)
        about = [cite.replace(n, context=home) for n in new_notes(getattr(metric, "notes", []), notes)]
        parts.append(chart_html(metric, values, f"chart-{metric_id}", notes, bool(about)))
        parts.append("")
        parts.append(notes_list(metric, notes, about))
        parts.append(data_table(metric, values, page, cite, notes))
    return "\n".join(parts) + "\n"


def chart_link(project: BoardRecords, options: dict[str, Any], page: str) -> str:
    """Markdown for a ```chart block on a dashboard of compact rows (blocks.Expander), where a section
    says more than its chart: a link to each metric's own page, where the full chart, its notes and
    its data table are."""
    from . import urls
    ids = options.get("metrics") or [options["metric"]]
    return "\n".join(f"Full chart, notes and data table: {markup.link(markup.text(project.metrics[m].title), urls.relative(page, urls.metric(m)))}"
                     "\n{: .hwb-chart-link }\n" for m in ids) + "\n"
