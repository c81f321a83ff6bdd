"""Claims the build checks: a completeness claim is computed from the data, and a source inconsistency
about money is shown on every page that shows the figure (one note object: finance.money_notes)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import REPO, copy_real_project, list_the_summary_under_item_15
from exports_support import exports, load
from hwbsite import citations, finance
from hwbsite.output import build_output

# Every test here builds the whole real site's output (some twice): `make test` runs them, `make test-fast` not.
pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 12, 3)


def _pages():
    view, _ = load(REPO, TODAY)
    return view, {i.path: i.text for i in build_output(view) if i.is_page}


def test_every_money_note_is_on_the_papers_page_and_its_programmes_money_page():
    view, pages = _pages()
    cites = citations.for_project(view)
    checked = 0
    for programme in view.finance.programmes:
        money_page = " ".join(pages[f"money/{programme.id}.md"].split())
        for paper_id in {d.paper for d in programme.datasets if d.paper in view.papers}:
            paper_page = " ".join(pages[f"papers/{paper_id}.md"].split())
            for note in finance.money_notes(view, paper_id):
                shown = " ".join(cites.replace(note, context=view.papers[paper_id].source).split())
                # Markdown escapes some characters on a page: compare the words before the first quote
                head = shown.split('"')[0][:60]
                assert head in paper_page, (paper_id, head)
                assert head in money_page, (programme.id, head)
                checked += 1
    assert checked >= 6   # the 2017-19 scheme totals, the LA contribution totals, the iBCF 7.1 and 7.7 sums


def test_the_money_file_claims_every_amount_only_when_it_holds_every_amount():
    view, _ = _pages()
    out = exports(REPO, TODAY)
    package = json.loads(out["data/datapackage.json"].text)
    description = next(r["description"] for r in package["resources"] if r["name"] == "money")
    missing = sum(len(v) for v in finance.untranscribed_amounts(view).values())
    assert missing > 0     # e.g. "£32.390m" in the text of the BCF plan 2017-19 is in no money table
    assert not description.startswith("Every amount")
    assert f"prints {missing} further amounts that this file does not hold" in description


def _build(root):
    from hwbsite.project import load_project
    from hwbsite.publication import public_view
    project, log = load_project(root, today=TODAY)
    assert project is not None and not log.errors, [p.format() for p in log.errors]
    return public_view(project, TODAY), lambda view: build_output(view)


def test_every_claim_the_real_site_makes_holds():
    from hwbsite import claims
    view, pages = _pages()
    items = build_output(view)
    assert claims.check(view, items) == []
    # the claims are there to be checked: counts on the meeting and pack pages, the papers index
    text = {i.path: i.text for i in items if i.is_page}
    assert "12 papers (listed under their items)" in text["meetings/2017-09-20.md"]
    assert claims.EVERY_PAPER in text["papers/index.md"]


def test_a_page_claiming_every_amount_of_money_fails_the_build_at_the_missing_amount(tmp_path):
    """The money file lacks amounts the BCF plan prints ("£32.390m"): a page that says it holds
    "every amount of money" is false, and the build stops, naming the paper's line."""
    import pytest

    from hwbsite import claims
    root = copy_real_project(tmp_path / "rotherham")
    (root / "content/money-note.md").write_text(
        "# About the money\n\nThe money pages hold every amount of money printed in the papers.\n")
    view, build = _build(root)
    with pytest.raises(claims.ClaimError) as caught:
        build(view)
    found = {c.file: c for c in caught.value.claims if c.page == "money-note.md"}
    false = found["content/papers/bcf-plan-2017-19.md"]
    assert false.line > 1
    paper = (root / false.file).read_text().splitlines()
    amount = false.message.split("(the first: ")[1].rstrip(")")
    assert amount in paper[false.line - 1]
    assert "error: claim: money-note.md: says it holds every amount of money printed" in str(caught.value)
    # hwbsite check says the same, at the paper's line, as an error of its own (not "keep only one")
    from hwbsite.checkrun import run_check
    log = run_check(root, build_date=TODAY)
    claimed = [p for p in log.errors if p.code == "claim"]
    assert sorted((p.file, p.line) for p in claimed) == sorted((c.file, c.line) for c in caught.value.claims)
    assert (false.file, false.line) in {(p.file, p.line) for p in claimed}
    assert all(p.message.startswith("money-note.md: says it holds every amount of money printed") for p in claimed)
    assert all("keep only one" not in p.hint for p in claimed)


def test_a_builder_that_writes_an_untrue_claim_fails_the_build(tmp_path, monkeypatch):
    """Were a builder to count what the agenda lists instead of what the pack prints (a document
    published separately, listed under item 15), the meeting page's count would be false: the build stops."""
    import pytest

    from hwbsite import claims
    from hwbsite.pages import meetings
    root = copy_real_project(tmp_path / "rotherham")
    list_the_summary_under_item_15(root)
    view, build = _build(root)
    build(view)    # the builders follow the one record: 12 papers, and the claim holds
    listed = meetings.header_links
    monkeypatch.setattr(meetings, "header_links", lambda m, page, _printed: listed(m, page))
    with pytest.raises(claims.ClaimError) as caught:
        build(view)
    [false] = caught.value.claims
    assert (false.file, false.page) == ("data/meetings/2017-09-20.yml", "meetings/2017-09-20.md")
    assert false.message == "says 13 papers, but its agenda prints 12"


def test_a_figures_note_is_on_every_page_that_shows_its_chart():
    """One note object per flagged figure (figuretables.figure_notes): the metric's page and every dashboard
    that charts the metric show the same note, word for word."""
    from hwbsite import figures, figuretables
    view, pages = _pages()
    cite = citations.for_project(view)
    checked = 0
    for metric_id in view.metrics:
        notes = figuretables.figure_notes(view, figures.series_values(view.values, metric_id), cite)
        showing = [p for p, text in pages.items() if f'id="chart-{metric_id}"' in text]
        assert f"metrics/{metric_id}.md" in showing or not notes, metric_id
        for note in notes:
            head = " ".join(note.text.split())[:50]
            for page in showing:
                assert head in " ".join(pages[page].replace("\\", "").split()), (metric_id, page)
                checked += 1
    assert checked > 20
