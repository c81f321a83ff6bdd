"""One page per metric, the metrics index, and the per-metric CSV downloads."""

from __future__ import annotations

from .. import assessment, citations, figures, figuretables, urls
from ..outputitem import OutputItem
from ..render import render


def metric_page(project, metric, ctx) -> OutputItem:
    page = urls.metric(metric.id)
    values = figures.series_values(project.values, metric.id)
    status = assessment.status(metric, values)
    # the figures the status sentence names carry their note marker there too
    named = [n.number for n in figuretables.figure_notes(project, values, citations.for_project(project))
             if f"{figures.format_value(n.value)} for {n.value.period.label}" in status.text]
    marker = (f" {figures.MARKER} See note{'s' if len(named) > 1 else ''} "
              + ", ".join(str(n) for n in named) + " under the chart.") if named else ""
    md = render("metric.md.j2", page, m=metric, values=values, unit=figures.unit_label(metric),
                status=status, status_marker=marker, ctx=ctx, next_update=figures.next_update(metric),
                aims=[a for n in metric.aims if (a := ctx.aim_link(n))], cite=citations.for_project(project).cite)
    updated = metric.updated or max((v.as_of for v in values if v.as_of), default=None)
    return OutputItem(page, md, edit="data/metrics/registry.yml", updated=updated)


def metrics_index(project, ctx) -> OutputItem:
    page = urls.METRICS
    rows = []
    for metric in sorted(project.metrics.values(), key=lambda m: m.title.lower()):
        values = figures.series_values(project.values, metric.id)
        rows.append({"metric": metric, "status": assessment.status(metric, values), "count": len(values)})
    # A board's own dashboards are hand-written pages (content/dashboards/): linked only where it has them.
    dashboards = "dashboards/index.md" if "dashboards/index.md" in project.content_pages else None
    return OutputItem(page, render("metrics_index.md.j2", page, rows=rows, dashboards=dashboards), in_nav=True)


def metric_pages(project, ctx) -> list[OutputItem]:
    if not project.metrics:
        return []
    return [metrics_index(project, ctx)] + [metric_page(project, m, ctx) for m in project.metrics.values()]


def metric_downloads(project) -> dict[str, str]:
    """CSV downloads: site path -> content."""
    cite = citations.for_project(project)
    return {urls.metric_download(m.id): figuretables.csv_download(m, figures.series_values(project.values, m.id), cite)
            for m in project.metrics.values()}
