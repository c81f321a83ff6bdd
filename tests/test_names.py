"""Names with bidi controls, zero-width characters or mixed scripts get a located warning (issue 29)."""

from __future__ import annotations

from hwbsite import names
from hwbsite.project import load_project

RLO, ZWSP, CYRILLIC_A = "\u202e", "\u200b", "\u0410"


def _warnings(root):
    project, log = load_project(root)
    assert project is not None and not log.errors, [p.format() for p in log.errors]
    return [p for p in log.warnings if p.code == "name-characters"]


def test_the_rule_sees_each_kind_and_passes_real_names():
    assert names.problems("Ann Chair") == []
    assert names.problems("Siân O'Brien-Łukasz") == []       # accents and other Latin letters are fine
    assert names.problems("Дмитрий Петров") == []            # a name wholly in Cyrillic is a name
    assert [i for i, _ in names.problems(f"Ann {RLO}riahC")] == [4]
    assert "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE" in names.problems(f"Ann {RLO}riahC")[0][1]
    assert "invisible character U+200B ZERO WIDTH SPACE" in names.problems(f"Ann{ZWSP} Chair")[0][1]
    (index, what), = names.problems(f"{CYRILLIC_A}nn Chair")
    assert index == 0 and "Latin letters mixed with Cyrillic" in what and "CYRILLIC CAPITAL LETTER A" in what


def test_every_place_a_name_is_read_warns_at_the_character(fixture_project):
    root = fixture_project("minimal")
    people = root / "data/people.yml"
    people.write_text(people.read_text()
                      .replace("name: Bob Officer", f"name: Bob {RLO}Officer")
                      .replace('aliases: ["Cllr A. Chair"]', f'aliases: ["Cllr A. Chair", "Ann{ZWSP} Chair"]'))
    meeting = root / "data/meetings/2026-01-14.yml"
    meeting.write_text(meeting.read_text()
                       .replace('apologies:\n      - {name: "Bob Officer"}', 'apologies:\n      - {name: "Bob Officer"}\n'
                                f'      - {{name: "{CYRILLIC_A}nn Chair"}}')
                       .replace('people: ["Bob Officer"]', f'people: ["Bob Officer", "Zed{ZWSP}"]'))
    warnings = _warnings(root)
    found = sorted((w.file, w.line, w.column, w.field) for w in warnings)
    assert found == [
        ("data/meetings/2026-01-14.yml", 13, 35, "people"),
        ("data/meetings/2026-01-14.yml", 22, 17, "name"),
        ("data/people.yml", 4, 36, "aliases"),
        ("data/people.yml", 8, 15, "name"),
    ]

    bob = next(w for w in warnings if w.field == "name" and "Bob" in w.message)
    # the message quotes the control, so that it cannot reorder the message where it is shown
    assert bob.message.startswith('the name "Bob <U+202E>Officer" has a bidirectional control U+202E')


def test_clean_names_give_no_warning(fixture_project):
    assert _warnings(fixture_project("minimal")) == []
