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
PALETTES = ["light", "dark"]
HEADINGS_PER_PAGE = 3
SCHEME = """scheme => { document.body.setAttribute("data-md-color-scheme", scheme);
    return document.body.getBoundingClientRect().width; }"""

# A few headings per page (first, middle, last) that carry a permalink (the "¶" Material adds).
PICK = """(limit) => {
    const heads = [...document.querySelectorAll("article h2[id], article h3[id]")]
        .filter(h => h.getClientRects().length && !h.closest("details:not([open])") && h.querySelector("a.headerlink"));
    const picked = heads.length <= limit ? heads
        : [heads[0], heads[Math.floor(heads.length / 2)], heads[heads.length - 1]];
    return picked.map(h => h.id);
}"""
# Back to the top without a hash, so that a jump to the same heading still scrolls. Material keeps
# its own state in history.state: keep it, or the next link is not followed.
RESET = """() => { history.replaceState(history.state, "", location.pathname + location.search); scrollTo(0, 0); }"""
# After following a link to the heading (Material may re-render the page, and charts redraw as they
# come into view), once the page has settled (the heading's position unchanged over two polls; at
# most 3 s on a busy machine), with Material's "Back to top" button forced visible (it appears as
# soon as the reader scrolls up): what is drawn over the heading's first line of text?
COVERED = """async (id) => {
    let last = null;
    for (let t = 0; t < 30; t++) {
        await new Promise(r => setTimeout(r, 100));
        const now = document.getElementById(id).getBoundingClientRect().top + "/" + scrollY;
        if (now === last) break;
        last = now;
    }
    const h = document.getElementById(id);
    const top = document.querySelector(".md-top");
    if (top) top.removeAttribute("hidden");
    const r = h.getBoundingClientRect();
    const y = r.top + Math.min(r.height / 2, 10);
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
        if tab.evaluate("() => location.hash") == "#" + hid:
            # Material does not follow a link to the address it is already at: load the page afresh
            # (in the palette it was in)
            scheme = tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            tab.goto(tab.url.split("#")[0], wait_until="load")
            tab.evaluate(SCHEME, scheme)
        tab.evaluate(RESET)
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
    """Each page is loaded once per width; the palette is then switched in place (Material's
    data-md-color-scheme, the attribute its toggle sets) and the page checked again."""
    pages = html_pages(site)
    assert len(pages) > 20
    ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
    ctx.set_default_timeout(30_000)
    tab = ctx.new_page()
    sideways, covered, cut = [], [], []
    try:
        for url in pages:
            tab.goto(site_url + url, wait_until="load")
            # Charts draw after load (and Plotly measures text in a temporary SVG meanwhile):
            # check the page as the reader sees it once they are drawn.
            draw_charts(tab)
            cut += [f"{url or '/'}: {title!r}" for title in tab.evaluate(TITLE_CUT)]
            tab.wait_for_timeout(200)  # Material settles its scroll position just after load
            for palette in PALETTES:
                tab.evaluate(SCHEME, "slate" if palette == "dark" else "default")
                wider = tab.evaluate(OVERFLOW)
                if wider:
                    sideways.append(f"{url or '/'} ({palette}): document is {wider['scrollWidth']}px wide in "
                                    f"{wider['viewport']}px; sticking out: {', '.join(wider['culprits'])}")
                covered += [f"{url or '/'} ({palette}): {msg}" for msg in jump_and_look(tab, HEADINGS_PER_PAGE)]
            # scrolled down now (the jumps above): Material swaps the site's name for the page's title
            cut += [f"{url or '/'} (scrolled): {title!r}" for title in tab.evaluate(TITLE_CUT)]
    finally:
        ctx.close()
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
