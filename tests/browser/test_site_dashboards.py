"""Charts (.hwb-chart) in a real browser: drawn, in both palettes, after Material's instant
navigation away and back, with no console error, and plotly.js fetched only where needed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .tools import arrive

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ALL_DRAWN = """() => {
    const plots = [...document.querySelectorAll(".hwb-chart__plot")];
    return plots.length > 0 && plots.every(el => el.querySelector("svg.main-svg"));
}"""
# The colour of the first chart's tick labels: it follows the palette.
TICK_FILL = """() => {
    const t = document.querySelector(".hwb-chart__plot svg .xtick text, .hwb-chart__plot svg .ytick text");
    return t ? getComputedStyle(t).fill : null;
}"""


def chart_counts(site: Path) -> dict[str, int]:
    counts = {}
    for path in sorted(site.rglob("*.html")):
        n = path.read_text(encoding="utf-8").count('class="hwb-chart"')
        if n:
            counts[path.relative_to(site).as_posix().removesuffix("index.html")] = n
    return counts


@pytest.fixture(scope="module")
def dashboard(site) -> str:
    """A dashboard page with charts: the one in dashboards/ with the fewest charts (at least two)."""
    counts = chart_counts(site)
    if not counts:
        pytest.skip("the built site has no page with .hwb-chart elements yet: nothing to check")
    pages = [p for p in counts if p.startswith("dashboards/") and counts[p] >= 2] or list(counts)
    return min(pages, key=lambda p: counts[p])


def wait_for_charts(page, when: str, errors: list[str] | None = None) -> int:
    """Scroll each chart into view (they are drawn as they approach it), then wait until every
    chart of the page is drawn; fail saying how many were, and why."""
    try:
        # Material may render the arriving page's article twice: a chart scrolled past before the
        # second render is then a new, undrawn element. A reader would see it drawn on scrolling
        # back to it, so do as a reader would, at most three times.
        for _round in range(3):
            for i in range(page.evaluate("() => document.querySelectorAll('.hwb-chart__plot').length")):
                page.evaluate(f"() => document.querySelectorAll('.hwb-chart__plot')[{i}].scrollIntoView()")
                page.wait_for_function(f"() => !!document.querySelectorAll('.hwb-chart__plot')[{i}]"
                                       ".querySelector('svg.main-svg')", timeout=20_000)
            if page.evaluate(ALL_DRAWN):
                break
        page.wait_for_function(ALL_DRAWN, timeout=20_000)
    except PlaywrightTimeout:
        drawn, total = page.evaluate("""() => [
            document.querySelectorAll('.hwb-chart__plot svg.main-svg').length,
            document.querySelectorAll('.hwb-chart__plot').length]""")
        pytest.fail(f"{when}: {drawn} of {total} charts drawn after 20 s on {page.url}\n"
                    + "\n".join((errors or [])[:10]), pytrace=False)
    return page.evaluate("() => document.querySelectorAll('.hwb-chart__plot').length")


def test_chart_free_pages_do_not_download_plotly(page, site_url):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    # plotly.js's own stylesheet (plotly-basic.css, ~1.5 KB gzip) is on every page, so that a chart
    # reached by instant navigation keeps it; the 400 KB runtime is not
    assert [u for u in requested if "plotly" in u] == [site_url + "assets/hwbsite/plotly-basic.css"]


PALETTE_TOGGLE = "label.md-header__button[for^='__palette']:visible"


def test_the_palette_switch_redraws_the_charts(page, site_url, dashboard, console):
    page.goto(site_url + dashboard)
    n = wait_for_charts(page, "fresh load", console.errors)
    light = page.evaluate(TICK_FILL)
    page.locator(PALETTE_TOGGLE).click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(f"() => ({TICK_FILL})() !== {light!r}", timeout=10_000)
    assert wait_for_charts(page, "after switching to the dark palette", console.errors) == n
    page.locator(PALETTE_TOGGLE).click()
    page.wait_for_function(f"() => ({TICK_FILL})() === {light!r}", timeout=10_000)
    assert console.errors == []


def test_charts_draw_after_instant_navigation_away_and_back(page, site_url, dashboard, console):
    # Arrive from a chart-free page with instant navigation (the case that breaks naive chart
    # scripts: Material swaps the content and re-creates the <script> elements inside it).
    page.goto(site_url + "dashboards/")
    page.wait_for_load_state("networkidle")  # Material reads sitemap.xml before it takes over links
    page.evaluate("() => { window.__hwbSamePage = true; }")
    link = page.locator(f".md-sidebar--primary a.md-nav__link[href$='/{dashboard}']").first
    link.click()
    arrive(page, re.escape(dashboard))
    assert page.evaluate("() => window.__hwbSamePage === true"), "the dashboard was reached by a full reload"
    n = wait_for_charts(page, "arriving by instant navigation from a chart-free page", console.errors)

    # In the dark palette: away (instant) and back (instant), then through the history.
    page.locator(PALETTE_TOGGLE).click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    wait_for_charts(page, "after switching to the dark palette", console.errors)
    dark = page.evaluate(TICK_FILL)
    page.locator(".md-sidebar--primary a.md-nav__link[href$='/dashboards/']").first.click()
    arrive(page, r"/dashboards/")
    expect(page.locator(".hwb-chart__plot")).to_have_count(0)
    page.locator(f".md-sidebar--primary a.md-nav__link[href$='/{dashboard}']").first.click()
    arrive(page, re.escape(dashboard))
    assert wait_for_charts(page, "back by instant navigation", console.errors) == n
    assert page.evaluate(TICK_FILL) == dark
    page.go_back()
    arrive(page, r"/dashboards/")
    page.go_forward()
    # navigation.tracking keeps the address on the section in view (the tiles' "At a glance" heading
    # is in the table of contents since the tiles are parsed as Markdown), so history returns there
    arrive(page, re.escape(dashboard))
    assert wait_for_charts(page, "after history back and forward", console.errors) == n
    assert page.evaluate("() => window.__hwbSamePage === true"), "navigation fell back to full page loads"
    assert console.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_draw_on_a_fresh_load_in_each_palette(browser, site_url, dashboard, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(site_url + dashboard)
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        assert wait_for_charts(page, f"fresh load, {scheme} palette", errors) >= 1
        assert page.evaluate(TICK_FILL)
        assert errors == []
    finally:
        context.close()
