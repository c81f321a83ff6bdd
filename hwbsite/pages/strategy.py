"""The strategy dashboard: an overview of every aim's RAG status, and one page per aim."""

from __future__ import annotations

from typing import TYPE_CHECKING

import html
from dataclasses import dataclass, field

from markupsafe import Markup

from .. import citations, dates, markup, patterns, strategy, timescales, urls
from ..publication import minutes_in_full
from ..outputitem import OutputItem
from ..render import render
from . import links

if TYPE_CHECKING:  # pragma: no cover
    from ..boardrecords import BoardRecords


def badge(rag, target: str | None = None, action_id: str | None = None) -> Markup:
    """A RAG status as a badge: its word and a symbol, never colour alone; a Markdown link to its
    action when ``target`` (a link from the page, see action_target) is given."""
    s = strategy.status(rag)
    inner = Markup(f'{html.escape(s.word)} <span aria-hidden="true">{s.symbol}</span>')
    if target:
        label = {"aria_label": f"Action {action_id}: {s.word}"} if action_id else {}
        return markup.link(inner, target, ("hwb-rag", f"hwb-rag--{s.key}"), **label)
    return Markup(f'<span class="hwb-rag hwb-rag--{s.key}">{inner}</span>')


def action_target(plan_id: str, aim_number: int, action_id: str, page: str) -> str:
    """A Markdown link target from ``page`` to an action's card on its aim page."""
    target = urls.aim(plan_id, aim_number)
    anchor = "#" + urls.strategy_action_anchor(action_id)
    return anchor if target == page else urls.relative(page, target) + anchor


# Where one name ends in a list of leads: "Ann Example, Council & Jo Smith (CCG) / Public Health". The
# separators carry no leading run of space (each chunk is stripped): a pattern that opens with one is
# tried from every space of a run and reads the rest of the run each time, quadratic in its length.
_NAME_SEPARATORS = patterns.compile("pages.strategy.name_separators", r"(?:&|/|;|\band\b|\(|\))")
_NAME_END = patterns.compile("pages.strategy.name_end", r"(?:,| - )")
_BLANK_LINE = patterns.compile("pages.strategy.blank_line", r"\n\s*\n")


def _linked_names(project, text: str | None, page: str) -> Markup:
    """Published text ("A. Name, Example Council"), with each person we know linked to their page."""
    if not text:
        return Markup("")
    names = []
    for chunk in _NAME_SEPARATORS.split(text):
        name = _NAME_END.split(chunk.strip())[0].strip()
        if name and project.person_named(name) is not None:
            names.append(name)
    return links.names_in(project, text, names, page)


def summary_words(summary: strategy.AimSummary) -> str:
    """'10 actions: 1 Red, 7 Amber, 1 Green, 1 Blank' (statuses with no actions left out)."""
    parts = [f"{summary.count(rag)} {strategy.status(rag).word}" for rag in strategy.ORDER if summary.count(rag)]
    total = f"{summary.total} action{'s' if summary.total != 1 else ''}"
    return total + (": " + ", ".join(parts) if parts else "")


def chart(summaries: list[strategy.AimSummary], caption: str, units: dict | None = None) -> Markup:
    """RAG mix per aim: one block per action, each with its status symbol; the words say the same.

    With ``units`` (aim number -> [(rag, link target, action id)] in RAG order) each block is a link to its action."""
    # With links, md_in_html must parse down to the bars (each element that holds one says markdown)
    md = " markdown" if units is not None else ""
    out = [f'<div class="hwb-rag-chart"{md}>', f'<p class="hwb-rag-chart__caption"><strong>{html.escape(caption)}</strong></p>',
           '<p class="hwb-rag-chart__key">Key: ' + " ".join(
               f'<span class="hwb-rag-unit hwb-rag--{s.key}" aria-hidden="true">{s.symbol}</span> {html.escape(s.word)}'
               for s in (strategy.status(r) for r in strategy.ORDER)) + "</p>"]
    for summary in summaries:
        label = f"Aim {summary.aim.number}: {summary_words(summary)}"
        if units is not None:
            # Markdown links (md_in_html parses the bar as one line), so the engine resolves them
            blocks = "".join(
                markup.link(strategy.status(rag).symbol, target, ("hwb-rag-unit", f"hwb-rag--{strategy.status(rag).key}"),
                            aria_label=f"Action {aid}: {strategy.status(rag).word}")
                for rag, target, aid in units.get(summary.aim.number, []))
            bar = f'<div class="hwb-rag-chart__bar" markdown="span">{blocks}</div>'
        else:
            blocks = "".join(
                f'<span class="hwb-rag-unit hwb-rag--{strategy.status(rag).key}">{strategy.status(rag).symbol}</span>'
                * summary.count(rag) for rag in strategy.ORDER)
            bar = f'<div class="hwb-rag-chart__bar" aria-hidden="true">{blocks}</div>'
        out += [f'<div class="hwb-rag-chart__row"{md}>',
                f'<p class="hwb-rag-chart__label">{html.escape(label)}</p>',
                bar,
                "</div>"]
    out.append("</div>")
    return Markup("\n".join(out))


@dataclass
class ActionRow:
    action: object
    rag: object
    badge: Markup
    leads: Markup
    timescale: timescales.Timescale
    progress: str | None          # None: not in the update; "": left blank
    overdue: bool
    overdue_reason: str = ""      # worked out by this site; shown beside the published RAG, never instead
    notes: list = field(default_factory=list)   # how the source reads this row, with the ⚠ marker
    anchor: str = ""
    aim: object = None
    aim_page: str = ""
    key: str = ""                 # the status's CSS key: r, a, g, blank, tbc, none
    rated_on: object = None       # the date of the update that set this rating (None: never rated)


def action_row(project, plan, aim, action, update, page) -> ActionRow:
    """One action as every action view shows it: its RAG badge links to its card on the aim page."""
    rag = strategy.rag_of(update, action)
    entry = update.actions.get(action.id) if update else None
    return ActionRow(
        action=action, rag=rag, badge=badge(rag, action_target(plan.id, aim.number, action.id, page), action.id),
        leads=_linked_names(project, action.leads, page), timescale=timescales.parse(action.timescale),
        progress=entry.progress if entry is not None else None, rated_on=strategy.rated_on(update, action),
        overdue=strategy.is_overdue(action, update),
        overdue_reason=strategy.overdue_reason(action, update),
        anchor=urls.strategy_action_anchor(action.id), aim=aim, aim_page=urls.aim(plan.id, aim.number),
        key=strategy.status(rag).key)


@dataclass
class ActionGroup:
    objectives: list
    anchor: str
    heading: str
    rows: list = field(default_factory=list)


def _objective_words(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"objective {words[0]}"
    return "objectives " + ", ".join(words[:-1]) + " and " + words[-1]


def _groups(project, plan, aim, update, page) -> list[ActionGroup]:
    """Actions grouped by the objectives they serve, in the order the plan lists them."""
    groups: dict[tuple, ActionGroup] = {}
    for action in aim.actions:
        key = tuple(sorted(set(action.objectives)))
        if key not in groups:
            groups[key] = ActionGroup([o for n in key if (o := aim.objective(n))],
                                      "actions-" + "-".join(str(n) for n in key),
                                      "Actions for " + _objective_words(list(key)))
        groups[key].rows.append(action_row(project, plan, aim, action, update, page))
    return list(groups.values())


def _discussed(project, aim_number: int, ctx) -> list[dict]:
    """Agenda items and minutes tagged with this aim, oldest meeting first (exempt business left out)."""
    found = []
    for meeting in project.meetings:
        if meeting.agenda:
            for item in meeting.agenda.walk():
                if aim_number in item.aims:
                    found.append({"meeting": meeting, "what": f"agenda item {item.number}", "title": item.title,
                                  "page": urls.meeting(meeting.id), "anchor": item.anchor})
        for minute in minutes_in_full(meeting):
            if aim_number in minute.aims:
                found.append({"meeting": meeting, "what": f"minute {minute.number}", "title": minute.title,
                              "page": urls.meeting(meeting.id), "anchor": minute.anchor})
    return found


def _papers(project, aim_number: int, ctx) -> list:
    papers = [p for p in project.papers.values() if aim_number in p.aims]
    return sorted(papers, key=lambda p: (str(p.meeting or p.date or ""), p.id))


def _update_view(project, update, ctx) -> dict | None:
    if update is None:
        return None
    meeting = project.meeting(update.meeting) if update.meeting else None
    paper = project.papers.get(update.paper) if update.paper else None
    return {"u": update, "meeting": meeting, "paper": paper}


def _change(before, after) -> str:
    if before == after:
        return "No change"
    return f"{strategy.status(before).word} to {strategy.status(after).word}"


def _history(aim, updates) -> list[dict]:
    rows = []
    for action in aim.actions:
        rags = [strategy.rag_of(u, action) for u in updates]
        target = "#" + urls.strategy_action_anchor(action.id)
        rows.append({"action": action, "badges": [badge(r, target, action.id) for r in rags],
                     "change": _change(rags[-2], rags[-1])})
    return rows


def aim_page(project, plan, aim, ctx) -> OutputItem:
    page = urls.aim(plan.id, aim.number)
    updates = strategy.updates_for(project, plan)
    update = strategy.latest(updates)
    groups = _groups(project, plan, aim, update, page)
    served = {n for a in aim.actions for n in a.objectives}
    view = {
        "plan": plan,
        "aim": aim,
        "sponsor": _linked_names(project, aim.sponsor, page),
        "lead": _linked_names(project, aim.lead, page),
        "latest": _update_view(project, update, ctx),
        "summary": summary_words(strategy.summarise(aim, update)),
        "overdue": sum(r.overdue for g in groups for r in g.rows),
        "groups": groups,
        "unserved": [o for o in aim.objectives if o.number not in served],
        "history": _history(aim, updates) if len(updates) > 1 else [],
        "updates": [_update_view(project, u, ctx) for u in updates],
        "discussed": _discussed(project, aim.number, ctx),
        "papers": _papers(project, aim.number, ctx),
        "views": action_views(project, plan, update, page)[1],
    }
    cites = citations.for_project(project)
    # notes on how the source reads: references into the plan itself are for officers
    view["notes"] = [cites.replace(n, context=plan.source) for n in aim.notes]
    for g in groups:
        for row in g.rows:
            row.notes = [cites.replace(n, context=plan.source) for n in row.action.notes]
    md = render("strategy_aim.md.j2", page, v=view, cite=cites.cite)
    return OutputItem(page, md, edit=plan.src.file, updated=update.as_at if update else None)


def overview_page(project, ctx) -> OutputItem:
    page = urls.STRATEGY
    plans = []
    for plan in project.plans:
        updates = strategy.updates_for(project, plan)
        update = strategy.latest(updates)
        summaries = [strategy.summarise(aim, update) for aim in plan.aims]
        as_at = f" as at {dates.short_date(update.as_at)}" if update else ""
        plans.append({
            "plan": plan,
            "intro": [p for p in _BLANK_LINE.split(plan.intro or "") if p.strip()],
            "latest": _update_view(project, update, ctx),
            "aims": [{"aim": s.aim, "summary": s, "page": urls.aim(plan.id, s.aim.number),
                      "sponsor": _linked_names(project, s.aim.sponsor, page),
                      "lead": _linked_names(project, s.aim.lead, page)} for s in summaries],
            "order": [(rag, strategy.status(rag)) for rag in strategy.ORDER],
            "totals": {rag: sum(s.count(rag) for s in summaries) for rag in strategy.ORDER},
            "total": sum(s.total for s in summaries),
            "overdue": sum(s.overdue for s in summaries),
            "chart": chart(summaries, f"RAG status of each aim's actions{as_at}", _units(plan, update, page)),
            "views": action_views(project, plan, update, page)[1],
            "as_at": as_at,
            "updates": [_update_view(project, u, ctx) for u in updates],
        })
    strategies = {p.strategy for p in project.plans if p.strategy}
    title = strategies.pop() if len(strategies) == 1 else "Health and wellbeing strategy"
    md = render("strategy_index.md.j2", page, plans=plans, title=title, cite=citations.for_project(project).cite)
    source = project.plans[0].src.file if len(project.plans) == 1 else None
    return OutputItem(page, md, edit=source, in_nav=True)


def _units(plan, update, page) -> dict:
    """Per aim, each action's RAG and the link to it, in the chart's order (red first)."""
    out = {}
    for aim in plan.aims:
        rows = [(strategy.rag_of(update, a), a) for a in aim.actions]
        rows.sort(key=lambda r: strategy.ORDER.index(r[0]))
        out[aim.number] = [(rag, action_target(plan.id, aim.number, a.id, page), a.id) for rag, a in rows]
    return out


# ---------------------------------------------------------------------------------------------
# Every action of a plan, as cards, and one linkable page per filter (RAG, overdue, aim, lead).
# Static pages rather than a script: each filter has its own URL and works without JavaScript.

@dataclass
class ActionView:
    key: str          # "index", "red", "overdue", "aim-2", "lead-karla-capstick"
    group: str        # "status", "overdue", "aim", "lead"
    label: str        # "Red", "Past timescale", "Aim 2", "A. Name"
    title: str        # the page's heading
    rows: list
    page: str = ""    # templates link to it with link(v.page), relative to the page they render
    empty: str = "No actions match this filter."   # what the page says when no action is in it


def _lead_people(project, action) -> list:
    found = []
    for chunk in _NAME_SEPARATORS.split(action.leads or ""):
        name = _NAME_END.split(chunk.strip())[0].strip()
        person = project.person_named(name) if name else None
        if person is not None and person not in found:
            found.append(person)
    return found


def action_views(project, plan, update, page) -> tuple[list[ActionRow], list[ActionView]]:
    """All of a plan's actions (red first) and the filtered views of them, with links from ``page``."""
    rows = []
    for aim in plan.aims:
        for action in aim.actions:
            rows.append(action_row(project, plan, aim, action, update, page))
    rows.sort(key=lambda r: (strategy.ORDER.index(r.rag), r.aim.number, plan_order(plan, r.action)))
    what = plan.title
    views = [ActionView("index", "all", "All", f"All actions: {what}", rows)]
    for rag in strategy.ORDER if plan.rag else ():
        chosen = [r for r in rows if r.rag == rag]
        # Red, amber and green always have a page, empty or not: pages link to them (the home page
        # to the red actions), and a link that breaks when the last red action turns amber would
        # stop the build in a file the officer never touched. The other statuses are listed while
        # some action has them.
        if chosen or rag in strategy.RATINGS:
            s = strategy.status(rag)
            views.append(ActionView(s.word.lower().replace(" ", "-"), "status", s.word,
                                    f"Actions rated {s.word}" if rag is not None else "Actions not rated", chosen,
                                    empty=f"No actions are {s.word.lower()} at the moment."))
    overdue = [r for r in rows if r.overdue]
    views.append(ActionView("overdue", "overdue", "Past timescale", "Actions past their timescale (worked out by this site)",
                            overdue, empty="No actions are past their timescale at the moment."))
    for aim in plan.aims:
        views.append(ActionView(f"aim-{aim.number}", "aim", f"Aim {aim.number}",
                                f"Actions for aim {aim.number}: {aim.title}",
                                [r for r in rows if r.aim is aim]))
    leads: dict[str, tuple] = {}
    for r in rows:
        for person in _lead_people(project, r.action):
            leads.setdefault(person.id, (person, []))[1].append(r)
    for pid in sorted(leads, key=lambda i: leads[i][0].name):
        person, chosen = leads[pid]
        views.append(ActionView(f"lead-{pid}", "lead", person.name, f"Actions led by {person.name}", chosen))
    for v in views:
        v.page = urls.plan_actions(plan.id, v.key)
    return rows, views


def plan_order(plan, action) -> int:
    for i, a in enumerate(a for aim in plan.aims for a in aim.actions):
        if a is action:
            return i
    return 0


def action_list_pages(project, plan, update, ctx) -> list[OutputItem]:
    """One page per filtered view of the plan's actions; the cards link back to the aim pages."""
    pages = []
    _, views = action_views(project, plan, update, urls.plan_actions(plan.id))
    for view in views:
        page = view.page
        rows, links = action_views(project, plan, update, page)
        current = next(v for v in links if v.key == view.key)
        md = render("strategy_actions.md.j2", page, plan=plan, view=current, views=links,
                    latest=_update_view(project, update, ctx),
                    groups=[(g, [v for v in links if v.group == g]) for g in ("all", "status", "overdue", "aim", "lead")])
        pages.append(OutputItem(page, md, edit=plan.src.file, updated=update.as_at if update else None))
    return pages


def strategy_pages(project: "BoardRecords", ctx) -> list[OutputItem]:
    """The overview, one page per aim and the action lists; nothing when the board has no action plan."""
    plans = project.plans
    if not plans:
        return []
    pages = [overview_page(project, ctx)]
    pages += [aim_page(project, plan, aim, ctx) for plan in plans for aim in plan.aims]
    for plan in plans:
        pages += action_list_pages(project, plan, strategy.latest(strategy.updates_for(project, plan)), ctx)
    return pages


