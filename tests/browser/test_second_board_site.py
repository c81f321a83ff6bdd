"""The second board (tests/fixtures/second-board), served and visited like the real site: every
page has 0 axe-core violations (light; dark on one page of each kind), reflows at 320 px, logs no
console error; the Nu HTML Checker finds 0 errors; every internal link and anchor resolves; and no
page holds a word of Rotherham."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from rotherham_words import hits

from .audit import axe_report, run_audit
from .test_site_accessibility import sample_pages
from .test_site_html import check_links, nu_errors
from .tools import AXE_JS, WCAG_TAGS, SiteServer, build_served_site, html_pages, require_chromium, require_node_package

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    dest = tmp_path_factory.mktemp("second-board")
    with SiteServer(dest / "site") as server:
        build_served_site(dest, server, source=FIXTURES / "second-board", build_date="2026-12-01")
        yield server


@pytest.fixture(scope="module")
def audit(served):
    require_chromium()
    require_node_package(AXE_JS, "axe-core")
    pages = html_pages(served.root)
    assert len(pages) > 30, f"only {len(pages)} pages were built"
    return run_audit(served.url, pages, sample_pages(pages))


def test_every_page_of_the_second_board_passes_axe_light_and_dark(audit):
    assert not audit.crashed, audit.crashed
    assert not audit.axe, f"axe-core ({', '.join(WCAG_TAGS)}):\n" + axe_report(audit.axe)
    assert not audit.axe_dark, "axe-core, dark palette:\n" + axe_report(audit.axe_dark)


def test_every_page_of_the_second_board_reflows_and_logs_no_error(audit):
    assert not audit.overflow, audit.overflow
    assert not audit.console, audit.console


def test_the_second_board_is_valid_html(served):
    errors, report, pages = nu_errors(served.root)
    assert len(pages) > 30
    assert not errors, f"Nu HTML Checker: {len(errors)} error(s) in {len(pages)} pages\n" + "\n".join(report)


def test_every_link_of_the_second_board_resolves(served):
    broken, checked, indexed = check_links(served.root, served.url)
    assert indexed > 20 and checked > 500, (indexed, checked)
    assert broken == []


def test_no_page_of_the_second_board_names_rotherham(served):
    found = {p.relative_to(served.root).as_posix(): hits(p.read_text(encoding="utf-8"))
             for p in served.root.rglob("*.html")}
    assert {page: words for page, words in found.items() if words} == {}
