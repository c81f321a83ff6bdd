"""What a member of the public does with the site, in a real browser.

The page structure these tests lean on is the home page's "Next meeting"
panel, agenda items listing "Paper:" links, and the People index: the site's
own promises, not Material's internals.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .tools import arrive

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def h1(page) -> str:
    return " ".join(page.locator("article.md-content__inner h1").first.inner_text().replace("¶", "").split())


def test_home_next_meeting_paper_and_back(page, site_url, console):
    page.goto(site_url)
    assert "Health and Wellbeing Board" in h1(page)

    # The home page names the next meeting and links to it.
    meeting_link = page.locator("article h2#next-meeting ~ p a[href*='meetings/']").first
    meeting_title = meeting_link.inner_text()
    meeting_link.click()
    arrive(page, r"/meetings/\d{4}-\d{2}-\d{2}/")
    meeting_url = page.url
    expect(page.locator("article h1").first).to_contain_text(" ".join(meeting_title.split()))
    assert h1(page) == " ".join(meeting_title.split())
    assert page.locator("article h2#agenda").is_visible()

    # An agenda item's paper.
    paper_link = page.locator("article li:has-text('Paper:') a[href*='papers/']").first
    paper_title = " ".join(paper_link.inner_text().split())
    paper_link.click()
    arrive(page, r"/papers/[^/]+/")
    expect(page.locator("article h2#agenda")).to_have_count(0)
    assert h1(page)
    assert paper_title.split()[0] in page.locator("article").inner_text()

    # Back to the meeting, where the reader came from. (With instant navigation the address
    # changes first and the content follows: wait for the content.)
    page.go_back()
    arrive(page, re.escape(meeting_url))
    expect(page.locator("article h1").first).to_contain_text(" ".join(meeting_title.split()))
    assert h1(page) == " ".join(meeting_title.split())
    assert console.errors == []


def first_person(site):
    """The first person the People index lists (its list items; the page's lead links to the members page)."""
    html = (site / "people" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):]
    slug, name = re.search(r'<li><a href="([a-z0-9-]+)/">([^<]+)</a>', article).groups()
    return slug, name


def test_find_a_person_with_search(page, site, site_url, console):
    """The header's search form sends the name to the search page, which lists the person's page."""
    slug, name = first_person(site)
    page.goto(site_url)
    search = page.get_by_role("search", name="Site search").get_by_role("searchbox")
    search.fill(name)
    search.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    result = page.locator(f"#hwb-search-results a[href$='people/{slug}/']").first
    result.wait_for(state="visible", timeout=15_000)
    result.click()
    arrive(page, rf"/people/{slug}/")
    expect(page.locator("article.md-content__inner h1").first).to_have_text(re.compile(rf"^\s*{re.escape(name)}\W*$"))
    assert h1(page) == name
    assert console.errors == []


def test_people_index_reaches_a_person(page, site, site_url, console):
    slug, name = first_person(site)
    page.goto(site_url + "meetings/")  # the home page hides the sidebar; every other page has it
    page.locator(".md-sidebar--primary a.md-nav__link").get_by_text("People", exact=True).click()
    arrive(page, r"/people/")
    expect(page.locator("article h1").first).to_contain_text("People")
    page.locator("article").get_by_role("link", name=name, exact=True).click()
    arrive(page, rf"/people/{slug}/")
    expect(page.locator("article.md-content__inner h1").first).to_have_text(re.compile(rf"^\s*{re.escape(name)}\W*$"))
    assert h1(page) == name
    assert console.errors == []


FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(), href: el.getAttribute("href"),
        text: (el.innerText || el.getAttribute("aria-label") || el.title || "").trim().slice(0, 60),
        x: r.x, y: r.y, width: r.width, height: r.height,
        visible: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden",
    };
}"""


def test_keyboard_alone_reaches_links_with_a_visible_focus_indicator(page, site_url):
    """Tab from the top of the home page: the skip link comes first, every stop shows where focus is
    (the focused element looks different from the unfocused one), and the content's links are reached."""
    page.goto(site_url)
    page.add_style_tag(content=NO_MOTION)
    stops, invisible = [], []
    reached_next_meeting = False
    for _ in range(80):
        page.keyboard.press("Tab")
        el = page.evaluate(FOCUSED)
        if el is None:
            continue
        stops.append(el)
        # A text field (the header's search box) shows focus by its caret, which the blur/refocus
        # comparison below cannot see reliably: a blinking caret may be off in either screenshot.
        if el["visible"] and el["tag"] != "input":
            pad = 4
            clip = {"x": max(el["x"] - pad, 0), "y": max(el["y"] - pad, 0),
                    "width": el["width"] + 2 * pad, "height": el["height"] + 2 * pad}
            focused = page.screenshot(clip=clip)
            page.evaluate("() => { window.__hwbFocus = document.activeElement; document.activeElement.blur(); }")
            unfocused = page.screenshot(clip=clip)
            page.evaluate("() => window.__hwbFocus.focus()")
            if focused == unfocused:
                invisible.append(f"<{el['tag']}> {el['text']!r} href={el['href']!r}")
        if el["href"] and "meetings/" in el["href"] and el["y"] > 0 and stops[0]["href"] != el["href"]:
            if page.evaluate("() => !!document.activeElement.closest('article')"):
                reached_next_meeting = True
                break
    assert stops, "Tab never moved focus"
    assert "skip" in stops[0]["text"].lower() or (stops[0]["href"] or "").startswith("#"), (
        f"the first Tab stop should be the skip link, got {stops[0]}")
    visible = [s for s in stops if s["visible"]]
    assert len(visible) >= 5, f"only {len(visible)} visible Tab stops: {stops}"
    assert reached_next_meeting, "80 Tabs did not reach the next meeting's link in the page content:\n" + \
        "\n".join(f"{s['tag']} {s['text']!r} {s['href']}" for s in stops)
    assert not invisible, "focused elements that look exactly as when not focused:\n" + "\n".join(invisible)
