"""Money pages, built without MkDocs: totals in words, sorted bars, full tables, differences, downloads."""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re

import pytest

from conftest import REPO
from hwbsite import finance
from hwbsite.context import build_context
from hwbsite.pages import money
from hwbsite.project import load_project
from hwbsite.publication import public_view


def public(project, today=dt.date(2017, 9, 30)):
    """What page builders receive: the public view on the build date, and its context."""
    view = public_view(project, today)
    return view, build_context(view)


@pytest.fixture(scope="module")
def built():
    project, log = load_project(REPO)
    assert log.errors == []
    view, ctx = public(project)
    return view, ctx, {p.path: p for p in money.money_pages(view, ctx)}


@pytest.fixture(scope="module")
def loaded():
    project, log = load_project(REPO)
    assert log.errors == []
    return project


def test_one_page_per_programme_and_an_index_in_the_nav(built):
    _project, _ctx, pages = built
    assert sorted(pages) == ["money/bcf-2014.md", "money/bcf-2017-19.md", "money/camhs.md", "money/healthwatch.md",
                             "money/index.md"]
    assert [p for p in pages.values() if p.in_nav] == [pages["money/index.md"]]


def test_totals_in_words_with_the_figures_as_printed(built):
    _project, _ctx, pages = built
    md = pages["money/bcf-2017-19.md"].text
    assert ("- £32,389,936 pooled in 2017/18, of which £4,077,793 from Local Authority Contribution exc iBCF, "
            "£7,317,501 from iBCF Contribution, £18,592,437 from Minimum CCG Contribution and £2,402,205 from "
            "Additional CCG Contribution.") in md
    hw = pages["money/healthwatch.md"].text
    assert "- £213,500 received in 2016/17, of which £193,500 from Funding received" in hw
    assert "- £211,917 spent in 2016/17, of which £32,954 on Operational costs, £157,793 on Staffing costs" in hw
    index = pages["money/index.md"].text
    assert "Total agreed value of pooled budget: £21,838,000.00 in 2014/15 and £22,055,000.00 in 2015/16." in index


def test_every_sentence_adds_up(built):
    """A sentence's "of which" parts are the parts of its total, and they add up to it."""
    project, ctx, _pages = built
    for programme in project.finance.programmes:
        for line in money.headline(project, programme, ctx):
            if ", of which " not in line:
                continue
            head, tail = line.split(", of which ")
            stated = _pounds(head.split()[0])
            parts = [_pounds(m) for m in re.findall(r"£[\d,]+(?:\.\d+)?", tail)]
            assert sum(parts) == stated, line


def _pounds(text: str) -> int:
    return round(float(text.replace("£", "").replace(",", "")))


def test_no_figure_on_a_money_page_that_the_papers_did_not_print(built):
    project, _ctx, pages = built
    printed = {money.shown(r) for r in project.finance.rows} | {r.amount for r in project.finance.rows}
    for d in finance.reconcile(project.finance):   # the differences the page states, labelled as such
        printed |= {finance.money(d.summed), finance.money(abs(d.difference))}
    # the papers' own notes on their money, shown under a warning heading on the paper's page and here
    # alike (one note object, finance.money_notes): the sums they state are the notes', labelled as such
    for pid in {d.paper for p in project.finance.programmes for d in p.datasets if d.paper}:
        for note in finance.money_notes(project, pid):
            printed |= set(re.findall(r"£\d[\d,]*(?:\.\d+)?m?", note))
    for path, page in pages.items():
        text = re.sub(r'data-figure="[^"]*"', "", page.text)
        for figure in re.findall(r"(?<!\()-?£\d(?:[\d,]*\d)?(?:\.\d+)?m?|(?<![\w,.-])-?\d[\d,]*\d(?:\.\d+)? \(£[0-9']+\)", text):
            if figure in ("£000", "£'000"):   # a unit named in words ("in £000"), not a figure
                continue
            assert figure in printed, f"{path} shows {figure}"


def test_a_total_that_does_not_add_up_shows_the_difference_beside_it(built):
    _project, _ctx, pages = built
    md = pages["money/bcf-2017-19.md"].text
    assert "| **7.7** | **£1.09m** (the parts add up to £1,081,000: £9,000 less than the total printed)" in md
    assert "**£4,077,793** (the parts add up to £1,767,000: £2,310,793 less than the total printed)" in md
    # totals that add up carry no such words
    assert "**£32,389,936** |" in md
    assert md.count("the parts add up to") == 3


def _figure(md: str, chart_id: str) -> dict:
    m = re.search(rf'id="{chart_id}">\n<div class="hwb-chart__plot" role="img" aria-label="([^"]*)" '
                  r'data-figure="([^"]*)"', md)
    return html.unescape(m.group(1)), json.loads(html.unescape(m.group(2)))


def test_spend_by_scheme_is_a_sorted_horizontal_bar_chart_with_words_and_a_table(built):
    _project, _ctx, pages = built
    md = pages["money/bcf-2014.md"].text
    label, fig = _figure(md, "chart-bcf-planning-template-2014--scheme-investment")
    bars = [t for t in fig["data"] if t.get("xaxis") != "x2"]   # not the invisible marker of the top £ axis
    latest = bars[-1]
    assert [t["name"] for t in bars] == ["2014/15", "2015/16"]
    assert all(t["type"] == "bar" and t["orientation"] == "h" for t in bars)
    values = [v for v in latest["x"] if v is not None]
    assert values == sorted(values, reverse=True)
    assert latest["x"][0] == 6_607_000 and latest["customdata"][0] == "BCF011 - Review existing jointly " \
        "commissioned integrated services"
    # the same in words (the image's label and caption) and in a data table with the printed figures
    assert "In 2015/16 the largest is BCF011 - Review existing jointly commissioned integrated services at " \
           "6,607 (£000)" in label
    assert "    | BCF011 - Review existing jointly commissioned integrated services | 6,607 (£000) | 6,607 (£000) |" in md
    assert "[Download Spend and benefits by scheme as CSV](../downloads/money/" \
           "bcf-planning-template-2014--scheme-investment.csv)" in md


def test_spend_by_area_of_spend(built):
    _project, _ctx, pages = built
    label, fig = _figure(pages["money/bcf-2017-19.md"].text, "chart-bcf-planning-template-2017-19--spend-by-area")
    assert fig["data"][0]["customdata"][:2] == ["Social Care", "Community Health"]
    assert "the largest is Social Care at £22,113,146 and the smallest Continuing Care at £0" in label
    _label, fig = _figure(pages["money/healthwatch.md"].text,
                          "chart-healthwatch-annual-report-2016-17--finances")
    assert fig["data"][0]["customdata"] == ["Staffing costs", "Operational costs", "Office costs",
                                            "Provision for contingent liabilities"]


def test_downloads_carry_the_printed_amount_and_pounds_but_no_seed_line(built):
    project, ctx, _pages = built
    files = money.money_downloads(project, ctx)
    text = files["downloads/money/bcf-plan-2017-19--financial-plan.csv"]
    rows = list(csv.DictReader(text.splitlines()))
    total = next(r for r in rows if r["item"] == "TOTAL" and r["column"] == "Total 2017/18 £000")
    assert (total["amount"], total["unit"], total["pounds"]) == ("32,390", "£000", "32390000")
    assert "seed" not in rows[0]
    for content in files.values():
        assert not re.search(r"\b00[0-4]:\d", content)
    # the paper table's download is filled in from data/finance/
    table = files["downloads/tables/bcf-planning-template-2017-19--funding-sources.csv"]
    assert "Total BCF pooled budget,\"£32,389,936\",\"£35,522,651\"" in table


def test_money_from_a_paper_that_is_not_public_is_left_out(loaded):
    project = loaded
    paper = project.papers["healthwatch-annual-report-2016-17"]
    saved = paper.confidential
    paper.confidential = True   # as if the annual report were confidential business
    try:
        view, ctx = public(project)
        pages = {p.path: p for p in money.money_pages(view, ctx)}
        files = money.money_downloads(view, ctx)
    finally:
        paper.confidential = saved
    assert "193,500" not in pages["money/healthwatch.md"].text
    assert "193,500" not in pages["money/index.md"].text
    assert not any("healthwatch" in path for path in files)


def test_a_site_without_finance_data_has_no_money_pages(fixture_project):
    project, log = load_project(fixture_project("minimal"))
    view, ctx = public(project)
    assert money.money_pages(view, ctx) == []
    assert money.money_downloads(view) == {}


def test_the_built_site_has_the_money_pages(rotherham_site):
    page = (rotherham_site / "money/bcf-2017-19/index.html").read_text(encoding="utf-8")
    assert "£32,389,936 pooled in 2017/18" in page
    assert 'class="hwb-chart__plot" role="img"' in page
    nav = (rotherham_site / "index.html").read_text(encoding="utf-8")
    assert 'href="money/"' in nav
    assert (rotherham_site / "downloads/money/camhs-ltp-update-2017-09--investment.csv").exists()
    filled = (rotherham_site / "downloads/tables/healthwatch-annual-report-2016-17--finances.csv").read_text()
    assert "Total income,\"213,500\"" in filled
    paper = (rotherham_site / "papers/bcf-planning-template-2014/index.html").read_text(encoding="utf-8")
    assert "£20,101,000.00" in paper


# --- issue 27: money a resident can read ------------------------------------------------------

def test_spend_by_scheme_charts_the_ten_largest_and_adds_up_the_rest_saying_so():
    project, _ = load_project(REPO, today=dt.date(2017, 9, 1))
    rows = project.finance.dataset_rows("bcf-planning-template-2017-19--schemes")
    chart, table = money.bar_chart(rows, "scheme", "chart-x", "by scheme")
    fig = json.loads(html.unescape(re.search(r'data-figure="([^"]*)"', chart).group(1)))
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    labels = bars[0]["customdata"]
    assert len(labels) == money.TOP_BARS + 1 and labels[-1] == "Other schemes (34), added up by this site"
    # the grouped bar is the sum of the printed figures it stands for, and says it was computed
    items = [r for r in rows if r.kind == "item" and r.year == "2017/18" and r.pounds is not None]
    top = sorted(items, key=lambda r: -r.pounds)[:money.TOP_BARS]   # 2017/18 and 2018/19 rank alike at the top
    first = {t["name"]: t for t in bars}["2017/18"]
    assert first["x"][-1] == sum(r.pounds for r in items) - sum(r.pounds for r in top)
    assert first["text"][-1].endswith("added up by this site from the 34 printed figures")
    assert "then the other 34 added up by this site (the table lists every one)" in chart
    # the £ scale is drawn above the bars too, for a phone that cannot see the foot of the chart
    assert fig["layout"]["xaxis2"]["side"] == "top"
    assert any(t.get("xaxis") == "x2" for t in fig["data"])
    # the table lists all 44 schemes, largest first, each a printed figure (no "other" row)
    lines = table.splitlines()[2:]
    assert len(lines) == 44 and "Other schemes" not in table
    first_column = [re.match(r"\| .*? \| (£[\d,]+|) \|", line).group(1) for line in lines]
    assert lines[0].startswith("| 22. Intermediate Care Pooled Budget | £2,973,620 |")
    assert first_column[0] == "£2,973,620"


def test_bar_labels_are_never_cut_to_the_same_text():
    from hwbsite import figures
    a = "Integrated Locality Working in the North of the borough with partners"
    b = "Integrated Locality Working in the North of the borough with the voluntary sector"
    cut = figures.short_labels([a, b, "Carers Support Services"])
    assert cut == [a, b, "Carers Support Services"]
    assert figures.short_labels([a])[0].endswith("…")


@pytest.mark.slow
def test_the_scheme_table_is_open_and_sortable_on_the_page(rotherham_site):
    text = (rotherham_site / "money/bcf-2017-19/index.html").read_text(encoding="utf-8")
    start = text.index('<details class="info hwb-sortable" open="open">')
    assert "Data table: Spend by scheme (planning template), every one, largest first" in text[start:start + 300]
    assert text.index("<table>", start) < text.index("</details>", start)
