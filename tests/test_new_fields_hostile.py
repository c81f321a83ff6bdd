"""An attacker's and a privacy reviewer's pass over the fields issues 25, 26 and 27 added: a meeting's
``taking_part`` (how to attend, ask, watch: ``watch_url``, a clerk ``contact``), a seat's
``membership``, a paper's ``published_in``, a metric's ``headline`` category.

- Privacy by structure: tests/fixtures/exempt gives each of them to private business (the draft
  agenda's meeting has its own arrangements; a person named only by exempt business has a seat;
  an exempt, a draft-agenda and an embargoed paper say where they were published), marked ZZ...:
  no output of the builders holds a marker (test_exempt.py greps the built site the same way).
- Hostile values: what the field types refuse is refused at its file, line and field, by the same
  load that `hwbsite check` and the build run; what they accept is printed as the text written.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURES, copy_project
from hwbsite.output import build_output
from hwbsite.project import load_project
from hwbsite.publication import public_view

EXEMPT_TODAY = dt.date(2026, 2, 1)     # tests/fixtures/exempt/mkdocs.yml
MARKERS = ("ZZEXEMPT", "ZZDRAFT", "ZZEMBARGO")


def _outputs(root, today):
    project, log = load_project(root, today=today)
    assert log.errors == []
    return project, build_output(public_view(project, today))


def _text(item) -> str:
    """What the item puts on the site (an asset copied as it is: its file)."""
    data = item.text if item.text is not None else item.source.read_bytes()
    return data if isinstance(data, str) else data.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def exempt_outputs():
    return _outputs(FIXTURES / "exempt", EXEMPT_TODAY)


def test_the_fixture_gives_each_new_field_to_private_business(exempt_outputs):
    """The markers below are there to be kept out: a meeting's own arrangements under a draft
    agenda, a seat of a person only exempt business names, published_in on private papers."""
    project, _items = exempt_outputs
    draft = next(m for m in project.meetings if m.id == "2026-03-11")
    assert draft.agenda.status == "draft" and "ZZDRAFT" in draft.taking_part.contact.name
    zed = next(p for p in project.people if p.id == "zed-hidden")
    assert [r.membership for r in zed.board_roles] == ["member"]
    assert {pid for pid, p in project.papers.items() if p.published_in is not None} == {
        "exempt-report", "draft-agenda-paper", "embargoed-report"}


def test_no_output_holds_any_private_new_field(exempt_outputs):
    """Pages, downloads, feeds, calendars, open data and OParl, as the builders hand them to MkDocs."""
    _project, items = exempt_outputs
    kinds = {i.path.rsplit(".", 1)[-1] for i in items}
    assert {"md", "ics", "json", "csv", "xml"} <= kinds
    leaks = [(i.path, m) for i in items for m in MARKERS for form in (m, m.lower()) if form in _text(i)]
    assert leaks == []


def test_a_draft_agendas_meeting_gives_the_boards_arrangements_not_its_own(exempt_outputs, tmp_path):
    """The meeting keeps its date and place and the board's usual arrangements; once its agenda is
    published, its own arrangements are."""
    _project, items = exempt_outputs
    page = next(_text(i) for i in items if i.path == "meetings/2026-03-11.md")
    assert "{#taking-part}" in page
    assert "webcast.example" not in page and "Dee Clerk" not in page
    root = copy_project(FIXTURES / "exempt", tmp_path / "p")
    meeting = root / "data/meetings/2026-03-11.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("status: draft", "status: published"),
                       encoding="utf-8")
    _p, published = _outputs(root, EXEMPT_TODAY)
    page = next(_text(i) for i in published if i.path == "meetings/2026-03-11.md")
    assert "[https://webcast.example/zzdraft-watch](https://webcast.example/zzdraft-watch)" in page
    assert "**Contact:** ZZDRAFT-CLERK Dee Clerk, ZZDRAFT-CLERKROLE adviser: " in page


def test_a_seat_of_a_person_only_private_business_names_is_on_no_members_list(exempt_outputs):
    _project, items = exempt_outputs
    members = next(_text(i) for i in items if i.path == "people/members.md")
    oparl = "".join(_text(i) for i in items if i.path.startswith("oparl/"))
    assert "Zed Hidden" not in members and "zed-hidden" not in oparl
    assert "Councillor Ann Chair" in "".join(_text(i) for i in items if i.path == "people/index.md")
