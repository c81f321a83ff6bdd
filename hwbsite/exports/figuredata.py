"""The open datasets of the board's figures: the strategy's actions and their RAG ratings, metrics
and their values, money, and each table of figures printed in a paper, each declared next to the
function that makes its rows (opendata.py publishes them). Values are as published: figures keep
the text the papers printed beside the parsed number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..finance import fill_table, reconcile
from . import clean
from .dataset import _NAME, Dataset, _f, _fk, columns

if TYPE_CHECKING:  # pragma: no cover
    from ..boardrecords import BoardRecords


def strategy_actions(project: BoardRecords) -> Dataset:
    rows = [{"plan": plan.id, "id": a.id, "aim": aim.number, "aim_title": aim.title,
             "objectives": " ".join(str(o) for o in a.objectives), "parent": a.parent, "text": a.text,
             "leads": a.leads, "timescale": a.timescale, "due": a.due}
            for plan in project.plans for aim in plan.aims for a in aim.actions]
    return Dataset("strategy_actions", "Strategy actions", "The actions of the health and wellbeing strategy's "
                   "action plan, as published.", columns("strategy_actions"), rows, ["plan", "id"])


def strategy_rag(project: BoardRecords) -> Dataset:
    rows = [{"plan": u.plan, "action": action_id, "as_at": u.as_at,
             "meeting": u.meeting.isoformat() if u.meeting else None, "paper": u.paper,
             "rag": update.rag, "progress": update.progress}
            for u in sorted(project.plan_updates, key=lambda u: (u.plan, u.as_at))
            for action_id, update in u.actions.items()]
    known_papers = {p for p in project.papers}
    known_meetings = {m.id for m in project.meetings}
    for row in rows:
        row["paper"] = row["paper"] if row["paper"] in known_papers else None
        row["meeting"] = row["meeting"] if row["meeting"] in known_meetings else None
    return Dataset("strategy_rag", "Strategy action progress (RAG history)", "Each progress report on each "
                   "strategy action: its red/amber/green rating and progress text as reported on that date.", columns("strategy_rag"), rows, ["plan", "action", "as_at"], [_fk(["plan", "action"], "strategy_actions", ["plan", "id"]),
                                          _fk("meeting", "meetings", "id"), _fk("paper", "papers", "id")])


def metrics(project: BoardRecords) -> Dataset:
    rows = [{"id": m.id, "title": m.title, "description": m.description, "unit": m.unit, "polarity": m.polarity,
             "numerator": m.definition.numerator if m.definition else None,
             "denominator": m.definition.denominator if m.definition else None,
             "population": m.definition.population if m.definition else None,
             "source": m.definition.source if m.definition else None}
            for m in sorted(project.metrics.values(), key=lambda m: m.id)]
    return Dataset("metrics", "Metric definitions", "What each measure means, its unit and which direction is better.", [
        _f("id", "string", "Metric id"),
        _f("title", "string", "Title"),
        _f("description", "string", "Description"),
        _f("unit", "string", "count, percent, per-100000, per-1000, gbp, gbp-thousands, days, weeks or score"),
        _f("polarity", "string", "lower, higher or neutral: which direction is better"),
        _f("numerator", "string", "What is counted"),
        _f("denominator", "string", "What it is divided by"),
        _f("population", "string", "Population covered"),
        _f("source", "string", "Source of the data"),
    ], rows, ["id"])


def metric_values(project: BoardRecords) -> Dataset:
    rows = [{"metric": v.metric, "period": v.period.label, "period_start": v.period.start,
             "period_end": v.period.end, "kind": v.kind, "value": v.value, "published": v.published,
             "unit": v.unit, "breakdown": v.breakdown, "numerator": v.numerator, "denominator": v.denominator,
             "ci_low": v.ci_low, "ci_high": v.ci_high,
             "covers": v.covers.label if v.covers else None,
             "covers_start": v.covers.start if v.covers else None, "covers_end": v.covers.end if v.covers else None,
             "as_of": v.as_of, "source": v.source, "note": v.note}
            for v in project.values]
    for i, row in enumerate(rows, start=1):
        row["row"] = i
    return Dataset("metric_values", "Metric values", "Every published figure of every metric, with the figure "
                   "exactly as printed and the period as written.", [
        _f("row", "integer", "Row number, from 1"),
        _f("metric", "string", "Metric id (metrics.id)"),
        _f("period", "string", "Period as written in the paper"),
        _f("period_start", "date", "First day of the period"),
        _f("period_end", "date", "Last day of the period"),
        _f("kind", "string", "actual, plan, target, baseline, forecast or threshold"),
        _f("value", "number", "The figure as a number"),
        _f("published", "string", "The figure exactly as printed"),
        _f("unit", "string", "Unit of the figure"),
        _f("breakdown", "string", "Sub-group, when the figure is for part of the population"),
        _f("numerator", "number", "Numerator, when printed"),
        _f("denominator", "number", "Denominator, when printed"),
        _f("ci_low", "number", "Lower confidence limit"),
        _f("ci_high", "number", "Upper confidence limit"),
        _f("covers", "string", "When the figure covers only part of its period, what it covers, as written "
           "(\"January 2017 - February 2017\" for a quarter's first two months); empty for the whole period"),
        _f("covers_start", "date", "First day the figure covers, when it covers only part of its period"),
        _f("covers_end", "date", "Last day the figure covers, when it covers only part of its period"),
        _f("as_of", "date", "Date the figure was reported"),
        _f("source", "string", "Source"),
        _f("note", "string", "Note, as published"),
    ], rows, ["row"], [_fk("metric", "metrics", "id")])


def money_description(project: BoardRecords) -> str:
    """What the money file holds, worked out from the data: it claims "every amount printed" only
    when no paper it transcribes prints an amount in its text that the file lacks."""
    from ..finance import untranscribed_amounts
    finance = project.finance
    papers = [project.papers[pid] for pid in dict.fromkeys(
        d.paper for p in (finance.programmes if finance else []) for d in p.datasets if d.paper)
        if pid in project.papers]
    titles = "; ".join(p.title for p in papers) or "no paper"
    missing = sum(len(v) for v in untranscribed_amounts(project).values())
    if missing:
        head = (f"The amounts of money in the money tables of {len(papers)} papers ({titles}), each exactly "
                f"as printed, with its unit and the same in whole pounds. Their running text prints "
                f"{missing} further amount{'s' if missing != 1 else ''} that this file does not hold; "
                "each paper's page gives them as printed.")
    else:
        head = (f"Every amount of money printed in {len(papers)} papers ({titles}): the amount exactly "
                "as printed, its unit, and the same in whole pounds.")
    return head + " Where a stated total's parts do not add up to it, parts_add_up_to says what they make."


def money(project: BoardRecords) -> Dataset:
    """Every published amount of money (data/finance/), as printed and in whole pounds."""
    finance = project.finance
    found = {id(d.total): d for d in reconcile(finance)}
    rows = []
    for i, r in enumerate(finance.rows, start=1):
        discrepancy = found.get(id(r))
        rows.append({
            "row": i, "dataset": r.dataset, "item": r.item, "column": r.column, "year": r.year,
            "measure": r.measure, "kind": r.kind, "over": " ".join(r.over), "published": r.amount,
            "unit": r.unit, "pounds": r.pounds, "source": r.source, "scheme": r.scheme, "code": r.code,
            "provider": r.provider, "commissioner": r.commissioner, "area": r.area, "theme": r.theme,
            "pool": r.pool, "recurrent": r.recurrent, "note": r.note,
            "parts_add_up_to": discrepancy.summed if discrepancy else None,
        })
    return Dataset("money", "Money", money_description(project), [
        _f("row", "integer", "Row number, from 1"),
        _f("dataset", "string", "The table or passage of a paper the amount is from"),
        _f("item", "string", "The row of that table (a scheme, a source, an area of spend)"),
        _f("column", "string", "The column of that table, when it has more than one"),
        _f("year", "string", "The year as printed"),
        _f("measure", "string", "What the amount is: contribution, spend, allocation, income, expenditure..."),
        _f("kind", "string", "item, or total (a total the paper states)"),
        _f("over", "string", "For a total: the dimensions its parts differ by"),
        _f("published", "string", "The amount exactly as printed"),
        _f("unit", "string", "The unit and scale as printed: £, £000, £'000, £k or £m"),
        _f("pounds", "integer", "The amount in whole pounds, after scaling"),
        _f("source", "string", "Funding source"),
        _f("scheme", "string", "Scheme"),
        _f("code", "string", "Scheme code"),
        _f("provider", "string", "Lead provider"),
        _f("commissioner", "string", "Commissioner"),
        _f("area", "string", "Area of spend"),
        _f("theme", "string", "Theme"),
        _f("pool", "string", "Pool"),
        _f("recurrent", "string", "yes, no, or blank when the paper does not say"),
        _f("note", "string", "Note, as published, or a note on an inconsistency"),
        _f("parts_add_up_to", "integer", "For a stated total that its parts do not add up to: what they make, "
                                         "in whole pounds"),
    ], rows, ["row"])



def paper_tables(project: BoardRecords) -> list[Dataset]:
    """Each published table of figures from the papers, as printed (every cell is text)."""
    out = []
    for name, table in sorted(project.tables.items()):
        if name in project.table_finance:
            # money cells are held once, in data/finance/: the published table is filled from there
            dataset, key = project.table_finance[name]
            table = fill_table(table, project.finance, dataset, key)
        labels, seen = [], set()
        for i, label in enumerate(table.header, start=1):
            label = clean(label).strip() or f"column {i}"
            while label in seen:
                label += f" ({i})"
            seen.add(label)
            labels.append(label)
        rows = [dict(zip(labels, [*row, *[""] * (len(labels) - len(row))])) for row in table.rows]
        out.append(Dataset(
            "table-" + _NAME.sub("-", table.stem.lower()).strip("-"), f"Table: {table.stem}",
            "A table of figures printed in a paper, cell by cell as printed.",
            [_f(label, "string", f"Column '{label}' as printed") for label in labels], rows, [],
            csv_path=f"tables/{table.stem}.csv"))
    return out

