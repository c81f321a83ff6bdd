"""Search (issue 15) in a real browser: the header's form and the search page, over Pagefind's
index of the real site. A phrase from a meeting's minutes finds that meeting; a query costs at
most 300 KB gzip; keyboard alone gets there and back; axe and the Nu HTML Checker find nothing on
the page with its results drawn; no page but the search page fetches search bytes."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from .audit import AXE_RUN, axe_report
from .tools import AXE_JS, VNU_JAR, WCAG_TAGS, arrive, require_java, require_node_package, served_sizes

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KB = 1024
# Words of the minutes of 5 July 2017 (data/meetings/2017-07-05.yml, a VCS briefing); "overstretched"
# is on no other page of the site.
PHRASE = "signposting to already overstretched"
MEETING = "meetings/2017-07-05/"
SEARCH_BYTES = re.compile(r"(^|/)pagefind/|(^|/)assets/hwbsite/search\.js$")


def fetched(page, site, site_url, action) -> dict[str, int]:
    """Every file fetched while action runs, with its gzip size as served (Pagefind's index files
    are gzip already: counted as they are)."""
    urls: list[str] = []
    page.on("requestfinished", lambda r: urls.append(r.url))
    action()
    page.wait_for_load_state("networkidle")
    return served_sizes(site, site_url, urls)


def results(page) -> list[str]:
    page.locator("#hwb-search-results li a").first.wait_for(state="visible", timeout=15_000)
    return page.locator("#hwb-search-results li a").evaluate_all("as => as.map(a => a.href)")


def test_a_phrase_from_the_minutes_finds_that_meeting(page, site, site_url, console):
    page.goto(site_url)
    box = page.get_by_role("search", name="Site search").get_by_role("searchbox")
    box.fill(PHRASE)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.url == site_url + "search/?q=" + PHRASE.replace(" ", "+")   # a link anyone can share
    links = results(page)
    assert links == [site_url + MEETING]
    excerpt = page.locator("#hwb-search-results li .hwb-search__excerpt").first
    assert "overstretched" in excerpt.locator("mark").all_inner_texts()
    assert "rather than just signposting to already overstretched" in excerpt.inner_text()
    status = page.get_by_role("status")
    assert status.inner_text() == f"1 result for \u201c{PHRASE}\u201d."
    assert page.locator("#hwb-search-q").input_value() == PHRASE
    page.locator("#hwb-search-results a").first.click()
    arrive(page, re.escape(site_url + MEETING))
    assert console.errors == []


def test_a_query_costs_at_most_300_kb_and_other_pages_fetch_no_search_bytes(browser, site, site_url):
    """Each visit in a fresh context (a cold cache): the worst a reader pays."""
    def visit(path, wanted):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            page = context.new_page()
            found: list[str] = []

            def go():
                page.goto(site_url + path)
                if wanted is not None:   # count what the results cost: wait for them to be shown
                    found.extend(results(page))
            sizes = fetched(page, site, site_url, go)
            if wanted is not None:
                assert found[:len(wanted)] == wanted, path
            return {rel: n for rel, n in sizes.items() if SEARCH_BYTES.search(rel)}
        finally:
            context.close()

    assert visit("", None) == {}
    assert [rel for rel in visit("search/", None) if "pagefind/" in rel] == []   # Pagefind loads for a query only
    for query, wanted in ((PHRASE, [site_url + MEETING]), ("health and wellbeing", [])):
        search = visit("search/?q=" + query, wanted)
        print(f"\n{query}: {sum(search.values()) / KB:.0f} KB gzip of search files: "
              + ", ".join(f"{r} {n / KB:.1f}" for r, n in sorted(search.items(), key=lambda kv: -kv[1])[:6]))
        assert any(rel.endswith(".pf_fragment") for rel in search), query
        assert sum(search.values()) <= 300 * KB, query


def test_keyboard_alone_searches_and_reaches_the_results(page, site_url):
    page.goto(site_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "hwb-search-box":
            break
    assert page.evaluate("document.activeElement.id") == "hwb-search-box"
    page.keyboard.type(PHRASE)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    results(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#hwb-search-results')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == site_url + MEETING
    page.keyboard.press("Enter")
    arrive(page, re.escape(site_url + MEETING))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_page_with_results_has_no_axe_violation(browser, site_url, scheme):
    require_node_package(AXE_JS, "axe-core")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        context.add_init_script(path=str(AXE_JS))
        page = context.new_page()
        page.goto(site_url + "search/?q=health+and+wellbeing")
        assert len(results(page)) == 10
        page.get_by_role("button", name="More results").click()
        page.locator("#hwb-search-results li").nth(10).wait_for()
        violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    finally:
        context.close()
    assert violations == [], axe_report({"search/": violations})


def test_the_search_page_with_results_is_valid_html(page, site_url, tmp_path):
    java = require_java()
    require_node_package(VNU_JAR, "vnu-jar")
    page.goto(site_url + "search/?q=health+and+wellbeing")
    results(page)
    drawn = tmp_path / "search.html"
    drawn.write_text("<!doctype html>\n" + page.evaluate("document.documentElement.outerHTML"), encoding="utf-8")
    proc = subprocess.run([java, "-Xss1m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(drawn)],
                          capture_output=True, text=True, timeout=300)
    errors = [m for m in json.loads(proc.stderr or proc.stdout)["messages"] if m.get("type") == "error"]
    assert errors == [], "\n".join(f"{m.get('lastLine')}: {m['message']} {m.get('extract', '')[:120]}" for m in errors)


def test_without_javascript_the_search_page_says_so_and_points_to_the_lists(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "search/?q=" + PHRASE)
        assert "Search needs JavaScript, which is off in this browser." in page.locator("article").inner_text()
        assert page.locator("article").get_by_role("link", name="Meetings", exact=True).get_attribute("href") == "../meetings/"
        assert page.locator("#hwb-search-results li").count() == 0
    finally:
        context.close()


def test_a_link_to_the_search_page_works_through_instant_navigation(page, site_url, console):
    """Material loads a linked page in place, under the policy of the page first loaded, which
    forbids WebAssembly in the page; Pagefind compiles it in its web worker, which that policy
    does not rule, so the results come all the same."""
    page.goto(site_url)
    page.evaluate("""q => { const a = document.createElement("a"); a.id = "to-search";
        a.href = "search/?q=" + encodeURIComponent(q); a.textContent = "search"; document.querySelector("article").append(a); }""", PHRASE)
    page.locator("#to-search").click()
    assert results(page) == [site_url + MEETING]
    assert page.url.split("#")[0] == site_url + "search/?q=" + PHRASE.replace(" ", "%20")
    assert console.errors == []
