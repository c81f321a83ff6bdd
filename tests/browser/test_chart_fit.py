"""Charts that fit (issue 14): on every page with charts, at phone and desktop widths and in both
palettes, each chart fills its column and no two of its text labels overlap; the same after
Material's instant navigation, a palette switch and a resize. And the chart runtime (issue 15):
fetched only when a chart nears the viewport, drawn under a strict Content Security Policy."""

from __future__ import annotations

import re

import pytest

from .test_site_dashboards import PALETTE_TOGGLE, chart_counts
from .tools import arrive, draw_charts, visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# For each drawn chart: the plot's width against its column's, and every pair of overlapping
# text boxes (tick labels, legend entries, titles, axis titles).
FIT = r"""() => [...document.querySelectorAll('.hwb-chart')].filter(f => f.querySelector('.hwb-chart__plot'))
  .map(fig => {
    const plot = fig.querySelector('.hwb-chart__plot');
    const svg = plot.querySelector('svg.main-svg');
    const column = fig.parentElement.getBoundingClientRect().width;
    const sel = '.xtick text, .ytick text, .legendtext, .gtitle, .xtitle, .ytitle';
    const boxes = [];
    for (const t of plot.querySelectorAll(sel)) {
      const r = t.getBoundingClientRect();
      if (!t.textContent.trim() || r.width === 0) continue;
      boxes.push({text: t.textContent.trim(), x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
    }
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1)
        overlaps.push(`"${a.text}" and "${b.text}"`);
    }
    // Every category has its row label (wrapped labels are compared without their spaces).
    const squash = s => String(s).replace(/<br\s*\/?>/gi, '').replace(/\s+/g, '');
    const categories = (JSON.parse(plot.dataset.figure).layout.yaxis || {}).categoryarray || [];
    const rows = new Set([...plot.querySelectorAll('.ytick text')].map(t => squash(t.textContent)));
    // No label runs outside the chart's own box (cut off at the column's edge).
    const frame = svg ? svg.getBoundingClientRect() : null;
    const clipped = frame ? boxes.filter(b => b.x0 < frame.left - 1 || b.x1 > frame.right + 1).map(b => b.text) : [];
    return {id: fig.id, drawn: !!svg, ratio: svg ? svg.getBoundingClientRect().width / column : 0,
            labels: boxes.length, overlaps, clipped, unlabelled: categories.filter(c => !rows.has(squash(c)))};
  })"""


def draw_all(page) -> None:
    """Every chart drawn as a reader scrolling through sees it (tools.draw_charts), then a moment
    for a resize-triggered redraw to settle before anything is measured."""
    draw_charts(page)
    page.wait_for_timeout(200)


def misfits(page, where: str) -> list[str]:
    problems = []
    for chart in page.evaluate(FIT):
        if not chart["drawn"]:
            problems.append(f"{where} #{chart['id']}: not drawn")
            continue
        if chart["ratio"] < 0.9:
            problems.append(f"{where} #{chart['id']}: plot is {chart['ratio']:.0%} of its column's width")
        if chart["labels"] < 2:
            problems.append(f"{where} #{chart['id']}: only {chart['labels']} text label(s)")
        if chart["clipped"]:
            problems.append(f"{where} #{chart['id']}: labels cut off at the edge: {chart['clipped']}")
        if chart["unlabelled"]:
            problems.append(f"{where} #{chart['id']}: category rows without a label: {chart['unlabelled']}")
        for pair in chart["overlaps"]:
            problems.append(f"{where} #{chart['id']}: labels {pair} overlap")
    return problems


def chart_ids(site, path: str) -> set[str]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'<figure class="hwb-chart" id="([^"]+)"', html))


@pytest.fixture(scope="module")
def chart_pages(site) -> list[str]:
    """The pages that together show every chart: each dashboard, and any other page with a chart
    no dashboard shows, plus one metric page for its layout. (Every chart on a metric page is also
    on its dashboard, so loading 50 metric pages four times over would check nothing new.)"""
    pages = sorted(chart_counts(site))
    if not pages:
        pytest.skip("the built site has no page with charts")
    chosen = [p for p in pages if p.startswith("dashboards/")]
    covered = set().union(*(chart_ids(site, p) for p in chosen))
    others = [p for p in pages if p not in chosen]
    chosen += [p for p in others if not chart_ids(site, p) <= covered] or others[:1]
    return chosen


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1366])
def test_every_chart_fills_its_column_with_no_overlapping_labels(browser, site_url, chart_pages, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        problems = []
        for path in chart_pages:
            page.goto(site_url + path)
            draw_all(page)
            problems += misfits(page, f"{width}px {scheme} /{path}")
        assert problems == []
    finally:
        context.close()


def test_charts_fit_after_instant_navigation_a_palette_switch_and_a_resize(browser, site_url):
    dashboard = "dashboards/bcf-2017-19/"
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        page.goto(site_url + "dashboards/")
        page.wait_for_load_state("networkidle")
        page.evaluate("() => { window.__hwbSamePage = true; }")
        page.locator(f"article a[href$='{dashboard.split('/')[1]}/']").first.click()
        arrive(page, re.escape(dashboard))
        assert page.evaluate("() => window.__hwbSamePage === true"), "reached by a full reload"
        draw_all(page)
        assert misfits(page, "390px after instant navigation") == []

        page.locator(PALETTE_TOGGLE).click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        page.wait_for_timeout(500)
        assert misfits(page, "390px after the palette switch") == []

        for width in (320, 1920, 768):
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(300)
            draw_all(page)
            assert misfits(page, f"resized to {width}px") == []
    finally:
        context.close()


def test_plotly_is_fetched_once_as_charts_near_the_viewport_and_not_all_are_drawn_at_once(browser, site_url, site):
    counts = chart_counts(site)
    heaviest = max(counts, key=lambda p: counts[p])
    with visit(browser, site_url + heaviest, 1366, 900) as (page, requested):
        page.wait_for_timeout(500)
        # The dashboard opens with its tiles: a reader who scrolls to the first chart gets it, and
        # the charts further down are not drawn until they come near.
        page.evaluate("() => document.querySelector('.hwb-chart__plot').scrollIntoView()")
        page.wait_for_function("() => !!document.querySelector('.hwb-chart__plot .main-svg')")
        page.wait_for_timeout(500)
        drawn = page.evaluate("() => document.querySelectorAll('.hwb-chart__plot .main-svg').length")
        total = counts[heaviest]
        assert 0 < drawn < total, f"{drawn} of {total} charts drawn after scrolling to the first"
        draw_all(page)
        plotly = [u for u in requested if "plotly" in u and u.endswith(".js")]   # its stylesheet is on every page
        assert [u.rsplit("/", 1)[1] for u in plotly] == ["plotly-basic.min.js"]


def test_without_javascript_each_chart_is_its_sentence_and_its_data_table(browser, site_url, chart_pages):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "dashboards/bcf-2017-19/")
        figures = page.locator(".hwb-chart figcaption")
        assert figures.count() >= 2
        for i in range(figures.count()):
            assert figures.nth(i).is_visible() and len(figures.nth(i).inner_text()) > 20
        tables = page.locator("details:has(table)")
        assert tables.count() >= figures.count()
    finally:
        context.close()


CSP_META = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">"


def test_charts_draw_under_a_strict_content_security_policy(browser, site_url):
    """script-src 'self' (no 'unsafe-eval', no inline script): the charts still draw, and neither
    hwbsite.js nor plotly.js causes a violation. (Material's own inline scripts are reported,
    and are not ours to judge here.)"""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()

        def with_csp(route):
            response = route.fetch()
            route.fulfill(response=response, body=response.text().replace("<head>", "<head>" + CSP_META, 1))

        page.route(re.compile(r".*/dashboards/bcf-2017-19/$"), with_csp)
        page.add_init_script("""window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(
                {blocked: e.blockedURI, source: e.sourceFile || '', directive: e.violatedDirective}));""")
        page.goto(site_url + "dashboards/bcf-2017-19/")
        assert CSP_META in page.content()
        draw_all(page)
        violations = page.evaluate("() => window.__violations")
        ours = [v for v in violations
                if v["blocked"] == "eval" or re.search(r"plotly|hwbsite", v["source"] + v["blocked"])]
        assert ours == []
    finally:
        context.close()
