"""`hwbsite new ...`: start a meeting, paper, minutes, RAG update, values file or person from a
commented template, never overwriting an officer's file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import patterns, scaffold
from .checkrun import configured_build_date
from .clioptions import DATE, root_option
from .errors import ProblemLog
from .publication import london_today

if TYPE_CHECKING:
    from .models.meetings import Meeting
from .skeletons import MINUTES_NOTE, date_of, list_paper_on_item, meeting_skeleton, paper_skeleton, previous_meeting, quote


_ISO_START = patterns.compile("newcommands.iso_start", r"\d{4}-")


_SLUG = patterns.compile("newcommands.slug", r"^[a-z0-9]++(?:-[a-z0-9]++)*+$")


@click.group()
def new() -> None:
    """Start a new meeting or paper from a commented template."""


_M = TypeVar("_M")


def _load_model(root: Path, path: Path, model_cls: type[_M]) -> _M:
    from .validate import load_yaml_model
    log = ProblemLog(root)
    obj: _M | None = load_yaml_model(path, model_cls, log)
    if obj is None or log.errors:
        lines = "\n".join(p.format() for p in log.errors)
        raise click.ClickException(f"{log.rel(path)} has errors; fix them first (run: hwbsite check)\n{lines}")
    return obj


def _existing_meeting(root: Path, date: dt.date) -> tuple[Path, Meeting]:
    """The meeting file of that date, and the meeting it holds, for a command that adds to it."""
    from .models.meetings import Meeting
    meeting_file = root / "data" / "meetings" / f"{date.isoformat()}.yml"
    if not meeting_file.exists():
        raise click.ClickException(f"no meeting file data/meetings/{date.isoformat()}.yml; "
                                   f"start one with: hwbsite new meeting {date.isoformat()}")
    return meeting_file, _load_model(root, meeting_file, Meeting)


@new.command("meeting")
@click.argument("date", type=DATE)
@root_option
def new_meeting(date: dt.date, root: Path) -> None:
    """Write data/meetings/DATE.yml: a commented agenda with the board's standing items."""
    from .models.board import Board
    meetings = root / "data" / "meetings"
    target = meetings / f"{date.isoformat()}.yml"
    for existing in (target, target.with_suffix(".yaml")):
        if existing.exists():
            raise click.ClickException(f"{existing.relative_to(root).as_posix()} already exists; "
                                       "edit it instead (nothing was written)")
    board_file = root / "data" / "board.yml"
    if not board_file.exists():
        raise click.ClickException(f"no {board_file.as_posix()}: run this in the site's folder, or use --root")
    board = _load_model(root, board_file, Board)
    previous, has_minutes = previous_meeting(root, meetings, date)
    meetings.mkdir(parents=True, exist_ok=True)
    target.write_text(meeting_skeleton(date, board, previous, has_minutes), encoding="utf-8")
    click.echo(f"Created {target.relative_to(root).as_posix()}. Add the agenda items, then run: hwbsite check")
    if previous and not has_minutes and any(t.lower().startswith("minutes of the previous meeting")
                                            for t in board.standing_items):
        click.echo(f"minutes_of: is left as a note: the meeting of {previous.isoformat()} has no minutes in its "
                   "file yet (remove the # once it has).")


@new.command("paper")
@click.argument("paper_id", metavar="ID")
@click.option("--meeting", "meeting_date", type=DATE, required=True, help="The meeting the paper goes to.")
@click.option("--item", required=True, help="Its agenda item number at that meeting, e.g. 8 or 15A.")
@click.option("--title", help="The paper's title (default: the agenda item's title).")
@click.option("--type", "paper_type", default="report", show_default=True, help="report, briefing, appendix, ...")
@root_option
def new_paper(paper_id: str, meeting_date: dt.date, item: str, title: str | None, paper_type: str,
              root: Path) -> None:
    """Write content/papers/ID.md with commented front matter for a paper on an agenda item."""
    from .models.board import Board
    from .models.papers import PaperType
    import typing
    if not _SLUG.match(paper_id):
        raise click.BadParameter("use lowercase letters, digits and hyphens, e.g. bcf-update-2026-12",
                                 param_hint="ID")
    allowed = typing.get_args(PaperType)
    if paper_type not in allowed:
        raise click.BadParameter(f"expected one of {', '.join(allowed)}", param_hint="--type")
    target = root / "content" / "papers" / f"{paper_id}.md"
    if target.exists():
        raise click.ClickException(f"{target.relative_to(root).as_posix()} already exists; "
                                   "edit it instead (nothing was written)")
    meeting_file, meeting = _existing_meeting(root, meeting_date)
    items = {i.number: i for i in meeting.agenda.walk()} if meeting.agenda else {}
    if item not in items:
        have = ", ".join(items) or "none"
        raise click.ClickException(f"the agenda of {meeting_date.isoformat()} has no item {item!r} "
                                   f"(items: {have}); add the item first")
    board = _load_model(root, root / "data" / "board.yml", Board)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(paper_skeleton(paper_id, title or items[item].title, meeting_date, item, board.council,
                                     paper_type), encoding="utf-8")
    rel_meeting = meeting_file.relative_to(root).as_posix()
    if list_paper_on_item(root, meeting_file, items[item], paper_id):
        click.echo(f"Created {target.relative_to(root).as_posix()} and listed it on item {item} in {rel_meeting}.\n"
                   "Next: write the paper, then run: hwbsite check")
    else:
        click.echo(f"Created {target.relative_to(root).as_posix()}.\n"
                   f"Next: list it on item {item} in {rel_meeting} (papers: [{paper_id}]), "
                   "write the paper, then run: hwbsite check")


@new.command("update")
@click.argument("words", nargs=-1, metavar="[DATE] [ACTION]...")
@click.option("--plan", "plan_id", help="The action plan's id (default: the plan of the latest update).")
@click.option("--meeting", "meeting_date", type=DATE, default=None,
              help="The meeting it is reported to (default: DATE, when there is a meeting that day).")
@root_option
def new_update(words: tuple[str, ...], plan_id: str | None, meeting_date: dt.date | None, root: Path) -> None:
    """Write data/strategy/updates/DATE--PLAN.yml for the named actions (e.g. 1.10 3.08), each with
    its latest RAG and progress to write; actions not named keep their latest rating. With no
    action named, every action of the plan. DATE defaults to today."""
    from . import strategy as strategy_data
    named = list(words)
    date = DATE.convert(named.pop(0), None, None) if named and _ISO_START.match(named[0]) else london_today()
    log = ProblemLog(root)
    plans, updates = strategy_data.load(root / "data" / "strategy", log)
    if log.errors:
        lines = "\n".join(p.format() for p in log.errors)
        raise click.ClickException(f"the strategy files have errors; fix them first (run: hwbsite check)\n{lines}")
    by_id = {p.id: p for p in plans}
    if plan_id is None:
        if updates:
            plan_id = max(updates, key=lambda u: u.as_at).plan
        elif len(plans) == 1:
            plan_id = plans[0].id
        else:
            raise click.BadParameter("say which plan: " + ", ".join(sorted(by_id)) if by_id
                                     else "there is no action plan in data/strategy/", param_hint="--plan")
    if plan_id not in by_id:
        from .suggest import did_you_mean
        raise click.BadParameter(f"no action plan '{plan_id}' in data/strategy/ "
                                 f"({did_you_mean(plan_id, by_id) or 'plans: ' + ', '.join(sorted(by_id))})",
                                 param_hint="--plan")
    known = [a.id for a in by_id[plan_id].actions()]
    for action_id in named:
        if action_id not in known:
            from .suggest import did_you_mean
            raise click.BadParameter(f"plan '{plan_id}' has no action '{action_id}' "
                                     f"({did_you_mean(action_id, known) or 'actions: ' + ', '.join(known)})",
                                     param_hint="ACTION")

    earlier = [u for u in strategy_data.updates_for(strategy_data.Updates(updates), by_id[plan_id]) if u.as_at < date]
    latest = earlier[-1] if earlier else None
    target = root / "data" / "strategy" / "updates" / f"{date.isoformat()}--{plan_id}.yml"
    if target.exists():
        raise click.ClickException(f"{target.relative_to(root).as_posix()} already exists; "
                                   "edit it instead (nothing was written)")
    if meeting_date is None and (root / "data" / "meetings" / f"{date.isoformat()}.yml").exists():
        meeting_date = date
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold.update_skeleton(latest, by_id[plan_id], date, meeting_date,
                                               latest.src.file if latest else None, only=named,
                                               planned=date > (configured_build_date(root) or london_today())),
                      encoding="utf-8")
    click.echo(f"Created {target.relative_to(root).as_posix()}"
               + (f" for action{'s' if len(named) != 1 else ''} {', '.join(named)}" if named else "")
               + (f" from the update as at {latest.as_at}" if latest else "")
               + ". Write each action's progress, then run: hwbsite check")


@new.command("minutes")
@click.argument("date", type=DATE)
@root_option
def new_minutes(date: dt.date, root: Path) -> None:
    """Add a minutes: block to data/meetings/DATE.yml: a minute for each agenda item, to write."""
    from .models.meetings import Meeting
    from .validate import load_yaml_model
    meeting_file, meeting = _existing_meeting(root, date)
    meetings = meeting_file.parent
    if meeting.minutes is not None:
        raise click.ClickException(f"data/meetings/{date.isoformat()}.yml already has minutes: (nothing was written)")
    last = 0
    for path in sorted(meetings.glob("*.y*ml"), reverse=True):
        day = date_of(path.stem)
        if day and day < date:
            earlier = load_yaml_model(path, Meeting, ProblemLog(root))
            if earlier is not None and earlier.minutes and earlier.minutes.items:
                last = max(m.number for m in earlier.minutes.items)
                break
    from . import yamledit
    try:
        text = yamledit.add_top_level_block(meeting_file.read_text(encoding="utf-8"), "minutes",
                                            scaffold.minutes_skeleton(meeting, last + 1), MINUTES_NOTE)
    except yamledit.NotEditable as exc:
        raise click.ClickException(f"data/meetings/{date.isoformat()}.yml cannot be added to: {exc} "
                                   "(nothing was written)") from exc
    meeting_file.write_text(text, encoding="utf-8")
    click.echo(f"Added minutes: to data/meetings/{date.isoformat()}.yml, numbered from {last + 1}. "
               "Write each minute and the attendance, set status: held, then run: hwbsite check")


@new.command("values")
@click.argument("name")
@root_option
def new_values(name: str, root: Path) -> None:
    """Write data/metrics/values/NAME.csv with the header line; add one figure per row."""
    from .metrics import COLUMNS
    stem = name[:-4] if name.endswith(".csv") else name
    if not _SLUG.match(stem):
        raise click.BadParameter("use lowercase letters, digits and hyphens, e.g. bcf-2019-20-actuals",
                                 param_hint="NAME")
    target = root / "data" / "metrics" / "values" / f"{stem}.csv"
    if target.exists():
        raise click.ClickException(f"{target.relative_to(root).as_posix()} already exists; "
                                   "add rows at its end instead (nothing was written)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    click.echo(f"Created {target.relative_to(root).as_posix()} with the header line. Add one figure per row "
               "(see \"Add a quarter of metric values\" in EDITING.md), then run: hwbsite check")


@new.command("person")
@click.argument("name")
@click.option("--role", "title", default=None, help="Their title as the papers print it.")
@click.option("--organisation", default=None, help="The organisation the title is at.")
@root_option
def new_person(name: str, title: str | None, organisation: str | None, root: Path) -> None:
    """Add a person to data/people.yml, as the papers spell their name (other spellings go in aliases)."""
    from .models.people import PeopleFile, name_key
    from .suggest import did_you_mean
    people_file = root / "data" / "people.yml"
    loaded = _load_model(root, people_file, PeopleFile) if people_file.exists() else PeopleFile()
    people = loaded.people if loaded else []
    known = {name_key(s): p for p in people for s in p.spellings}
    if name_key(name) in known:
        raise click.ClickException(f"'{name}' is already in data/people.yml as {known[name_key(name)].id} "
                                   "(nothing was written)")
    words = [w for w in _NOT_WORD.split(name.lower()) if w and w not in _TITLE_WORDS]
    person_id = "-".join(words)
    if not person_id or any(p.id == person_id for p in people):
        raise click.ClickException(f"the id '{person_id}' is taken or empty: add them by hand with an id of your "
                                   "own (nothing was written)")
    close = did_you_mean(name, [s for p in people for s in p.spellings])
    from ruamel.yaml.comments import CommentedMap

    from . import yamledit
    entry = CommentedMap([("id", person_id), ("name", yamledit.quoted(name))])
    if title or organisation:
        role = CommentedMap([("title", yamledit.quoted(title))])
        if organisation:
            role["organisation"] = yamledit.quoted(organisation)
        entry["roles"] = [role]

    def add(document: Any) -> None:
        if not isinstance(document.get("people"), list):
            raise yamledit.NotEditable("its people: is not a list")
        document["people"].append(entry)
    try:
        if people_file.exists():
            yamledit.edit(people_file, add)
        else:
            people_file.parent.mkdir(parents=True, exist_ok=True)
            people_file.write_text(yamledit.dump({"people": [entry]}), encoding="utf-8")
    except yamledit.NotEditable as exc:
        raise click.ClickException(f"data/people.yml cannot be added to safely: {exc}. Add them by hand: "
                                   f"- id: {person_id}, name: {quote(name)} (nothing was written)") from exc
    said = f"Added {person_id} to data/people.yml."
    if close:
        said += f" Check it is not someone already there: {close}"
    click.echo(said + " Then run: hwbsite check")


_NOT_WORD = patterns.compile("newcommands.not_word", r"[^A-Za-z0-9]++")


_TITLE_WORDS = {"councillor", "cllr", "dr", "mr", "mrs", "ms", "miss", "professor", "prof", "sir", "dame"}
