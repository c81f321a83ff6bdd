"""Visit every page of a served site once per check and record what the checks find.

Per page: axe-core (WCAG 2.2 A/AA tags) at 1280x900 in the light palette, the
console errors and failed requests seen while loading it, and horizontal
overflow of the document at a 320 CSS px viewport (WCAG 1.4.10 reflow). A
sample of pages is also checked with axe in the dark palette.

Pages are shared between a few worker threads, each with its own Playwright
and Chromium (Playwright's sync API is per thread); every worker keeps its
contexts and tabs for the whole run, so the site costs one page load per page
and check.
"""

from __future__ import annotations

import os
import queue
import threading
from dataclasses import dataclass, field

from .tools import AXE_JS, CHROMIUM, CHROMIUM_ARGS, WCAG_TAGS

AXE_RUN = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary || ""})),
})))"""

OVERFLOW = """() => {
    const doc = document.documentElement, vw = doc.clientWidth;
    if (doc.scrollWidth <= vw) return null;
    // Name the outermost elements that stick out, so the report points at the culprit.
    const out = [];
    for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= vw + 1) continue;
        if (el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 1) continue;
        let name = el.tagName.toLowerCase();
        if (el.id) name += "#" + el.id;
        if (el.className && typeof el.className === "string") name += "." + el.className.trim().split(/\\s+/).join(".");
        out.push(name + " (right edge " + Math.round(r.right) + "px)");
        if (out.length >= 5) break;
    }
    return {scrollWidth: doc.scrollWidth, viewport: vw, culprits: out};
}"""


@dataclass
class Audit:
    pages: list[str]
    dark_pages: list[str]
    axe: dict[str, list[dict]] = field(default_factory=dict)        # url -> violations (light)
    axe_dark: dict[str, list[dict]] = field(default_factory=dict)   # url -> violations (dark)
    overflow: dict[str, str] = field(default_factory=dict)          # url -> description at 320 px
    console: dict[str, list[str]] = field(default_factory=dict)     # url -> errors while loading
    crashed: dict[str, str] = field(default_factory=dict)           # url -> exception from the harness


def axe_report(found: dict[str, list[dict]]) -> str:
    lines = []
    for url, violations in found.items():
        for v in violations:
            lines.append(f"{url or '/'}: {v['id']} ({v['impact']}): {v['help']}  [{v['helpUrl']}]")
            for node in v["nodes"][:5]:
                summary = " ".join(node["summary"].split())[:300]
                lines.append(f"    at {node['target']}\n       {summary}")
            if len(v["nodes"]) > 5:
                lines.append(f"    ... and {len(v['nodes']) - 5} more element(s)")
    return "\n".join(lines)


def _worker(base_url: str, audit: Audit, todo: queue.Queue, dark: set[str], lock: threading.Lock):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            wide = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
            wide.add_init_script(path=str(AXE_JS))
            narrow = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme="light")
            night = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
            night.add_init_script(path=str(AXE_JS))
            for ctx in (wide, narrow, night):
                ctx.set_default_timeout(30_000)
            tab_wide, tab_narrow, tab_night = wide.new_page(), narrow.new_page(), night.new_page()
            errors: list[str] = []
            tab_wide.on("console", lambda m: m.type == "error" and errors.append(f"console error: {m.text}"))
            tab_wide.on("pageerror", lambda e: errors.append(f"uncaught exception: {e}"))
            tab_wide.on("requestfailed", lambda r: errors.append(f"request failed: {r.url} ({r.failure})"))
            while True:
                try:
                    url = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    errors.clear()
                    tab_wide.goto(base_url + url, wait_until="load")
                    violations = tab_wide.evaluate(AXE_RUN, WCAG_TAGS)
                    tab_narrow.goto(base_url + url, wait_until="load")
                    wider = tab_narrow.evaluate(OVERFLOW)
                    night_violations = []
                    if url in dark:
                        tab_night.goto(base_url + url, wait_until="load")
                        night_violations = tab_night.evaluate(AXE_RUN, WCAG_TAGS)
                except Exception as exc:  # noqa: BLE001 - recorded and reported by the tests
                    with lock:
                        audit.crashed[url] = f"{type(exc).__name__}: {exc}".splitlines()[0]
                    continue
                with lock:
                    if violations:
                        audit.axe[url] = violations
                    if night_violations:
                        audit.axe_dark[url] = night_violations
                    if errors:
                        audit.console[url] = list(errors)
                    if wider:
                        audit.overflow[url] = (
                            f"document is {wider['scrollWidth']}px wide in a {wider['viewport']}px viewport; "
                            f"sticking out: {', '.join(wider['culprits']) or '?'}")
        finally:
            browser.close()


def run_audit(base_url: str, pages: list[str], dark_pages: list[str], workers: int | None = None) -> Audit:
    workers = workers or int(os.environ.get("HWB_BROWSER_WORKERS", "0")) or max(1, min(3, os.cpu_count() or 1))
    audit = Audit(pages=list(pages), dark_pages=list(dark_pages))
    todo: queue.Queue = queue.Queue()
    for url in pages:
        todo.put(url)
    lock = threading.Lock()
    failures: list[BaseException] = []

    def run():
        try:
            _worker(base_url, audit, todo, set(dark_pages), lock)
        except BaseException as exc:  # noqa: BLE001 - a worker that cannot start fails the audit
            failures.append(exc)

    threads = [threading.Thread(target=run, name=f"audit-{i}") for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise RuntimeError(f"browser audit worker failed: {failures[0]!r}") from failures[0]
    return audit
