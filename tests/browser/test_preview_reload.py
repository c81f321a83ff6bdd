"""The officer's preview reloads by itself under the Content-Security-Policy the site ships.

`mkdocs serve` injects its live-reload poller inline, with an epoch and request id in its text,
so the page's CSP (no 'unsafe-inline') blocked it and the open page never changed after a save.
hwbsite's preview serves the poller as a file of the site instead (hwbsite/preview.py). This test
opens a page of `mkdocs serve --livereload --dirty` (as `make serve` runs it) on a fixture project
with the real site's theme overrides, saves a data file, and waits for the open page to show the
change without being reloaded by the test, with no CSP violation on either load.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time

import pytest

from conftest import FIXTURES, REPO, copy_project
from test_serve import fetch, free_port, wait_for

from .test_site_csp import WATCH

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SERVE = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty"]   # as `make serve` runs it


def serve_fixture(tmp_path):
    """A copy of the minimal fixture with the real site's overrides (its CSP), being served."""
    root = copy_project(FIXTURES / "minimal", tmp_path / "p")
    shutil.rmtree(root / "overrides")
    shutil.copytree(REPO / "overrides", root / "overrides")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    base, proc, log = serve(root)
    return root, f"{base}meetings/2026-01-14/", proc, log


def serve(root):
    """`mkdocs serve --livereload --dirty` of the project at root on a free port: (its base URL, the
    process, the lines it has logged so far)."""
    port = free_port()
    proc = subprocess.Popen([*SERVE, "-a", f"127.0.0.1:{port}"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: [log.append(line) for line in proc.stdout], daemon=True).start()
    return f"http://127.0.0.1:{port}/", proc, log


def open_watched(context, url, found: list[str]):
    """The page at url, opened once its live-reload poller is waiting for a rebuild, with CSP
    violations collected into found (console) and window.__csp (on every document the reload
    brings), and window.__notReloaded set: gone once the page has reloaded itself."""
    page = context.new_page()
    page.add_init_script(WATCH)   # runs again on the document the reload brings
    page.on("console", lambda m: "Content Security Policy" in m.text and found.append(m.text))
    # the page is watching for a rebuild once its poller has asked the server (a long poll)
    with page.expect_request(lambda r: "/livereload/" in r.url):
        page.goto(url, wait_until="load")
    # the page carries the site's policy, so the test is of the reload under it
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    page.evaluate("window.__notReloaded = true")
    return page


def test_saving_a_data_file_repaints_the_open_page_with_no_csp_violation(context, tmp_path):
    root, url, proc, log = serve_fixture(tmp_path)
    try:
        assert wait_for(lambda: "Joint strategy refresh" in fetch(url)), "".join(log)
        found: list[str] = []
        page = open_watched(context, url, found)
        meeting = root / "data/meetings/2026-01-14.yml"
        meeting.write_text(meeting.read_text().replace("Joint strategy refresh", "Refreshed joint strategy"))
        saved = time.monotonic()
        page.get_by_text("Refreshed joint strategy").first.wait_for(timeout=60_000)
        print(f"repainted {time.monotonic() - saved:.2f} s after the save")
        assert page.evaluate("window.__notReloaded === undefined")
        found += page.evaluate("window.__csp")
        assert found == [], found
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_built_site_has_no_live_reload_file(site):
    assert not (site / "assets/hwbsite/livereload.js").exists()
    assert "livereload" not in (site / "index.html").read_text(encoding="utf-8")
