"""What the public reads: citations they can follow, notes beside the figures, no defaults shown as facts.

The real site is built once, as of a date long after the last meeting (the audit read it in 2026).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import REPO, build, copy_project
from test_build import main_text

LINE_REF = re.compile(r"\b\d{3} lines? \d|\blines? \d{2,4}\b")


@pytest.fixture(scope="module")
def site_2026(tmp_path_factory) -> Path:
    return build(copy_project(REPO, tmp_path_factory.mktemp("rotherham2026")), build_date="2026-11-30")


def test_no_public_file_carries_an_internal_line_reference(site_2026):
    found = []
    for path in sorted(site_2026.rglob("*")):
        if path.suffix in (".html", ".csv", ".json", ".xml") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if "assets/" in str(path):
                continue
            for m in LINE_REF.finditer(text):
                found.append(f"{path.relative_to(site_2026)}: …{text[max(0, m.start() - 40):m.end() + 20]}…")
    assert found == []


@pytest.mark.parametrize("page, citation", [
    ("meetings/2017-09-20", "Source: Agenda, 20 September 2017."),
    ("meetings/2017-07-05", "Source: Minutes of 5 July 2017: agenda pack, 20 September 2017, item 6, pages 1–13."),
    ("papers/bcf-plan-2017-19", "Source: agenda pack, 20 September 2017, item 15, pages 107–237."),
    ("papers/improved-bcf-2017-19",
     "Source: agenda pack, 20 September 2017, item 15A (the agenda prints no page numbers for it)."),
    ("strategy/action-plan-2017-18/aim-4",
     "Source: Health and Wellbeing Strategy Action Plan 2017-18: agenda pack, 20 September 2017, item 9, pages 14–23."),
])
def test_sources_cite_the_document_the_pack_and_its_pages(site_2026, page, citation):
    assert citation in main_text(site_2026 / page / "index.html")


def test_metric_csv_cites_the_pack_and_keeps_figures_and_notes(site_2026):
    rows = list(csv.DictReader(io.StringIO((site_2026 / "downloads/metrics/bcf-reablement.csv").read_text())))
    actual = next(r for r in rows if r["period"] == "2016/17" and r["kind"] == "actual")
    assert actual["value"] == "87.5"
    assert actual["source"] == ("Rotherham Better Care Fund Plan 2017/19: agenda pack, 20 September 2017, item 15, "
                                "pages 107–237")
    assert actual["note"].startswith("'The 2016/17 outturn reflected a slight decrease to 87.5%")


def test_a_status_the_paper_does_not_print_is_not_shown(site_2026):
    text = main_text(site_2026 / "papers/hwb-strategy-refresh-2017/index.html")
    assert "Final" not in text
    assert "Status Signed" in main_text(site_2026 / "papers/bcf-plan-2017-19/index.html")


# --- notes beside the figures ------------------------------------------------------------------

@pytest.mark.parametrize("page", ["dashboards/bcf-2014", "metrics/bcf-reablement"])
def test_reablement_baseline_86_7_carries_its_note_where_it_is_shown(site_2026, page):
    text = main_text(site_2026 / page / "index.html")
    note = re.search(r"⚠ Note (\d+): Baseline for April 2012 - March 2013, 86\.7%\. ([^⚠]*)", text)
    assert note, "the 86.7% baseline has no visible note"
    assert "110/130 = 84.6%" in note.group(2)
    assert f"86.7% ⚠ note {note.group(1)}" in text


@pytest.mark.parametrize("value, words", [
    ("580.2", "gives the 2017/18 target for the same 297 admissions as a rate of 589"),
    ("663", "663 equals 329 over the 15/16 denominator"),
    ("589", "gives the 17/18 plan for the same 297 admissions as 580.2"),
])
def test_residential_admissions_figures_carry_their_notes_on_the_dashboard(site_2026, value, words):
    text = main_text(site_2026 / "dashboards/bcf-2017-19/index.html")
    assert re.search(rf"⚠ Note \d+: [A-Za-z]+ for [^,]+, {re.escape(value)} per 100,000\. [^⚠]*{re.escape(words)}", text)


def test_non_elective_total_28893_carries_the_data_check(site_2026):
    text = main_text(site_2026 / "dashboards/bcf-2017-19/index.html")
    assert re.search(r"⚠ Note \d+: Plan for [^,]+, 28,893\. [^⚠]*quarters sum to 28,894", text)


def test_dashboards_index_says_where_the_notes_are(site_2026):
    text = main_text(site_2026 / "dashboards/index.html")
    assert "flagged in the data notes" not in text
    assert "⚠" in text


# --- notes that were only comments, figures as printed, people --------------------------------

def test_the_v2_dates_in_the_february_2018_column_are_flagged_on_the_paper(site_2026):
    text = main_text(site_2026 / "papers/ccg-commissioning-plan-2018-19/index.html")
    assert ('⚠ In the timeline grid the V2 dates in the FEBRUARY 2018 column are printed with the year 17: '
            '"V2 28.02.17" (GPMC), "V2 16.02.17" (OE), "V2 21.02.17" (SCE).') in text


def test_an_agreement_date_on_which_the_board_did_not_meet_is_flagged(site_2026):
    text = main_text(site_2026 / "papers/bcf-plan-2017-19/index.html")
    assert ("⚠ The sign-off gives the date agreed at the Health and Well-Being Board as 30/08/2017. This archive "
            "holds no board meeting on that date") in text


def test_cut_off_running_balances_are_shown_as_printed_with_what_the_other_copies_say(site_2026):
    raw = (site_2026 / "papers/bcf-planning-template-2017-19/index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr>\s*<td>Planned Social Care spend from the CCG minimum</td>.*?</tr>", raw, re.S).group(0)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
    assert cells[1:3] == ["£8,123,137", "£8,278,100"]   # printed in full in one copy (000 line 4729)
    assert cells[3].startswith("⚠ ")
    assert '"£8,278,1"' in cells[3] and "£8,278,137" in cells[3]


def test_a_role_has_a_start_date_only_when_a_paper_gives_one(site_2026):
    text = main_text(site_2026 / "people/chris-edwards/index.html")
    assert "(from 5 July 2017)" not in text and "from 5 July 2017" not in text
    # the documents that name him, each with the one record of where it was published: the 5 July
    # minutes are dated by the pack that printed them (20 September 2017) on every person's page
    assert ("Chief Operating Officer, Rotherham CCG (a seat on the board: member): so named in Rotherham Better Care Fund – Planning template – "
            "Part 1 (signed version published separately, not in an agenda pack; its draft version is in the "
            "agenda pack, 11 February 2014, item 3, pages 1–61); Minutes of 5 July 2017: agenda pack, "
            "20 September 2017, item 6, pages 1–13") in text


def test_a_note_about_a_measure_that_was_only_a_comment_is_shown_beside_its_chart(site_2026):
    # the dashboard's compact row links to this page, which holds the chart and its notes
    assert 'href="../../metrics/community-gp-urgent-admissions-mau/"' in (
        site_2026 / "dashboards/community-kpis/index.html").read_text(encoding="utf-8")
    for page in ("metrics/community-gp-urgent-admissions-mau",):
        text = main_text(site_2026 / page / "index.html")
        assert ("about this measure. The row label 'Number of GF urgent admissions of MAJ' looks garbled "
                "(GP / MAU?); kept as published.") in text


def test_how_the_source_reads_a_shifted_strategy_row_is_shown_beside_its_rag(site_2026):
    raw = (site_2026 / "strategy/action-plan-2017-18/aim-4/index.html").read_text(encoding="utf-8")
    card = re.search(r'<div class="hwb-card[^"]*" id="action-4-05">.*?</div>', raw, re.S).group(0)
    assert "⚠ Note: Same right shift of lead, timescale, progress and RAG as on action 4.04." in card
    assert "RAG as published" in card
