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

from pathlib import Path

import pytest

from .tools import CHROMIUM, CHROMIUM_ARGS, SiteServer, build_served_site, require, require_chromium


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("served")
    with SiteServer(dest / "site") as server:
        build_served_site(dest, server)
        yield server


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
