"""Where the browser-test tools live, how to start them, and what to do when one is missing.

Tools that are missing (Chromium, Java, the pinned npm packages in
tests/browser/node_modules) make the checks that need them SKIP with the
reason, loudly; under CI (CI=true) they FAIL instead, so a CI run can never
pass by checking nothing.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import sys
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"

CHROMIUM = os.environ.get("HWB_CHROMIUM", "/usr/bin/chromium")
# Flags this machine needs: no sandbox as root, and no background traffic to Google
# (the network is closed; without these Chromium retries connections at every start).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
# The build date tests/conftest.py uses: it fixes which meeting is "next".
BUILD_DATE = "2017-09-20"
# A phone as the walks of issue 27 hold one (the `phone` fixture; a context of its own where a walk
# needs one): 390 CSS px wide, touch, the light palette.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "color_scheme": "light"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(ok: bool, reason: str) -> None:
    """Skip (locally) or fail (under CI) when a tool the test needs is missing."""
    if ok:
        return
    if under_ci():
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(f"SKIPPED, NOT CHECKED: {reason}")


def require_chromium() -> None:
    require(os.access(CHROMIUM, os.X_OK),
            f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set HWB_CHROMIUM)")


def require_node_package(path: Path, name: str) -> None:
    require(path.exists(), f"{name} is not installed: run `npm ci --ignore-scripts` in tests/browser "
                           f"(`make test` does it when npm is available)")


def require_java() -> str:
    java = shutil.which("java")
    require(java is not None, "java not found (apt-get install default-jre-headless)")
    return java


# --------------------------------------------------------------------------- site + server

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


class _GzipHandler(_QuietHandler):
    """Text files sent gzip-compressed to a client that accepts it, as GitHub Pages sends them (its
    Lighthouse scores are what a reader gets); Pagefind's index files are gzip already."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".ics", ".map")

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(self.TEXT) \
                or not os.path.isfile(path):
            return super().do_GET()
        import gzip

        with open(path, "rb") as f:
            data = gzip.compress(f.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class SiteServer:
    def __init__(self, root: Path, gzip: bool = False):
        self.root = root
        handler = functools.partial(_GzipHandler if gzip else _QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the site as a URL path relative to the root ('' for the home page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def build_served_site(dest: Path, server: SiteServer, source: Path | None = None, build_date: str = BUILD_DATE) -> Path:
    """Build the real repo's site into dest/site, for serving at server.url.

    Like ``rotherham_site`` (tests/conftest.py), but with site_url set to the address it is
    served at: Material's instant navigation only takes over links listed in sitemap.xml,
    which is empty without site_url, and it matches them by scheme, host AND port.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    if str(HERE.parent) not in sys.path:  # outside pytest (the Lighthouse benchmark)
        sys.path.insert(0, str(HERE.parent))
    from conftest import REPO, copy_project  # tests/conftest.py

    project = copy_project(source or REPO, dest)   # the real site, or a fixture board
    config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site"),
                         site_url=server.url)
    config.plugins["hwbsite"].config.build_date = build_date
    mkdocs_build(config)
    return project / "site"


def draw_charts(page, timeout: int = 20_000) -> int:
    """Scroll each chart into view, as a reader would (charts are drawn as they come near the
    viewport, not on load), and wait until each is drawn. Returns how many there are."""
    count = page.evaluate("() => document.querySelectorAll('.hwb-chart__plot').length")
    for i in range(count):
        page.evaluate(f"() => document.querySelectorAll('.hwb-chart__plot')[{i}].scrollIntoView()")
        page.wait_for_function(f"() => !!document.querySelectorAll('.hwb-chart__plot')[{i}]"
                               ".querySelector('svg.main-svg')", timeout=timeout)
    if count:
        page.evaluate("() => window.scrollTo(0, 0)")
    return count


def served_sizes(site: Path, site_url: str, urls) -> dict[str, int]:
    """The gzip size of each fetched file as a gzip server sends it, by path under the site
    (files that are gzip already, like Pagefind's index, count as they are). Fails on any URL
    from another site."""
    import gzip

    sizes = {}
    for url in dict.fromkeys(urls):
        assert url.startswith(site_url), f"fetched from another site: {url}"
        rel = url[len(site_url):].split("#")[0].split("?")[0]
        file = site / rel
        if rel == "" or rel.endswith("/"):
            file = file / "index.html"
        data = file.read_bytes()
        sizes[rel] = len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))
    return sizes


@contextlib.contextmanager
def visit(browser, url: str, width: int, height: int):
    """A first visit to url in a fresh browser context of that viewport, once the network is idle:
    yields the page and the URLs of every file fetched so far and from then on."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        urls: list[str] = []
        page.on("requestfinished", lambda r: urls.append(r.url))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        yield page, urls
    finally:
        context.close()


def arrive(page, path: str) -> None:
    """Wait until the tab shows the page whose address ends in `path` (a regular expression).
    Material's navigation.tracking rewrites the #fragment to the section in view once the page
    has loaded, so a fragment after the page's address is allowed: the test is about the page."""
    page.wait_for_url(re.compile(path + r"(#[^/]*)?$"))
