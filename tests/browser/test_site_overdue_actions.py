"""Issue 27's walk to the overdue actions, on a phone: at most two taps from the home page. And the
registers' filters, which are pages, work with JavaScript off.

The real site (served_site) is built on tools.BUILD_DATE. The board's one minuted action gives no
due date, so its overdue list is empty and says so; the overdue strategy actions (past their
timescale) are the next tap.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .tools import PHONE, arrive

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def h1(page) -> str:
    return " ".join(page.locator("article.md-content__inner h1").first.inner_text().replace("¶", "").split())


def test_the_overdue_actions_are_two_taps_from_the_home_page_on_a_phone(phone, site_url, console):
    page = phone
    page.goto(site_url)
    # tap 1: the home page's link to the overdue actions of the board's action log
    link = page.locator("article").get_by_role("link", name="actions past their due date")
    expect(link).to_be_visible()
    link.tap()
    arrive(page, r"/actions/overdue/")
    # with instant navigation the address changes first and the content follows: wait for it
    expect(page.locator("article.md-content__inner h1").first).to_contain_text("Overdue actions")
    assert h1(page) == "Overdue actions"
    article = page.locator("article.md-content__inner")
    # what overdue means, and the list (empty on this board: no minuted action gives a due date)
    expect(article).to_contain_text("worked out by this site, not recorded by the board")
    expect(article).to_contain_text(re.compile(r"No action is overdue on \w+ \d+ \w+ \d{4}"))
    # tap 2: the strategy's actions past their timescale
    article.get_by_role("link", name=re.compile("actions past their timescale")).tap()
    arrive(page, r"/strategy/[^/]+/actions/overdue/")
    expect(page.locator("article.md-content__inner h1").first).to_contain_text("Actions past their timescale")
    assert h1(page).startswith("Actions past their timescale")
    cards = page.locator("article .hwb-card")
    assert cards.count() > 0
    expect(cards.first.locator(".hwb-flag")).to_have_text("Past timescale")
    assert console.errors == []


def test_the_registers_filter_by_year_and_topic_without_javascript(browser, site_url):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "decisions/")
        assert h1(page) == "Decisions register"
        everything = page.locator("article h2").count()
        filters = page.get_by_role("navigation", name="Filter the decisions")
        filters.get_by_role("link", name=re.compile(r"^Work and health \(\d+\)$")).tap()
        arrive(page, r"/decisions/topic-work-and-health/")
        page.wait_for_load_state()
        assert h1(page) == "Decisions on Work and health"
        shown = page.locator("article h2").count()
        assert 0 < shown < everything
        # the current filter is marked for every reader, not by colour alone
        expect(page.locator("[aria-current='page'].hwb-filter")).to_have_text(f"Work and health ({shown})")
        page.goto(site_url + "actions/")
        page.get_by_role("navigation", name="Filter the actions").get_by_role("link", name="2017 (1)").tap()
        arrive(page, r"/actions/year-2017/")
        expect(page.locator("article .hwb-card")).to_contain_text(
            "That Terri Roche feedback the concerns raised regarding the Randomised Controlled Trial")
    finally:
        context.close()
