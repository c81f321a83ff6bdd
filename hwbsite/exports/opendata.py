"""Open data: every dataset the site publishes, as CSV and JSON, described by one Frictionless
Data Package (data/datapackage.json), and the Data page that explains and links them.

Each dataset is declared once (fields with types and descriptions, keys) next to the function
that makes its rows, so the CSV, the JSON and the package cannot disagree.  Values are as
published: figures keep the text the papers printed beside the parsed number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field


from .. import citations, lifecycle, provenance, records, urls
from ..finance import fill_table, reconcile
from .. import patterns, spreadsheet
from ..outputitem import OutputItem
from . import addresses, clean

if TYPE_CHECKING:  # pragma: no cover
    from ..boardrecords import BoardRecords

DIR = "data"
PAGE = "data/index.md"
PACKAGE = f"{DIR}/datapackage.json"
OGL = {"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
       "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}


@dataclass(frozen=True)
class Field:
    name: str
    type: str            # Frictionless Table Schema type: string, integer, number, date, boolean
    description: str


@dataclass
class Dataset:
    name: str
    title: str
    description: str
    fields: list[Field]
    rows: list[dict]
    primary_key: list[str]
    foreign_keys: list[dict] = field(default_factory=list)
    csv_path: str = ""

    def __post_init__(self):
        self.csv_path = self.csv_path or f"{self.name}.csv"


def _f(name, type_, description):
    return Field(name, type_, description)


def _fk(fields, resource, ref_fields):
    fields, ref_fields = ([fields] if isinstance(fields, str) else fields), (
        [ref_fields] if isinstance(ref_fields, str) else ref_fields)
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields}}


def _person_id(project, name):
    person = project.person_named(name)
    return person.id if person else None


def _words(values) -> str:
    return " ".join(values)


def meetings(project, site_url) -> Dataset:
    stages = {m.id: lifecycle.stage_of(project, m) for m in project.meetings}
    rows = [{"id": m.id, "date": m.date, "time": m.time, "venue": m.venue, "title": m.title or project.board.name,
             "status": stages[m.id].state, "status_text": stages[m.id].sentence, "moved_to": m.moved_to,
             "note": m.note,
             "agenda_published": m.agenda.published if m.agenda else None,
             "minutes_status": m.minutes.status if m.minutes else None,
             "minutes_approved_on": m.minutes.approved_on if m.minutes else None,
             "page": addresses.page(site_url, urls.meeting(m.id))} for m in project.meetings]
    return Dataset("meetings", "Meetings", "Every board meeting: when, where and what state it is in.", [
        _f("id", "string", "Meeting id: its date as first arranged (YYYY-MM-DD)"),
        _f("date", "date", "Date of the meeting"),
        _f("time", "string", "Start time, 24-hour HH:MM, Europe/London; empty when the papers give none"),
        _f("venue", "string", "Where the meeting is held, as published"),
        _f("title", "string", "Name of the meeting"),
        _f("status", "string", "The meeting's state on the day the site was built, from its date and the "
           "papers: announced (no agenda yet), agenda-published, passed-unrecorded (the date has passed "
           "and no paper records the meeting as held), held, cancelled or moved"),
        _f("status_text", "string", "The same state in words, with the evidence, as the meeting's page says it"),
        _f("moved_to", "date", "For a moved meeting, its new date"),
        _f("note", "string", "Why a meeting was cancelled or moved, as published"),
        _f("agenda_published", "date", "Date the agenda was published"),
        _f("minutes_status", "string", "draft, published or approved; empty when there are no minutes"),
        _f("minutes_approved_on", "date", "Date the board approved the minutes as a correct record"),
        _f("page", "string", "Address of the meeting's page"),
    ], rows, ["id"])


def agenda_items(project) -> Dataset:
    rows = []
    where = provenance.for_project(project)   # an item's papers are those its pack prints
    for m in project.meetings:
        if not m.agenda:
            continue
        position = [0]

        def walk(items, parent):
            for item in items:
                position[0] += 1
                rows.append({"meeting": m.id, "number": item.number, "position": position[0],
                    "parent": parent, "section": item.section,
                    "title": item.title, "presenter": item.presenter, "pages": item.pages,
                    "exempt": item.exempt is not None,
                    "exempt_paragraph": item.exempt.paragraph if item.exempt else None,
                    "papers": _words(where.printed_under(m, item)), "topics": _words(item.topics),
                    "minutes_of": item.minutes_of.isoformat() if item.minutes_of else None})
                walk(item.items, item.number)
        walk(m.agenda.items, None)
    return Dataset("agenda_items", "Agenda items", "Every item on every published agenda, in agenda order. "
                   "Business taken in private shows only its title and the paragraph of Schedule 12A to the "
                   "Local Government Act 1972 that applies.", [
        _f("meeting", "string", "Meeting id (meetings.id)"),
        _f("number", "string", "Item number as printed, e.g. 5 or 15A"),
        _f("position", "integer", "Order on the agenda, from 1"),
        _f("parent", "string", "Number of the item this is a sub-item of"),
        _f("section", "string", "Agenda section heading"),
        _f("title", "string", "Title of the item"),
        _f("presenter", "string", "Who presents it, as printed"),
        _f("pages", "string", "Pages of the agenda pack"),
        _f("exempt", "boolean", "True when the item is taken in private"),
        _f("exempt_paragraph", "integer", "Paragraph (1-7) of Schedule 12A that makes it exempt"),
        _f("papers", "string", "Ids of the papers for this item (papers.id), space-separated"),
        _f("topics", "string", "Topic slugs, space-separated"),
        _f("minutes_of", "string", "For a minutes item, the meeting whose minutes it approves (meetings.id)"),
    ], rows, ["meeting", "number"], [_fk("meeting", "meetings", "id")])


def papers(project, site_url) -> Dataset:
    where = provenance.for_project(project)   # the one record of where each paper was published
    rows = [{"id": p.id, "title": p.title, "type": p.type,
             "meeting": where[p.id].pack.id if where[p.id].pack else None,
             "item": where[p.id].item.number if where[p.id].item else None,
             "published_in": where[p.id].text, "appendix_of": p.appendix_of, "date": p.date, "organisation": p.organisation,
             "directorate": p.directorate, "status": p.status, "topics": _words(p.topics),
             "summary": p.summary, "authors": "; ".join(a.name for a in p.authors),
             "page": addresses.page(site_url, urls.paper(p.id))}
            for p in sorted(project.papers.values(), key=lambda p: p.id)]
    known = {p.id for p in project.papers.values()}
    for row in rows:   # an appendix of a paper that is not published names no paper here
        if row["appendix_of"] not in known:
            row["appendix_of"] = None
    return Dataset("papers", "Papers", "Every published paper: reports, briefings, appendices and plans.", [
        _f("id", "string", "Paper id, permanent"),
        _f("title", "string", "Title as printed"),
        _f("type", "string", "report, briefing, appendix, presentation, plan, ..."),
        _f("meeting", "string", "Meeting whose agenda pack printed the paper (meetings.id); empty for a "
           "document published separately, not in an agenda pack"),
        _f("item", "string", "Agenda item that lists it at that meeting"),
        _f("published_in", "string", "Where the paper was published, in words, as its page says"),
        _f("appendix_of", "string", "The paper this is an appendix of (papers.id)"),
        _f("date", "date", "Date printed on the paper"),
        _f("organisation", "string", "Organisation that wrote it"),
        _f("directorate", "string", "Directorate or team"),
        _f("status", "string", "draft, final or signed, as printed on the paper"),
        _f("topics", "string", "Topic slugs, space-separated"),
        _f("summary", "string", "Summary (Markdown)"),
        _f("authors", "string", "Authors' names, separated by '; '"),
        _f("page", "string", "Address of the paper's page"),
    ], rows, ["id"], [_fk("meeting", "meetings", "id"), _fk("appendix_of", "papers", "id")])


def decisions(project, site_url) -> Dataset:
    rows = [{"id": d.id, "meeting": d.meeting.id, "minute": d.minute.number, "minute_title": d.minute.title,
             "resolution": d.resolution.number, "text": d.resolution.text, "topics": _words(d.topics),
             "page": addresses.page(site_url, d.page, d.anchor)}
            for d in sorted(records.decisions(project), key=lambda d: (d.meeting.date, d.minute.number, d.anchor))]
    return Dataset("decisions", "Decisions", "Every resolution in the published minutes.", [
        _f("id", "string", "Decision id: meeting id and the resolution's anchor on the meeting page"),
        _f("meeting", "string", "Meeting that decided (meetings.id)"),
        _f("minute", "integer", "Minute number"),
        _f("minute_title", "string", "Title of the minute"),
        _f("resolution", "integer", "Resolution number within the minute, when numbered"),
        _f("text", "string", "The resolution as minuted (Markdown)"),
        _f("topics", "string", "Topic slugs, space-separated"),
        _f("page", "string", "Address of the decision on the meeting page"),
    ], rows, ["id"], [_fk("meeting", "meetings", "id")])


def actions(project) -> Dataset:
    rows = [{"id": f"{a.meeting.id}-{a.anchor}", "meeting": a.meeting.id, "minute": a.minute.number,
             "resolution": a.action.resolution, "owner": a.action.owner,
             "person": _person_id(project, a.action.owner), "text": a.action.text, "status": a.action.status,
             "due": a.action.due}
            for a in sorted(records.actions(project), key=lambda a: (a.meeting.date, a.minute.number, a.anchor))]
    return Dataset("actions", "Actions", "Every action recorded in the published minutes.", [
        _f("id", "string", "Action id: meeting id and the action's anchor on the meeting page"),
        _f("meeting", "string", "Meeting that recorded it (meetings.id)"),
        _f("minute", "integer", "Minute number"),
        _f("resolution", "integer", "Resolution it follows, when the minutes say"),
        _f("owner", "string", "Who owns it, as minuted"),
        _f("person", "string", "The owner's person id (people.id), when known"),
        _f("text", "string", "The action (Markdown)"),
        _f("status", "string", "open, done or unknown"),
        _f("due", "date", "Due date"),
    ], rows, ["id"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def attendance(project) -> Dataset:
    rows = []
    for m in project.meetings:
        if not m.minutes:
            continue
        att = m.minutes.attendance
        entries = [(category, entry) for category, _label in att.CATEGORIES for entry in getattr(att, category)]
        for position, (category, entry) in enumerate(entries, start=1):
            rows.append({"meeting": m.id, "position": position,
                         "category": category, "name": entry.name, "person": _person_id(project, entry.name),
                         "role": entry.role, "chair": entry.chair, "representing": entry.representing})
    return Dataset("attendance", "Attendance", "Who attended each meeting, in what capacity, and who sent apologies, "
                   "as the minutes record.", [
        _f("meeting", "string", "Meeting id (meetings.id)"),
        _f("position", "integer", "Order in the minutes' attendance list, from 1"),
        _f("category", "string", "present, report_presenters, officers, observers or apologies"),
        _f("name", "string", "Name as minuted"),
        _f("person", "string", "Person id (people.id), when known"),
        _f("role", "string", "Role as minuted"),
        _f("chair", "boolean", "True for whoever was in the Chair"),
        _f("representing", "string", "The member this person attended for, as minuted"),
    ], rows, ["meeting", "position"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def declarations(project) -> Dataset:
    rows = []
    for m in project.meetings:
        decls = m.minutes.declarations if m.minutes else None
        for i, d in enumerate(decls.entries if decls else [], start=1):
            rows.append({"meeting": m.id, "position": i, "name": d.name, "person": _person_id(project, d.name),
                         "item": d.item, "interest": d.interest, "kind": d.kind})
    return Dataset("declarations", "Declarations of interest", "Interests declared at each meeting, as minuted.", [
        _f("meeting", "string", "Meeting id (meetings.id)"),
        _f("position", "integer", "Order in the minutes, from 1"),
        _f("name", "string", "Name as minuted"),
        _f("person", "string", "Person id (people.id), when known"),
        _f("item", "string", "Agenda item number the interest relates to"),
        _f("interest", "string", "The interest declared"),
        _f("kind", "string", "Kind of interest, when minuted"),
    ], rows, ["meeting", "position"], [_fk("meeting", "meetings", "id"), _fk("person", "people", "id")])


def people(project, site_url) -> Dataset:
    rows = [{"id": p.id, "name": p.name, "aliases": "; ".join(p.aliases),
             "page": addresses.page(site_url, urls.person(p.id))} for p in sorted(project.people, key=lambda p: p.id)]
    return Dataset("people", "People", "People named in the papers, with the other spellings the papers use.", [
        _f("id", "string", "Person id, permanent"),
        _f("name", "string", "Name"),
        _f("aliases", "string", "Other spellings in the papers, separated by '; '"),
        _f("page", "string", "Address of the person's page"),
    ], rows, ["id"])


def roles(project) -> Dataset:
    rows = [{"person": p.id, "position": i, "title": r.title, "organisation": r.organisation,
             "start": r.start, "end": r.end}
            for p in sorted(project.people, key=lambda p: p.id) for i, r in enumerate(p.roles, start=1)]
    return Dataset("roles", "Roles", "The roles people hold, with dates when the papers give them. "
                   "A person with no roles has no row.", [
        _f("person", "string", "Person id (people.id)"),
        _f("position", "integer", "Order in the person's record, from 1"),
        _f("title", "string", "Role title"),
        _f("organisation", "string", "Organisation"),
        _f("start", "date", "Held from"),
        _f("end", "date", "Held until"),
    ], rows, ["person", "position"], [_fk("person", "people", "id")])


def strategy_actions(project) -> Dataset:
    rows = [{"plan": plan.id, "id": a.id, "aim": aim.number, "aim_title": aim.title,
             "objectives": " ".join(str(o) for o in a.objectives), "parent": a.parent, "text": a.text,
             "leads": a.leads, "timescale": a.timescale, "due": a.due}
            for plan in project.plans for aim in plan.aims for a in aim.actions]
    return Dataset("strategy_actions", "Strategy actions", "The actions of the health and wellbeing strategy's "
                   "action plan, as published.", [
        _f("plan", "string", "Action plan id"),
        _f("id", "string", "Action number as published, e.g. 1.01"),
        _f("aim", "integer", "Aim number"),
        _f("aim_title", "string", "Aim title"),
        _f("objectives", "string", "Objective numbers it serves, space-separated"),
        _f("parent", "string", "For a lettered sub-action, the action it belongs to"),
        _f("text", "string", "The action"),
        _f("leads", "string", "Leads, as published"),
        _f("timescale", "string", "Timescale, as published"),
        _f("due", "date", "Due date read from the timescale, when it gives one"),
    ], rows, ["plan", "id"])


def strategy_rag(project) -> Dataset:
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
                   "strategy action: its red/amber/green rating and progress text as reported on that date.", [
        _f("plan", "string", "Action plan id (strategy_actions.plan)"),
        _f("action", "string", "Action number (strategy_actions.id)"),
        _f("as_at", "date", "Date of the progress report"),
        _f("meeting", "string", "Meeting it was reported to (meetings.id)"),
        _f("paper", "string", "Paper it was published in (papers.id)"),
        _f("rag", "string", "R, A or G; TBC as written; empty where the source left the cell blank"),
        _f("progress", "string", "Progress as reported"),
    ], rows, ["plan", "action", "as_at"], [_fk(["plan", "action"], "strategy_actions", ["plan", "id"]),
                                          _fk("meeting", "meetings", "id"), _fk("paper", "papers", "id")])


def metrics(project) -> Dataset:
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


def metric_values(project) -> Dataset:
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


def money_description(project: "BoardRecords") -> str:
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


def money(project: "BoardRecords") -> Dataset:
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


_NAME = patterns.compile("exports.opendata.name", r"[^a-z0-9._-]+")


def paper_tables(project) -> list[Dataset]:
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


def datasets(project, site_url) -> list[Dataset]:
    return [meetings(project, site_url), agenda_items(project), papers(project, site_url),
            decisions(project, site_url), actions(project), attendance(project), declarations(project),
            people(project, site_url), roles(project), strategy_actions(project), strategy_rag(project),
            metrics(project), metric_values(project), money(project), *paper_tables(project)]


def _cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else clean(value) if isinstance(value, str) else value


def _csv(ds: Dataset) -> str:
    # The csv module, not pandas: the same bytes (minimal quoting, "\n" lines), and the build does
    # not import pandas for it.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(spreadsheet.safe_row(f.name for f in ds.fields))
    for row in ds.rows:
        # text columns only (the schema's type): a negative figure in a number column stays a number
        writer.writerow([spreadsheet.safe_cell(cell) if f.type == "string" else cell
                         for f in ds.fields for cell in [_csv_cell(_cell(row.get(f.name)))]])
    return buffer.getvalue()


def _csv_cell(value):
    # pandas wrote a missing number (NaN) as an empty cell
    return "" if isinstance(value, float) and value != value else value


def _json(ds: Dataset) -> str:
    def value(f, raw):
        if raw is None or raw == "" and f.type != "string":
            return None
        if isinstance(raw, dt.date):
            return raw.isoformat()
        return clean(raw) if isinstance(raw, str) else raw
    records_ = [{f.name: value(f, row.get(f.name)) for f in ds.fields} for row in ds.rows]
    return json.dumps(records_, ensure_ascii=False, indent=1) + "\n"


def licence(board) -> dict:
    """The data package's licence: the board's (data/board.yml licence:), the OGL v3.0 by default."""
    lic = board.licence
    if lic.url.rstrip("/") == OGL["path"].rstrip("/"):
        return OGL
    return {"name": _NAME.sub("-", lic.name.lower()).strip("-") or "licence", "title": clean(lic.name),
            "path": lic.url}


def package(project, site_url, sets: list[Dataset]) -> dict:
    resources = []
    for ds in sets:
        schema = {"fields": [{"name": f.name, "type": f.type, "description": f.description} for f in ds.fields]}
        if ds.primary_key:
            schema["primaryKey"] = ds.primary_key
        if ds.foreign_keys:
            schema["foreignKeys"] = ds.foreign_keys
        resources.append({"name": ds.name, "title": ds.title, "description": ds.description,
                          "path": ds.csv_path, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "profile": "tabular-data-resource", "schema": schema})
    return {"profile": "tabular-data-package",
            "name": _NAME.sub("-", (project.board.short_name or project.board.name).lower()).strip("-"),
            "title": clean(f"{project.board.name}: open data"),
            "description": clean(f"Meetings, papers, decisions, people and figures published by the "
                                 f"{project.board.name}, from the data its website is built from. "
                                 + spreadsheet.NOTE),
            "homepage": addresses.page(site_url, PAGE),
            "licenses": [licence(project.board)],
            "resources": resources}


def opendata_files(project, ctx, site_url: str) -> list:
    sets = datasets(project, site_url)
    # Line references ("000 lines 4839") are for officers: published data cites the pack instead.
    cites = citations.for_project(project)
    for ds in sets:
        ds.rows = [{k: cites.replace(v) if isinstance(v, str) and citations.has_line_reference(v) else v
                    for k, v in row.items()} for row in ds.rows]
    files: list = []
    for ds in sets:
        files.append(OutputItem(f"{DIR}/{ds.csv_path}", _csv(ds)))
        files.append(OutputItem(f"{DIR}/{ds.csv_path.removesuffix('.csv')}.json", _json(ds)))
    files.append(OutputItem(PACKAGE, json.dumps(package(project, site_url, sets), ensure_ascii=False, indent=1) + "\n"))
    files.append(data_page(project, sets))
    return files


def data_page(project, sets: list[Dataset]) -> OutputItem:
    from .. import markup
    lic = licence(project.board)
    lic_text = f"[{lic['title']}]({lic['path']})" if "path" in lic else markup.text(lic["title"])
    lines = ["# Open data", "",
             "Everything this site publishes is also here as data, to download and reuse: "
             "each dataset as CSV (for spreadsheets) and JSON (for programs), described by one "
             "[Frictionless Data Package](datapackage.json) that gives every column's type and meaning "
             "and how the datasets link to each other.", "",
             f"Licence: {lic_text}.", "",
             "The figures are exactly as the papers printed them. Business taken in private, drafts and "
             "embargoed papers are not included.", "",
             "Also available: the [meetings calendar](../calendar.ics), the [Atom feed](../feed.xml) "
             "and an [OParl 1.1 interface](../oparl/system.json), the open standard council information "
             "systems use to exchange meetings, papers and people.", ""]
    for ds in sets:
        if ds.name.startswith("table-"):
            continue
        base = ds.csv_path.removesuffix(".csv")
        lines += [f"## {markup.text(ds.title)} {{#{ds.name}}}", "", markup.text(ds.description), "",
                  f"[CSV]({base}.csv) · [JSON]({base}.json) · " + (
                      f"{len(ds.rows)} row{'' if len(ds.rows) == 1 else 's'}" if ds.rows
                      else "no rows (the files hold the column headings only)"), ""]
        lines += ["| Column | Type | Meaning |", "|---|---|---|"]
        lines += [f"| `{f.name}` | {f.type} | {markup.cell(f.description)} |" for f in ds.fields]
        lines.append("")
    tables = [ds for ds in sets if ds.name.startswith("table-")]
    if tables:
        lines += ["## Tables of figures from the papers {#tables}", "",
                  "Each table printed in a published paper, cell by cell as printed.", ""]
        lines += [f"- {markup.text(ds.csv_path.removeprefix('tables/').removesuffix('.csv'))}: "
                  f"[CSV]({ds.csv_path}) · [JSON]({ds.csv_path.removesuffix('.csv')}.json)" for ds in tables]
        lines.append("")
    return OutputItem(PAGE, "\n".join(lines))
