"""Meeting pages read like a council's: a compact header, papers with their kind and length, and an
index with the upcoming meetings and a calendar of the years."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from hwbsite.output import build_output
from hwbsite.project import load_project
from hwbsite.publication import public_view

# The pages are the whole real site's output, built per test module: `make test` runs them, `make test-fast` not.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pages():
    project, log = load_project(REPO, today=dt.date(2017, 9, 20))
    assert log.errors == []
    return {i.path: i.text for i in build_output(public_view(project, dt.date(2017, 9, 20))) if i.is_page}


def test_the_header_gives_when_where_state_and_documents_in_three_lines(pages):
    md = pages["meetings/2017-09-20.md"]
    head = md[md.index("# Rotherham"):md.index("## Agenda")]
    assert "**Wednesday 20 September 2017**, 9am · Town Hall, Moorgate Street, Rotherham S60 2TH\n{: .hwb-meeting-when }" in head
    assert "Meeting status: Upcoming: agenda published · Agenda: Published · Minutes: Not yet available" in head
    # 12: the BCF 2017/19 narrative summary (seed 004) is not in this pack (hwbsite/provenance.py)
    assert ("[Agenda](#agenda) · 12 papers (listed under their items) · [Printable agenda pack](2017-09-20/pack.md)"
            " · [Add to your calendar](2017-09-20.ics)") in head
    assert "\nDate\n:" not in head       # no longer a screenful of definition lists


def test_each_paper_under_its_item_says_its_kind_and_length(pages):
    md = pages["meetings/2017-09-20.md"]
    assert ("- Paper: [Health and Wellbeing Strategy refresh and aligning with the Integrated Health and Social "
            "Care Place Plan](../papers/hwb-strategy-refresh-2017.md) (Report, ") in md
    line = next(x for x in md.splitlines() if "hwb-strategy-refresh-2017.md" in x and x.startswith("- Paper"))
    assert line.endswith(" words)")


def test_the_index_lists_upcoming_meetings_and_a_calendar_of_the_years(pages):
    md = pages["meetings/index.md"]
    upcoming = md[md.index("## Upcoming meetings"):md.index("## Calendar")]
    assert "- [Wednesday 20 September 2017](2017-09-20.md), 9am" in upcoming
    assert "- Wednesday 15 November 2017, 9am: Announced" in upcoming   # no page: not linked
    assert "- **2017**: July [5](2017-07-05.md); September [20](2017-09-20.md); November 15\n" in md
    assert "- **2014**: February [11](2014-02-11.md), 19\n" in md


def test_after_the_last_meeting_the_index_says_where_the_archive_ends():
    project, _log = load_project(REPO, today=dt.date(2026, 11, 30))
    md = next(i.text for i in build_output(public_view(project, dt.date(2026, 11, 30))) if i.path == "meetings/index.md")
    upcoming = md[md.index("## Upcoming meetings"):md.index("## Calendar")]
    assert "No future meeting is known. This archive ends at the [meeting of Wednesday 20 September 2017](2017-09-20.md)." \
        in upcoming


def test_the_page_title_names_the_meeting_without_repeating_the_board(pages):
    """The browser tab and, once the reader scrolls on a phone, the header show the page's title;
    beside the site's name, the board's name again left "Rotherham Health and …" on a phone."""
    from mkdocs.utils.meta import get_data
    md = pages["meetings/2017-07-05.md"]
    assert get_data(md)[1]["title"] == "Meeting, Wednesday 5 July 2017"
    assert "\n# Rotherham Health and Wellbeing Board, Wednesday 5 July 2017\n" in md   # the paper's own heading
    assert get_data(pages["meetings/2017-09-20/pack.md"])[1]["title"] == "Agenda pack: meeting, Wednesday 20 September 2017"
