"""`hwbsite new` edits an officer's YAML with a round-trip YAML library: a commented file comes back
with its comments, key order and quoting, changed only where the edit says."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from hwbsite import yamledit
from hwbsite.skeletons import list_paper_on_item
from hwbsite.models.meetings import Meeting
from hwbsite.errors import ProblemLog
from hwbsite.validate import load_yaml_model

REPO = Path(__file__).resolve().parent.parent

MEETING = '''\
# The Board's meeting of 11 March 2026 (agenda as published 3 March).
date: 2026-03-11
time: "09:00"          # printed "9.00 a.m."
venue: 'Town Hall, Moorgate Street'
agenda:
  status: published
  published: null
  items:
    - number: "1"
      title: Apologies   # standing item
    - number: '2'
      title: "Better Care Fund"
      papers: [bcf-plan]   # the plan only; the appendix follows
      items:
        - number: 2A
          title: Quarter 3 return
          papers:
            - bcf-q3   # as tabled
    - {number: "3", title: "Any other business"}
# minutes: add them after the meeting
'''


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.fixture
def meeting_file(tmp_path) -> Path:
    (tmp_path / "data" / "meetings").mkdir(parents=True)
    path = tmp_path / "data" / "meetings" / "2026-03-11.yml"
    path.write_text(MEETING, encoding="utf-8")
    return path


def _item(path: Path, number: str):
    meeting = load_yaml_model(path, Meeting, ProblemLog(path.parents[2]))
    return next(i for i in meeting.agenda.walk() if i.number == number)


@pytest.mark.parametrize("number, expected", [
    ("1", ["+      papers: [new-paper]"]),                                          # no papers: yet
    ("2", ["-      papers: [bcf-plan]   # the plan only; the appendix follows",
           "+      papers: [bcf-plan, new-paper] # the plan only; the appendix follows"]),  # comment kept
    ("2A", ["+            - new-paper"]),                                           # a block list, nested
    ("3", ['-    - {number: "3", title: "Any other business"}',
           '+    - {number: "3", title: "Any other business", papers: [new-paper]}']),  # an item on one line
])
def test_listing_a_paper_changes_only_its_item(meeting_file, number, expected):
    assert list_paper_on_item(meeting_file.parents[2], meeting_file, _item(meeting_file, number), "new-paper")
    after = meeting_file.read_text(encoding="utf-8")
    assert changed_lines(MEETING, after) == expected
    assert _item(meeting_file, number).papers[-1] == "new-paper"


def test_a_file_laid_out_otherwise_is_left_as_it_was(meeting_file):
    head, agenda = MEETING.split("agenda:\n")
    odd = head + "agenda:\n" + "".join(f"  {line}" if line.startswith(" ") else line
                                      for line in agenda.splitlines(keepends=True))   # indented by 4
    meeting_file.write_text(odd, encoding="utf-8")
    item = _item(meeting_file, "1")
    assert not list_paper_on_item(meeting_file.parents[2], meeting_file, item, "new-paper")
    assert meeting_file.read_text(encoding="utf-8") == odd


def test_adding_minutes_keeps_the_file_and_drops_only_the_note():
    block = "minutes:\n  status: draft   # until the Board agrees them\n  items: []\n"
    after = yamledit.add_top_level_block(MEETING, "minutes", block, "# minutes: add them")
    assert changed_lines(MEETING, after) == ["-# minutes: add them after the meeting",
                                             "+minutes:", "+  status: draft   # until the Board agrees them",
                                             "+  items: []"]
    with pytest.raises(yamledit.NotEditable, match="already has minutes"):
        yamledit.add_top_level_block(after, "minutes", block)


def test_every_real_data_file_comes_back_byte_for_byte():
    # the layout guard refuses nothing hwbsite or Rotherham's officers wrote
    for path in sorted((REPO / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert yamledit.dump(yamledit.load(text)) == text, path


def test_new_person_keeps_the_comments_of_people_yml(tmp_path):
    from click.testing import CliRunner

    from hwbsite.cli import main
    people = tmp_path / "data" / "people.yml"
    people.parent.mkdir(parents=True)
    before = ("# People named in the papers.\npeople:\n  - id: ann-smith\n    name: 'Ann Smith'   # as printed\n"
              "    aliases: [\"A. Smith\"]\n# Officers below this line.\n")
    people.write_text(before, encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "person", "Dr Bo Li", "--role", "Director of Public Health",
                                       "--organisation", "RMBC", "--root", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    after = people.read_text(encoding="utf-8")
    assert "# People named in the papers." in after and "# Officers below this line." in after
    assert "name: 'Ann Smith'   # as printed" in after
    assert [line for line in changed_lines(before, after)] == [
        "+  - id: bo-li", '+    name: "Dr Bo Li"', "+    roles:", '+      - title: "Director of Public Health"',
        '+        organisation: "RMBC"']
