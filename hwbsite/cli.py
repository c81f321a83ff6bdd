"""The officer's command line: check the data, start a meeting or a paper, write editor schemas.

    hwbsite check [PATH] [--format text|json|github]
    hwbsite new meeting 2026-12-09
    hwbsite new paper bcf-update-2026-12 --meeting 2026-12-09 --item 8
    hwbsite new minutes 2026-12-09 | new update 2026-12-09 1.10 3.08 | new values bcf-2026-27-actuals
    hwbsite check --changed-since origin/main
    hwbsite schema [--out schemas]
    hwbsite new person "Name" [--role TITLE] [--organisation ORG]
    hwbsite generate --out DIR [--build-date YYYY-MM-DD]
    hwbsite verify SITE_DIR [--data PROJECT] [--finish [--theme-dir DIR]...] [--index]
    hwbsite init DIR --board "Example Health and Wellbeing Board" --council "Example Council"
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import click

from . import patterns, scaffold
from .errors import HwbsiteError, Problem, ProblemLog, Severity
from .publication import london_today

# ---------------------------------------------------------------------------------------------
# Shared option types


class DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        from .dates import why_impossible
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            impossible = why_impossible(value)
            if impossible:
                self.fail(f"{value} is not a date: {impossible}", param, ctx)
            self.fail(f"expected a date written YYYY-MM-DD (for example 2026-12-09), got {value!r}", param, ctx)


DATE = DateType()
MINUTES_NOTE = "# minutes: add them after the meeting"   # the note a new meeting file ends with
_ISO_START = patterns.compile("cli.iso_start", r"\d{4}-")
_SLUG = patterns.compile("cli.slug", r"^[a-z0-9]++(?:-[a-z0-9]++)*+$")

root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="The site's folder (the one holding data/ and content/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hwbsite")
def main() -> None:
    """Tools for officers who keep a Health and Wellbeing Board's site (see EDITING.md)."""


# ---------------------------------------------------------------------------------------------
# check


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _counts(problems: list[Problem]) -> tuple[int, int]:
    """(errors, warnings), not counting errors that only follow from another (errors.grouped)."""
    from .errors import consequences
    errors = sum(p.severity is Severity.ERROR for p in problems) - consequences(problems)
    return errors, sum(p.severity is Severity.WARNING for p in problems)


def format_text(problems: list[Problem], color: bool = False) -> str:
    """Problems by file and line, a header per file, each consequence under the error it follows
    from, and a one-line summary."""
    from .errors import grouped
    by_file: dict[str, list[tuple[Problem, list[Problem]]]] = defaultdict(list)
    for p, follows in grouped(problems):
        by_file[p.file].append((p, follows))
    out = []

    def styled(p: Problem) -> str:
        line = p.format() + (f" [acknowledged in data/known-issues.yml: {p.acknowledged}]" if p.acknowledged else "")
        if color:
            word = p.severity.value
            line = line.replace(f": {word}: ", ": " + click.style(
                word, fg="red" if p.severity is Severity.ERROR else "yellow", bold=True) + ": ", 1)
        return line

    for file, items in by_file.items():
        errors, warnings = _counts([p for p, _ in items])
        parts = [_plural(errors, "error")] if errors else []
        parts += [_plural(warnings, "warning")] if warnings else []
        parts += [f"{n} reference{'s' if n != 1 else ''} that follow from it"
                  for n in [sum(len(f) for _, f in items)] if n]
        out.append(click.style(f"== {file} ({', '.join(parts)})", bold=True) if color
                   else f"== {file} ({', '.join(parts)})")
        for p, follows in items:
            out.append(styled(p))
            if follows:
                out.append(f"    because of this error, {_plural(len(follows), 'reference')} to what {file} "
                           "holds cannot be checked (fix this error first):")
                out += [f"    - {styled(c)}" for c in follows]
        out.append("")
    out.append(summary(problems, len(by_file)))
    return "\n".join(out) + "\n"


def summary(problems: list[Problem], files: int) -> str:
    from .errors import consequences
    errors, warnings = _counts(problems)
    if not problems:
        return "No problems found: the data is ready to publish."
    follows = consequences(problems)
    text = f"{_plural(errors, 'error')}" + (f" (and {_plural(follows, 'reference')} that follow from "
                                           f"{'it' if errors == 1 else 'them'})" if follows else "")
    text += f" and {_plural(warnings, 'warning')} in {_plural(files, 'file')}"
    if errors or follows:
        return text + ": nothing is published until the errors are fixed."
    return text + ": the site can be built; warnings are worth a look but do not stop it."


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: list[Problem], root: Path) -> str:
    """GitHub Actions workflow commands, so each problem is shown on its line of the pull request."""
    from .errors import grouped
    out = []
    ordered = [q for p, follows in grouped(problems) for q in (p, *follows)]
    for p in ordered:
        path = Path(os.path.relpath((root / p.file).resolve(), Path.cwd().resolve())).as_posix()
        if path.startswith("../"):
            path = p.file
        kind = "error" if p.severity is Severity.ERROR else "warning"
        title = f"hwbsite: {p.field}" if p.field else "hwbsite"
        message = f"{p.field}: {p.message}" if p.field else p.message
        if p.hint:
            message += f" (hint: {p.hint})"
        props = f"file={_gh_escape_property(path)},line={p.line},col={p.column},title={_gh_escape_property(title)}"
        out.append(f"::{kind} {props}::{_gh_escape_data(message)}")
    by_file = {p.file for p, _ in grouped(problems)}
    out.append(summary(problems, len(by_file)))
    return "\n".join(out) + "\n"


def format_json(problems: list[Problem]) -> str:
    from .errors import consequences, grouped
    errors, warnings = _counts(problems)
    ordered = [q for p, follows in grouped(problems) for q in (p, *follows)]
    return json.dumps({"errors": errors, "consequences": consequences(problems), "warnings": warnings,
                       "problems": [p.as_dict() for p in ordered]}, indent=2, ensure_ascii=False) + "\n"


def run_check(root: Path, data_dir: str = "data", content_dir: str = "content",
              build_date: dt.date | None = None) -> ProblemLog:
    """Every problem in the data; when there is no error, also every link of the site that the
    strict build would refuse (so that what passes the check, builds). Dates are judged as of
    ``build_date``: default, build_date in mkdocs.yml, else today."""
    from . import buildcheck, output
    from .project import load_project
    from .publication import public_view
    build_date = build_date or configured_build_date(root) or london_today()
    project, log = load_project(root, data_dir, content_dir, build_date)
    config_file = Path(root) / "mkdocs.yml"
    if config_file.is_file():   # what the theme prints from mkdocs.yml (the plugin checks the same)
        from . import mkdocsconfig, siteconfig
        try:
            values = mkdocsconfig.read(root)
        except mkdocsconfig.ConfigError:   # MkDocs reports its own configuration errors
            values = None
        if isinstance(values, dict):   # the text gives each value's line
            siteconfig.check(values, config_file.read_text(encoding="utf-8"), str(config_file), log)
    if project is not None and not log.errors:
        try:
            items = output.build_output(public_view(project, build_date))
        except HwbsiteError as exc:  # e.g. two outputs for one path: a page the data cannot make twice
            log.add(project.root / "mkdocs.yml", 1, 1, "", f"the site cannot be built: {exc}",
                    "see which of your files make that page, and keep only one", code="build")
        else:
            # content/'s images are in the output list; nothing else of the folder is published
            buildcheck.report_broken_links(items, project.texts, log)
            buildcheck.report_unsafe_pages(items, log)   # the plugin and generate refuse the same
            config = Path(root) / "mkdocs.yml"
            if config.is_file():
                buildcheck.report_missing_nav(config.read_text(encoding="utf-8"), "mkdocs.yml", items, log,
                                              Path(root))
    return log


def configured_build_date(root: Path) -> dt.date | None:
    """The plugin's build_date in mkdocs.yml, so that check and build judge dates alike (else: today)."""
    from . import mkdocsconfig
    try:
        return mkdocsconfig.build_date(mkdocsconfig.read(root))
    except (mkdocsconfig.ConfigError, ValueError):
        return None  # the build reports an unreadable mkdocs.yml or build_date itself


@main.command()
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for people, json for tools, github for annotations on a pull request.")
@click.option("--data-dir", default="data", show_default=True, help="Folder of YAML and CSV data, inside PATH.")
@click.option("--content-dir", default="content", show_default=True, help="Folder of papers and pages, inside PATH.")
@click.option("--build-date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Judge dates (is a meeting past?) as of this day; default: build_date in mkdocs.yml, else today.")
@click.option("--changed-since", "since", metavar="REF", default=None,
              help="Show warnings only on lines changed since the Git revision REF (e.g. origin/main); "
                   "errors, and acknowledgements that match nothing, are always shown.")
@click.option("--all", "show_all", is_flag=True,
              help="Also list the warnings acknowledged in data/known-issues.yml.")
@click.option("--fail-on-warnings", is_flag=True,
              help="Exit with status 1 on a warning that is not acknowledged in data/known-issues.yml "
                   "(the pull-request check).")
def check(path: Path, fmt: str, data_dir: str, content_dir: str, build_date, since: str | None,
          show_all: bool, fail_on_warnings: bool) -> None:
    """Check every data file and paper, and list each error and warning with file:line:column.

    Warnings acknowledged in data/known-issues.yml are counted, not listed (--all lists them).
    Exits with status 1 if there are errors (the site would not build), 0 if there are only
    warnings (1 with --fail-on-warnings if one is not acknowledged).
    """
    log = run_check(path, data_dir, content_dir, build_date.date() if build_date else None)
    problems = sorted(set(log.problems))
    acknowledged = 0 if show_all else sum(bool(p.acknowledged) for p in problems)
    if not show_all:
        problems = [p for p in problems if not p.acknowledged]
    hidden = 0
    if since:
        from .changes import GitError, changed_lines, concerns
        try:
            changed = changed_lines(path, since)
        except GitError as exc:
            raise click.ClickException(f"--changed-since {since}: {exc}") from exc
        kept = [p for p in problems if p.severity is Severity.ERROR or p.code == "stale-acknowledgement"
                or concerns(changed, p.file, p.line)]
        hidden = len(problems) - len(kept)
        problems = kept
    if fmt == "json":
        click.echo(format_json(problems), nl=False)
    elif fmt == "github":
        click.echo(format_github(problems, path), nl=False)
    else:
        click.echo(format_text(problems, color=sys.stdout.isatty()), nl=False)
    if acknowledged:
        click.echo(f"{_plural(acknowledged, 'warning')} acknowledged in data/known-issues.yml not shown "
                   "(hwbsite check --all lists them).", err=fmt != "text")
    if hidden:
        click.echo(f"{_plural(hidden, 'warning')} on lines not changed since {since} not shown "
                   "(run hwbsite check without --changed-since to list every one).", err=fmt != "text")
    new_warning = any(p.severity is Severity.WARNING and not p.acknowledged for p in problems)
    sys.exit(1 if any(p.severity is Severity.ERROR for p in problems) or (fail_on_warnings and new_warning) else 0)


# ---------------------------------------------------------------------------------------------
# generate


@main.command()
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write (replaced): mkdocs.yml, docs/ and overrides/ (the theme templates).")
@click.option("--build-date", type=DATE, default=None, help="The site's 'today' (default: today).")
def generate(path: Path, out: Path, build_date: dt.date | None) -> None:
    """Write the site as a plain docs tree that MkDocs (or another engine) builds without hwbsite."""
    from .generate import GenerateError
    from .generate import generate as write_tree
    try:
        count = write_tree(path, out, build_date or london_today())
    except GenerateError as exc:
        click.echo(f"{exc}\nhwbsite: the data has errors; nothing was written.", err=True)
        sys.exit(1)
    except HwbsiteError as exc:
        click.echo(f"hwbsite: the site cannot be built: {exc}; nothing was written.", err=True)
        sys.exit(1)
    click.echo(f"Wrote {count} files to {out}; build them with: cd {out} && mkdocs build && "
               "hwbsite verify --finish --index site (the post-build pass, the search index and the checks)")


# ---------------------------------------------------------------------------------------------
# verify


@main.command()
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--data", "project", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The project (the folder holding mkdocs.yml, data/ and content/): also fail on any "
                   "private record's text in any file of SITE_DIR.")
@click.option("--build-date", type=DATE, default=None,
              help="The date the site was built for (default: build_date in mkdocs.yml, else today).")
@click.option("--finish", "finish_first", is_flag=True,
              help="First apply hwbsite's post-build pass (Content Security Policy, HTML mends) to "
                   "SITE_DIR in place: for a site another engine built from 'hwbsite generate'.")
@click.option("--theme-dir", "theme_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="With --finish: the theme templates whose inline scripts are trusted (repeatable; "
                   "default: the installed Material theme's).")
@click.option("--index", "build_index", is_flag=True, help="With --finish: then build the Pagefind index.")
@click.option("--base-path", default=None,
              help="The path the site is served under, for links written from '/' (default: from site_url in "
                   "the project's mkdocs.yml, else /).")
def verify(site_dir: Path, project: Path | None, build_date, finish_first: bool, theme_dirs, build_index: bool,
           base_path: str | None) -> None:
    """Check a finished site (any engine's) against hwbsite's rules; exit 1 on any failure."""
    from . import finish as finishing
    from . import search
    from . import verify as checking

    if finish_first:
        try:
            finishing.finish_site(site_dir, list(theme_dirs) or None)
        except finishing.FinishError as exc:
            click.echo(f"verify: {exc}", err=True)
            sys.exit(1)
        if build_index:
            try:
                click.echo(f"verify: search index: {search.build_index(site_dir)}")
            except RuntimeError as exc:
                click.echo(f"verify: {exc}", err=True)
                sys.exit(1)
    private: list = []
    if project is not None:
        try:
            private = checking.project_private_texts(project, build_date or configured_build_date(project) or london_today())
        except ValueError as exc:
            click.echo(f"{exc}\nverify: the project's data has errors", err=True)
            sys.exit(1)
        if base_path is None:
            base_path = checking.base_path_of(_site_url(project))
    report = checking.verify_site(site_dir, private, base_path or "/")
    for failure in report.failures:
        click.echo(failure.format())
    click.echo(report.summary(str(site_dir)), err=not report.ok)
    sys.exit(0 if report.ok else 1)


def _site_url(root: Path) -> str | None:
    from . import mkdocsconfig
    try:
        return (mkdocsconfig.read(root) or {}).get("site_url")
    except mkdocsconfig.ConfigError:
        return None


# ---------------------------------------------------------------------------------------------
# init


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--board", "board_name", default=None, help='The board\'s full name, e.g. "Example Health and Wellbeing Board".')
@click.option("--council", default=None, help='The council that hosts the board, e.g. "Example Council".')
@click.option("--colour", default=None, help="The board's colour, #rrggbb (white text must reach 4.5:1 on it).")
@click.option("--force", is_flag=True, help="Write into a folder that is not empty (existing files are kept).")
def init(directory: Path, board_name: str | None, council: str | None, colour: str | None, force: bool) -> None:
    """Start a new board's site in DIRECTORY: data, pages, mkdocs.yml, Makefile and workflows.

    Asks for what is not given when run in a terminal; elsewhere (CI) --board and --council are needed."""
    from .newboard import InitError, NewBoard, files, write
    from .theme import DEFAULT
    asking = sys.stdin.isatty()
    try:
        if board_name is None:
            if not asking:
                raise InitError("--board is needed (no terminal to ask): the board's full name")
            board_name = click.prompt("The board's full name", default="Example Health and Wellbeing Board")
        if council is None:
            if not asking:
                raise InitError("--council is needed (no terminal to ask): the council that hosts the board")
            council = click.prompt("The council that hosts it", default="Example Council")
        if colour is None:
            colour = click.prompt("The board's colour (#rrggbb)", default=DEFAULT) if asking else DEFAULT
        written, kept = write(directory, files(NewBoard(board_name.strip(), council.strip(), colour.strip())), force)
    except InitError as exc:
        click.echo(f"hwbsite init: {exc}", err=True)
        sys.exit(1)
    for rel in kept:
        click.echo(f"kept {rel} (it exists; not replaced)")
    click.echo(f"Wrote {len(written)} files to {directory}. Next:\n  cd {directory}\n  make site    "
               "# or: mkdocs build --strict\nThen read README.md and EDITING.md.")


# ---------------------------------------------------------------------------------------------
# new


@main.group()
def new() -> None:
    """Start a new meeting or paper from a commented template."""


def _load_model(root: Path, path: Path, model_cls):
    from .validate import load_yaml_model
    log = ProblemLog(root)
    obj = load_yaml_model(path, model_cls, log)
    if obj is None or log.errors:
        lines = "\n".join(p.format() for p in log.errors)
        raise click.ClickException(f"{log.rel(path)} has errors; fix them first (run: hwbsite check)\n{lines}")
    return obj


def _quote(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _long_date(day: dt.date) -> str:
    from .dates import long_date
    return long_date(day)


def meeting_skeleton(day: dt.date, board, previous: dt.date | None = None, previous_minutes: bool = True) -> str:
    """A valid, commented meeting file with the board's defaults and standing items.

    ``minutes_of:`` is filled only when the previous meeting's minutes are published: a link to
    minutes that do not exist would stop the strict build once the agenda is published."""
    time = f"{_quote(board.default_time)}" if board.default_time else "null"
    venue = _quote(board.default_venue) if board.default_venue else "null"
    lines = [
        "# yaml-language-server: $schema=../../schemas/meeting.schema.json",
        f"# {board.name}: meeting on {_long_date(day)}.",
        f"# Started with `hwbsite new meeting {day.isoformat()}`. Check it with `make check`, preview it",
        "# with `make serve`, and see EDITING.md for every field. Lines starting with # are notes:",
        "# remove the # to use a field.",
        f"date: {day.isoformat()}",
        f"time: {time:<24} # 24-hour \"HH:MM\" in quotes; the default is default_time in data/board.yml",
        f"venue: {venue}",
        "status: scheduled              # scheduled, held (after the meeting), cancelled or moved",
        "# moved_to: YYYY-MM-DD         # only with status: moved",
        "# note: \"Why the meeting was cancelled or moved\"",
        f"updated: {london_today().isoformat()}            # the date you last changed this file",
        "agenda:",
        "  status: draft                # change to published when the agenda is sent out",
        "  # published: YYYY-MM-DD      # when the agenda was published: at least five clear days before",
        "  # signed_by: {name: \"Name\", role: \"Chief Executive\"}",
        "  items:",
        "    # The standing items from data/board.yml. Add each further item like this:",
        "    #   - number: \"8\"                       # in quotes; \"8A\" for an added item",
        "    #     title: \"Better Care Fund update\"",
        "    #     section: \"For Discussion\"",
        "    #     presenter: \"Name, Job title\"",
        "    #     people: [\"Name\"]                  # spelled as in data/people.yml",
        "    #     pages: \"14-23\"                    # pages of the agenda pack",
        "    #     papers: [bcf-update-2026-12]      # start one with: hwbsite new paper <id> --meeting "
        f"{day.isoformat()} --item 8",
        "    #     topics: [better-care-fund]        # ids from data/topics.yml",
        "    #     exempt: {paragraph: 3}            # private business: Schedule 12A paragraph 1-7",
    ]
    for number, title in enumerate(board.standing_items, start=1):
        lines.append(f"    - number: \"{number}\"")
        lines.append(f"      title: {_quote(title)}")
        if previous and title.lower().startswith("minutes of the previous meeting"):
            if previous_minutes:
                lines.append(f"      minutes_of: {previous.isoformat()}   # the meeting whose minutes are approved")
            else:
                lines.append(f"      # minutes_of: {previous.isoformat()}   # remove the # once "
                             f"data/meetings/{previous.isoformat()}.yml has its minutes")
    if not board.standing_items:
        lines.append("    - number: \"1\"")
        lines.append("      title: \"Apologies for absence\"")
    lines += [
        "  # next_meeting: {date: YYYY-MM-DD, time: \"09:00\"}",
        MINUTES_NOTE + "; see \"Publish minutes\" in EDITING.md.",
        "",
    ]
    return "\n".join(lines)


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


def previous_meeting(root: Path, meetings: Path, date: dt.date) -> tuple[dt.date | None, bool]:
    """The latest earlier meeting that was held (not cancelled or moved), and whether its minutes
    are published: the meeting whose minutes the new one approves."""
    from .publication import minutes_published
    from .models.meetings import Meeting
    from .validate import load_yaml_model
    earlier = sorted((d, p) for p in meetings.glob("*.y*ml") if (d := _date_of(p.stem)) and d < date)
    for day, path in reversed(earlier):
        meeting = load_yaml_model(path, Meeting, ProblemLog(root))
        if meeting is None:
            return day, False  # a file with errors: leave minutes_of for the officer
        if meeting.status in ("cancelled", "moved"):
            continue
        return day, minutes_published(meeting)
    return None, False


def _date_of(stem: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(stem)
    except ValueError:
        return None


def paper_skeleton(paper_id: str, title: str, meeting: dt.date, item: str, organisation: str | None,
                   paper_type: str = "report") -> str:
    org = _quote(organisation) if organisation else "null"
    return "\n".join([
        "---",
        f"# Started with `hwbsite new paper {paper_id} --meeting {meeting.isoformat()} --item {item}`.",
        "# The lines between the two --- are the paper's details; the paper itself follows, in Markdown.",
        "# Lines starting with # are notes: remove the # to use a field. See EDITING.md.",
        f"{'id: ' + paper_id:<32} # must match the file name",
        f"title: {_quote(title)}",
        f"{'type: ' + paper_type:<32} # report, briefing, appendix, presentation, plan, update, ...",
        f"{'meeting: ' + meeting.isoformat():<32} # the meeting it goes to",
        f"{'item: ' + _quote(item):<32} # its agenda item there, which lists this paper under papers:",
        "# appendix_of: other-paper-id   # for an appendix: the paper it belongs to",
        f"{'date: ' + meeting.isoformat():<32} # the date printed on the paper",
        f"organisation: {org}",
        "# directorate: \"Public Health\"",
        "authors: []",
        "#  - name: \"Name\"",
        "#    role: \"Job title\"",
        "#    email: \"name@example.org\"",
        "# summary: >-",
        "#   One or two sentences in plain English saying what the paper is about.",
        "recommendations: []",
        "#  - \"That the Board notes the report.\"",
        "status: draft                    # draft, final or signed",
        "topics: []                       # ids from data/topics.yml, e.g. [better-care-fund]",
        "aims: []                         # strategy aim numbers, e.g. [4]",
        "# exempt: {paragraph: 3}         # private business under Schedule 12A: never published",
        "# confidential: true             # never published",
        "# embargoed_until: YYYY-MM-DD    # not published before this date",
        "---",
        "",
        "## 1. Purpose",
        "",
        scaffold.PAPER_PURPOSE,
        "",
        "## 2. Background",
        "",
        scaffold.PAPER_BODY,
        "",
        "## 3. Recommendations",
        "",
        scaffold.PAPER_RECOMMENDATIONS,
        "",
    ])


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
    from .models.meetings import Meeting
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
    meeting_file = root / "data" / "meetings" / f"{meeting_date.isoformat()}.yml"
    if not meeting_file.exists():
        raise click.ClickException(f"no meeting file data/meetings/{meeting_date.isoformat()}.yml; "
                                   f"start one with: hwbsite new meeting {meeting_date.isoformat()}")
    meeting = _load_model(root, meeting_file, Meeting)
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
    words = list(words)
    date = DATE.convert(words.pop(0), None, None) if words and _ISO_START.match(words[0]) else london_today()
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
    for action_id in words:
        if action_id not in known:
            from .suggest import did_you_mean
            raise click.BadParameter(f"plan '{plan_id}' has no action '{action_id}' "
                                     f"({did_you_mean(action_id, known) or 'actions: ' + ', '.join(known)})",
                                     param_hint="ACTION")

    class _Plan:   # the plan's state as at each update (strategy.updates_for reads project.plan_updates)
        plan_updates = updates
    earlier = [u for u in strategy_data.updates_for(_Plan, by_id[plan_id]) if u.as_at < date]
    latest = earlier[-1] if earlier else None
    target = root / "data" / "strategy" / "updates" / f"{date.isoformat()}--{plan_id}.yml"
    if target.exists():
        raise click.ClickException(f"{target.relative_to(root).as_posix()} already exists; "
                                   "edit it instead (nothing was written)")
    if meeting_date is None and (root / "data" / "meetings" / f"{date.isoformat()}.yml").exists():
        meeting_date = date
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold.update_skeleton(latest, by_id[plan_id], date, meeting_date,
                                               latest.src.file if latest else None, only=words,
                                               planned=date > (configured_build_date(root) or london_today())),
                      encoding="utf-8")
    click.echo(f"Created {target.relative_to(root).as_posix()}"
               + (f" for action{'s' if len(words) != 1 else ''} {', '.join(words)}" if words else "")
               + (f" from the update as at {latest.as_at}" if latest else "")
               + ". Write each action's progress, then run: hwbsite check")


@new.command("minutes")
@click.argument("date", type=DATE)
@root_option
def new_minutes(date: dt.date, root: Path) -> None:
    """Add a minutes: block to data/meetings/DATE.yml: a minute for each agenda item, to write."""
    from .models.meetings import Meeting
    from .validate import load_yaml_model
    meetings = root / "data" / "meetings"
    meeting_file = meetings / f"{date.isoformat()}.yml"
    if not meeting_file.exists():
        raise click.ClickException(f"no meeting file data/meetings/{date.isoformat()}.yml; "
                                   f"start one with: hwbsite new meeting {date.isoformat()}")
    meeting = _load_model(root, meeting_file, Meeting)
    if meeting.minutes is not None:
        raise click.ClickException(f"data/meetings/{date.isoformat()}.yml already has minutes: (nothing was written)")
    last = 0
    for path in sorted(meetings.glob("*.y*ml"), reverse=True):
        day = _date_of(path.stem)
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

    def add(document) -> None:
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
                                   f"- id: {person_id}, name: {_quote(name)} (nothing was written)") from exc
    said = f"Added {person_id} to data/people.yml."
    if close:
        said += f" Check it is not someone already there: {close}"
    click.echo(said + " Then run: hwbsite check")


_NOT_WORD = patterns.compile("cli.not_word", r"[^A-Za-z0-9]++")
_TITLE_WORDS = {"councillor", "cllr", "dr", "mr", "mrs", "ms", "miss", "professor", "prof", "sir", "dame"}


def list_paper_on_item(root: Path, meeting_file: Path, item, paper_id: str) -> bool:
    """Add paper_id to an agenda item's papers: in the meeting file, keeping its comments, order and
    quoting (yamledit.py); False, with the file as it was, if that cannot be done safely."""
    from . import yamledit
    from .models.meetings import Meeting
    try:
        original = yamledit.edit(meeting_file, lambda doc: yamledit.add_paper(doc, item.number, paper_id))
    except yamledit.NotEditable:
        return False
    log = ProblemLog(root)
    from .validate import load_yaml_model
    edited = load_yaml_model(meeting_file, Meeting, log)
    listed = edited is not None and any(paper_id in i.papers and i.number == item.number for i in edited.agenda.walk())
    if log.errors or not listed:
        meeting_file.write_text(original, encoding="utf-8")
        return False
    return True


# ---------------------------------------------------------------------------------------------
# schema


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the schemas (default: schemas/ in the site's folder).")
@click.option("--check", "check_only", is_flag=True, help="Only report whether the schemas are up to date.")
@root_option
def schema(out: Path | None, check_only: bool, root: Path) -> None:
    """Write JSON Schemas of every data file type, and .vscode/settings.json for the YAML extension."""
    from . import schemas
    out = out if out is not None else root / "schemas"
    if check_only:
        problems = schemas.stale(out)
        for p in problems:
            click.echo(f"{out.as_posix()}/{p}")
        if problems:
            raise click.ClickException("the schemas are out of date with the models; run: hwbsite schema")
        click.echo("The schemas are up to date.")
        return
    for path in schemas.write(root, out):
        click.echo(f"wrote {path.as_posix()}")


if __name__ == "__main__":  # pragma: no cover
    main()
