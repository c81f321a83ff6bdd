"""`hwbsite init DIR`: a new board's repository that builds at once, strictly, with nothing of Rotherham.

The site of an empty board says plainly that there is nothing yet (no empty tables, no "0 items"),
and init never writes over what is there: a file path, a folder it cannot write or one that is not
empty get one line and exit 1, with nothing written.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, build
from hwbsite import __version__
from hwbsite.checkrun import run_check
from hwbsite.cli import main
from rotherham_words import hits

NAME, COUNCIL = "Example Health and Wellbeing Board", "Example Council"


def init(dest: Path, *extra: str):
    return CliRunner().invoke(main, ["init", str(dest), "--board", NAME, "--council", COUNCIL, *extra])


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("init") / "newboard"
    result = init(root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def built(new_site, tmp_path_factory) -> Path:
    import shutil
    copy = tmp_path_factory.mktemp("built") / "newboard"
    shutil.copytree(new_site, copy)
    return build(copy, strict=True, build_date="2026-12-01")


def text_of(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    main_part = html.split('<article', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main_part))


def test_init_writes_a_whole_repository(new_site):
    files = set(tree(new_site))
    assert {"data/board.yml", "data/meetings/.gitkeep", "content/index.md", "content/papers/.gitkeep",
            "mkdocs.yml", "requirements.txt", "Makefile", "README.md", "EDITING.md", ".gitignore",
            ".github/workflows/check.yml", ".github/workflows/deploy.yml", "schemas/meeting.schema.json",
            ".vscode/settings.json"} <= files
    assert not any(f.startswith("overrides/") for f in files)   # the theme comes with the package
    assert f"\nhwbsite=={__version__}\n" in (new_site / "requirements.txt").read_text()
    assert "\nmkdocs-material==" in (new_site / "requirements.txt").read_text()


def test_every_field_of_board_yml_has_a_comment_and_the_answers_are_in_it(new_site):
    import yaml
    from hwbsite.models.board import Board
    text = (new_site / "data/board.yml").read_text()
    board = yaml.safe_load(text)
    assert board["hwbsite"] == 1 and board["name"] == NAME and board["council"] == COUNCIL
    assert set(Board.model_fields) <= set(board), set(Board.model_fields) - set(board)
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):     # a top-level field: a note on its line or the one above
            assert "#" in line or lines[number - 1].startswith("#"), line


def test_the_makefile_has_this_repository_s_officer_targets(new_site):
    targets = set(re.findall(r"^([a-z-]+):", (new_site / "Makefile").read_text(), re.M))
    assert {"site", "serve", "check", "test"} <= targets
    ours = set(re.findall(r"^([a-z-]+):", (REPO / "Makefile").read_text(), re.M))
    assert {"site", "serve", "check", "test"} <= ours


def test_the_new_site_passes_check(new_site):
    problems = run_check(new_site)
    assert [p.format() for p in problems.errors] == []
    assert [p.format() for p in problems.warnings] == []


def test_the_empty_site_builds_strictly_and_says_there_is_nothing_yet(built):
    assert (built / "index.html").exists()
    meetings = text_of(built / "meetings/index.html")
    assert "No meetings have been published yet." in meetings
    assert "Upcoming" not in meetings
    assert "No papers have been published yet." in text_of(built / "papers/index.html")
    assert "No people are listed yet." in text_of(built / "people/index.html")
    assert "No topics have been set up yet." in text_of(built / "topics/index.html")
    assert "No decisions have been published yet." in text_of(built / "decisions/index.html")
    for page in ("meetings", "papers", "people", "topics", "decisions", "actions"):
        html = (built / page / "index.html").read_text()
        assert "<table" not in html.split('<article', 1)[1], page
    data = text_of(built / "data/index.html")
    assert " 0 rows" not in data and "no rows (the files hold the column headings only)" in data
    for section in ("strategy", "metrics", "money"):   # not in the nav, and no page
        assert not (built / section).exists()
        assert f'href="{section}/' not in (built / "index.html").read_text()


def test_the_empty_site_has_an_accessibility_statement_and_a_footer_with_contact_and_licence(built):
    statement = text_of(built / "accessibility/index.html")
    assert f"This website is run by {COUNCIL}." in statement
    footer = (built / "index.html").read_text().split('<footer class="md-footer">', 1)[1]
    assert f"{NAME}, hosted by {COUNCIL}." in footer
    assert 'rel="license">Open Government Licence v3.0</a>' in footer


def test_the_empty_site_has_nothing_of_rotherham(built):
    found = {}
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".ics", ".css", ".js", ".txt"}:
            words = hits(path.read_text(encoding="utf-8", errors="replace"))
            if words:
                found[path.relative_to(built).as_posix()] = words
    assert found == {}


def test_a_name_with_markdown_and_yaml_characters_is_written_as_text(tmp_path):
    name = "St Mary's *Board* #1: [North] _and_ Isles"
    result = CliRunner().invoke(main, ["init", str(tmp_path / "odd"), "--board", name, "--council", COUNCIL])
    assert result.exit_code == 0, result.output
    import yaml
    assert yaml.safe_load((tmp_path / "odd/data/board.yml").read_text())["name"] == name
    assert run_check(tmp_path / "odd").errors == []
    site = build(tmp_path / "odd", strict=True, build_date="2026-12-01")
    assert re.search(r"<h1[^>]*>([^<]*)", (site / "index.html").read_text()).group(1) == name


def test_a_name_board_yml_would_refuse_is_refused_before_anything_is_written(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "x"), "--board", "A <b>bold</b> board",
                                       "--council", COUNCIL])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("hwbsite init: --board: ")
    assert not (tmp_path / "x").exists()


def test_the_colour_is_checked_before_anything_is_written(tmp_path):
    result = init(tmp_path / "pale", "--colour", "#dddddd")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "hwbsite init: --colour #dddddd is too light: white text on it has a contrast of 1.4:1, "
        "WCAG AA needs 4.5:1 (choose a darker shade)"]
    assert not (tmp_path / "pale").exists()
    ok = init(tmp_path / "green", "--colour", "#00695C")
    assert ok.exit_code == 0 and 'colour: "#00695c"' in (tmp_path / "green/data/board.yml").read_text()


def test_without_a_terminal_the_board_must_be_named(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "x"), "--council", COUNCIL], input="")
    assert result.exit_code == 1
    assert result.output.strip() == "hwbsite init: --board is needed (no terminal to ask): the board's full name"
    assert not (tmp_path / "x").exists()


def test_a_file_path_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine")
    result = init(target)
    assert result.exit_code == 1
    assert result.output.strip() == f"hwbsite init: {target} is a file, not a folder: give a folder for the new site"
    assert target.read_text() == "mine" and tree(tmp_path) == {"notes.txt": b"mine"}


def test_a_non_empty_folder_is_refused_and_left_alone(tmp_path):
    (tmp_path / "README.md").write_text("an officer's notes")
    result = init(tmp_path)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith(f"hwbsite init: {tmp_path} is not empty: ")
    assert tree(tmp_path) == {"README.md": b"an officer's notes"}


def test_force_adds_the_missing_files_and_never_replaces_one(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/board.yml").write_text("name: Mine\ncouncil: Mine\n")
    (tmp_path / "README.md").write_text("an officer's notes")
    result = init(tmp_path, "--force")
    assert result.exit_code == 0, result.output
    assert "kept README.md (it exists; not replaced)" in result.output
    assert (tmp_path / "README.md").read_text() == "an officer's notes"
    assert (tmp_path / "data/board.yml").read_text() == "name: Mine\ncouncil: Mine\n"
    assert (tmp_path / "mkdocs.yml").exists()


def test_an_unwritable_folder_is_refused_with_nothing_written(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    target = locked / "site"
    if os.access(locked, os.W_OK):   # root writes anywhere: a folder under /proc cannot be made by anyone
        target = Path("/proc/hwbsite-new-board")
    try:
        result = init(target)
    finally:
        locked.chmod(stat.S_IRWXU)
    assert result.exit_code == 1
    assert result.output.startswith(f"hwbsite init: {target} cannot be written: ")
    assert len(result.output.strip().splitlines()) == 1
    assert not target.exists() and tree(locked) == {}


def test_a_board_yml_for_another_format_is_refused_with_what_to_change(tmp_path):
    assert init(tmp_path / "b").exit_code == 0
    board = tmp_path / "b/data/board.yml"
    text = board.read_text().replace("\nhwbsite: 1\n", "\nhwbsite: 2\n")
    board.write_text(text)
    line = text.splitlines().index("hwbsite: 2") + 1
    errors = [p.format() for p in run_check(tmp_path / "b").errors]
    assert errors == [f"data/board.yml:{line}:1: error: hwbsite: this board.yml is written for hwbsite format 2, "
                      f"but hwbsite {__version__} reads format 1 (hint: install the hwbsite version the board's "
                      "requirements.txt pins (pip install -r requirements.txt), or upgrade hwbsite there)"]


def test_a_misspelled_board_field_says_where_and_what_was_meant(tmp_path):
    assert init(tmp_path / "b").exit_code == 0
    board = tmp_path / "b/data/board.yml"
    text = board.read_text().replace("\ncontact_email: null", "\ncontact_emial: null")
    board.write_text(text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("contact_emial:"))
    errors = [p.format() for p in run_check(tmp_path / "b").errors]
    assert len(errors) == 1 and errors[0].startswith(f"data/board.yml:{line}:1: error: ")
    assert "contact_email" in errors[0]


from test_cli_workflows import actionlint  # noqa: E402,F401  (the pinned actionlint fixture)


@pytest.mark.slow
def test_the_new_site_s_workflows_pass_actionlint(new_site, actionlint):  # noqa: F811 (the fixture)
    assert actionlint(new_site / ".github/workflows/check.yml", new_site / ".github/workflows/deploy.yml") == []



def test_the_package_names_nothing_of_rotherham():
    """Every board-specific word comes from the board's files: none is in hwbsite/ (docstrings and
    comments included). The built wheel is checked too (tests/test_package.py)."""
    found = {}
    for path in sorted((REPO / "hwbsite").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            words = hits(path.read_text(encoding="utf-8", errors="replace"))
            if words:
                found[path.relative_to(REPO).as_posix()] = words
    assert found == {}
