"""Bad input from the officers' workflow: each a located message, nothing half-built."""

from __future__ import annotations

from click.testing import CliRunner

from hwbsite.cli import main
from hwbsite.project import load_project


def test_two_files_for_one_meeting_date_after_a_merge(real_data_copy):
    meetings = real_data_copy / "data/meetings"
    (meetings / "2017-09-20.yaml").write_text((meetings / "2017-09-20.yml").read_text())
    result = CliRunner().invoke(main, ["check", str(real_data_copy)])
    assert result.exit_code == 1
    assert ("data/meetings/2017-09-20.yml:1:1: error: date: data/meetings/2017-09-20.yaml already holds the "
            "meeting on 2017-09-20 (hint: keep one file per meeting: merge the two files' contents and delete "
            "this one)") in result.output


def test_a_paper_moved_to_another_meeting(real_data_copy):
    paper = real_data_copy / "content/papers/hwb-strategy-refresh-2017.md"
    paper.write_text(paper.read_text().replace("meeting: 2017-09-20", "meeting: 2017-07-05"))
    _project, log = load_project(real_data_copy)
    found = [p.format() for p in log.problems if "hwb-strategy-refresh-2017" in p.format()]
    assert "content/papers/hwb-strategy-refresh-2017.md:6:1: error: item: meeting 2017-07-05 has no agenda " \
           "item '10'" in found
    listed = next(p for p in log.problems if p.code == "paper-moved")
    assert (listed.file, listed.field) == ("data/meetings/2017-09-20.yml", "papers")
    assert listed.message == "paper 'hwb-strategy-refresh-2017' says it is for the meeting of 2017-07-05, " \
                             "item 10, not this one"
