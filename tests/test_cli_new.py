"""`hwbsite new` for every kind of file in EDITING.md, template text that cannot publish, and
impossible dates that say what is impossible."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from hwbsite import scaffold
from hwbsite.cli import main
from hwbsite.dates import why_impossible
from hwbsite.project import load_project

UPDATE = "data/strategy/updates/2026-12-09--action-plan-2017-18.yml"


def run(root: Path, *args: str):
    return CliRunner().invoke(main, [*args, "--root", str(root)])


def problems_in(root: Path, file: str) -> list[str]:
    _project, log = load_project(root)
    return [p.format() for p in log.problems if p.file == file]


def test_impossible_dates_say_what_is_impossible(real_data_copy):
    assert why_impossible("2026-13-01") == "there is no month 13: months go from 01 to 12"
    assert why_impossible("2026-09-31") == "September 2026 has 30 days, so there is no 31 September"
    assert why_impossible("2027-02-29") == "2027 is not a leap year, so February 2027 has 28 days"
    assert why_impossible("2026-12-09") is None
    result = run(real_data_copy, "new", "meeting", "2026-13-01")
    assert result.exit_code == 2
    assert "2026-13-01 is not a date: there is no month 13" in result.output
    assert "format" not in result.output
    path = real_data_copy / "data/meetings/2026-12-09.yml"
    assert run(real_data_copy, "new", "meeting", "2026-12-09").exit_code == 0
    path.write_text(path.read_text().replace("\ndate: 2026-12-09", "\ndate: 2026-09-31"))
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if t.startswith("date:"))
    assert (f"data/meetings/2026-12-09.yml:{line}:7: error: date: impossible date '2026-09-31': September 2026 "
            "has 30 days, so there is no 31 September (hint: check the day and month (YYYY-MM-DD))"
            ) in problems_in(real_data_copy, "data/meetings/2026-12-09.yml")


def test_template_sentences_left_in_a_paper_are_errors_at_their_lines(real_data_copy):
    assert run(real_data_copy, "new", "meeting", "2026-12-09").exit_code == 0
    result = run(real_data_copy, "new", "paper", "bcf-q2-2026", "--meeting", "2026-12-09", "--item", "1")
    assert result.exit_code == 0, result.output
    file = "content/papers/bcf-q2-2026.md"
    lines = (real_data_copy / file).read_text().splitlines()
    expected = [(n, s) for n, t in enumerate(lines, 1) for s in scaffold.TEMPLATE_SENTENCES if s in t]
    assert len(expected) == 3
    found = problems_in(real_data_copy, file)
    assert found == [f"{file}:{n}:1: error: template text left in: \"{s}\" (hint: replace it with your own "
                     "words; template text is never published. Until the paper is ready, mark it "
                     "published: false)" for n, s in expected]
    # marked unpublished, the same words are a reminder, not an error
    path = real_data_copy / file
    path.write_text(path.read_text().replace("status: draft ", "published: false\nstatus: draft "))
    assert [p.split(": ")[1] for p in problems_in(real_data_copy, file)] == ["warning"] * 3


def test_a_template_sentence_in_a_yaml_comment_is_a_note_not_text(real_data_copy):
    path = real_data_copy / "data/meetings/2017-09-20.yml"
    path.write_text(path.read_text() + f"# {scaffold.PAPER_PURPOSE}\n")
    assert not any("template text" in p for p in problems_in(real_data_copy, "data/meetings/2017-09-20.yml"))


def test_new_update_starts_from_the_latest_with_only_what_must_change(real_data_copy):
    assert run(real_data_copy, "new", "meeting", "2026-12-09").exit_code == 0
    result = run(real_data_copy, "new", "update", "2026-12-09")
    assert result.exit_code == 0, result.output
    assert "from the update as at 2017-09-20" in result.output
    path = real_data_copy / UPDATE
    text = path.read_text()
    assert not re.search(r"^(source|paper):", text, re.M)
    assert "\nmeeting: 2026-12-09 " in text and "\nas_at: 2026-12-09\n" in text
    assert '  "1.01": {rag: "G", progress: "Say what has changed since the last update."}' in text
    found = problems_in(real_data_copy, UPDATE)
    active = len(re.findall(r'^  "', text, re.M))
    assert len(found) == active and all("error: template text left in" in p for p in found)
    # written, the update is clean: no warning carried over from the paper the last one came from
    path.write_text(text.replace(scaffold.UPDATE_PROGRESS, "On track."))
    assert problems_in(real_data_copy, UPDATE) == []
    assert run(real_data_copy, "new", "update", "2026-12-09").exit_code == 1  # never overwrites


def test_new_update_for_named_actions_writes_only_them_and_the_others_keep_their_rating(real_data_copy):
    import datetime as dt

    from hwbsite import output
    from hwbsite.publication import public_view
    assert run(real_data_copy, "new", "meeting", "2026-12-09").exit_code == 0
    result = run(real_data_copy, "new", "update", "2026-12-09", "1.10")
    assert result.exit_code == 0, result.output
    assert "for action 1.10 from the update as at 2017-09-20" in result.output
    path = real_data_copy / UPDATE
    text = path.read_text()
    assert re.findall(r'^\s*#?\s*"([0-9.]+)":', text, re.M) == ["1.10"]   # the named action only
    path.write_text(text.replace(f'{{rag: "R", progress: "{scaffold.UPDATE_PROGRESS}"}}',
                                 '{rag: A, progress: "Funding agreed."}'))
    assert problems_in(real_data_copy, UPDATE) == []
    # the update is reported to a meeting: while that meeting's agenda is a draft, it is private
    # (publication.py), so the agenda goes out first, as it would before the meeting
    meeting = real_data_copy / "data" / "meetings" / "2026-12-09.yml"
    meeting.write_text(meeting.read_text().replace("  status: draft ", "  status: published\n  published: 2026-12-01\n ", 1))
    project, log = load_project(real_data_copy, today=dt.date(2026, 12, 10))
    assert not log.errors
    pages = {i.path: i.text for i in output.build_output(public_view(project, dt.date(2026, 12, 10)))}
    cards = pages["strategy/action-plan-2017-18/actions/index.md"]

    def card(action_id: str) -> str:
        start = cards.index(f'id="{action_id}"')
        return cards[start: cards.index("</div>", start)]
    from hwbsite import urls
    changed, kept = card(urls.strategy_action_anchor("1.10")), card(urls.strategy_action_anchor("3.08"))
    assert "Amber" in changed and "set on Wednesday 9 December 2026" in changed and "Funding agreed." in changed
    # 3.08 is not in the new update: still red, as set on 20 September 2017 (not "Not rated")
    assert "Red" in kept and "set on Wednesday 20 September 2017" in kept and "Not rated" not in kept
    assert "No actions are" not in pages["strategy/action-plan-2017-18/actions/red.md"]


def test_new_update_refuses_an_action_the_plan_does_not_have(real_data_copy):
    result = run(real_data_copy, "new", "update", "2026-12-09", "1.1")
    assert result.exit_code == 2
    assert "plan 'action-plan-2017-18' has no action '1.1'" in result.output
    assert not (real_data_copy / UPDATE).exists()


def test_new_update_suggests_a_plan(real_data_copy):
    result = run(real_data_copy, "new", "update", "2026-12-09", "--plan", "action-plan-2017-19")
    assert result.exit_code == 2
    assert "did you mean 'action-plan-2017-18'?" in result.output


def test_new_values_starts_a_csv_with_the_header(real_data_copy):
    result = run(real_data_copy, "new", "values", "bcf-2026-27-actuals")
    assert result.exit_code == 0, result.output
    path = real_data_copy / "data/metrics/values/bcf-2026-27-actuals.csv"
    assert path.read_text().startswith("metric,period,kind,value,unit,")
    assert problems_in(real_data_copy, "data/metrics/values/bcf-2026-27-actuals.csv") == []


def test_new_minutes_adds_a_minute_per_agenda_item_numbered_on(real_data_copy):
    assert run(real_data_copy, "new", "meeting", "2026-11-18").exit_code == 0
    result = run(real_data_copy, "new", "minutes", "2026-11-18")
    assert result.exit_code == 0, result.output
    project, _log = load_project(real_data_copy)
    earlier = max(m.number for m in project.meeting("2017-07-05").minutes.items)
    meeting = project.meeting("2026-11-18")
    assert [m.number for m in meeting.minutes.items] == list(range(earlier + 1, earlier + 1 + len(meeting.agenda.items)))
    assert [m.agenda_item for m in meeting.minutes.items] == [i.number for i in meeting.agenda.items]
    # the agenda published, each minute's body is an error until written
    path = real_data_copy / "data/meetings/2026-11-18.yml"
    path.write_text(path.read_text().replace("  status: draft ", "  status: published "))
    # (the date has passed by today, so a stale-status warning may come too: only errors count here)
    found = [p for p in problems_in(real_data_copy, "data/meetings/2026-11-18.yml") if ": error: " in p]
    assert len(found) == len(meeting.agenda.items)
    assert all(f'error: template text left in: "{scaffold.MINUTE_BODY}"' in p for p in found)
    assert run(real_data_copy, "new", "minutes", "2026-11-18").exit_code == 1  # never twice


def test_new_person_adds_them_to_the_people_file_and_refuses_someone_already_there(real_data_copy):
    result = run(real_data_copy, "new", "person", "Councillor Jo Newby", "--role", "Cabinet Member for Health",
                 "--organisation", "Rotherham Metropolitan Borough Council")
    assert result.exit_code == 0, result.output
    assert "Added jo-newby to data/people.yml." in result.output
    project, log = load_project(real_data_copy)
    assert [p for p in log.errors if p.file == "data/people.yml"] == []
    person = project.person_named("Councillor Jo Newby")
    assert (person.id, person.roles[0].title) == ("jo-newby", "Cabinet Member for Health")
    # a spelling the file already has (an alias) is refused, naming who it is
    again = run(real_data_copy, "new", "person", "Councillor D. Roche")
    assert again.exit_code == 1
    assert "already in data/people.yml as david-roche" in again.output


def test_what_a_template_leaves_behind_gets_a_hint(real_data_copy):
    """`authors: []` from the template with entries written below it, and a placeholder date
    uncommented: each error says what the template left and what to do."""
    assert run(real_data_copy, "new", "meeting", "2026-12-09").exit_code == 0
    assert run(real_data_copy, "new", "paper", "bcf-note", "--meeting", "2026-12-09", "--item", "1").exit_code == 0
    paper = real_data_copy / "content/papers/bcf-note.md"
    text = paper.read_text()
    assert 'authors: []\n#  - name: "Name"\n' in text
    paper.write_text(text.replace('authors: []\n#  - name: "Name"\n#    role: "Job title"',
                                  'authors: []\n  - name: "Ann Officer"\n    role: "Analyst"'))
    line = next(n for n, t in enumerate(paper.read_text().splitlines(), 1) if t.startswith("authors: []"))
    (found,) = problems_in(real_data_copy, "content/papers/bcf-note.md")
    assert found.startswith(f"content/papers/bcf-note.md:{line + 1}:3: error: YAML syntax error")
    assert found.endswith(f"(hint: line {line} says 'authors: []', an empty list, so the lines below it cannot "
                          "belong to it: delete the [] and keep the entries below 'authors:')")
    meeting = real_data_copy / "data/meetings/2026-12-09.yml"
    meeting.write_text(meeting.read_text().replace("  # published: YYYY-MM-DD ", "  published: YYYY-MM-DD "))
    (found,) = [p for p in problems_in(real_data_copy, "data/meetings/2026-12-09.yml") if ": error: " in p]
    assert 'agenda.published: expected a date written YYYY-MM-DD, got "YYYY-MM-DD" (hint: that is the ' \
           "template's placeholder: write the date (e.g. 2026-12-09), or put the # back" in found
