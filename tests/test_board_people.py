"""The board as people (issue 27): who sits on it and how often they came, how the public takes
part in each meeting, the meetings month by month, agenda headings by level, and the 404 page.

The fixture tests/fixtures/board-people holds a chair with a term, a vice-chair and a member who
each missed a meeting (one with a substitute there), a former member, a member whose term starts
after the last minuted meeting, a meeting held without minutes (not counted), a meeting to come
with its own webcast and clerk, and a cancelled one. Build date: 1 June 2026.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import FIXTURES, build, copy_project
from hwbsite.output import build_output
from hwbsite.project import load_project
from hwbsite.publication import public_view

TODAY = dt.date(2026, 6, 1)


def _pages(root):
    project, log = load_project(root, today=TODAY)
    assert log.errors == []
    return {i.path: i.text for i in build_output(public_view(project, TODAY)) if i.is_page}


@pytest.fixture(scope="module")
def pages():
    return _pages(FIXTURES / "board-people")


def _line(md: str, name: str) -> str:
    return next(x for x in md.splitlines() if x.startswith(f"- **[{name}]"))


def test_members_are_grouped_chair_first_and_only_seats_are_listed(pages):
    md = pages["people/members.md"]
    headings = [x for x in md.splitlines() if x.startswith("## ")]
    assert headings == ["## Chair {#chair}", "## Vice-chair {#vice-chair}", "## Members {#member}",
                        "## Substitute {#substitute}", "## Former member {#former-member}"]
    assert "Olly Officer" not in md          # an officer has no seat
    assert md.index("Mo Member") < md.index("Nia New")   # by surname within a group


def test_attendance_is_counted_from_minutes_with_an_attendance_list_within_the_term(pages):
    md = pages["people/members.md"]
    # two meetings have minutes listing who was present; 20 May 2026 (no minutes) is counted for nobody
    assert "Attended 2 of 2 meetings since 14 January 2026" in _line(md, "Councillor Ann Chair")
    assert _line(md, "Vic Vice").endswith("Attended 1 of 2 meetings since 14 January 2026 (apologies for 1).")
    assert _line(md, "Mo Member").endswith(
        "Attended 1 of 2 meetings since 14 January 2026 (a substitute attended 1; apologies for 1).")
    assert _line(md, "Sam Sub").endswith("Present at 1 of 2 meetings since 14 January 2026.")
    # the term ended on 1 February 2026: only the January meeting falls in it
    assert _line(md, "Fay Former").endswith("Term: until 1 February 2026. Attended 1 of 1 meeting since 14 January 2026.")
    # the term began after the last minutes: nothing to count, and the page says so
    assert _line(md, "Nia New").endswith(
        "Term: from 1 April 2026. No published minutes with an attendance list fall in this term.")
    assert "Term: not stated in the papers" in _line(md, "Vic Vice")
    assert "[14 January 2026](../meetings/2026-01-14.md#attendance) and [11 March 2026]" in md


def test_people_index_and_meetings_index_link_the_members_page(pages):
    assert "[Who sits on the board](members.md): the members" in pages["people/index.md"]
    assert "[Who sits on the board](../people/members.md)" in pages["meetings/index.md"]


def test_a_meeting_to_come_says_how_to_attend_ask_watch_and_whom_to_contact(pages):
    md = pages["meetings/2026-07-15.md"]
    part = md[md.index("## Attend, ask a question or watch {#taking-part}"):md.index("## Agenda")]
    # the board's text, escaped: its Markdown characters are shown, not obeyed
    assert r"**Attend:** Meetings are open to the public; arrive \*early\* at the \[main\] door." in part
    assert "**Ask a question:** Send questions to the clerk three working days before." in part
    # the meeting's own webcast and clerk replace the board's; the contact is replaced whole
    assert "**Watch:** This meeting is webcast. [https://webcast.peopleshire.example/](<https://webcast.peopleshire.example/>)" in part
    assert "**Contact:** Lee Clerk: [lee.clerk@peopleshire.example](mailto:lee.clerk@peopleshire.example)\n" in part
    assert "01234 567890" not in part and "Democratic Services" not in part
    assert "has not been told" not in part


def test_a_past_meeting_keeps_only_watch_and_contact_and_names_what_is_missing(pages):
    md = pages["meetings/2026-03-11.md"]
    part = md[md.index("## Watch and contact {#taking-part}"):md.index("## Agenda")]
    assert "**Attend:**" not in part and "**Ask a question:**" not in part
    assert ("**Contact:** Democratic Services: [democratic.services@peopleshire.example]"
            "(mailto:democratic.services@peopleshire.example), telephone 01234 567890") in part
    assert "This site has not been told whether a recording can be watched." in part


def test_a_cancelled_meeting_has_no_taking_part_section(pages):
    assert "{#taking-part}" not in pages["meetings/2026-09-09.md"]


def test_a_board_without_arrangements_says_so_and_gives_its_published_contact(tmp_path):
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    board = root / "data" / "board.yml"
    text = board.read_text(encoding="utf-8")
    board.write_text(text[:text.index("taking_part:")], encoding="utf-8")
    (root / "data" / "meetings" / "2026-07-15.yml").write_text(
        "date: 2026-07-15\ntime: \"14:00\"\nstatus: scheduled\n", encoding="utf-8")
    md = _pages(root)["meetings/2026-07-15.md"]
    part = md[md.index("{#taking-part}"):]
    assert ("This site has not been told how to attend, how to ask a question, whether it can be watched or "
            "whom to contact about it. The board's published contact: write to Peopleshire Council, Civic "
            "Centre, PE1 1AA.") in part
    assert "**Attend:**" not in part


def test_a_bad_contact_email_is_refused_naming_file_and_field(tmp_path):
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    board = root / "data" / "board.yml"
    board.write_text(board.read_text(encoding="utf-8").replace(
        "democratic.services@peopleshire.example", "not an address"), encoding="utf-8")
    _project, log = load_project(root, today=TODAY)
    assert len(log.errors) == 1
    problem = log.errors[0]
    text = str(problem)
    assert "board.yml" in text and "email" in text and "expected an email address" in text
    assert (problem.line, problem.field) == (9, "taking_part.contact.email")


def test_a_person_cannot_take_the_members_page_address(tmp_path):
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    people = root / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("id: olly-officer", "id: members"), encoding="utf-8")
    _project, log = load_project(root, today=TODAY)
    assert [e for e in log.errors if "people section" in str(e) and "people.yml" in str(e)]


def test_the_calendar_has_a_table_per_year_and_a_row_per_month(pages):
    md = pages["meetings/calendar.md"]
    assert md.index("## 2026 {#year-2026}") > 0
    rows = [x for x in md.splitlines() if x.startswith("| ") and "2026 |" in x]
    assert len(rows) == 12
    assert "| January 2026 | [Wednesday 14 January, 10am](2026-01-14.md): Held |" in md
    assert "| February 2026 | None in this archive |" in md        # never "no meeting": the archive may be partial
    assert "| July 2026 | [Wednesday 15 July, 2pm](2026-07-15.md): Upcoming: agenda published |" in md
    assert "| September 2026 | [Wednesday 9 September](2026-09-09.md): Cancelled |" in md
    assert "[The calendar, month by month](calendar.md)" in pages["meetings/index.md"]


def test_agenda_headings_follow_the_agenda_levels(pages):
    md = pages["meetings/2026-07-15.md"]
    assert "### 1. Apologies for absence {#item-1 .hwb-agenda-item}" in md          # no section: h3
    assert "### For Discussion {#" in md
    assert "#### 3. Better Care Fund plan {#item-3 .hwb-agenda-item}" in md         # under its section
    assert "##### 3A. Improved Better Care Fund {#item-3a .hwb-agenda-subitem}" in md  # one level deeper


def test_the_home_page_reaches_the_next_meetings_taking_part_and_the_members(pages):
    md = pages["index.md"]
    assert "[How to attend, ask a question or watch](meetings/2026-07-15.md#taking-part)" in md
    assert "[Who sits on the board](people/members.md)" in md
    assert "[Calendar](meetings/calendar.md)" in md


def test_built_site_404_offers_search_and_the_sections(tmp_path):
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    site = build(root, build_date=TODAY.isoformat())
    html = (site / "404.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<h1>Page not found</h1>" in article and "404 - Not found" not in article
    assert 'action="/search/" method="get"' in article and 'name="q"' in article
    for href, title in (("/meetings/", "Meetings"), ("/people/", "People"), ("/decisions/", "Decisions")):
        assert f'<a href="{href}">{title}</a>' in article
    # the members and calendar pages are built and reachable (strict build: links resolve)
    assert (site / "people" / "members" / "index.html").exists()
    assert (site / "meetings" / "calendar" / "index.html").exists()
    shutil.rmtree(site)
