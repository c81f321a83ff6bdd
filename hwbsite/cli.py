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
import sys
from pathlib import Path

import click

from .checkrun import configured_build_date, run_check
from .clioptions import DATE, root_option
from .errors import HwbsiteError, Severity
from .newcommands import new
from .publication import london_today
from .reporters import format_github, format_json, format_text, plural

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hwbsite")
def main() -> None:
    """Tools for officers who keep a Health and Wellbeing Board's site (see EDITING.md)."""


main.add_command(new)


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
def check(path: Path, fmt: str, data_dir: str, content_dir: str, build_date: dt.datetime | None, since: str | None,
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
        click.echo(f"{plural(acknowledged, 'warning')} acknowledged in data/known-issues.yml not shown "
                   "(hwbsite check --all lists them).", err=fmt != "text")
    if hidden:
        click.echo(f"{plural(hidden, 'warning')} on lines not changed since {since} not shown "
                   "(run hwbsite check without --changed-since to list every one).", err=fmt != "text")
    new_warning = any(p.severity is Severity.WARNING and not p.acknowledged for p in problems)
    sys.exit(1 if any(p.severity is Severity.ERROR for p in problems) or (fail_on_warnings and new_warning) else 0)


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
def verify(site_dir: Path, project: Path | None, build_date: dt.date | None, finish_first: bool,
           theme_dirs: tuple[Path, ...], build_index: bool,
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
    private: list[tuple[str, str]] = []
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
