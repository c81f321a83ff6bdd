"""Strategy action plans: loading with file:line errors, RAG summaries, and the dashboard pages."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hwbsite import strategy, urls
from hwbsite.context import build_context
from hwbsite.publication import public_view
from hwbsite.pages import strategy as pages
from hwbsite.project import load_project

REPO = Path(__file__).resolve().parent.parent

BOARD = "name: Test board\ncouncil: Test Council\n"

PLAN = """\
id: tiny
title: Tiny plan
aims:
  - number: 1
    title: First aim
    objectives:
      - number: 1
        text: Objective one
    actions:
      - id: "1.01"
        objectives: [1]
        text: Do a thing
        leads: Ann Lead
        timescale: Mar-17
      - id: "1.02"
        objectives: [1]
        text: Do another thing
        leads: TBC
        timescale: Bob to add detail
"""

UPDATE = """\
plan: tiny
as_at: 2017-06-01
actions:
  "1.01": {rag: A, progress: "Going"}
  "1.02": {rag: "", progress: ""}
"""

PLAN_FILE = "data/strategy/tiny.yml"
UPDATE_FILE = "data/strategy/updates/2017-06-01--tiny.yml"


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def load(tmp_path: Path, plan: str = PLAN, update: str | None = UPDATE, extra: dict | None = None):
    write(tmp_path, "data/board.yml", BOARD)
    write(tmp_path, PLAN_FILE, plan)
    if update is not None:
        write(tmp_path, UPDATE_FILE, update)
    for rel, text in (extra or {}).items():
        write(tmp_path, rel, text)
    return load_project(tmp_path)


def errors(log) -> list[str]:
    return [p.format() for p in log.errors]


def warnings(log, code: str | None = None) -> list[str]:
    return [p.format() for p in sorted(log.warnings) if code is None or p.code == code]


# --- loading ---------------------------------------------------------------------------------


def test_valid_plan_loads_with_positions(tmp_path):
    project, log = load(tmp_path)
    assert errors(log) == []
    plan = project.plans[0]
    assert plan.id == "tiny"
    action = plan.aims[0].actions[1]
    assert (action.src.file, action.src.line) == (PLAN_FILE, 15)
    assert action.pos_of("leads").line == 18
    update = project.plan_updates[0]
    assert update.as_at == dt.date(2017, 6, 1)
    assert update.actions["1.02"].rag == ""
    assert update.actions["1.02"].src.line == 5


def test_placeholder_and_blank_rag_are_warnings_at_their_lines(tmp_path):
    _project, log = load(tmp_path)
    assert warnings(log, "placeholder") == [
        f'{PLAN_FILE}:18:9: warning: leads: action 1.02: the lead is still to be confirmed: "TBC" '
        "(hint: name the lead once it is agreed)",
        f'{PLAN_FILE}:19:9: warning: timescale: action 1.02: placeholder text left in the timescale: '
        '"Bob to add detail" (hint: replace it with the detail once it is known)',
    ]
    assert warnings(log, "rag-blank") == [
        f"{UPDATE_FILE}:5:12: warning: actions.1.02.rag: action 1.02 has a blank RAG status "
        "(hint: record the RAG given in the source; leave it blank only if the source does)"
    ]


def test_placeholder_in_progress_is_a_warning(tmp_path):
    _project, log = load(tmp_path, update=UPDATE.replace('progress: "Going"', 'progress: "Karen to include update"'))
    assert [w.split(": warning")[0] for w in warnings(log, "placeholder")][-1] == f"{UPDATE_FILE}:4:20"


def test_unknown_rag_value_is_an_error_at_its_line(tmp_path):
    _project, log = load(tmp_path, update=UPDATE.replace("rag: A", 'rag: "Amber"'))
    assert errors(log) == [
        f'{UPDATE_FILE}:4:12: error: actions.1.01.rag: unknown RAG value "Amber" '
        "(hint: write the letter A for Amber)"
    ]


@pytest.mark.parametrize("value, message", [
    ("X", 'unknown RAG value "X"'),
    ("g", 'unknown RAG value "g"'),
    ("1", "unknown RAG value 1"),
    ("null", 'RAG is empty; write rag: "" for a RAG cell left blank in the source'),
])
def test_other_rag_values_are_refused(tmp_path, value, message):
    _project, log = load(tmp_path, update=UPDATE.replace("rag: A", f"rag: {value}"))
    assert len(log.errors) == 1
    assert log.errors[0].line == 4 and message in log.errors[0].message


def test_rag_tbc_and_blank_are_distinct_from_not_rated(tmp_path):
    project, log = load(tmp_path, update=UPDATE.replace('"1.02": {rag: "", progress: ""}\n', "")
                        .replace("rag: A", "rag: TBC"))
    assert errors(log) == []
    aim = project.plans[0].aims[0]
    summary = strategy.summarise(aim, project.plan_updates[0])
    assert summary.counts == Counter({"TBC": 1, None: 1})
    assert summary.count("") == 0
    project, _ = load(tmp_path, update=UPDATE)
    assert strategy.summarise(aim, project.plan_updates[0]).counts == Counter({"A": 1, "": 1})


def test_action_attached_to_missing_objective(tmp_path):
    _project, log = load(tmp_path, plan=PLAN.replace("objectives: [1]\n        text: Do another",
                                                     "objectives: [1, 4]\n        text: Do another"))
    assert errors(log) == [
        f"{PLAN_FILE}:16:9: error: objectives: action 1.02 is attached to objective 4, which aim 1 does not have "
        "(hint: aim 1 has objectives: 1)"
    ]


def test_duplicate_aim_number(tmp_path):
    plan = PLAN + """\
  - number: 1
    title: Second aim with the same number
    objectives: []
    actions: []
"""
    _project, log = load(tmp_path, plan=plan)
    assert errors(log) == [f"{PLAN_FILE}:20:5: error: number: aim number 1 is used twice in plan 'tiny' "
                           "(hint: aim 1 is already at line 4)"]


def test_duplicate_action_id(tmp_path):
    _project, log = load(tmp_path, plan=PLAN.replace('id: "1.02"', 'id: "1.01"'),
                         update=UPDATE.replace('  "1.02": {rag: "", progress: ""}\n', ""))
    assert errors(log) == [
        f"{PLAN_FILE}:15:9: error: id: action id '1.01' is used twice in plan 'tiny' "
        "(hint: give each action its own id; '1.01' is already at line 10)"
    ]


def test_update_for_unknown_plan(tmp_path):
    _project, log = load(tmp_path, update=UPDATE.replace("plan: tiny", "plan: tiny-plan"))
    assert errors(log) == [
        f"{UPDATE_FILE}:1:1: error: plan: no action plan with id 'tiny-plan' in data/strategy/ (hint: did you mean 'tiny'? plans: tiny)"
    ]


def test_update_for_unknown_action(tmp_path):
    _project, log = load(tmp_path, update=UPDATE + '  "1.10": {rag: G, progress: ""}\n')
    assert errors(log) == [
        f"{UPDATE_FILE}:6:3: error: actions.1.10: plan 'tiny' has no action '1.10' "
        '(hint: check the id against the plan file; write ids in quotes, e.g. "1.10")'
    ]


def test_unquoted_action_id_is_refused(tmp_path):
    _project, log = load(tmp_path, plan=PLAN.replace('id: "1.02"', "id: 1.10"),
                         update=UPDATE.replace('  "1.02": {rag: "", progress: ""}\n', ""))
    assert len(log.errors) == 1
    err = log.errors[0]
    assert (err.file, err.line, err.field) == (PLAN_FILE, 15, "aims[0].actions[1].id")
    assert "in quotes" in err.message


def test_parent_must_be_another_action_of_the_aim(tmp_path):
    plan = PLAN.replace("        leads: TBC\n", '        parent: "9.99"\n        leads: TBC\n')
    _project, log = load(tmp_path, plan=plan)
    assert [(e.line, e.field) for e in log.errors] == [(18, "parent")]


def test_plan_id_must_match_file_name(tmp_path):
    _project, log = load(tmp_path, plan=PLAN.replace("id: tiny", "id: other"), update=None)
    assert errors(log) == [
        f"{PLAN_FILE}:1:1: error: id: plan id 'other' does not match the file name 'tiny.yml' "
        "(hint: rename the file to other.yml or set id: tiny)"
    ]


def test_update_meeting_must_exist(tmp_path):
    _project, log = load(tmp_path, update=UPDATE.replace("as_at: 2017-06-01\n", "as_at: 2017-06-01\nmeeting: 2017-06-02\n"))
    assert errors(log) == [
        f"{UPDATE_FILE}:3:1: error: meeting: no meeting on 2017-06-02 in data/meetings/ "
        "(hint: check the date, or add the meeting file)"
    ]


def test_every_error_reported_in_one_run(tmp_path):
    plan = PLAN.replace("objectives: [1]\n        text: Do a thing", "objectives: [2]\n        text: Do a thing")
    _project, log = load(tmp_path, plan=plan, update=UPDATE.replace("rag: A", "rag: Q"))
    assert [(e.file, e.line) for e in log.errors] == [(PLAN_FILE, 11), (UPDATE_FILE, 4)]


def test_no_strategy_directory_means_no_plans_and_no_pages(tmp_path):
    write(tmp_path, "data/board.yml", BOARD)
    project, log = load_project(tmp_path)
    assert errors(log) == [] and project.plans == [] and project.plan_updates == []
    view = public_view(project, dt.date(2017, 9, 20))
    assert pages.strategy_pages(view, build_context(view)) == []


# --- the real Rotherham action plan -----------------------------------------------------------

# Counts per aim read off the published plan (000 lines 421-503): R, A, G, blank, TBC, not rated.
EXPECTED = {
    1: (10, {"R": 1, "A": 7, "G": 1, "": 1}),
    2: (6, {"": 6}),
    3: (9, {"R": 1, "A": 7, "G": 1}),
    4: (14, {"A": 2, "G": 7, "": 2, "TBC": 3}),
    5: (5, {"A": 2, "": 3}),
}


@pytest.fixture(scope="module")
def rotherham():
    project, log = load_project(REPO)
    assert not [e for e in log.errors if "strategy" in e.file]
    view = public_view(project, dt.date(2017, 9, 20))
    return view, build_context(view)


def _raw_counts() -> dict[int, Counter]:
    """Counts straight from the YAML files, independently of the models."""
    plan = yaml.safe_load((REPO / "data/strategy/action-plan-2017-18.yml").read_text())
    update = yaml.safe_load((REPO / "data/strategy/updates/2017-09-20--action-plan-2017-18.yml").read_text())
    out = {}
    for aim in plan["aims"]:
        out[aim["number"]] = Counter(update["actions"][a["id"]]["rag"] if a["id"] in update["actions"] else None
                                     for a in aim["actions"])
    return out


def test_expected_counts_match_the_yaml():
    raw = _raw_counts()
    assert {n: (sum(c.values()), dict(c)) for n, c in raw.items()} == EXPECTED


def test_rotherham_counts_per_aim(rotherham):
    project, _ctx = rotherham
    plan = project.plans[0]
    update = strategy.latest(strategy.updates_for(project, plan))
    assert update.as_at == dt.date(2017, 9, 20)
    for aim in plan.aims:
        summary = strategy.summarise(aim, update)
        total, counts = EXPECTED[aim.number]
        assert summary.total == total
        assert dict(+summary.counts) == counts, aim.number


def _table_rows(markdown: str) -> dict[int, list[str]]:
    rows = {}
    for line in markdown.splitlines():
        m = re.match(r"\| \[Aim (\d+)\]\([^)]*\) \|(.*)\|$", line)
        if m:
            rows[int(m.group(1))] = [c.strip() for c in m.group(2).split("|")]
    return rows


def test_overview_table_shows_counts_per_aim(rotherham):
    project, ctx = rotherham
    md = pages.overview_page(project, ctx).text
    assert "| Aim | Actions | Red | Amber | Green | Blank | TBC | Not rated | Past timescale |" in md
    rows = _table_rows(md)
    for number, (total, counts) in EXPECTED.items():
        cells = rows[number]
        assert cells[:7] == [str(total)] + [str(counts.get(rag, 0)) for rag in ("R", "A", "G", "", "TBC", None)]
    assert "| **All aims** | **44** | **2** | **18** | **9** | **12** | **3** | **0** |" in md


def test_overview_chart_has_text_labels_for_every_aim(rotherham):
    project, ctx = rotherham
    md = pages.overview_page(project, ctx).text
    assert "Aim 1: 10 actions: 1 Red, 7 Amber, 1 Green, 1 Blank" in md
    assert "Aim 2: 6 actions: 6 Blank" in md
    assert "Aim 3: 9 actions: 1 Red, 7 Amber, 1 Green" in md
    assert "Aim 4: 14 actions: 2 Amber, 7 Green, 2 Blank, 3 TBC" in md
    assert "Aim 5: 5 actions: 2 Amber, 3 Blank" in md
    # one unit per action, each with its symbol, red first, each a link to its action's card
    # (Markdown links to the aim page's .md file: the engine resolves them, see test_portable_links)
    bars = re.findall(r'<div class="hwb-rag-chart__bar" markdown="span">(.*?)</div>', md)
    assert [b.count("hwb-rag-unit") for b in bars] == [10, 6, 9, 14, 5]
    assert bars[0].startswith('[✗](action-plan-2017-18/aim-1.md#action-1-10)'
                              '{ .hwb-rag-unit .hwb-rag--r aria-label="Action 1.10: Red" }')


def test_overview_lists_sponsor_and_lead_and_is_in_nav(rotherham):
    project, ctx = rotherham
    page = pages.overview_page(project, ctx)
    assert page.path == urls.STRATEGY == "strategy/index.md" and page.in_nav
    assert "Sponsor: [Rob Odell](../people/robert-odell.md), SY Police" in page.text or \
        "Sponsor: Rob Odell, SY Police" in page.text
    assert "Lead: Karen Hanson, RMBC" in page.text


def test_aim_pages_are_not_in_nav_and_live_at_urls_aim(rotherham):
    project, ctx = rotherham
    built = pages.strategy_pages(project, ctx)
    aims = [p for p in built if p.path != urls.STRATEGY and "/actions/" not in p.path]
    assert [p.path for p in aims] == [urls.aim("action-plan-2017-18", n) for n in range(1, 6)]
    assert not any(p.in_nav for p in aims)
    assert all(p.edit == "data/strategy/action-plan-2017-18.yml" for p in built)


def _aim_md(rotherham, number: int) -> str:
    project, ctx = rotherham
    plan = project.plans[0]
    return pages.aim_page(project, plan, plan.aim(number), ctx).text


def _action_row(md: str, action_id: str) -> str:
    """The card of one action on an aim page."""
    start = md.index(f'id="{urls.strategy_action_anchor(action_id)}"')
    return md[start:md.index("</div>", start)]


def test_aim_page_rows_count_matches_source(rotherham):
    for number, (total, counts) in EXPECTED.items():
        md = _aim_md(rotherham, number)
        rows = re.findall(r'<div class="hwb-card hwb-card--(\w+)" id="action-', md)
        assert len(rows) == total
        words = Counter(rows)
        keys = {"R": "r", "A": "a", "G": "g", "": "blank", "TBC": "tbc"}
        assert words == Counter({keys[k]: v for k, v in counts.items()})


def test_rag_badge_has_word_and_symbol_not_colour_alone():
    for rag, word, symbol in (("G", "Green", "✓"), ("A", "Amber", "!"), ("R", "Red", "✗"),
                              ("", "Blank", "○"), ("TBC", "TBC", "?"), (None, "Not rated", "–")):
        html = str(pages.badge(rag))
        assert f">{word} <span aria-hidden=\"true\">{symbol}</span></span>" in html


def test_aim_page_cards_put_a_linked_badge_first(rotherham):
    md = _aim_md(rotherham, 1)
    card = _action_row(md, "1.01")
    assert card.index('<p class="hwb-card__status" markdown>[Green <span aria-hidden="true">✓</span>](#action-1-01)'
                      '{ .hwb-rag .hwb-rag--g aria-label="Action 1.01: Green" }') < card.index("**1.01**")
    assert '<span class="hwb-card__label">RAG as published, set on Wednesday 20 September 2017</span>' in card
    assert 'Green <span aria-hidden="true">✓</span>' in _action_row(md, "1.01")
    assert 'Red <span aria-hidden="true">✗</span>' in _action_row(md, "1.10")
    assert "Blank" in _action_row(md, "1.07") and "(part of 1.06)" in _action_row(md, "1.07")


def test_past_timescale_is_flagged_with_its_reason_beside_the_published_rag(rotherham):
    md = _aim_md(rotherham, 1)
    row = _action_row(md, "1.02")                                          # May-17, Amber at 20 Sep 2017
    assert ('**Past timescale** (worked out by this site): timescale "May-17" ended on 31 May 2017, before this '
            "update of 20 September 2017, which rates it Amber and gives no progress for it.") in row
    assert "which rates it Amber; its progress text says: “Training being delivered April/May 2017”" in \
        _action_row(md, "1.08")
    assert 'Amber <span aria-hidden="true">!</span>' in row                 # the published RAG stays
    assert "Past timescale" not in _action_row(md, "1.01")                 # Jan-17 but Green
    assert "Past timescale" not in _action_row(md, "1.05")                 # Sep-17: due 30 Sep, after the update
    assert "Past timescale" not in _action_row(md, "1.06")                 # TBC: no due date
    assert ("- Past timescale (worked out by this site, not the board's rating): 4 actions are past their "
            "timescale and not rated Green in this update.") in md
    assert "Overdue" not in md
    md4 = _aim_md(rotherham, 4)
    assert "Past timescale" not in _action_row(md4, "4.05")               # "Jan 18 onwards"
    # 4.02 and 4.03: blank RAG and no progress; the flag says exactly that rather than "overdue"
    assert ('timescale "Jan 17" ended on 31 January 2017, before this update of 20 September 2017, which leaves '
            "its RAG blank and gives no progress for it.") in _action_row(md4, "4.02")


def test_aim_pages_link_to_agenda_items_minutes_and_papers(rotherham):
    project, ctx = rotherham
    md4 = _aim_md(rotherham, 4)
    assert "](../../meetings/2017-09-20.md#item-9)" in md4
    for paper in project.papers.values():
        if 4 in paper.aims:  # the view holds public papers only
            assert f"](../../papers/{paper.id}.md)" in md4
    md3 = _aim_md(rotherham, 3)
    assert "](../../meetings/2017-07-05.md#minute-18)" in md3
    assert "No agenda items, minutes or papers are linked to this aim yet." in _aim_md(rotherham, 2)


def test_single_update_has_no_history_table(rotherham):
    assert "RAG history" not in _aim_md(rotherham, 1)


def test_context_links_aims_to_their_pages(rotherham):
    project, ctx = rotherham
    link = ctx.aim_link(4)
    assert link.url == "strategy/action-plan-2017-18/aim-4.md"
    assert link.title.startswith("Healthy life expectancy")


def test_data_text_is_escaped_in_tables(tmp_path):
    plan = PLAN.replace("text: Do a thing", 'text: "Pipes | and *stars* [x](y)"')
    project, log = load(tmp_path, plan=plan)
    assert errors(log) == []
    view = public_view(project, dt.date(2017, 9, 20))
    md = pages.aim_page(view, view.plans[0], view.plans[0].aims[0], build_context(view)).text
    assert r"Pipes \| and \*stars\* \[x\](y)" in _action_row(md, "1.01")


def test_action_lists_put_red_first_and_give_each_filter_a_page(rotherham):
    project, ctx = rotherham
    built = {p.path: p.text for p in pages.strategy_pages(project, ctx)}
    base = "strategy/action-plan-2017-18/actions/"
    every = built[base + "index.md"]
    order = re.findall(r'<div class="hwb-card hwb-card--(\w+)" id="(action-[\w-]+)"', every)
    assert len(order) == 44
    assert [k for k, _ in order[:2]] == ["r", "r"] and order[2][0] == "a"
    red = re.findall(r'id="(action-[\w-]+)"', built[base + "red.md"])
    assert red == ["action-1-10", "action-3-08"]
    # each card's badge links to the card on its aim page
    assert ('[Red <span aria-hidden="true">✗</span>](../aim-1.md#action-1-10)'
            '{ .hwb-rag .hwb-rag--r aria-label="Action 1.10: Red" }') in built[base + "red.md"]
    assert len(re.findall(r'class="hwb-card ', built[base + "overdue.md"])) == sum(
        s.overdue for plan in project.plans for s in (strategy.summarise(a, strategy.latest(strategy.updates_for(project, plan))) for a in plan.aims))
    assert len(re.findall(r'class="hwb-card ', built[base + "aim-4.md"])) == 14
    assert "Actions led by Karla Capstick" in built[base + "lead-karla-capstick.md"]
    # the filters are links, and the current one is marked for screen readers
    assert '<strong class="hwb-filter hwb-filter--current" aria-current="page">Red (2)</strong>' in built[base + "red.md"]
    assert '[Past timescale (7)](overdue.md){ .hwb-filter }' in built[base + "red.md"]
    assert not any(built_path.startswith(base) and p.in_nav for built_path, p in
                   ((q.path, q) for q in pages.strategy_pages(project, ctx)))


def test_red_actions_are_one_click_from_the_home_page():
    home = (REPO / "content/index.md").read_text(encoding="utf-8")
    assert "(strategy/action-plan-2017-18/actions/red.md)" in home
