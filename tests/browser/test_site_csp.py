"""The Content Security Policy in a real browser: every page loads with zero violations, and an
inline handler injected into a page does not run.

The policy (written first in each page's head by the post-build pass, hwbsite/finish.py) allows
scripts from the site itself plus the hashes of that page's own theme scripts; tests/test_csp.py
checks the hashes without a browser.
"""

from __future__ import annotations

import pytest

from .tools import arrive, draw_charts, html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Recorded before any of the page's own scripts run, on every document the tab loads.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " +
                    (e.sourceFile || "?") + ":" + e.lineNumber);
});
"""


def _watch(page, found):
    page.add_init_script(WATCH)
    page.on("console", lambda m: "Content Security Policy" in m.text and found.append(f"console: {m.text}"))
    return page


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp || []")


def test_every_page_loads_with_no_csp_violation(context, site, site_url):
    found: list[str] = []
    page = _watch(context.new_page(), found)
    pages = html_pages(site)
    assert len(pages) > 100
    charts = 0
    for rel in pages:
        page.goto(site_url + rel, wait_until="load")
        if page.locator(".hwb-chart__plot").count():
            charts += 1
            # the chart is drawn by plotly.js: it must draw (it needs no eval) and report nothing
            draw_charts(page)
        found += [f"{rel}: {v}" for v in _violations(page)]
    assert charts > 0
    assert found == [], f"{len(found)} CSP violation(s):\n" + "\n".join(found[:40])


def test_instant_navigation_stays_within_the_policy(context, site_url):
    """Material swaps the page in place and re-runs its inline scripts: still no violation."""
    found: list[str] = []
    page = _watch(context.new_page(), found)
    page.goto(site_url)
    page.locator(".md-tabs a, .md-nav a").filter(has_text="Meetings").first.click()
    arrive(page, "/meetings/")
    page.locator("article a[href*='20']").first.click()
    page.wait_for_load_state("load")
    assert _violations(page) + found == []


def test_injected_inline_handler_and_script_are_blocked(context, site_url):
    found: list[str] = []
    page = _watch(context.new_page(), found)
    page.goto(site_url)
    page.evaluate("""() => {
        document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__ran = 1">');
        var s = document.createElement("script");
        s.textContent = "window.__ran2 = 1";
        document.body.appendChild(s);
        var a = document.createElement("a");
        a.href = "javascript:window.__ran3 = 1";
        document.body.appendChild(a);
        a.click();
    }""")
    page.wait_for_timeout(500)
    assert page.evaluate("[window.__ran, window.__ran2, window.__ran3]") == [None, None, None]
    blocked = _violations(page)
    assert any(v.startswith("script-src") for v in blocked), blocked
    assert len(blocked) >= 3, blocked
