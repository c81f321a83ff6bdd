"""Every paper of the seed packs is published as an accessible HTML page, with its figures as published."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from test_build import main_text

SEEDS = REPO.parent / "shared" / "seeds"
SEED_FILES = {p.name[:3]: p for p in SEEDS.glob("*.txt")} if SEEDS.exists() else {}

# Every document of ../shared/seeds/INDEX.md and where it is published, by meeting and agenda item.
PAPERS = {
    "2017-09-20": {
        "10": ["hwb-strategy-refresh-2017"],
        "11": ["ccg-commissioning-plan-2018-19"],
        "13": ["healthwatch-annual-report-2016-17"],
        "14": ["equity-audit-briefing-2017", "equity-audit-2015-16"],
        "15": ["bcf-plan-2017-19-cover", "bcf-plan-2017-19", "bcf-planning-template-2017-19",
               "ccg-hwb-mapping-2017-19"],
        "15a": ["improved-bcf-2017-19"],
        "16": ["camhs-ltp-update-2017-09", "camhs-partnership-minutes-2017-07-12"],
    },
    "2014-02-11": {
        "3": ["bcf-planning-template-2014", "bcf-2014-consultation-findings", "bcf-2014-action-plan",
              "jhws-2012-2015", "information-sharing-protocol"],
    },
}

# (paper, figure exactly as published, seed file, line in the seed)
FIGURES = [
    ("healthwatch-annual-report-2016-17", "27,859", "000", 826),
    ("healthwatch-annual-report-2016-17", "792", "000", 818),
    ("healthwatch-annual-report-2016-17", "193,500", "000", 1636),
    ("healthwatch-annual-report-2016-17", "213,500", "000", 1638),
    ("healthwatch-annual-report-2016-17", "157,793", "000", 1641),
    ("healthwatch-annual-report-2016-17", "211,917", "000", 1644),
    ("healthwatch-annual-report-2016-17", "1,583", "000", 1645),
    ("equity-audit-2015-16", "41.2% (37.1%, 45.4%)", "000", 2106),
    ("equity-audit-2015-16", "73.3% (48.0%, 89.1%)", "000", 2107),
    ("equity-audit-2015-16", "5.8% (4.5%, 7.4%)", "000", 2117),
    ("equity-audit-2015-16", "42.2% (d)", "000", 2090),
    ("bcf-plan-2017-19", "£32.390m", "000", 2468),
    ("bcf-plan-2017-19", "£35.523m", "000", 2469),
    ("bcf-plan-2017-19", "31.06.17", "000", 3605),
    ("bcf-plan-2017-19", "31.11.17", "000", 3624),
    ("bcf-plan-2017-19", "31.01..18", "000", 3600),
    ("bcf-plan-2017-19", "24,323", "000", 4147),
    ("bcf-plan-2017-19", "4,532", "000", 4173),
    ("bcf-plan-2017-19", "3.27%", "000", 3526),
    ("bcf-planning-template-2017-19", "£32,389,936", "000", 4340),
    ("bcf-planning-template-2017-19", "£35,522,651", "000", 4340),
    ("bcf-planning-template-2017-19", "£7,317,501", "000", 4337),
    ("bcf-planning-template-2017-19", "28,893", "000", 4839),
    ("bcf-planning-template-2017-19", "7,395", "000", 4839),
    ("bcf-planning-template-2017-19", "580.2", "000", 4876),
    ("bcf-planning-template-2017-19", "1166.5", "000", 4897),
    ("improved-bcf-2017-19", "6,227,348", "000", 5889),
    ("improved-bcf-2017-19", "£456,000", "000", 5955),
    ("camhs-ltp-update-2017-09", "362", "000", 6291),
    ("camhs-ltp-update-2017-09", "7.1 weeks", "000", 7030),
    ("bcf-planning-template-2014", "£20,101,000.00", "002", 25),
    ("bcf-planning-template-2014", "£22,055,000.00", "002", 28),
    ("bcf-planning-template-2014", "739.6", "003", 510),
    ("bcf-planning-template-2014", "91.5%", "003", 514),
    ("bcf-planning-template-2014", "86.7", "003", 514),
]


def seed_line(seed: str, line: int) -> str:
    return SEED_FILES[seed].read_text(encoding="utf-8").splitlines()[line - 1]


def test_every_document_of_the_seed_index_has_a_page_reached_from_its_meeting(rotherham_site):
    count = 0
    for meeting, items in PAPERS.items():
        raw = (rotherham_site / "meetings" / meeting / "index.html").read_text()
        for item, papers in items.items():
            section = raw.split(f'id="item-{item}"', 1)[1]
            section = re.split(r'<h[34] id="item-', section, maxsplit=1)[0]
            for paper in papers:
                assert (rotherham_site / "papers" / paper / "index.html").exists(), paper
                assert f"../../papers/{paper}/" in section, f"{meeting} item {item} does not link {paper}"
                back = (rotherham_site / "papers" / paper / "index.html").read_text()
                assert f"meetings/{meeting}/#item-{item}" in back, f"{paper} does not link back"
                count += 1
    assert count == 17
    # seed 004 is in no agenda pack, and the cover report lists only two appendices: it is published
    # separately, so no meeting lists it and its page names no meeting or item
    summary = (rotherham_site / "papers" / "bcf-2017-19-narrative-summary" / "index.html").read_text()
    assert "meetings/2017-09-20/" not in summary
    assert "Source: published separately, not in an agenda pack." in summary
    assert "bcf-2017-19-narrative-summary" not in (rotherham_site / "meetings/2017-09-20/index.html").read_text()
    assert "bcf-2017-19-narrative-summary" not in (rotherham_site / "meetings/2017-09-20/pack/index.html").read_text()
    # the action plan of 000 lines 408-503 is published as the strategy pages
    assert (rotherham_site / "strategy/index.html").exists()
    # the national mapping table is a download
    assert (rotherham_site / "downloads/tables/ccg-hwb-mapping-2017-19.csv").stat().st_size > 20_000


@pytest.mark.fidelity
@pytest.mark.skipif(not SEED_FILES, reason="the seed papers (../shared/seeds) are not beside this checkout")
@pytest.mark.parametrize("paper, figure, seed, line", FIGURES)
def test_figures_match_the_source_exactly(rotherham_site, paper, figure, seed, line):
    assert figure in " ".join(seed_line(seed, line).split()), "the figure is not at that line of the seed"
    assert figure in main_text(rotherham_site / "papers" / paper / "index.html")


def test_signed_2014_template_is_shown_and_the_draft_noted(rotherham_site):
    text = main_text(rotherham_site / "papers/bcf-planning-template-2014/index.html")
    assert "Signed" in text and "an earlier draft version was in the pack for 11 February 2014" in text
    assert "<Name of Signatory>" not in text.split("an earlier draft", 1)[0]


def test_data_tables_come_from_csv_with_header_rows_and_downloads(rotherham_site):
    raw = (rotherham_site / "papers/healthwatch-annual-report-2016-17/index.html").read_text()
    assert "<thead>" in raw and "<th>" in raw
    assert "../../downloads/tables/healthwatch-annual-report-2016-17--finances.csv" in raw


def test_long_papers_have_a_table_of_contents(rotherham_site):
    raw = (rotherham_site / "papers/bcf-plan-2017-19/index.html").read_text()
    assert 'class="toc"' in raw


def test_no_conversion_junk_reaches_the_pages(rotherham_site):
    for page in (rotherham_site / "papers").glob("*/index.html"):
        text = main_text(page)
        for junk in ("<b>", "</b>", "<p>", "<ul>", "<i>"):
            assert junk not in text, f"{page.parent.name} shows {junk!r}"
        # stray bold markers around words ("Equal**" is a published footnote mark, not junk)
        assert not re.search(r"\*\*[A-Za-z]", text), f"{page.parent.name} shows a stray '**'"


def test_private_names_from_case_studies_are_not_published(rotherham_site):
    text = main_text(rotherham_site / "papers/healthwatch-annual-report-2016-17/index.html")
    for name in ("Laura", "Felicity", "Patricia", "Paul & Tracy"):
        assert name not in text
