"""Load and cross-check strategy action plans and their progress updates; summarise RAG status.

Errors here would publish a wrong dashboard (an action under an objective the
aim does not have, an update for an action that does not exist); warnings are
things the published plan really says but an officer should look at
(placeholder text left in, a RAG cell left blank).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import placeholders, timescales
from .errors import ProblemLog
from .suggest import did_you_mean
from .models.strategy import Action, Aim, Plan, PlanUpdate

if TYPE_CHECKING:  # pragma: no cover
    from .project import Project

# ---------------------------------------------------------------------------------------------
# RAG status words.  Every status has a word and a symbol so that colour never carries meaning alone.

NOT_RATED = None  # an action with no entry in an update


@dataclass(frozen=True)
class Status:
    key: str        # CSS suffix and count key: r, a, g, blank, tbc, none
    word: str       # shown on the badge
    symbol: str     # shown next to the word, hidden from screen readers
    plural: str     # column heading


STATUSES = {
    "R": Status("r", "Red", "✗", "Red"),
    "A": Status("a", "Amber", "!", "Amber"),
    "G": Status("g", "Green", "✓", "Green"),
    "": Status("blank", "Blank", "○", "Blank"),
    "TBC": Status("tbc", "TBC", "?", "TBC"),
    NOT_RATED: Status("none", "Not rated", "–", "Not rated"),
}
ORDER = ("R", "A", "G", "", "TBC", NOT_RATED)   # the order of columns and of the chart
RATINGS = ("R", "A", "G")   # the ratings every plan has a list of actions for, empty or not


def status(rag: str | None) -> Status:
    return STATUSES[rag]


# ---------------------------------------------------------------------------------------------
# Loading


def load(strategy_dir: Path, log: ProblemLog) -> tuple[list[Plan], list[PlanUpdate]]:
    """Plans from strategy_dir/*.yml and updates from strategy_dir/updates/*.yml, each validated."""
    from .validate import load_yaml_model  # the shared loader (file:line:column on every problem)

    plans: list[Plan] = []
    broken: set[str] = set()   # plans whose own file has errors: their updates are not checked again
    for path in sorted(strategy_dir.glob("*.y*ml")):
        plan = load_yaml_model(path, Plan, log)
        if plan is None:
            broken.add(path.stem)
            continue
        if plan.id != path.stem:
            log.error(plan.pos_of("id"), "id", f"plan id '{plan.id}' does not match the file name '{path.name}'",
                      f"rename the file to {plan.id}.yml or set id: {path.stem}")
            broken.add(path.stem)
            continue
        _check_plan(plan, log)
        plans.append(plan)
    updates: list[PlanUpdate] = []
    for path in sorted((strategy_dir / "updates").glob("*.y*ml")):
        update = load_yaml_model(path, PlanUpdate, log)
        if update is not None:
            updates.append(update)
    _check_updates(plans, broken, updates, log)
    return plans, sorted(updates, key=lambda u: (u.plan, u.as_at))


def _check_plan(plan: Plan, log: ProblemLog) -> None:
    aims: dict = {}
    ids: dict = {}
    for aim in plan.aims:
        if aim.number in aims:
            log.error(aim.pos_of("number"), "number", f"aim number {aim.number} is used twice in plan '{plan.id}'",
                      f"aim {aim.number} is already at line {aims[aim.number].line}")
        aims.setdefault(aim.number, aim.pos_of("number"))
        numbers: dict = {}
        for objective in aim.objectives:
            if objective.number in numbers:
                log.error(objective.pos_of("number"), "number",
                          f"objective {objective.number} is numbered twice in aim {aim.number}",
                          f"objective {objective.number} is already at line {numbers[objective.number].line}")
            numbers.setdefault(objective.number, objective.pos_of("number"))
        own = {a.id for a in aim.actions}
        for action in aim.actions:
            if action.id in ids:
                log.error(action.pos_of("id"), "id", f"action id '{action.id}' is used twice in plan '{plan.id}'",
                          f"give each action its own id; '{action.id}' is already at line {ids[action.id].line}")
            ids.setdefault(action.id, action.pos_of("id"))
            if not action.objectives:
                log.error(action.pos_of("objectives"), "objectives",
                          f"action {action.id} serves no objective",
                          "list the objective numbers it serves, e.g. objectives: [1, 2]")
            missing = [n for n in action.objectives if aim.objective(n) is None]
            if missing:
                have = ", ".join(str(o.number) for o in aim.objectives) or "none"
                log.error(action.pos_of("objectives"), "objectives",
                          f"action {action.id} is attached to objective {_and(missing)}, which aim {aim.number} "
                          f"does not have", f"aim {aim.number} has objectives: {have}")
            if action.parent is not None and (action.parent not in own or action.parent == action.id):
                log.error(action.pos_of("parent"), "parent",
                          f"action {action.id} is part of '{action.parent}', which is not another action of "
                          f"aim {aim.number}")
            _check_placeholders(action, log)


def placeholder_in(text: str | None) -> str | None:
    """The placeholder words in a cell, if any ("Bronwen to add detail" -> "to add detail")."""
    m = placeholders.find(text)
    return m.group(0) if m else None


def _check_placeholders(action: Action, log: ProblemLog) -> None:
    for name in ("text", "leads", "timescale"):
        found = placeholder_in(getattr(action, name))
        if found:
            log.warn(action.pos_of(name), name,
                     f"action {action.id}: placeholder text left in the {_label(name)}: \"{getattr(action, name)}\"",
                     "replace it with the detail once it is known", code="placeholder")
    if placeholders.TBC.search(action.leads):
        log.warn(action.pos_of("leads"), "leads",
                 f"action {action.id}: the lead is still to be confirmed: \"{action.leads}\"",
                 "name the lead once it is agreed", code="placeholder")


def _label(name: str) -> str:
    return {"text": "action", "leads": "lead", "timescale": "timescale", "progress": "progress"}[name]


def check(project: "Project", log: ProblemLog) -> None:
    """Updates must name a meeting and a paper that exist."""
    for update in project.plan_updates:
        if update.meeting and project.meeting(update.meeting) is None:
            log.missing(update.pos_of("meeting"), "meeting", f"meeting:{update.meeting}",
                        f"no meeting on {update.meeting} in data/meetings/",
                        did_you_mean(str(update.meeting), [m.id for m in project.meetings])
                        or "check the date, or add the meeting file")
        if update.paper and update.paper not in project.papers:
            log.missing(update.pos_of("paper"), "paper", f"paper:{update.paper}",
                        f"paper '{update.paper}' is not in content/papers/",
                        did_you_mean(update.paper, project.papers)
                        or f"create content/papers/{update.paper}.md or fix the id")


def _check_updates(plans: list[Plan], broken: set[str], updates: list[PlanUpdate], log: ProblemLog) -> None:
    """Updates must name a plan and its actions; blank RAG and placeholders are warnings."""
    by_id = {p.id: p for p in plans}
    seen: dict = {}
    for update in updates:
        plan = by_id.get(update.plan)
        if plan is None:
            if update.plan in broken:
                continue  # the plan file's own errors are already reported
            known = ", ".join(sorted(by_id)) or "none"
            log.error(update.pos_of("plan"), "plan", f"no action plan with id '{update.plan}' in data/strategy/",
                      (did_you_mean(update.plan, by_id) + " " if did_you_mean(update.plan, by_id) else "")
                      + f"plans: {known}")
            continue
        key = (update.plan, update.as_at)
        if key in seen:
            log.error(update.pos_of("as_at"), "as_at",
                      f"plan '{update.plan}' already has an update as at {update.as_at} ({seen[key]})")
        seen.setdefault(key, update.src.file)
        ids = {a.id for a in plan.actions()}
        for action_id, entry in update.actions.items():
            if action_id not in ids:
                log.error(entry.src, f"actions.{action_id}",
                          f"plan '{plan.id}' has no action '{action_id}'",
                          "check the id against the plan file; write ids in quotes, e.g. \"1.10\"")
                continue
            if entry.rag == "":
                log.warn(entry.pos_of("rag"), f"actions.{action_id}.rag",
                         f"action {action_id} has a blank RAG status",
                         "record the RAG given in the source; leave it blank only if the source does",
                         code="rag-blank")
            found = placeholder_in(entry.progress)
            if found:
                log.warn(entry.pos_of("progress"), f"actions.{action_id}.progress",
                         f"action {action_id}: placeholder text left in the progress: \"{entry.progress}\"",
                         "replace it with the progress once it is reported", code="placeholder")


def _and(numbers: list) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# ---------------------------------------------------------------------------------------------
# Summaries for the pages (pure functions of the loaded models)


class HasUpdates(Protocol):
    """What updates_for reads: a project, its public view, or the update files alone (``Updates``)."""

    @property
    def plan_updates(self) -> list[Any]: ...


@dataclass(frozen=True)
class Updates:
    """The update files alone, for `hwbsite new update`, which has no project loaded."""

    plan_updates: list[Any]


def updates_for(project: HasUpdates, plan: Plan) -> list[PlanUpdate]:
    """A plan's state after each of its updates, oldest first.

    An update file is a set of changes: it reports the actions whose rating or progress changed
    that day, and an action it does not name keeps its latest entry (``rated_on`` says when that
    was reported). So `hwbsite new update` can write only the actions being updated."""
    state: dict = {}
    rated: dict = {}
    out = []
    for update in sorted((u for u in project.plan_updates if u.plan == plan.id), key=lambda u: u.as_at):
        for action_id, entry in update.actions.items():
            state[action_id], rated[action_id] = entry, update.as_at
        merged = update.model_copy(update={"actions": dict(state)})
        merged._rated_on = dict(rated)
        out.append(merged)
    return out


def rated_on(update: PlanUpdate | None, action: Action) -> dt.date | None:
    """When the action's entry in ``update`` (a state from updates_for) was reported."""
    return update._rated_on.get(action.id) if update is not None else None


def rag_of(update: PlanUpdate | None, action: Action) -> str | None:
    """The action's RAG in an update; None (not rated) when the update has no entry for it."""
    if update is None:
        return NOT_RATED
    entry = update.actions.get(action.id)
    return entry.rag if entry is not None else NOT_RATED


@dataclass
class AimSummary:
    aim: Aim
    counts: Counter = field(default_factory=Counter)   # RAG value (or None) -> number of actions
    overdue: int = 0

    @property
    def total(self) -> int:
        return len(self.aim.actions)

    def count(self, rag) -> int:
        return self.counts.get(rag, 0)


def is_overdue(action: Action, update: PlanUpdate | None) -> bool:
    """Due (by its parsed timescale) before the update's date, and not rated Green in it."""
    if update is None:
        return False
    return timescales.parse(action.timescale).overdue(update.as_at) and rag_of(update, action) != "G"


def overdue_reason(action: Action, update: PlanUpdate | None) -> str:
    """Why this site flags an action as past its timescale, in words; "" when it does not.

    The flag is worked out here, not published by the board: it never replaces the published RAG,
    and it quotes what the update says about the action so that a reader can judge the two.
    """
    if not is_overdue(action, update):
        return ""
    from .dates import short_date
    ts = timescales.parse(action.timescale)
    entry = update.actions.get(action.id)
    rag = rag_of(update, action)
    rated = {None: "does not rate it", "": "leaves its RAG blank", "TBC": "rates it TBC"}.get(
        rag, f"rates it {status(rag).word}")
    text = (f"timescale \"{ts.text}\" ended on {short_date(ts.due)}, before this update of "
            f"{short_date(update.as_at)}, which {rated}")
    if entry is None:
        return text + " and does not mention the action."
    if not entry.progress:
        return text + " and gives no progress for it."
    words = entry.progress if len(entry.progress) <= 120 else entry.progress[:117].rsplit(" ", 1)[0] + " …"
    return text + f"; its progress text says: \u201c{words}\u201d"


def summarise(aim: Aim, update: PlanUpdate | None) -> AimSummary:
    summary = AimSummary(aim)
    for action in aim.actions:
        summary.counts[rag_of(update, action)] += 1
        summary.overdue += is_overdue(action, update)
    return summary


def latest(updates: list[PlanUpdate], on_or_before: dt.date | None = None) -> PlanUpdate | None:
    chosen = [u for u in updates if on_or_before is None or u.as_at <= on_or_before]
    return chosen[-1] if chosen else None
