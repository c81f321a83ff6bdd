"""Done when: an officer's afternoon, replayed in a `git clone` of the repository (its committed
state, with its history: What's new dates records by when they were published, published.py).

A new meeting with an exempt item, a paper, minutes with attendance, resolutions and an action, a
RAG update and a quarter of metric values, with the two mistakes officers make (a misspelt name
and an unquoted number), a RAG update for the red actions only that turns the last of them amber,
and a meeting date that does not exist (one error, its consequences under it). Each message names
the file, the line and what to write instead; at the end `hwbsite check` reports no error and no
unacknowledged warning and the site builds with `mkdocs build --strict`. The same RAG update saved
while the preview is open in Chromium, in a clone too, is tests/browser/test_officer_afternoon_preview.py.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, build
from hwbsite import scaffold
from hwbsite.cli import main

DAY = "2026-11-18"
MEETING = f"data/meetings/{DAY}.yml"
PAPER = "content/papers/bcf-quarterly-update-2026-11.md"
UPDATE = f"data/strategy/updates/{DAY}--action-plan-2017-18.yml"
VALUES = "data/metrics/values/bcf-2026-27-actuals.csv"
NEW_FILES = (MEETING, PAPER, UPDATE, VALUES)


def hwbsite(root: Path, *args: str):
    result = CliRunner().invoke(main, [*args, "--root", str(root)] if args[0] == "new" else [*args, str(root)])
    return result


def check(root: Path) -> tuple[int, list[str]]:
    """Exit status and the messages of `hwbsite check` about the officer's new files."""
    result = CliRunner().invoke(main, ["check", str(root)])
    lines = [line for line in result.output.splitlines() if line.startswith(NEW_FILES)]
    return result.exit_code, lines


def line_of(root: Path, file: str, text: str) -> int:
    return next(n for n, line in enumerate((root / file).read_text().splitlines(), 1) if text in line)


def red_actions(root: Path) -> list[str]:
    """The actions the repository's latest RAG update rates red."""
    latest = (root / "data/strategy/updates/2017-09-20--action-plan-2017-18.yml").read_text()
    return re.findall(r'^  "([0-9.]+)": \{rag: R,', latest, re.M)


def turned_amber(update: str) -> str:
    """The text `hwbsite new update DAY <red actions>` wrote, with each action rated amber and its
    progress written (what the officer types in place of the template's)."""
    return update.replace(f'rag: "R", progress: "{scaffold.UPDATE_PROGRESS}"', 'rag: A, progress: "Funding agreed."')


def replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


AGENDA_ITEMS = '''    - number: "8"
      title: "Better Care Fund: quarter 2 update"
      section: "For Discussion"
      presenter: "Teri Roche, Director of Public Health"
      people: ["Teri Roche"]
      pages: "1-12"
      topics: [better-care-fund]
    - number: "9"
      title: "Contract award"
      exempt: {paragraph: 3}
'''

MINUTES = '''minutes:
  status: draft
  attendance:
    present:
      - {name: "Councillor David Roche", role: "Cabinet Member for Adult Social Care and Health", chair: true}
      - {name: "Terri Roche", role: "Director of Public Health"}
      - {name: "Chris Edwards", role: "Chief Officer, Rotherham CCG"}
    apologies:
      - {name: "Sharon Kemp", role: "Chief Executive"}
  declarations: {none_declared: true}
  items:
    - number: 30
      title: "Better Care Fund: quarter 2 update"
      agenda_item: "8"
      body: |
        Terri Roche presented the quarter 2 update.
      resolutions:
        - number: 1
          text: "That the update be noted."
        - number: 2
          text: "That a recovery plan be brought to the next meeting."
      actions:
        - owner: "Terri Roche"
          resolution: 2
          text: "Bring a recovery plan to the next meeting."
          due: 2027-01-13
          status: open
'''


@pytest.mark.slow
def test_an_officers_afternoon(tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(root)], check=True)

    # 1. The meeting: the previous meeting has no minutes yet, so minutes_of: is left as a note.
    assert hwbsite(root, "new", "meeting", "2026-13-18").output.count("there is no month 13") == 1
    assert hwbsite(root, "new", "meeting", DAY).exit_code == 0
    text = (root / MEETING).read_text()
    assert "      # minutes_of: 2017-09-20   # remove the # once data/meetings/2017-09-20.yml has its minutes" in text
    replace(root, MEETING, "status: scheduled", "status: held")
    replace(root, MEETING, "  status: draft ", "  status: published  #")
    replace(root, MEETING, "  # published: YYYY-MM-DD ", "  published: 2026-11-09  #")
    replace(root, MEETING, "  # next_meeting:", AGENDA_ITEMS + "  # next_meeting:")

    # 2. The paper: the template's sentences are errors at their lines until replaced.
    result = hwbsite(root, "new", "paper", "bcf-quarterly-update-2026-11", "--meeting", DAY, "--item", "8")
    assert result.exit_code == 0 and "listed it on item 8" in result.output
    status, messages = check(root)
    assert status == 1
    for sentence in (scaffold.PAPER_PURPOSE, scaffold.PAPER_BODY, scaffold.PAPER_RECOMMENDATIONS):
        line = line_of(root, PAPER, sentence)
        assert (f"{PAPER}:{line}:1: error: template text left in: \"{sentence}\" (hint: replace it with your own "
                "words; template text is never published. Until the paper is ready, mark it published: false)"
                ) in messages
    replace(root, PAPER, scaffold.PAPER_PURPOSE, "To update the Board on the Better Care Fund in quarter 2.")
    replace(root, PAPER, scaffold.PAPER_BODY, "| Scheme | Status |\n|---|---|\n| Reablement | On track |")
    replace(root, PAPER, scaffold.PAPER_RECOMMENDATIONS, "That the Board notes the update.")

    # Mistake 1: a misspelt name gets a suggestion, at its line, and no invitation to add a person.
    status, messages = check(root)
    assert status == 0, messages
    for field, text in (("people", 'people: ["Teri Roche"]'),):
        line = line_of(root, MEETING, text)
        assert (f"{MEETING}:{line}:7: warning: {field}: 'Teri Roche' is not in the people file (hint: did you "
                "mean 'Terri Roche'? Write the name as data/people.yml spells it; if the paper really spells it "
                "'Teri Roche', add that spelling to the person's aliases)") in messages
    assert not any("add them to data/people.yml" in m for m in messages)
    replace(root, MEETING, 'people: ["Teri Roche"]', 'people: ["Terri Roche"]')
    replace(root, MEETING, '"Teri Roche, Director', '"Terri Roche, Director')

    # 3. Minutes with attendance, resolutions and an action.
    (root / MEETING).write_text((root / MEETING).read_text() + MINUTES)

    # 4. A RAG update for the red actions only (the others keep their ratings), turning the last
    # red actions amber: the home page's link to the list of red actions must not break.
    reds = red_actions(root)
    assert len(reds) >= 2
    result = hwbsite(root, "new", "update", DAY, *reds)
    assert result.exit_code == 0, result.output
    text = (root / UPDATE).read_text()
    assert not re.search(r"^(source|paper):", text, re.M) and f"\nmeeting: {DAY} " in text
    assert re.findall(r'^\s*#?\s*"([0-9.]+)":', text, re.M) == reds   # the named actions, nothing else
    status, messages = check(root)
    first = line_of(root, UPDATE, scaffold.UPDATE_PROGRESS)
    assert status == 1 and messages[0].startswith(f"{UPDATE}:{first}:")
    assert all(scaffold.UPDATE_PROGRESS in m for m in messages if m.startswith(UPDATE))
    (root / UPDATE).write_text(turned_amber(text))
    status, messages = check(root)
    assert (status, messages) == (0, [])   # no action is red now, and no link broke

    # Mistake 3: a meeting date that does not exist. One error, first; what names the meeting
    # (the paper and the update) is listed under it, not as errors of its own before it.
    replace(root, MEETING, f"date: {DAY}", "date: 2026-11-31")
    result = CliRunner().invoke(main, ["check", str(root)])
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert lines[0] == f"== {MEETING} (1 error, 2 references that follow from it)"
    assert lines[1].startswith(f"{MEETING}:")
    assert "error: date: impossible date '2026-11-31'" in lines[1]
    assert lines[2].startswith(f"    because of this error, 2 references to what {MEETING} holds")
    assert lines[3].startswith(f"    - {PAPER}:") and lines[4].startswith(f"    - {UPDATE}:")
    assert sum(": error: " in line for line in lines) == 3
    assert lines[-2].startswith("1 error (and 2 references that follow from it)")
    replace(root, MEETING, "date: 2026-11-31", f"date: {DAY}")

    # 5. A quarter of metric values. Mistake 2: an unquoted thousands comma.
    assert hwbsite(root, "new", "values", "bcf-2026-27-actuals").exit_code == 0
    with open(root / VALUES, "a", encoding="utf-8") as f:
        f.write("bcf-non-elective-admissions,Q2 26/27,actual,7,301,count,,,,,,,2026-11-10,Quarterly BCF return,\n")
        f.write("bcf-non-elective-admissions,Q3 2026/27,plan,7200,count,,,,,,,2026-11-10,Quarterly BCF return,\n")
    status, messages = check(root)
    assert status == 1
    assert messages == [
        f"{VALUES}:2:45: error: value: the number 7,301 is split in two by its comma, so this row has 15 columns, "
        "not 14 (hint: put it in double quotes: \"7,301\" (or write it without the comma: 7301))"]
    replace(root, VALUES, ",7,301,", ',"7,301",')
    status, messages = check(root)
    assert messages == [
        f"{VALUES}:3:1: warning: period: period 'Q3 2026/27' is not written like the other "
        "bcf-non-elective-admissions rows: the series uses 'Q1 17/18', 'Q2 17/18', 'Q3 17/18', 'Q4 17/18', ... "
        "(hint: write the label the way the series does, so that the chart and table read as one)"]
    replace(root, VALUES, "Q3 2026/27", "Q3 26/27")

    # The end: nothing to say about the officer's files, no warning that is not acknowledged in
    # data/known-issues.yml, and the site builds in strict mode.
    status, messages = check(root)
    assert (status, messages) == (0, [])
    result = CliRunner().invoke(main, ["check", str(root), "--fail-on-warnings"])
    assert result.exit_code == 0 and result.output.startswith("No problems found"), result.output
    site = build(root, strict=True, build_date="2026-11-30")
    actions = site / "strategy/action-plan-2017-18/actions"
    assert "No actions are red at the moment." in (actions / "red/index.html").read_text()
    cards = (actions / "index.html").read_text()
    assert cards.count("set on Wednesday 18 November 2026") == len(reds)   # the actions updated today
    assert "set on Wednesday 20 September 2017" in cards                    # the others keep theirs
    page = (site / "meetings" / DAY / "index.html").read_text()
    assert "Better Care Fund: quarter 2 update" in page and "Contract award" in page
    assert "Bring a recovery plan to the next meeting." in page
    assert (site / "papers/bcf-quarterly-update-2026-11/index.html").exists()
    # What's new carries the day's work: the new minutes, the RAG update and the new figures,
    # none of them dated after the build date
    news = (site / "whats-new/index.html").read_text()
    assert "as at 18 November 2026" in news                  # the RAG update (never listed before)
    assert "Figures: " in news and "Minutes: " in news
    assert "2026-12" not in (site / "feed.xml").read_text().split("<entry>", 1)[1].split("</updated>")[0]
