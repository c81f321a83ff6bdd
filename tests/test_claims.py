"""Claims the build checks: a completeness claim is computed from the data, and a source inconsistency
about money is shown on every page that shows the figure (one note object: finance.money_notes)."""

from __future__ import annotations

import datetime as dt
import json

from conftest import REPO
from exports_support import exports, load
from hwbsite import citations, finance
from hwbsite.output import build_output

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
