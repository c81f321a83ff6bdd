"""Money pages (one per programme, and an index) and their CSV downloads, from data/finance/.

Every figure a page shows is a figure the papers printed, as printed; the charts plot the same
figures in whole pounds.  A stated total whose parts do not add up is shown with the difference
beside it.  Sentences are built from the rows they describe, never written by hand.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from markupsafe import Markup

from .. import charts, figures, markup, spreadsheet, urls
from ..amounts import money, number
from ..finance import Discrepancy, discrepancy_sentence, fill_table, money_notes, parts_of, reconcile
from ..models.finance import DIMENSIONS
from ..outputitem import OutputItem
from ..render import render

# How a sentence joins a part to its total, by the dimension the total adds up over.
JOIN = {"source": "from", "area": "on", "scheme": "on", "code": "on", "theme": "on", "commissioner": "from",
        "pool": "in", "provider": "through", "recurrent": ""}
VERBS = {"contribution": "pooled", "income": "received", "expenditure": "spent", "spend": "spent",
         "investment": "invested", "allocation": "allocated"}
PUBLIC_COLUMNS = ["programme", "dataset", "item", "column", "year", "measure", "kind", "amount", "unit", "pounds",
                  *DIMENSIONS, "note"]


# ---------------------------------------------------------------------------------------------
# Figures as printed


def shown(row) -> str:
    """The amount as printed, with its unit where the printed text does not carry one."""
    if "£" in row.amount or row.pounds is None:
        return row.amount
    if row.unit == "£":
        return money(row.amount)
    return f"{number(row.amount)} ({row.unit})"


def gap(d: Discrepancy) -> str:
    """The difference between a stated total and its parts, in words."""
    side = "less" if d.difference < 0 else "more"
    return f"{money(abs(d.difference))} {side} than the total printed"


def _label(row) -> str:
    """A scheme as the table names it ("BCF01 - Mental Health Service"), else its code and name."""
    if row.code and row.scheme and (row.item == row.code or not row.item.startswith(row.code)):
        return f"{row.code}. {row.scheme}"
    return row.item


def _visible_datasets(project, programme, ctx):
    """The programme's datasets that are transcribed (the public view holds only public papers' money)."""
    return [d for d in programme.datasets if d.id in project.finance.files]


# ---------------------------------------------------------------------------------------------
# Sentences


def headline(project, programme, ctx=None) -> list[str]:
    """The totals in words: "£32,389,936 pooled in 2017/18, of which £4,077,793 from …"."""
    if not programme.headline or programme.headline not in {d.id for d in _visible_datasets(project, programme, ctx)}:
        return []
    rows = project.finance.dataset_rows(programme.headline)
    lines = []
    totals = [r for r in rows if r.kind == "total" and r.pounds is not None]
    for t in totals:
        verb = programme.verb if t.measure == "contribution" else VERBS.get(t.measure, t.measure)
        parts = parts_of(project.finance, t)
        text = f"{shown(t)} {verb} in {t.year}"
        if parts:
            dim = t.over[0]
            join = JOIN.get(dim, "from")
            text += ", of which " + _and([f"{shown(p)} {join} {getattr(p, dim) or p.item}".replace("  ", " ")
                                           for p in parts])
        lines.append(text + ".")
    if not totals:
        by_item: dict[str, list] = defaultdict(list)
        for r in rows:
            if r.pounds is not None:
                by_item[r.item].append(r)
        for item, group in by_item.items():
            lines.append(f"{item.rstrip(':')}: " + _and([f"{shown(r)} in {r.year}" for r in group]) + ".")
    return lines


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# ---------------------------------------------------------------------------------------------
# Charts


def _main_measure(rows) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r.measure] += 1
    return max(counts, key=lambda m: (counts[m], m))


# A chart of more bars than this shows the largest and groups the rest in one bar (the table lists
# every one): 44 bars are about 2,950 px on a phone, and the small ones cannot be read anyway.
TOP_BARS = 10


def other_label(n: int, noun: str) -> str:
    return f"Other {noun} ({n}), added up by this site"


def bar_chart(rows, by: str, chart_id: str, what: str) -> tuple[str, str] | None:
    """Sorted horizontal bars of printed figures, one bar per category and year; None if nothing to plot.

    ``by`` is "scheme" (label from code and name) or a dimension name.  Categories with two printed
    figures for one year would need a sum the papers did not print, so such a chart is not drawn.
    More than TOP_BARS categories: the largest TOP_BARS, then one bar for the rest, its figure a sum
    this site computed from the printed ones and labelled as such (legend, hover and caption).
    The table beside it lists every category, largest first.
    """
    items = [r for r in rows if r.kind == "item" and r.pounds is not None and r.pounds >= 0]
    items = [r for r in items if (_label(r) if by == "scheme" else getattr(r, by))]
    if not items:
        return None
    measure = _main_measure(items)
    items = [r for r in items if r.measure == measure]
    years = list(dict.fromkeys(r.year for r in sorted(items, key=lambda r: r.period.start)))
    cell: dict[tuple[str, str], object] = {}
    for r in items:
        key = (_label(r) if by == "scheme" else getattr(r, by), r.year)
        if key in cell:
            return None
        cell[key] = r
    cats = list(dict.fromkeys(k[0] for k in cell))
    latest = years[-1]
    order = {c: i for i, c in enumerate(cats)}

    def recent(c):  # the figure of the latest year that the category has one for
        return next(cell[(c, y)].pounds for y in reversed(years) if (c, y) in cell)
    cats.sort(key=lambda c: (-recent(c), order[c]))
    noun = {"scheme": "schemes"}.get(by, "areas")
    drawn, rest = (cats, []) if len(cats) <= TOP_BARS + 1 else (cats[:TOP_BARS], cats[TOP_BARS:])
    series = []
    for y in years:
        values = [cell[(c, y)].pounds if (c, y) in cell else None for c in drawn]
        texts = [shown(cell[(c, y)]) if (c, y) in cell else "not printed" for c in drawn]
        if rest:
            parts = [cell[(c, y)].pounds for c in rest if (c, y) in cell]
            total = sum(parts)
            values.append(total if parts else None)
            texts.append(f"{money(total)}, added up by this site from the {len(parts)} printed figures"
                         if parts else "not printed")
        series.append((y, values, texts))
    labels = drawn + ([other_label(len(rest), noun)] if rest else [])
    fig = figures.bar_figure(labels, series, "£")
    ranked = [(c, cell[(c, latest)]) for c in cats if (c, latest) in cell]
    text = f"{measure.capitalize()} {what} ({_and(years)}): "
    text += (f"the {TOP_BARS} largest of {len(cats)} {noun}, then the other {len(rest)} added up by this site "
             "(the table lists every one)." if rest else f"{len(cats)} bars, largest first.")
    if ranked:
        text += f" In {latest} the largest is {ranked[0][0]} at {shown(ranked[0][1])}"
        if len(ranked) > 1:
            text += f" and the smallest {ranked[-1][0]} at {shown(ranked[-1][1])}"
        text += "."
    html = charts.plot_html(fig, chart_id, f"Bar chart of {measure} {what}. {text}", text)
    # Every category, largest first (the order without script); hwbsite.js lets a reader sort by
    # any column. Nothing here is computed: each cell is a printed figure.
    table = ["| " + " | ".join([{"scheme": "Scheme"}.get(by, by.capitalize())] + years) + " |",
             "|---|" + "---:|" * len(years)]
    for c in cats:
        table.append("| " + " | ".join([str(markup.cell(c))] + [str(markup.cell(shown(cell[(c, y)])))
                                                                 if (c, y) in cell else "" for y in years]) + " |")
    return html, "\n".join(table)


# ---------------------------------------------------------------------------------------------
# Full tables


def full_table(project, dataset: str, discrepancies: dict[int, Discrepancy]) -> str:
    """The dataset as the paper lays it out: items down, printed columns across, totals in bold."""
    rows = project.finance.dataset_rows(dataset)
    columns = list(dict.fromkeys(r.column or "Amount" for r in rows))
    items = list(dict.fromkeys(r.item for r in rows))
    at = {(r.item, r.column or "Amount"): r for r in rows}
    lines = ["| Item | " + " | ".join(markup.cell(c) for c in columns) + " |", "|---|" + "---:|" * len(columns)]
    notes = []
    for item in items:
        cells = []
        is_total = any(at[(item, c)].kind == "total" for c in columns if (item, c) in at)
        for c in columns:
            r = at.get((item, c))
            if r is None:
                cells.append("")
                continue
            text = markup.cell(shown(r))
            if r.kind == "total":
                text = Markup(f"**{text}**")
            d = discrepancies.get(id(r))
            if d is not None:
                text = Markup(f"{text} (the parts add up to {markup.cell(money(d.summed))}: "
                              f"{markup.cell(gap(d))})")
            if r.note:
                notes.append((item, c, r.note))
                text = Markup(f"{text}&nbsp;[note {len(notes)}]")
            cells.append(text)
        label = str(markup.cell(item))  # plain str: Markup + str would escape the cells again
        lines.append("| " + (f"**{label}**" if is_total else label) + " | " + " | ".join(str(c) for c in cells) + " |")
    out = "\n".join(lines)
    if notes:
        out += "\n\n" + "\n".join(f"{i}. Note on {markup.text(item)} ({markup.text(c)}): {markup.text(n)}"
                                  for i, (item, c, n) in enumerate(notes, start=1))
    return out


# ---------------------------------------------------------------------------------------------
# Pages


def programme_page(project, programme, ctx=None) -> OutputItem:
    page = urls.money(programme.id)
    datasets = _visible_datasets(project, programme, ctx)
    found = {id(d.total): d for d in reconcile(project.finance)}
    public_papers = set(project.papers)
    sections = []
    for role, what, by in (("schemes", "by scheme", "scheme"), ("areas", "by area of spend", "area")):
        chosen = [d for d in datasets if d.role == role]
        if role == "areas" and not chosen:   # a programme without an area summary: its rows that name an area
            chosen = [d for d in datasets if any(r.area for r in project.finance.dataset_rows(d.id))]
        for d in chosen:
            made = bar_chart(project.finance.dataset_rows(d.id), by, f"chart-{d.id}", what)
            if made:
                title = d.title if d.role == role else "Spend " + what
                sections.append({"title": title, "dataset": d, "chart": Markup(made[0]),
                                 "table": Markup(made[1])})
    funding = [{"dataset": d, "table": Markup(full_table(project, d.id, found))}
               for d in datasets if d.role == "funding"]
    tables = [{"dataset": d, "table": Markup(full_table(project, d.id, found)),
               "paper": d.paper if d.paper in public_papers and d.paper in project.papers else None,
               "paper_title": project.papers[d.paper].title if d.paper in project.papers else "",
               "download": urls.money_download(d.id),
               "differences": [x for x in found.values() if x.total.dataset == d.id]}
              for d in datasets]
    # The papers' own notes on these amounts (a scheme list that does not add up to the summary's totals):
    # the same note objects the paper's page shows (finance.money_notes), so neither page lacks them.
    from .. import citations
    cite = citations.for_project(project)
    paper_notes = []
    for paper_id in dict.fromkeys(d.paper for d in datasets if d.paper in project.papers):
        own = set(project.papers[paper_id].notes)
        paper_notes += [{"paper": paper_id, "title": project.papers[paper_id].title,
                         "text": cite.replace(n, context=project.papers[paper_id].source)}
                        for n in money_notes(project, paper_id) if n in own]
    md = render("money_programme.md.j2", page, p=programme, headline=headline(project, programme, ctx),
                funding=funding, sections=sections, tables=tables, money=money, gap=gap, paper_notes=paper_notes,
                sentence=discrepancy_sentence)
    return OutputItem(page, md, edit="data/finance/programmes.yml")


def money_index(project, ctx=None) -> OutputItem:
    page = urls.MONEY
    rows = [{"p": p, "headline": headline(project, p, ctx), "count": len(_visible_datasets(project, p, ctx))}
            for p in project.finance.programmes]
    return OutputItem(page, render("money_index.md.j2", page, rows=rows), edit="data/finance/programmes.yml",
                         in_nav=True)


def money_pages(project, ctx) -> list[OutputItem]:
    if not project.finance.programmes:
        return []
    return [money_index(project, ctx)] + [programme_page(project, p, ctx) for p in project.finance.programmes]


# ---------------------------------------------------------------------------------------------
# Downloads


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(spreadsheet.safe_row(header))
    writer.writerows(spreadsheet.safe_row(row) for row in rows)
    return buf.getvalue()


def dataset_csv(project, programme, dataset: str) -> str:
    """One dataset, as published: the printed amount, its unit, whole pounds and the dimensions (no seed line)."""
    rows = [[programme.id, r.dataset, r.item, r.column, r.year, r.measure, r.kind, r.amount, r.unit,
             "" if r.pounds is None else str(r.pounds), *[getattr(r, d) for d in DIMENSIONS], r.note]
            for r in project.finance.dataset_rows(dataset)]
    return _csv(PUBLIC_COLUMNS, rows)


def table_downloads(project) -> dict[str, str]:
    """Paper tables whose money cells come from data/finance/, downloaded with those cells filled."""
    out = {}
    for name, (dataset, key) in sorted(project.table_finance.items()):
        if name not in project.tables:
            continue
        table = fill_table(project.tables[name], project.finance, dataset, key)
        out[urls.table_download(name)] = _csv(table.header, table.rows)
    return out


def money_downloads(project, ctx=None) -> dict[str, str]:
    """CSV downloads: site path -> content (the finance datasets, and the paper tables filled in)."""
    out = {}
    for programme in project.finance.programmes:
        for d in _visible_datasets(project, programme, ctx):
            out[urls.money_download(d.id)] = dataset_csv(project, programme, d.id)
    out.update(table_downloads(project))
    return out
