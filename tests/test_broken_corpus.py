"""The broken corpus: one mistake per case, each reported at its exact file:line:column with a helpful message.

Each case in tests/broken/<case>/ is laid over tests/broken/_base/ (a small valid site).
See tests/broken/README.md.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hwbsite.project import load_project

BROKEN = Path(__file__).parent / "broken"
BASE = BROKEN / "_base"
M = "data/meetings/2026-03-11.yml"
P = "content/papers/bcf-plan.md"

# case -> (where and what: "file:line:column: severity: field", words the message or hint must contain)
CASES = {
    # YAML that cannot be read
    "yaml-syntax": (f"{M}:3:17: error: ", ["YAML syntax error", "mapping values are not allowed", 'quotes']),
    "tab-indentation": (f"{M}:4:1: error: ", ["YAML syntax error", "indent with spaces, not tabs"]),
    "unclosed-quote": (f"{M}:3:8: error: ", ["quoted text is never closed", "closing quote"]),
    "unclosed-bracket": (f"{M}:7:15: error: ", ["list is never closed", "close the [ with ]"]),
    "flow-mapping-not-closed": (f"{M}:6:7: error: ", ["YAML syntax error", "the { at line 5, column 7 needs a }"]),
    "duplicate-key": (f"{M}:4:1: error: venue: ", ["duplicate key 'venue'", "each key may appear once"]),
    "python-tag": (f"{M}:3:8: error: venue: ", ["'!!python/object/apply:os.system' is not allowed"]),
    "not-utf8": (f"{M}:3:13: error: ", ["not UTF-8", "0xa3", "save the file as UTF-8"]),
    "empty-file": (f"{M}:1:1: error: ", ["file is empty"]),
    # wrong types and values
    "time-unquoted": (f"{M}:2:1: error: time: ", ["expected text, got 570", "write times in quotes"]),
    "time-impossible": (f"{M}:2:1: error: time: ", ['24-hour time "HH:MM"', '"25:00"']),
    "wrong-type-list": (f"{M}:4:3: error: agenda.items: ", ["expected a list", "starting with '- '"]),
    "wrong-type-bool": (f"{M}:6:29: error: minutes.attendance.present[0].chair: ",
                        ["expected true or false", '"sometimes"']),
    "unknown-status": (f"{M}:3:1: error: status: ", ["expected one of", "'scheduled'", '"maybe"']),
    "impossible-date": ("data/meetings/2017-06-31.yml:1:7: error: date: ",
                        ["impossible date '2017-06-31'", "check the day and month"]),
    "date-not-a-date": (f"{M}:4:1: error: moved_to: ", ["expected a date written YYYY-MM-DD", '"next Tuesday"']),
    "date-with-time": (f"{M}:1:1: error: date: ", ["date and time", "write the date alone"]),
    "page-range-words": (f"{M}:7:7: error: agenda.items[0].pages: ", ['"14 to 23"', 'write it like "14-23"']),
    "page-range-backwards": (f"{M}:7:7: error: agenda.items[0].pages: ", ['"23-14" ends before it starts']),
    "exempt-paragraph-unknown": (f"{M}:7:16: error: agenda.items[0].exempt.paragraph: ",
                                 ["Schedule 12A paragraph must be 1 to 7", "got 9"]),
    # keys
    "unknown-key-near-miss": (f"{M}:3:1: error: venu: ", ["unknown key 'venu'", "did you mean 'venue'?"]),
    "yes-as-key": (f"{M}:3:1: error: yes: ", ["unknown key 'yes'", "allowed keys"]),
    "missing-field": (f"{M}:5:7: error: agenda.items[0].title: ", ["required field 'title' is missing", "add 'title:'"]),
    "action-no-owner": (f"{M}:9:11: error: minutes.items[0].actions[0].owner: ", ["required field 'owner'"]),
    "moved-without-date": (f"{M}:3:1: error: status: ", ["moved meeting needs 'moved_to'", "add moved_to:"]),
    "moved-to-without-moved": (f"{M}:4:1: error: moved_to: ", ["only for a meeting whose status is moved"]),
    "file-name-mismatch": ("data/meetings/2026-03-12.yml:1:1: error: date: ",
                           ["does not match the file name", "name the file 2026-03-11.yml"]),
    # duplicates
    "duplicate-person-id": ("data/people.yml:7:5: error: id: ", ["'bob-officer' is used twice", "first at line 5"]),
    "duplicate-topic": ("data/topics.yml:3:6: error: slug: ", ["'better-care-fund' is described twice"]),
    "duplicate-metric-id": ("data/metrics/registry.yml:3:6: error: id: ", ["metric id 'reablement' is used twice"]),
    "duplicate-agenda-number": (f"{M}:7:7: error: number: ", ["agenda item number '1' is used twice"]),
    "duplicate-minute-number": (f"{M}:8:7: error: number: ", ["minute number 4 is used twice"]),
    "duplicate-resolution": (f"{M}:10:12: error: number: ", ["resolution (1) is numbered twice in minute 1"]),
    "present-and-apologies": (f"{M}:9:9: error: attendance.apologies: ",
                              ["'Bob Officer'", "both as attending and as sending apologies"]),
    # cross-references
    "agenda-paper-missing": (f"{M}:7:7: error: papers: ",
                             ["paper 'bcf-plan-2026' is not in content/papers/", "create content/papers/bcf-plan-2026.md"]),
    "action-unknown-resolution": (f"{M}:11:32: error: resolution: ", ["resolution (2)", "minute 1 does not have"]),
    "paper-unknown-meeting": (f"{P}:4:1: error: meeting: ", ["no meeting on 2026-02-11"]),
    "paper-unknown-item": (f"{P}:5:1: error: item: ", ["no agenda item '9'", "items: 1, 2"]),
    "paper-id-mismatch": (f"{P}:2:1: error: id: ", ["'bcf-plan-2026' does not match the file name 'bcf-plan.md'"]),
    # papers
    "paper-no-front-matter": (f"{P}:1:1: error: ", ["needs YAML front matter"]),
    "front-matter-not-closed": (f"{P}:1:1: error: ", ["no closing '---' line"]),
    "paper-front-matter-syntax": (f"{P}:3:8: error: ", ["list is never closed"]),
    "paper-script": (f"{P}:9:1: error: body: ", ["the public site does not allow <script>", "script is never allowed"]),
    # CSV
    "csv-column-count": ("data/tables/bcf-plan--finance.csv:3:1: error: row 2: ",
                         ["expected 3 columns like the header, found 4", "missing or extra comma"]),
    "csv-column-count-after-quoted-lines": ("data/tables/bcf-plan--schemes.csv:4:1: error: row 2: ",
                                            ["expected 2 columns", "found 3"]),
    "csv-non-number": ("data/metrics/values/reablement.csv:3:27: error: value: ", ["plain number", "'n/a'"]),
    "csv-unknown-metric": ("data/metrics/values/reablement.csv:2:1: error: metric: ", ["unknown metric 'reablment'"]),
    # hostile or runaway input: bounded, located, never a hang or a traceback
    "alias-bomb": (f"{M}:9:10: error: ", ["YAML aliases expand to more than 100,000 values", "aliases (*name)"]),
    "alias-recursive": (f"{M}:6:14: error: ", ["alias *items refers to the value that contains it"]),
    "deep-nesting": (f"{M}:4:894: error: ", ["nested more than 50 levels deep"]),
    # references that lead nowhere (EDITING.md, "References that lead nowhere")
    "paper-own-appendix": (f"{P}:4:1: error: appendix_of: ", ["'bcf-plan' is given as an appendix of itself"]),
    "matter-unknown-minute": (f"{M}:9:41: error: minute: ", ["minute 7 of 2026-01-14 does not exist", "numbers: 1"]),
    "matter-meeting-no-minutes": (f"{M}:9:20: error: minute.meeting: ",
                                  ["the meeting of 2026-02-11 has no minutes", "minute 1 does not exist"]),
    "matter-unknown-meeting": (f"{M}:9:20: warning: minute.meeting: ", ["no meeting file for 2025-12-10"]),
    # money (data/finance/)
    "finance-no-unit": ("data/finance/bcf-plan--budget.csv:2:58: error: unit: ", ['the amount "1,000" has no unit or scale', "£000"]),
    "finance-unknown-scale": ("data/finance/bcf-plan--budget.csv:3:56: error: unit: ", ['unknown scale "£ thousands"', "£'000"]),
    "finance-negative-amount": ("data/finance/bcf-plan--budget.csv:3:52: error: amount: ", ['negative amount "-500" for spend',
                                                                "only a change or a balance"]),
    "finance-unknown-scheme-code": ("data/finance/bcf-plan--budget.csv:3:61: error: code: ", ["unknown scheme code 'BCF03'",
                                                                  "did you mean 'BCF02'?"]),
    "finance-bad-year": ("data/finance/bcf-plan--budget.csv:3:36: error: year: ", ['cannot read the period "next year"', '"2017/18"']),
    # warnings: published as the source has them, but worth a look
    "finance-total-mismatch": ("data/finance/bcf-plan--budget.csv:4:47: warning: amount: ",
                               ["stated total 1,600 (£000, so £1,600,000)", "2 parts add up to £1,500,000",
                                "difference of -£100,000", "published as printed"]),
    "late-agenda": (f"{M}:4:3: warning: agenda.published: ", ["1 clear day ", "requires five"]),
    "exempt-no-paragraph": (f"{M}:7:7: warning: exempt: ", ["cites no paragraph of Schedule 12A"]),
    "unknown-person": (f"{M}:7:7: warning: people: ", ["'Carol Newname' is not in the people file"]),
    "placeholder-in-meeting": (f"{M}:6:39: warning: ", ['placeholder text left in: "to add detail"']),
    "placeholder-in-paper": (f"{P}:8:14: warning: body: ", ['placeholder text left in: "(insert time period)"']),
    "tbc-in-name": (f"{M}:7:7: warning: presenter: ", ['"TBC" left where a name belongs']),
    "impossible-date-in-body": (f"{P}:8:21: warning: body: ", ['impossible date "31.06.17"', "June 2017 has 30 days",
                                                               "published as the source has it"]),
}


def make_case(case: str, dest: Path) -> Path:
    root = dest / case
    shutil.copytree(BASE, root)
    shutil.copytree(BROKEN / case, root, dirs_exist_ok=True)
    return root


def test_base_is_valid(tmp_path):
    root = tmp_path / "base"
    shutil.copytree(BASE, root)
    _project, log = load_project(root)
    assert [p.format() for p in log.problems] == []


def test_every_case_folder_is_in_the_table():
    folders = {p.name for p in BROKEN.iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert folders == set(CASES)
    assert len(folders) >= 25


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_case_is_reported_exactly(case, tmp_path):
    where, words = CASES[case]
    _project, log = load_project(make_case(case, tmp_path))
    found = [p.format() for p in log.problems if p.format().startswith(where)]
    assert found, f"{case}: nothing reported at {where!r}; got:\n" + "\n".join(p.format() for p in log.problems)
    (text,) = found
    for word in words:
        assert word in text, f"{case}: {word!r} not in {text!r}"
    # one fault, one report: no other errors, and an error case never hides behind warnings only
    others = [p.format() for p in log.errors if not p.format().startswith(where)]
    assert others == []
    if ": warning: " in where:
        assert log.errors == []


def test_huge_file_is_refused_at_line_1(tmp_path):
    root = tmp_path / "huge"
    shutil.copytree(BASE, root)
    line = '    - {number: "1", title: "Apologies for absence"}\n'
    text = 'date: 2026-03-11\nagenda:\n  items:\n' + line * (2_100_000 // len(line))
    (root / M).write_text(text, encoding="utf-8")
    _project, log = load_project(root)
    (problem,) = log.problems
    assert problem.format().startswith(f"{M}:1:1: error: ")
    assert "bytes; data files must be under" in problem.message
    assert problem.hint


def test_merge_key_may_be_overridden(tmp_path):
    """YAML merge keys (<<) copy a mapping; a key written beside them overrides it, it is not a duplicate."""
    root = tmp_path / "merge"
    shutil.copytree(BASE, root)
    (root / M).write_text('date: 2026-03-11\nagenda:\n  items:\n    - &item {number: "1", title: Apologies}\n'
                          '    - <<: *item\n      number: "2"\n', encoding="utf-8")
    project, log = load_project(root)
    assert log.errors == []
    items = project.meeting("2026-03-11").agenda.items
    assert [(i.number, i.title) for i in items] == [("1", "Apologies"), ("2", "Apologies")]


def test_unquoted_number_keys_keep_their_digits(tmp_path):
    """An unquoted 1.10 as a key is the label "1.10", not the number 1.1."""
    from hwbsite.yamlsource import parse_yaml
    doc = parse_yaml("actions:\n  1.10: {rag: G}\n  1.1: {rag: R}\n", Path("x.yml"))
    assert list(doc.data["actions"]) == ["1.10", "1.1"]
    assert doc.problems == []


def test_warnings_never_fail_the_check(tmp_path):
    from click.testing import CliRunner

    from hwbsite.cli import main
    root = make_case("impossible-date-in-body", tmp_path)
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 0, result.output
    assert "warning" in result.output


def test_appendix_cycle_is_reported_at_every_member(tmp_path):
    """a -> b -> c -> a: no paper is the main one, so each is an error at its own appendix_of line."""
    root = tmp_path / "cycle"
    shutil.copytree(BASE, root)
    for me, parent in (("appx-a", "appx-b"), ("appx-b", "appx-c"), ("appx-c", "appx-a")):
        (root / f"content/papers/{me}.md").write_text(
            f"---\nid: {me}\ntitle: Appendix {me}\nappendix_of: {parent}\n---\n\nBody.\n", encoding="utf-8")
    _project, log = load_project(root)
    found = sorted(p.format() for p in log.errors)
    assert [f.split(": error:")[0] for f in found] == [f"content/papers/appx-{x}.md:4:1" for x in "abc"]
    assert "appx-a -> appx-b -> appx-c -> appx-a" in found[0]
    assert "appx-c -> appx-a -> appx-b -> appx-c" in found[2]


def test_csv_with_too_many_rows_is_refused_at_the_first_row_over(tmp_path):
    from hwbsite.tables import MAX_ROWS
    root = tmp_path / "rows"
    shutil.copytree(BASE, root)
    (root / "data/tables").mkdir(parents=True, exist_ok=True)
    (root / "data/tables/big.csv").write_text("a,b\n" + "1,2\n" * (MAX_ROWS + 5), encoding="utf-8")
    _project, log = load_project(root)
    (problem,) = log.errors
    assert problem.format().startswith(f"data/tables/big.csv:{MAX_ROWS + 1}:1: error: ")
    assert f"more than {MAX_ROWS:,} rows" in problem.message


def test_alias_bomb_in_a_chart_block_is_a_located_error(tmp_path):
    root = tmp_path / "block"
    shutil.copytree(BASE, root)
    bomb = "a: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    (root / "content").mkdir(exist_ok=True)
    (root / "content/page.md").write_text("# Page\n\n```chart\n" + bomb + "```\n", encoding="utf-8")
    _project, log = load_project(root)
    (problem,) = log.errors
    assert problem.format().startswith("content/page.md:3:1: error: chart: ")
    assert "aliases expand to more than" in problem.message


def test_a_paragraph_of_brackets_is_refused_not_read_for_minutes(tmp_path):
    """Python-Markdown's time grows with the square of the '[' in a paragraph: a bound, at its line."""
    root = tmp_path / "brackets"
    shutil.copytree(BASE, root)
    (root / P).write_text("---\nid: bcf-plan\ntitle: A paper\n---\n\nFirst.\n\n" + "[" * 1_000 + "\n",
                          encoding="utf-8")
    _project, log = load_project(root)
    (problem,) = log.errors
    assert problem.format().startswith(f"{P}:8:1: error: body: more than 300 '[' characters in one paragraph")


def test_a_file_of_brackets_is_refused_where_the_bound_is_crossed(tmp_path):
    root = tmp_path / "brackets"
    shutil.copytree(BASE, root)
    (root / P).write_text("---\nid: bcf-plan\ntitle: A paper\n---\n\n" + "[a] b\n\n" * 6_000, encoding="utf-8")
    _project, log = load_project(root)
    (problem,) = log.errors
    assert problem.format().startswith(f"{P}:10006:1: error: more than 5,000 '[' characters in one file")


def test_deep_block_style_nesting_is_a_located_error_not_a_recursion_error(tmp_path):
    root = tmp_path / "deep"
    shutil.copytree(BASE, root)
    lines = ["date: 2026-03-11", "agenda:", "  items:"]
    for i in range(500):
        pad = "  " * (2 + 2 * i)
        lines += [f'{pad}- number: "{i}"', f"{pad}  title: Item {i}", f"{pad}  items:"]
    (root / M).write_text("\n".join(lines) + "\n", encoding="utf-8")
    _project, log = load_project(root)
    (problem,) = log.errors
    assert problem.format().startswith(f"{M}:")
    assert "nested more than 50 levels deep" in problem.message and problem.line > 3
