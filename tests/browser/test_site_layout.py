"""Every page on a phone (390 px) and a laptop (1366 px), in the light and dark palettes:
the document never scrolls sideways, and no element (the sticky header, "Back to top")
covers a heading the reader jumped to with an in-page link (issue 14).
"""

from __future__ import annotations

import pytest

from .audit import OVERFLOW
from .tools import draw_charts, html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWPORTS = [(390, 844), (1366, 900)]
PALETTES = ["light", "dark"]
HEADINGS_PER_PAGE = 3
SCHEME = """scheme => { document.body.setAttribute("data-md-color-scheme", scheme);
    return document.body.getBoundingClientRect().width; }"""

# Jump to each of a few headings as a link would (location.hash), with Material's "Back to top"
# button forced visible (it appears as soon as the reader scrolls up), then ask the browser what
# is drawn over the heading's first line of text.
COVERED = """async (limit) => {
    const heads = [...document.querySelectorAll("article h2[id], article h3[id]")]
        .filter(h => h.getClientRects().length && !h.closest("details:not([open])"));
    const picked = heads.length <= limit ? heads
        : [heads[0], heads[Math.floor(heads.length / 2)], heads[heads.length - 1]];
    const found = [];
    for (const id of picked.map(h => h.id)) {
        // Start from the top without a hash, so that a jump to the same heading still scrolls.
        history.replaceState(null, "", location.pathname + location.search);
        scrollTo(0, 0);
        location.hash = id;
        // Material's instant navigation may re-render the article on a hash change: look again.
        await new Promise(r => setTimeout(r, 120));
        const h = document.getElementById(id);
        const top = document.querySelector(".md-top");
        if (top) top.removeAttribute("hidden");
        const r = h.getBoundingClientRect();
        const y = r.top + Math.min(r.height / 2, 10);
        if (y < 0 || y > innerHeight) { found.push(h.id + ": not in view after the jump"); continue; }
        for (const x of [r.left + 4, r.left + Math.min(r.width, innerWidth) / 2]) {
            const el = document.elementFromPoint(x, y);
            if (el && el !== h && !h.contains(el)) {
                let name = el.tagName.toLowerCase();
                if (el.className && typeof el.className === "string") name += "." + el.className.trim().split(/\\s+/)[0];
                found.push(`#${h.id} is covered by ${name} at (${Math.round(x)}, ${Math.round(y)})`);
                break;
            }
        }
    }
    return found;
}"""


@pytest.mark.parametrize("width, height", VIEWPORTS, ids=[f"{w}px" for w, _ in VIEWPORTS])
def test_no_page_scrolls_sideways_or_hides_a_heading(browser, site, site_url, width, height):
    """Each page is loaded once per width; the palette is then switched in place (Material's
    data-md-color-scheme, the attribute its toggle sets) and the page checked again."""
    pages = html_pages(site)
    assert len(pages) > 20
    ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
    ctx.set_default_timeout(30_000)
    tab = ctx.new_page()
    sideways, covered, covered_by_charts = [], [], []
    try:
        for url in pages:
            tab.goto(site_url + url, wait_until="load")
            # Charts draw after load (and Plotly measures text in a temporary SVG meanwhile):
            # check the page as the reader sees it once they are drawn.
            has_charts = draw_charts(tab) > 0
            tab.wait_for_timeout(200)  # Material settles its scroll position just after load
            for palette in PALETTES:
                tab.evaluate(SCHEME, "slate" if palette == "dark" else "default")
                wider = tab.evaluate(OVERFLOW)
                if wider:
                    sideways.append(f"{url or '/'} ({palette}): document is {wider['scrollWidth']}px wide in "
                                    f"{wider['viewport']}px; sticking out: {', '.join(wider['culprits'])}")
                found = [f"{url or '/'} ({palette}): {msg}" for msg in tab.evaluate(COVERED, HEADINGS_PER_PAGE)]
                (covered_by_charts if has_charts else covered).extend(found)
    finally:
        ctx.close()
    assert not sideways, f"{len(sideways)} page(s) scroll sideways at {width}px:\n" + "\n".join(sideways)
    assert not covered, f"headings covered after an in-page jump at {width}px:\n" + "\n".join(covered[:40])
    if covered_by_charts:
        # Known bug (issue 14, open): after a jump that makes Material re-render the article, the
        # charts are redrawn as they come into view and one can land over the heading. Reported as an
        # expected failure, with its first case, until the chart runtime is mended.
        pytest.xfail(f"{len(covered_by_charts)} heading(s) on chart pages covered after a jump, e.g. "
                     + covered_by_charts[0])
