"""Fixtures for testing the built site as the public sees it.

The real Rotherham site is built once per session (with tests/conftest.py's
helpers, as ``rotherham_site`` is, plus site_url: see build_served_site),
served by Python's http.server on 127.0.0.1 at a random port, and visited with
Debian's Chromium driven by Playwright.

Tools that are missing (Chromium, Java, the pinned npm packages in
tests/browser/node_modules) make the tests that need them SKIP with the
reason, loudly; under CI (CI=true) they FAIL instead, so a CI run can never
pass by checking nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .tools import CHROMIUM, CHROMIUM_ARGS, PHONE, SiteServer, build_served_site, require, require_chromium


# What a test expects of a page must come true, but on a shared 2-core machine with two browsers
# at once a page can take longer than Playwright's default 5 s to get there (a jump after instant
# navigation, a chart drawn as it comes into view). Waiting longer never lets a wrong page pass.
expect.set_options(timeout=15_000)


@dataclass(frozen=True)
class Served:
    """A built site (root) and the address it is served at (url), as a SiteServer has them."""
    root: Path
    url: str


@pytest.fixture(scope="session")
def served_site(request, tmp_path_factory):
    shared = getattr(request.config, "workerinput", {}).get("hwb_served_site")
    if shared is None:   # one process: build and serve it here
        dest = tmp_path_factory.mktemp("served")
        with SiteServer(dest / "site") as server:
            build_served_site(dest, server)
            yield server
        return
    # Under xdist the controller serves one folder (tests/conftest.py, pytest_configure_node): the
    # first worker to get here builds the site into it while the other waits on the lock, then
    # finds it built. A build that fails leaves nothing there, so the next worker tries (and fails) too.
    import fcntl

    folder = Path(shared["folder"])
    served = Served(folder / "site", shared["url"])
    with open(folder / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not served.root.exists():
            dest = Path(tempfile.mkdtemp(dir=folder))
            build_served_site(dest, served)
            (dest / "site").rename(served.root)
    yield served


@pytest.fixture(scope="session")
def site(served_site) -> Path:
    """The built site directory (the real repo data, built once per session)."""
    return served_site.root


@pytest.fixture(scope="session")
def site_url(served_site) -> str:
    """Where the site is served: http://127.0.0.1:<random port>/"""
    return served_site.url


# --------------------------------------------------------------------------- browser

@pytest.fixture(scope="session")
def browser():
    require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is in requirements.lock
        require(False, f"playwright is not importable ({exc})")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class ConsoleLog:
    """Console errors and uncaught exceptions seen by a page."""

    def __init__(self):
        self.errors: list[str] = []

    def attach(self, page):
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text} @ {page.url}"))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e} @ {page.url}"))
        page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url} ({r.failure})"))
        return page


@pytest.fixture
def console():
    return ConsoleLog()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, console):
    return console.attach(context.new_page())


@pytest.fixture
def phone(browser, console):
    """A tab on a phone (PHONE), its console watched by `console`."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(30_000)
    yield console.attach(context.new_page())
    context.close()
