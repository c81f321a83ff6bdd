"""Every page on a phone (390 px) and a laptop (1366 px), in the light and dark palettes:
the document never scrolls sideways, and no element (the sticky header, "Back to top")
covers a heading the reader jumped to with an in-page link, and the header's titles are never
cut short (issue 14).
"""

from __future__ import annotations

import pytest

from .audit import OVERFLOW
from .tools import draw_charts, html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWPORTS = [(390, 844), (1366, 900)]
PALETTES = {"light": "default", "dark": "slate"}   # the data-md-color-scheme Material's toggle sets
HEADINGS_PER_PAGE = 3
SCHEME = """scheme => document.body.setAttribute("data-md-color-scheme", scheme)"""

# Switch the palette in place and look at the page in it, in one round trip: does the document
# scroll sideways (OVERFLOW), and where is everything drawn? The geometry is every element's box
# (outside the charts' own SVG, which redraws in the new colours a moment later) and the document's
# size, hashed: a palette changes colours only, so the geometry is the same in both, and a heading
# covered in one palette is covered in the other. The test holds that, and only relies on it when it
# holds (see LAYOUT_CHECK).
LOOK = """scheme => {
    document.body.setAttribute("data-md-color-scheme", scheme);
    const doc = document.documentElement;
    let hash = 2166136261, count = 0;
    const mix = n => { hash = Math.imul(hash ^ (Math.round(n * 4) | 0), 16777619) >>> 0; };
    for (const el of document.body.querySelectorAll("*")) {
        if (el.closest(".hwb-chart__plot > *")) continue;
        const r = el.getBoundingClientRect();
        mix(r.left); mix(r.top); mix(r.width); mix(r.height); count++;
    }
    mix(doc.scrollWidth); mix(doc.scrollHeight); mix(scrollX); mix(scrollY);
    return {overflow: (""" + OVERFLOW + """)(), geometry: count + ":" + hash};
}"""

# A few headings per page (first, middle, last) that carry a permalink (the "¶" Material adds).
PICK = """(limit) => {
    const heads = [...document.querySelectorAll("article h2[id], article h3[id]")]
        .filter(h => h.getClientRects().length && !h.closest("details:not([open])") && h.querySelector("a.headerlink"));
    const picked = heads.length <= limit ? heads
        : [heads[0], heads[Math.floor(heads.length / 2)], heads[heads.length - 1]];
    return picked.map(h => h.id);
}"""
# Back to the top without a hash, so that a jump to the same heading still scrolls. Material keeps
# its own state in history.state: keep it, or the next link is not followed. Returns false (and
# does nothing) when the address is already at the heading: Material does not follow a link to the
# address it is already at.
RESET = """(id) => {
    if (location.hash === "#" + id) return false;
    history.replaceState(history.state, "", location.pathname + location.search); scrollTo(0, 0);
    return true;
}"""
# After following a link to the heading (Material may re-render the page, and charts redraw as they
# come into view), once the page has settled (the heading in view, and its position and the scroll
# unchanged at every frame for 100 ms; at most 3 s on a busy machine, which may start the scroll
# late), with Material's "Back to top" button forced visible (it appears as soon as the reader
# scrolls up): what is drawn over the heading's first line of text?
COVERED = """async (id) => {
    // looked up afresh each time: the heading Material drew before a re-render is no longer on the page
    const line = () => { const r = document.getElementById(id).getBoundingClientRect(); return r.top + Math.min(r.height / 2, 10); };
    const where = () => document.getElementById(id).getBoundingClientRect().top + "/" + scrollY;
    // the next frame; a timer too, so that a tab the browser stops drawing cannot hang the test
    const frame = () => new Promise(r => { requestAnimationFrame(r); setTimeout(r, 50); });
    const start = performance.now();
    let last = where(), since = start;
    while (performance.now() - start < 3000) {
        await frame();
        const now = where(), t = performance.now();
        if (now !== last) { last = now; since = t; }
        else if (t - since >= 100 && line() >= 0 && line() <= innerHeight) break;
    }
    const h = document.getElementById(id);
    const top = document.querySelector(".md-top");
    if (top) top.removeAttribute("hidden");
    const r = h.getBoundingClientRect();
    const y = line();
    if (y < 0 || y > innerHeight) return `#${id}: not in view after the jump`;
    for (const x of [r.left + 4, r.left + Math.min(r.width, innerWidth) / 2]) {
        const el = document.elementFromPoint(x, y);
        if (el && el !== h && !h.contains(el)) {
            let name = el.tagName.toLowerCase();
            if (el.className && typeof el.className === "string") name += "." + el.className.trim().split(/\\s+/)[0];
            return `#${id} is covered by ${name} at (${Math.round(x)}, ${Math.round(y)})`;
        }
    }
    return "";
}"""


def jump_and_look(tab, limit: int) -> list[str]:
    """Follow the permalink of each of a few headings with a real click, as a reader follows a link
    from the contents, a tile or a citation; return what is wrong with each jump."""
    found = []
    for hid in tab.evaluate(PICK, limit):
        if not tab.evaluate(RESET, hid):
            # already at that heading: load the page afresh (in the palette it was in)
            scheme = tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            tab.goto(tab.url.split("#")[0], wait_until="load")
            tab.evaluate(SCHEME, scheme)
            tab.evaluate(RESET, hid)
        tab.click(f'[id="{hid}"] > a.headerlink')
        if message := tab.evaluate(COVERED, hid):
            found.append(message)
    return found


# The header's titles (the site's name; the page's title once the reader scrolls) must be read
# whole, never cut to "Rotherham Health an…" (a hidden one has no box, so it is not counted).
TITLE_CUT = """() => [...document.querySelectorAll(".md-header__topic .md-ellipsis")]
    .filter(e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
    .map(e => e.textContent.trim())"""


@pytest.mark.parametrize("width, height", VIEWPORTS, ids=[f"{w}px" for w, _ in VIEWPORTS])
def test_no_page_scrolls_sideways_or_hides_a_heading(browser, site, site_url, width, height):
    """Each page is loaded once per width and looked at in both palettes (switched in place, with
    Material's data-md-color-scheme, the attribute its toggle sets): it never scrolls sideways in
    either. The jumps to headings are followed in one palette, taking turns page by page and width
    by width (each page is jumped through in the light palette at one width and the dark at the
    other), since a palette changes no box on the page; where it does (the two palettes' geometry
    differs), the jumps are followed in both."""
    pages = html_pages(site)
    assert len(pages) > 20
    ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
    ctx.set_default_timeout(30_000)
    tab = ctx.new_page()
    sideways, covered, cut = [], [], []
    jumped = {palette: 0 for palette in PALETTES}
    shift = [w for w, _ in VIEWPORTS].index(width)
    try:
        for i, url in enumerate(pages):
            tab.goto(site_url + url, wait_until="load")
            # Charts draw after load (and Plotly measures text in a temporary SVG meanwhile):
            # check the page as the reader sees it once they are drawn.
            draw_charts(tab)
            cut += [f"{url or '/'}: {title!r}" for title in tab.evaluate(TITLE_CUT)]
            tab.wait_for_timeout(200)  # Material settles its scroll position just after load
            order = list(PALETTES) if (i + shift) % 2 else list(reversed(PALETTES))
            geometry = {}
            for palette in order:   # the page is left in the last: the one its jumps are made in
                seen = tab.evaluate(LOOK, PALETTES[palette])
                geometry[palette] = seen["geometry"]
                if wider := seen["overflow"]:
                    sideways.append(f"{url or '/'} ({palette}): document is {wider['scrollWidth']}px wide in "
                                    f"{wider['viewport']}px; sticking out: {', '.join(wider['culprits'])}")
            jumps = [order[1]] if geometry[order[0]] == geometry[order[1]] else [order[1], order[0]]
            for n, palette in enumerate(jumps):
                if n:
                    tab.evaluate(SCHEME, PALETTES[palette])
                covered += [f"{url or '/'} ({palette}): {msg}" for msg in jump_and_look(tab, HEADINGS_PER_PAGE)]
                jumped[palette] += 1
            # scrolled down now (the jumps above): Material swaps the site's name for the page's title
            cut += [f"{url or '/'} (scrolled): {title!r}" for title in tab.evaluate(TITLE_CUT)]
    finally:
        ctx.close()
    # both palettes' jumps were checked, each on about half the pages at least
    assert min(jumped.values()) >= len(pages) // 2, jumped
    assert not sideways, f"{len(sideways)} page(s) scroll sideways at {width}px:\n" + "\n".join(sideways)
    problems = ([f"heading after an in-page jump: {c}" for c in covered]
                + [f"header title cut short: {c}" for c in cut])
    assert not problems, f"{len(problems)} problem(s) at {width}px:\n" + "\n".join(problems[:60])


# Issue 27: at 390 px the meetings tables show every column (no column behind a sideways scroll).
HIDDEN_COLUMNS = """() => [...document.querySelectorAll("article table")]
    .filter(t => t.closest(".md-typeset__scrollwrap").scrollWidth > t.closest(".md-typeset__scrollwrap").clientWidth + 1)
    .map(t => [...t.querySelectorAll("th")].map(th => th.textContent.trim()).join(" | "))"""


@pytest.mark.parametrize("url", ["meetings/", "meetings/calendar/"])
def test_meetings_tables_hide_no_column_on_a_phone(browser, site_url, url):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    try:
        tab = ctx.new_page()
        tab.goto(site_url + url, wait_until="load")
        assert tab.locator("article table").count() >= 1
        assert tab.evaluate(HIDDEN_COLUMNS) == []
    finally:
        ctx.close()
