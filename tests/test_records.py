"""Meeting records: minutes, decisions, actions, people, topics and their links."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO, build
from hwbsite.project import load_project
from test_build import main_text


def resolutions_in(meeting_file: Path) -> list:
    data = yaml.safe_load(meeting_file.read_text())
    out = []
    for minute in data["minutes"]["items"]:
        out += minute.get("resolutions") or []
        for section in minute.get("sections") or []:
            out += section.get("resolutions") or []
    return out


def test_decisions_register_has_every_resolution_with_a_permanent_link(rotherham_site):
    expected = resolutions_in(REPO / "data/meetings/2017-07-05.yml")
    raw = (rotherham_site / "decisions/index.html").read_text()
    links = re.findall(r'href="\.\./meetings/2017-07-05/#(minute-\d+-r\w+)"', raw)
    assert len(links) == len(expected) >= 15
    # every permalink target exists on the meeting page
    meeting = (rotherham_site / "meetings/2017-07-05/index.html").read_text()
    for anchor in links:
        assert f'id="{anchor}"' in meeting
    # numbering that runs across sub-headings inside minute 18 keeps its published numbers
    assert 'id="minute-18-r4"' in meeting and 'id="minute-18-r8"' in meeting


def test_minutes_show_attendance_categories_and_chair(rotherham_site):
    text = main_text(rotherham_site / "meetings/2017-07-05/index.html")
    for heading in ("Present", "Report presenters", "Officers", "Observers", "Apologies for absence"):
        assert heading in text
    assert "Councillor D. Roche, Cabinet Member for Adult Social Care and Health (in the Chair)" in text
    assert "Dominic Blaydon, Associate Director of Transformation, RFT (representing Louise Barnett)" in text
    assert "Approximately 10 members of the public were in attendance." in text
    assert "There were no declarations of interest." in text
    # the agenda of 20 September 2017 lists these minutes for approval (item 6)
    assert "Published; listed for approval at the meeting of 20 September 2017" in text


def test_one_person_page_for_two_spellings(rotherham_site):
    page = rotherham_site / "people/ruth-fletcher-brown/index.html"
    text = main_text(page)
    assert "Ruth Fletcher Brown" in text  # the other spelling is listed as an alias
    assert "Presented a report" in text and "5 July 2017" in text
    assert not (rotherham_site / "people/ruth-fletcher-brown-2").exists()


def test_person_page_records_representation_and_apologies(rotherham_site):
    text = main_text(rotherham_site / "people/louise-barnett/index.html")
    assert "Apologies" in text and "represented by Dominic Blaydon" in text


def test_action_log_links_owner_and_minute(rotherham_site):
    raw = (rotherham_site / "actions/index.html").read_text()
    assert 'href="../people/terri-roche/"' in raw
    assert 'href="../meetings/2017-07-05/#minute-21-a1"' in raw
    assert 'id="minute-21-a1"' in (rotherham_site / "meetings/2017-07-05/index.html").read_text()
    assert "Terri Roche" in main_text(rotherham_site / "actions/index.html")
    person = (rotherham_site / "people/terri-roche/index.html").read_text()
    assert "minute-21-a1" in person


def test_topic_page_follows_a_subject_and_links_back(rotherham_site):
    raw = (rotherham_site / "topics/better-care-fund/index.html").read_text()
    assert "2017-09-20/#item-15" in raw and "papers/bcf-plan-2017-19/" in raw
    text = main_text(rotherham_site / "topics/better-care-fund/index.html")
    assert text.index("11 February 2014") < text.index("20 September 2017")
    paper = (rotherham_site / "papers/bcf-plan-2017-19/index.html").read_text()
    assert "topics/better-care-fund/" in paper


# --- meeting state and bad input, on a small fixture ---------------------------------------

@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    return tmp_path / "p"


def edit(root: Path, old: str, new: str) -> None:
    path = root / "data/meetings/2026-01-14.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def problems(root: Path, severity: str = "error") -> list[str]:
    _p, log = load_project(root)
    return [p.format() for p in log.problems if p.severity.value == severity]


@pytest.mark.parametrize("status, extra, shown", [
    ("cancelled", "", "This meeting was cancelled."),
    ("moved", "moved_to: 2026-01-21\n", "This meeting has moved to Wednesday 21 January 2026."),
    ("scheduled", "", "Upcoming: agenda published"),
])
def test_meeting_state_is_shown_on_the_page_and_the_index(root, status, extra, shown):
    edit(root, "status: held\n", f"status: {status}\n{extra}")
    build_date = None  # the fixture's own, after the meeting
    if status == "scheduled":
        # upcoming: built the day before the meeting, which has no minutes yet (minutes of a
        # meeting after the build date are an error: future.py)
        path = root / "data/meetings/2026-01-14.yml"
        path.write_text(path.read_text().split("\nminutes:")[0] + "\n")
        build_date = "2026-01-13"
    site = build(root, build_date=build_date)
    assert shown in main_text(site / "meetings/2026-01-14/index.html")
    index = main_text(site / "meetings/index.html")
    assert {"moved": "Moved to Wednesday 21 January 2026", "scheduled": "Upcoming: agenda published"}.get(
        status, status.capitalize()) in index


def test_resolution_numbered_twice_is_an_error(root):
    edit(root, "        - {number: 1, text: That the refresh be noted.}\n",
         "        - {number: 1, text: That the refresh be noted.}\n        - {number: 1, text: Again.}\n")
    (e,) = problems(root)
    assert e.startswith("data/meetings/2026-01-14.yml:29:12: error: number: resolution (1) is numbered twice in minute 1 "
                        "(first at line 28)")


def test_person_present_and_absent_is_an_error(root):
    edit(root, '      - {name: "Bob Officer"}', '      - {name: "Cllr A. Chair"}')
    (e,) = problems(root)
    assert e.startswith("data/meetings/2026-01-14.yml:21:9: error: attendance.apologies: 'Cllr A. Chair' "
                        "is listed both as attending and as sending apologies")


def test_unknown_attendee_is_a_warning_naming_the_line(root):
    edit(root, '      - {name: "Bob Officer"}', '      - {name: "Carol Unknown"}')
    assert problems(root) == []
    (w,) = [w for w in problems(root, "warning") if "people file" in w]
    assert w.startswith("data/meetings/2026-01-14.yml:21:9: warning: attendance.apologies: 'Carol Unknown' "
                        "is not in the people file")


def test_action_without_owner_is_an_error(root):
    edit(root, '        - {owner: "Cllr A. Chair", resolution: 1}', "        - {resolution: 1}")
    (e,) = problems(root)
    assert "data/meetings/2026-01-14.yml:30:11: error: minutes.items[0].actions[0].owner" in e and "required field 'owner' is missing" in e


def test_minute_citing_an_unknown_minute_is_an_error(root):
    edit(root, "      body: The board discussed the refresh.\n",
         "      body: The board discussed the refresh.\n      matters_arising:\n"
         "        - minute: {meeting: 2026-01-14, number: 9}\n          text: Progress was noted.\n")
    (e,) = problems(root)
    assert e.startswith("data/meetings/2026-01-14.yml:28:41: error: minute:")
    assert "minute 9 of 2026-01-14 does not exist" in e


def test_declarations_show_in_the_minutes_and_on_the_persons_page(root):
    edit(root, "  declarations: {none_declared: true}\n",
         "  declarations:\n    entries:\n      - {name: \"Cllr A. Chair\", item: \"2\", "
         "interest: Her employer bids for the contract, kind: pecuniary}\n")
    site = build(root)
    minutes = main_text(site / "meetings/2026-01-14/index.html")
    assert "Cllr A. Chair, item 2: Her employer bids for the contract (pecuniary)" in minutes
    person = main_text(site / "people/ann-chair/index.html")
    assert "Declarations of interest" in person and "item 2: Her employer bids for the contract" in person
