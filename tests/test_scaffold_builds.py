"""What `hwbsite check` passes, the strict build passes: scaffolds for random dates and archives.

`hwbsite new meeting` writes a file in an archive whose previous meeting may be missing, held with
or without minutes, cancelled or moved. The officer then publishes the agenda. The fast tests check
that `hwbsite check` agrees with the output list (every internal link and anchor resolves exactly
when the check passes); the slow one builds each case with `mkdocs build --strict`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, build, copy_project
from hwbsite import buildcheck, output
from hwbsite.checkrun import run_check
from hwbsite.cli import main
from hwbsite.project import load_project
from hwbsite.publication import public_view

BUILD_DATE = dt.date(2026, 11, 30)
STATES = ["held-with-minutes", "held-no-minutes", "cancelled", "moved", "draft-agenda-with-minutes"]
VALIDATION = """
validation:
  nav: {omitted_files: warn, not_found: warn}
  links: {not_found: warn, anchors: warn, absolute_links: info, unrecognized_links: warn}
"""


def previous_file(day: dt.date, state: str) -> str:
    text = f'date: {day.isoformat()}\ntime: "10:00"\nvenue: County Hall\n'
    status = {"cancelled": "cancelled", "moved": "moved"}.get(state, "held")
    text += f"status: {status}\n"
    if state == "moved":
        text += f"moved_to: {(day + dt.timedelta(days=1)).isoformat()}\n"
    text += "agenda:\n"
    if state.startswith("draft-agenda"):
        text += "  status: draft\n"
    text += '  items:\n    - number: "1"\n      title: Apologies for absence\n'
    if state.endswith("with-minutes"):
        text += ("minutes:\n  status: approved\n  attendance:\n    present:\n"
                 '      - {name: "Cllr A. Chair", chair: true}\n  items:\n    - number: 1\n'
                 "      title: Apologies for absence\n      body: None were received.\n")
    return text


def make_archive(root: Path, history: list[str], first: dt.date) -> None:
    """A fixture project whose meetings, 28 days apart from `first`, have the given states."""
    copy_project(FIXTURES / "minimal", root)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + VALIDATION)
    board = root / "data/board.yml"
    board.write_text(board.read_text() + "standing_items:\n  - Apologies for absence\n"
                     "  - Minutes of the previous meeting\n")
    for old in (root / "data/meetings").glob("*.yml"):
        old.unlink()
    for n, state in enumerate(history):
        day = first + dt.timedelta(days=28 * n)
        (root / f"data/meetings/{day.isoformat()}.yml").write_text(previous_file(day, state))


def new_meeting(root: Path, day: dt.date, publish: bool = True) -> Path:
    result = CliRunner().invoke(main, ["new", "meeting", day.isoformat(), "--root", str(root)])
    assert result.exit_code == 0, result.output
    path = root / f"data/meetings/{day.isoformat()}.yml"
    if publish:  # what the officer does when the agenda is sent out
        path.write_text(path.read_text().replace("  status: draft ", "  status: published "))
    return path


def check_and_links(root: Path, build_date: dt.date = BUILD_DATE) -> tuple[list[str], list]:
    """(errors from `hwbsite check`, broken links of the output list built from the same data)."""
    errors = [p.format() for p in run_check(root, build_date=build_date).errors]
    project, _log = load_project(root, today=build_date)
    broken = buildcheck.broken_links(output.build_output(public_view(project, build_date)))
    return errors, broken


archives = st.tuples(
    st.lists(st.sampled_from(STATES), max_size=3),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(archives)
@pytest.mark.slow   # checks and builds a whole generated archive
def test_a_new_meeting_passes_check_and_every_link_of_the_site_resolves(tmp_path_factory, archive):
    history, first = archive
    root = tmp_path_factory.mktemp("archive")
    make_archive(root, history, first)
    day = first + dt.timedelta(days=28 * len(history) + 7)
    new_meeting(root, day)
    # the day before the new meeting: the archive is past, the new meeting upcoming (an archive
    # dated after a fixed build date would have minutes from the future, an error of its own)
    errors, broken = check_and_links(root, day - dt.timedelta(days=1))
    assert errors == [] and broken == []


def test_the_scaffold_links_minutes_only_when_they_are_published(tmp_path):
    make_archive(tmp_path, ["held-with-minutes", "held-no-minutes"], dt.date(2017, 8, 23))
    said = CliRunner().invoke(main, ["new", "meeting", "2017-10-01", "--root", str(tmp_path)]).output
    assert "minutes_of: is left as a note: the meeting of 2017-09-20 has no minutes in its file yet" in said
    text = (tmp_path / "data/meetings/2017-10-01.yml").read_text()
    assert "\n      minutes_of:" not in text
    assert "# minutes_of: 2017-09-20   # remove the # once data/meetings/2017-09-20.yml has its minutes" in text

    make_archive(tmp_path / "b", ["held-with-minutes", "cancelled"], dt.date(2017, 8, 23))
    text = new_meeting(tmp_path / "b", dt.date(2017, 10, 1), publish=False).read_text()
    assert "      minutes_of: 2017-08-23   # the meeting whose minutes are approved" in text


def test_minutes_of_a_meeting_without_minutes_is_an_error_at_its_line_and_the_links_agree(tmp_path):
    make_archive(tmp_path, ["held-with-minutes", "held-no-minutes"], dt.date(2017, 8, 23))
    path = new_meeting(tmp_path, dt.date(2017, 10, 1))
    text = path.read_text().replace("# minutes_of: 2017-09-20", "minutes_of: 2017-09-20")
    path.write_text(text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith("minutes_of:"))
    errors, broken = check_and_links(tmp_path)
    assert errors == [f"data/meetings/2017-10-01.yml:{line}:7: error: minutes_of: the meeting of 2017-09-20 "
                      "has no minutes yet, so the link to them would be broken (hint: remove minutes_of: until "
                      "data/meetings/2017-09-20.yml has minutes:; the latest earlier meeting with minutes is "
                      "2017-08-23)"]
    assert [(b.page, b.target) for b in broken] == [("meetings/2017-10-01.md", "2017-09-20.md#minutes")]


def test_a_broken_link_the_data_rules_miss_is_still_an_error_at_the_page_line(tmp_path):
    make_archive(tmp_path, [], dt.date(2017, 8, 23))
    page = tmp_path / "content/index.md"
    page.write_text(page.read_text() + "\nSee [the old plan](papers/old-plan.md#aims).\n")
    line = len(page.read_text().splitlines())
    errors, broken = check_and_links(tmp_path)
    assert [b.target for b in broken] == ["papers/old-plan.md#aims"]
    assert len(errors) == 1 and errors[0].startswith(f"content/index.md:{line}:")
    assert "there is no page papers/old-plan.md" in errors[0]


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(archives)
def test_each_scaffold_builds_with_mkdocs_strict(tmp_path_factory, archive):
    history, first = archive
    root = tmp_path_factory.mktemp("built")
    make_archive(root, history, first)
    day = first + dt.timedelta(days=28 * len(history) + 7)
    new_meeting(root, day)
    before = day - dt.timedelta(days=1)  # the archive past, the new meeting upcoming (as above)
    assert run_check(root, build_date=before).errors == []
    site = build(root, strict=True, build_date=before.isoformat())
    assert (site / "meetings/index.html").exists()


def test_a_nav_entry_the_site_does_not_have_is_an_error_at_its_line(tmp_path):
    make_archive(tmp_path, [], dt.date(2017, 8, 23))
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Topics: topics/index.md\n",
                                                 "  - Topics: topics/index.md\n  - Plan: plan.md\n"))
    line = next(n for n, t in enumerate(config.read_text().splitlines(), 1) if "plan.md" in t)
    errors = [p.format() for p in run_check(tmp_path, build_date=BUILD_DATE).errors]
    assert errors == [f"mkdocs.yml:{line}:11: error: nav: the nav names 'plan.md', which the site does not have "
                      "(hint: add the page under content/, or remove it from the nav)"]


def test_a_hand_written_page_the_nav_leaves_out_is_an_error_at_the_page(tmp_path):
    make_archive(tmp_path, [], dt.date(2017, 8, 23))
    (tmp_path / "content/extra.md").write_text("# Extra\n")
    errors = [p.format() for p in run_check(tmp_path, build_date=BUILD_DATE).errors]
    assert errors == ["content/extra.md:1:1: error: the page extra.md is not in the nav of mkdocs.yml "
                      "(hint: add it under nav: in mkdocs.yml (e.g. - Title: extra.md))"]


def test_files_in_the_docs_folder_are_link_targets_and_missing_ones_are_errors(tmp_path):
    make_archive(tmp_path, [], dt.date(2017, 8, 23))
    (tmp_path / "content/img").mkdir()
    (tmp_path / "content/img/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(8))
    page = tmp_path / "content/index.md"
    page.write_text(page.read_text() + "\n![Logo](img/logo.png) and [the plan](img/plan.pdf)\n")
    line = len(page.read_text().splitlines())
    errors = [p.format() for p in run_check(tmp_path, build_date=BUILD_DATE).errors]
    assert errors == [f"content/index.md:{line}:38: error: the page index.md would have a broken link "
                      "'img/plan.pdf': there is no file img/plan.pdf (hint: mkdocs build --strict stops on it; "
                      "fix or remove the link)"]
