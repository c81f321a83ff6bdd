"""No payload of the hostile corpus runs in Chromium: on load of every page, and on a click of
every link, button and summary in the page content.

The site is the hostile fixture (tests/fixtures/hostile) built with every payload the loader
accepted (tests/hostile_corpus.py). It has no Content Security Policy, so what is tested is the
sanitiser and the escaping alone; the policy is a second wall (test_site_csp.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .tools import draw_charts, SiteServer, html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import hostile_corpus as hc  # noqa: E402

# Every payload assigns window.__pwned (or parent.__pwned from a frame): a setter on the top
# window reports it whatever document is loaded, before any page script runs.
TRAP = f"""
(function () {{
  if (window.top !== window) return;
  Object.defineProperty(window, "{hc.FLAG}", {{
    configurable: false,
    set: function (v) {{ console.error("PWNED " + location.href); }},
    get: function () {{ return undefined; }}
  }});
}})();
"""

# Clicks everything clickable in the article, in place. A link to another http(s) page of the
# site is not followed (that page is loaded in its own turn), but its click handlers still run:
# the capturing listener only cancels the navigation.
CLICK_ALL = """() => {
  window.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    if (a && (a.protocol === "http:" || a.protocol === "https:")) e.preventDefault();
  }, true);
  // nor is a form sent (the search page's own form would leave the page mid-loop)
  window.addEventListener("submit", function (e) { e.preventDefault(); }, true);
  var els = document.querySelectorAll(
    "article a, article button, article summary, article [onclick], article input, article [tabindex]");
  for (var i = 0; i < els.length; i++) {
    try {
      if (typeof els[i].click === "function") els[i].click();
      // SVG links (Plotly titles and labels) have no click(): send the event a mouse would
      else els[i].dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, view: window}));
    } catch (e) {}
  }
  return els.length;
}"""


@pytest.fixture(scope="module")
def hostile_served(tmp_path_factory):
    outcome = hc.load_corpus(tmp_path_factory.mktemp("hostile-load"))
    dest = tmp_path_factory.mktemp("hostile-served")
    site_dir = dest / "site-project" / "site"
    site_dir.mkdir(parents=True)
    with SiteServer(site_dir) as server:
        hc.build_accepted(dest, outcome.accepted, site_url=server.url)
        yield server, outcome


def test_no_payload_runs_on_load_or_click(context, hostile_served):
    server, outcome = hostile_served
    ran: list[str] = []
    context.add_init_script(TRAP)
    page = context.new_page()
    page.on("console", lambda m: m.text.startswith("PWNED") and ran.append(m.text))
    page.on("dialog", lambda d: (ran.append(f"dialog {d.message} at {page.url}"), d.dismiss()))
    pages = html_pages(server.root)
    assert len(pages) > 100
    clicked = 0
    for rel in pages:
        page.goto(server.url + rel, wait_until="load")
        if page.locator(".hwb-chart__plot").count():
            draw_charts(page)
        clicked += page.evaluate(CLICK_ALL)
        page.wait_for_timeout(50)
    page.wait_for_timeout(500)
    print(f"\nhostile site: {len(pages)} pages loaded, {clicked} elements clicked, "
          f"{len(outcome.accepted)} accepted payloads, {len(outcome.refused)} refused, {len(ran)} ran")
    assert clicked > 200
    assert ran == []


def test_the_trap_catches_a_payload_that_does_run(context, hostile_served):
    """Control: the same trap and clicks do see a live payload, on load and on click."""
    server, _outcome = hostile_served
    ran: list[str] = []
    # every page now carries the Content Security Policy, which blocks the live payloads this
    # control injects: the trap is tested with the policy bypassed
    context = context.browser.new_context(bypass_csp=True)
    context.add_init_script(TRAP)
    page = context.new_page()
    page.on("console", lambda m: m.text.startswith("PWNED") and ran.append(m.text))
    page.goto(server.url, wait_until="load")
    page.evaluate(f"""() => document.querySelector("article").insertAdjacentHTML("beforeend",
        '<img src="x" onerror="window.{hc.FLAG}=1"><a href="javascript:window.{hc.FLAG}=2">x</a>' +
        '<svg width="50" height="20"><a href="javascript:window.{hc.FLAG}=3"><text y="15">y</text></a></svg>')""")
    page.wait_for_timeout(300)
    assert len(ran) == 1
    page.evaluate(CLICK_ALL)
    page.wait_for_timeout(300)
    assert len(ran) == 3, ran   # the HTML link and the SVG link
