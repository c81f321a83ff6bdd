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
from markupsafe import escape

from hwbsite import htmlsafety
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
    assert "[https://webcast.example/zzdraft-watch](<https://webcast.example/zzdraft-watch>)" in page
    assert "**Contact:** ZZDRAFT-CLERK Dee Clerk, ZZDRAFT-CLERKROLE adviser: " in page


def test_a_seat_of_a_person_only_private_business_names_is_on_no_members_list(exempt_outputs):
    _project, items = exempt_outputs
    members = next(_text(i) for i in items if i.path == "people/members.md")
    oparl = "".join(_text(i) for i in items if i.path.startswith("oparl/"))
    assert "Zed Hidden" not in members and "zed-hidden" not in oparl
    assert "Councillor Ann Chair" in "".join(_text(i) for i in items if i.path == "people/index.md")


# ----------------------------------------------------------------------------------------- refused

PEOPLE_TODAY = dt.date(2026, 6, 1)   # tests/fixtures/board-people

BAD_WATCH_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https:evil.example",                       # no host: a browser reads it as a page of this site
    "https://webcast.example/\u202egpj.exe",    # a bidi override shows one address and links another
    "https://webcast.example/a\nb",
    "https://webcast.example/a b",
    "https://webcast.example\\@evil.example/",  # a browser reads "\" as "/"
    "https://webcast.example/\"onmouseover=\"alert(1)",
]
BAD_EMAILS = [
    "clerk@peopleshire.example?bcc=everyone@peopleshire.example",   # mailto: header injection
    "clerk@peopleshire.example&subject=Urgent",
    "clerk@peopleshire.example%0Abcc:x@y.example",
    "clerk@peopleshire.example#x",
    "clerk@peopleshire.example\u202e",
    "\"><script>alert(1)</script>@peopleshire.example",
    "javascript:alert(1)//@peopleshire.example",
    "x" * 250 + "@peopleshire.example",
]


def _yaml_string(value: str) -> str:
    """A YAML double-quoted scalar holding exactly value (JSON is YAML)."""
    import json
    return json.dumps(value)


def _refused(tmp_path, file: str, old: str, new: str):
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    _project, log = load_project(root, today=PEOPLE_TODAY)
    return log.errors, line


@pytest.mark.parametrize("file", ["data/board.yml", "data/meetings/2026-07-15.yml"])
@pytest.mark.parametrize("url", BAD_WATCH_URLS)
def test_a_watch_url_that_is_no_web_address_is_refused_at_its_line(tmp_path, file, url):
    """Board-wide or a meeting's own: one error, at the file, line and field, by the load that
    `hwbsite check` and the build share (so neither passes what the other refuses)."""
    old = ("  questions:" if file.endswith("board.yml") else "  watch_url: https://webcast.peopleshire.example/")
    new = f"  watch_url: {_yaml_string(url)}\n" + (old if file.endswith("board.yml") else "")
    errors, line = _refused(tmp_path, file, old, new)
    assert [(e.file, e.line, e.field) for e in errors] == [(file, line, "taking_part.watch_url")]
    assert "expected a web address starting https:// or http://" in errors[0].message
    assert "\u202e" not in str(errors[0])    # quoted visibly, so it cannot reorder the message


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_a_contact_email_that_would_forge_a_mailto_link_is_refused_at_its_line(tmp_path, email):
    for file, old in (("data/board.yml", "email: democratic.services@peopleshire.example"),
                      ("data/meetings/2026-07-15.yml", "email: lee.clerk@peopleshire.example")):
        errors, line = _refused(tmp_path / file.replace("/", "-"), file, old, f"email: {_yaml_string(email)}")
        assert [(e.file, e.line, e.field) for e in errors] == [(file, line, "taking_part.contact.email")], file
        assert "expected an email address" in errors[0].message


def test_an_address_with_a_bracket_or_an_apostrophe_is_a_web_address_and_links_whole(tmp_path):
    """Valid addresses are accepted and linked as written: a ")" in one no longer ends the link."""
    url = "https://en.example/wiki/Board)_(meeting?a=1&b='2'"   # brackets unmatched either way
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    meeting = root / "data/meetings/2026-07-15.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(
        "watch_url: https://webcast.peopleshire.example/", f"watch_url: {_yaml_string(url)}"), encoding="utf-8")
    _project, items = _outputs(root, PEOPLE_TODAY)
    page = next(_text(i) for i in items if i.path == "meetings/2026-07-15.md")
    html = htmlsafety.render(page.split("\n---\n", 1)[1])
    assert f'<a href="{escape(url)}">' in html.replace("&#x27;", "&#39;")
    assert "Board)\\_(meeting" in page     # the link's text: the address, shown as written


def test_a_seat_must_be_one_the_board_knows(tmp_path):
    errors, line = _refused(tmp_path, "data/people.yml", "membership: chair",
                            'membership: "chair<script>alert(1)</script>"')
    assert [(e.file, e.line) for e in errors] == [("data/people.yml", line)]
    assert errors[0].field.endswith("membership")


def test_a_bidi_control_in_the_clerks_name_is_flagged_where_it_was_typed(tmp_path):
    """The name is printed just before the email link: U+202E in it would show the address reversed."""
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    board = root / "data/board.yml"
    board.write_text(board.read_text(encoding="utf-8").replace('name: "Democratic Services"',
                                                               'name: "Democratic Services\\u202e"'), encoding="utf-8")
    _project, log = load_project(root, today=PEOPLE_TODAY)
    flagged = [p for p in log.problems if p.code == "name-characters"]
    assert [(p.file, p.line, p.field) for p in flagged] == [("data/board.yml", 8, "name")]
    assert "U+202E" in flagged[0].message


# ------------------------------------------------------------------- long and colliding names

def test_organisation_names_that_slug_alike_or_run_long_get_files_of_their_own(tmp_path):
    """OParl writes each organisation to oparl/organization/<slug of its name>.json. An organisation
    called "Board" took the board's own file, "Care & Health" and "Care, Health" one file (the build
    stopped: two outputs for one file), and a name of 400 characters a file name the build could not
    write, though `hwbsite check` had passed all three."""
    import json
    long_name = "Peopleshire Council " * 20
    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    people = root / "data/people.yml"
    text = people.read_text(encoding="utf-8")
    text = text.replace("organisation: Peopleshire ICB,", "organisation: Board,", 1)
    text = text.replace("{title: Director of Public Health, organisation: Peopleshire Council,",
                        f'{{title: Director of Public Health, organisation: "{long_name.strip()}",', 1)
    text += ('  - id: cara-care\n    name: Cara Care\n    roles:\n'
             '      - {title: Lead, organisation: "Care & Health"}\n'
             '      - {title: Adviser, organisation: "Care, Health"}\n')
    people.write_text(text, encoding="utf-8")
    _project, items = _outputs(root, PEOPLE_TODAY)
    orgs = {i.path: json.loads(i.text) for i in items if i.path.startswith("oparl/organization/")}
    by_name = {o["name"]: path for path, o in orgs.items()}
    assert {"Board", "Care & Health", "Care, Health", long_name.strip(), "Peopleshire Council"} <= set(by_name)
    assert by_name["Peopleshire Council"] == "oparl/organization/peopleshire-council.json"   # unchanged
    assert orgs["oparl/organization/board.json"]["organizationType"] == "committee"        # the board's own
    assert max(len(p.rsplit("/", 1)[1].encode()) for p in orgs) < 100
    # every membership names an organisation that is written, and the right one
    ids = {o["id"]: o["name"] for o in orgs.values()}
    roles = {(m["role"], ids[m["organization"]]) for i in items if i.path.startswith("oparl/membership/")
             for m in [json.loads(i.text)] if m.get("organization")}
    assert {("Lead", "Care & Health"), ("Adviser", "Care, Health"), ("Chief Officer", "Board")} <= roles


def test_an_id_too_long_to_name_a_folder_is_refused_at_its_line(tmp_path):
    errors, line = _refused(tmp_path, "data/people.yml", "id: olly-officer", "id: " + "o" * 101)
    assert [(e.file, e.line, e.field) for e in errors] == [("data/people.yml", line, "people[6].id")]
    assert "too long" in errors[0].message


# ------------------------------------------------------------------- accepted, and shown as text

# Valid values an attacker (or a careless paste) would try: markup the field types accept but the
# templates must print as text, template syntax, table and front-matter breakers, quotes.
ATTEND = "<b>bold</b> {{ 7*7 }} {% raw %} a | b \"q\" 'a' > x [y](https://ok.example/)"
QUESTIONS = "Ask by noon.\n---\ntitle: pwned\n---\n| a | b |\n|---|---|"
WATCH = "Watched " + "very " * 600 + "widely."
PHONE = "01234 | 567 {{ x }}"
WATCH_URL = "https://webcast.example/wiki/Board)_(meeting?x=1&y='2'"   # brackets unmatched
SEAT_TITLE = "Chair \"of\" <b>the</b> | board {{ x }}"
SEAT_ORG = "Trust & Care | <i>x</i> {% if %}"


def _hostile_people_site(root):
    board = root / "data/board.yml"
    text = board.read_text(encoding="utf-8")
    text = text.replace('  attend: "Meetings are open to the public; arrive *early* at the [main] door."',
                        f"  attend: {_yaml_string(ATTEND)}")
    text = text.replace('  questions: "Send questions to the clerk three working days before."',
                        f"  questions: {_yaml_string(QUESTIONS)}")
    text = text.replace('    phone: "01234 567890"', f"    phone: {_yaml_string(PHONE)}")
    board.write_text(text, encoding="utf-8")
    meeting = root / "data/meetings/2026-07-15.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8")
                       .replace('  watch: "This meeting is webcast."', f"  watch: {_yaml_string(WATCH)}")
                       .replace("watch_url: https://webcast.peopleshire.example/", f"watch_url: {_yaml_string(WATCH_URL)}"),
                       encoding="utf-8")
    people = root / "data/people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "{title: Chief Officer, organisation: Peopleshire ICB, membership: vice-chair}",
        f"{{title: {_yaml_string(SEAT_TITLE)}, organisation: {_yaml_string(SEAT_ORG)}, membership: vice-chair}}"),
        encoding="utf-8")


def _words(html_text: str) -> str:
    """The text a reader sees, spaces collapsed."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.feed(html_text)
    return " ".join("".join(parser.parts).split())


def _hrefs(html_text: str) -> set[str]:
    """Every link's address, as a browser reads it (references decoded)."""
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.found: set[str] = set()

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.found.add(dict(attrs).get("href") or "")

    parser = Links()
    parser.feed(html_text)
    return parser.found


@pytest.mark.slow
def test_accepted_hostile_values_are_printed_as_written_in_every_output(tmp_path):
    """The strict build passes, `hwbsite verify` passes, and each value is shown as the text written:
    on the meeting and members pages, in the search index and in OParl; nothing in the site is live."""
    import json

    from conftest import build
    from hwbsite import verify
    from pagefind_index import fragments
    from test_hostile import _nothing_live_in

    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    _hostile_people_site(root)
    site = build(root, build_date=PEOPLE_TODAY.isoformat())
    assert verify.verify_site(site).failures == []
    assert _nothing_live_in(site) == {}

    page = (site / "meetings/2026-07-15/index.html").read_text(encoding="utf-8")
    seen = _words(page)
    for value in (ATTEND, QUESTIONS, WATCH, WATCH_URL):
        assert " ".join(value.split()) in seen, value[:40]
    # the meeting's own clerk replaces the board's; a past meeting gives the board's, with its phone
    assert PHONE in _words((site / "meetings/2026-03-11/index.html").read_text(encoding="utf-8"))
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert WATCH_URL in _hrefs(page)      # the whole address, its ")" and quotes included
    members = _words((site / "people/members/index.html").read_text(encoding="utf-8"))
    assert " ".join(SEAT_TITLE.split()) in members and " ".join(SEAT_ORG.split()) in members
    indexed = " ".join(f["content"] for f in fragments(site))
    assert "{{ 7*7 }}" in indexed and " ".join(SEAT_TITLE.split()) in " ".join(indexed.split())
    roles = {json.loads(p.read_text(encoding="utf-8")).get("role")
             for p in (site / "oparl/membership").glob("*.json")}
    assert SEAT_TITLE in roles
    orgs = {json.loads(p.read_text(encoding="utf-8"))["name"] for p in (site / "oparl/organization").glob("*.json")}
    assert SEAT_ORG in orgs


def test_a_headline_category_is_printed_as_text_in_its_tile():
    """The registry's headline category (a breakdown the figures are published for) leads the tile:
    whatever characters the category holds, the tile shows them and makes no element of them."""
    import dataclasses

    from conftest import REPO
    from hwbsite import tiles

    project, _log = load_project(REPO, today=dt.date(2017, 9, 20))
    metric_id = next(m for m, metric in project.metrics.items() if metric.headline == "Rotherham")
    hostile = "<b>Rother</b>ham *x* [y](https://e.example/) \"q\" 'a' | {{ z }} `c`"
    project.metrics[metric_id] = project.metrics[metric_id].model_copy(update={"headline": hostile})
    project.values[:] = [dataclasses.replace(v, breakdown=hostile)
                         if v.metric == metric_id and v.breakdown == "Rotherham" else v for v in project.values]
    html = htmlsafety.render(tiles.tiles_block(project, {"metrics": [metric_id]}, "dashboards/x.md"))
    figure = html[html.index('<p class="hwb-tile__figure">'):]
    figure = figure[:figure.index("</p>")]
    assert f"{hostile}, actual, " in _words(figure)
    assert "<b>" not in html and "<code>" not in html and "<em>" not in html and 'href="https://e.example/"' not in html


def test_an_item_number_too_long_to_name_a_file_is_refused_at_its_line(tmp_path):
    """OParl writes each agenda item to oparl/agendaitem/<date>-<number>.json."""
    errors, line = _refused(tmp_path, "data/meetings/2026-07-15.yml", '{number: "1", title: Apologies',
                            '{number: "' + "1" * 300 + '", title: Apologies')
    assert [(e.file, e.line) for e in errors] == [("data/meetings/2026-07-15.yml", line)]
    assert errors[0].field.endswith("number") and "too long" in errors[0].message


def test_check_and_the_build_refuse_a_script_watch_url_alike(tmp_path):
    """`hwbsite check` names the file, line and field; the strict build stops on the same error and
    writes no site."""
    from click.testing import CliRunner
    from mkdocs.exceptions import Abort

    from conftest import build
    from hwbsite.cli import main

    root = copy_project(FIXTURES / "board-people", tmp_path / "p")
    meeting = root / "data/meetings/2026-07-15.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(
        "watch_url: https://webcast.peopleshire.example/", "watch_url: JaVaScRiPt:alert(1)"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(root)], catch_exceptions=False)
    assert result.exit_code != 0
    assert "data/meetings/2026-07-15.yml:7:3: error: taking_part.watch_url: expected a web address" in result.output
    with pytest.raises(Abort):
        build(root, build_date=PEOPLE_TODAY.isoformat())
    assert not (root / "site" / "meetings").exists()
