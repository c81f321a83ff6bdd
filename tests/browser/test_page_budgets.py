"""Page budgets (issue 15): what a first visit costs a reader on a phone, in gzip bytes as GitHub
Pages serves them, for the home page, a meeting page and the heaviest dashboard (every chart
scrolled into view, so plotly.js is counted). Weights are measured, not timed."""

from __future__ import annotations

import re

import pytest

from .test_site_dashboards import chart_counts
from .tools import draw_charts, served_sizes, visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KB = 1024
BUDGETS = {"home": 150 * KB, "meeting": 150 * KB, "heaviest dashboard": 600 * KB}
# Any search index file: Material's whole-site index, or any file of Pagefind's (its entry, meta,
# WebAssembly and index chunks, and the fragments a query fetches): a first visit fetches none.
SEARCH_INDEX = re.compile(r"/search/search_index\.json$|/pagefind/")


def first_visit(browser, site, site_url, path: str) -> dict[str, int]:
    """Every file a first visit to path fetches, with its gzip size (level 6, as a web server)."""
    with visit(browser, site_url + path, 390, 844) as (page, urls):
        draw_charts(page)
        page.wait_for_load_state("networkidle")
    return served_sizes(site, site_url, urls)


@pytest.fixture(scope="module")
def budget_pages(site) -> dict[str, str]:
    counts = chart_counts(site)
    meetings = sorted(p.parent.relative_to(site).as_posix() + "/"
                      for p in (site / "meetings").glob("*/index.html"))
    assert counts and meetings
    return {"home": "", "meeting": meetings[-1], "heaviest dashboard": max(counts, key=lambda p: counts[p])}


@pytest.fixture(scope="module")
def weights(browser, site, site_url, budget_pages) -> dict[str, dict[str, int]]:
    return {kind: first_visit(browser, site, site_url, path) for kind, path in budget_pages.items()}


@pytest.mark.parametrize("kind", list(BUDGETS))
def test_first_visit_weight_is_within_budget(weights, budget_pages, kind):
    sizes = weights[kind]
    total = sum(sizes.values())
    heaviest = sorted(sizes.items(), key=lambda kv: -kv[1])[:4]
    assert total <= BUDGETS[kind], (
        f"{kind} /{budget_pages[kind]}: {total / KB:.0f} KB gzip on a first visit, budget {BUDGETS[kind] / KB:.0f} KB; "
        f"heaviest: {', '.join(f'{r} {n / KB:.0f} KB' for r, n in heaviest)}")


def test_the_heaviest_dashboard_fetches_the_basic_plotly_bundle_once(weights):
    def runtime(kind):
        return [rel for rel in weights[kind] if "plotly" in rel and rel.endswith(".js")]
    assert runtime("heaviest dashboard") == ["assets/hwbsite/plotly-basic.min.js"]
    assert runtime("home") == []
    # plotly's small stylesheet is on every page, so that a chart reached by instant navigation keeps it
    assert [rel for rel in weights["home"] if "plotly" in rel] == ["assets/hwbsite/plotly-basic.css"]


def test_no_full_site_search_index_is_fetched_on_a_first_visit(weights):
    for kind, sizes in weights.items():
        assert not [rel for rel in sizes if SEARCH_INDEX.search("/" + rel)], kind
