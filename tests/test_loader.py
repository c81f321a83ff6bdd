"""The loader: positions on every object, every error in one run, clear messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hwbsite.project import load_project

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project_dir(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    return tmp_path / "p"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def errors(root: Path) -> list[str]:
    _project, log = load_project(root)
    return [p.format() for p in log.errors]


MEETING = """\
date: 2026-03-11
time: "10:00"
agenda:
  items:
    - number: "1"
      title: Apologies
    - number: "2"
      title: Better Care Fund
      pages: "14 to 23"
"""


def test_valid_fixture_loads_with_positions(project_dir):
    project, log = load_project(project_dir)
    assert log.errors == []
    meeting = project.meeting("2026-01-14")
    item = meeting.agenda.items[1]
    assert (item.src.file, item.src.line) == ("data/meetings/2026-01-14.yml", 9)
    assert item.pos_of("pages").line == 14
    assert meeting.minutes.items[0].resolutions[0].src.line > item.src.line


def test_error_names_file_line_column_field_and_expectation(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", MEETING)
    assert errors(project_dir) == [
        'data/meetings/2026-03-11.yml:9:7: error: agenda.items[1].pages: expected "N-M" page range, '
        'got "14 to 23" (hint: write it like "14-23")'
    ]


def test_all_errors_in_all_files_are_reported_in_one_run(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", MEETING)
    write(project_dir / "data/meetings/2026-05-13.yml", "date: 2026-05-13\nvenu: Town Hall\nstatus: maybe\n")
    found = errors(project_dir)
    assert len(found) == 3
    assert any("2026-03-11.yml:9:7" in e for e in found)
    assert any("2026-05-13.yml:2:1" in e and "unknown key 'venu'" in e and "did you mean 'venue'?" in e
               for e in found)
    assert any("2026-05-13.yml:3:1" in e and "status" in e and "'scheduled'" in e for e in found)


def test_wrong_type_is_explained(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", "date: 2026-03-11\ntime: 9:30\n")
    (e,) = errors(project_dir)
    assert e.startswith("data/meetings/2026-03-11.yml:2:1: error: time: expected text, got 570")
    assert 'write times in quotes' in e


def test_missing_required_field(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml",
          "date: 2026-03-11\nagenda:\n  items:\n    - number: '1'\n")
    (e,) = errors(project_dir)
    assert "data/meetings/2026-03-11.yml:4:7" in e
    assert "agenda.items[0].title: required field 'title' is missing" in e


def test_impossible_date(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", "date: 2026-03-11\nmoved_to: 2026-06-31\nstatus: moved\n")
    found = errors(project_dir)
    assert any(e.startswith("data/meetings/2026-03-11.yml:2:11: error: moved_to: impossible date '2026-06-31'")
               for e in found)


def test_malformed_yaml(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", "date: 2026-03-11\nagenda:\n  items: [unclosed\n")
    (e,) = errors(project_dir)
    assert e.startswith("data/meetings/2026-03-11.yml:")
    assert "YAML syntax error" in e


def test_tab_indentation_gets_a_hint(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", "date: 2026-03-11\nagenda:\n\titems: []\n")
    (e,) = errors(project_dir)
    assert "data/meetings/2026-03-11.yml:3:1" in e
    assert "indent with spaces, not tabs" in e


def test_python_tags_are_refused(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml",
          "date: 2026-03-11\nvenue: !!python/object/apply:os.system ['echo hacked']\n")
    (e,) = errors(project_dir)
    assert "data/meetings/2026-03-11.yml:2:8" in e
    assert "not allowed" in e


def test_unknown_key_without_near_miss_lists_allowed_keys(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", "date: 2026-03-11\nzzz: 1\n")
    (e,) = errors(project_dir)
    assert "unknown key 'zzz'" in e and "allowed keys:" in e and "venue" in e


def test_file_name_must_match_meeting_date(project_dir):
    write(project_dir / "data/meetings/2026-03-12.yml", "date: 2026-03-11\n")
    (e,) = errors(project_dir)
    assert "data/meetings/2026-03-12.yml:1:1" in e and "does not match the file name" in e


def test_duplicate_keys_are_errors(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml", "date: 2026-03-11\nvenue: A\nvenue: B\n")
    (e,) = errors(project_dir)
    assert "data/meetings/2026-03-11.yml:3:1" in e and "duplicate key 'venue'" in e


def test_raw_html_in_text_is_refused(project_dir):
    write(project_dir / "data/meetings/2026-03-11.yml",
          "date: 2026-03-11\nagenda:\n  items:\n    - number: '1'\n      title: <script>alert(1)</script>\n")
    (e,) = errors(project_dir)
    assert "data/meetings/2026-03-11.yml:5:7" in e and "the public site does not allow <script>" in e
