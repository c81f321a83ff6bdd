"""Issue 27's walk to the money, on a phone: how much went to the biggest Better Care Fund scheme is
at most two taps from the home page, and the figure read there is the one the papers print.

The real site (served_site) is built on tools.BUILD_DATE.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .tools import arrive

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_biggest_bcf_scheme_is_two_taps_from_the_home_page_on_a_phone(phone, site_url, console):
    page = phone
    page.goto(site_url)
    # tap 1: the home page's link to the money pages
    page.locator("article").get_by_role("link", name="Money", exact=True).tap()
    arrive(page, r"/money/")
    heading = page.locator("article.md-content__inner h1").first
    expect(heading).to_contain_text("Money")
    # tap 2: the current Better Care Fund programme
    page.locator("article").get_by_role("link", name=re.compile(r"^Better Care Fund and improved Better Care Fund 2017-19$")).tap()
    arrive(page, r"/money/bcf-2017-19/")
    expect(heading).to_contain_text("Better Care Fund and improved Better Care Fund 2017-19")
    article = page.locator("article.md-content__inner")
    # the sentence under the spend-by-scheme chart names the largest scheme and its amount ...
    expect(article).to_contain_text("In 2018/19 the largest is 22. Intermediate Care Pooled Budget at £2,973,620")
    # ... and the table under it, largest first without any script having sorted it, agrees; it is
    # open (not folded away) and its first row is on the phone's screen once scrolled to
    table = article.locator("table", has_text="Intermediate Care Pooled Budget").first
    first = table.locator("tbody tr").first
    first.scroll_into_view_if_needed()
    expect(first).to_be_visible()
    expect(first).to_contain_text("22. Intermediate Care Pooled Budget")
    expect(first).to_contain_text("£2,973,620")
    # the amount is readable within the phone's width: its cell is not cut off behind a scroll
    box = first.locator("td").last.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390 + 1
    assert console.errors == []
