"""Every page of the built site in a real browser: axe-core (WCAG 2.2 A and AA),
reflow at 320 CSS px, and no console errors.

The site is visited once (see audit.py) and each test reports one kind of finding.
"""

from __future__ import annotations

import pytest

from .audit import axe_report, run_audit
from .tools import AXE_JS, WCAG_TAGS, html_pages, require_chromium, require_node_package

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def sample_pages(pages: list[str]) -> list[str]:
    """One page of each kind: the home page, each section's index and its first detail page."""
    seen, sample = set(), []
    for url in pages:
        parts = url.strip("/").split("/")
        kind = (parts[0], len(parts))
        if kind not in seen:
            seen.add(kind)
            sample.append(url)
    return sample


@pytest.fixture(scope="session")
def audit(site, site_url):
    require_chromium()
    require_node_package(AXE_JS, "axe-core")
    pages = html_pages(site)
    assert len(pages) > 20, f"only {len(pages)} pages were built"
    return run_audit(site_url, pages, sample_pages(pages))


def test_the_audit_visited_every_page(audit):
    assert not audit.crashed, "pages the browser could not check:\n" + "\n".join(
        f"{url or '/'}: {err}" for url, err in audit.crashed.items())
    print(f"\nchecked {len(audit.pages)} pages with axe-core (light) and at 320px; "
          f"{len(audit.dark_pages)} pages in the dark palette")


def test_every_page_has_no_axe_violation(audit):
    count = sum(len(v) for v in audit.axe.values())
    assert not audit.axe, (f"axe-core ({', '.join(WCAG_TAGS)}): {count} violation(s) on {len(audit.axe)} "
                           f"of {len(audit.pages)} pages\n" + axe_report(audit.axe))


def test_dark_palette_has_no_axe_violation(audit):
    """The slate scheme, chosen by prefers-color-scheme: dark, on one page of each kind."""
    assert not audit.axe_dark, (f"axe-core in the dark palette ({len(audit.dark_pages)} pages checked)\n"
                                + axe_report(audit.axe_dark))


def test_every_page_reflows_at_320_css_px(audit):
    """WCAG 1.4.10: at 320 px nothing scrolls sideways but a wide table inside its own container."""
    assert not audit.overflow, (f"{len(audit.overflow)} of {len(audit.pages)} pages scroll horizontally at 320px:\n"
                                + "\n".join(f"{url or '/'}: {msg}" for url, msg in audit.overflow.items()))


def test_no_page_logs_a_console_error(audit):
    assert not audit.console, "console errors or failed requests while loading:\n" + "\n".join(
        f"{url or '/'}:\n    " + "\n    ".join(errs) for url, errs in audit.console.items())
