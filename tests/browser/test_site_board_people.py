"""From the home page on a phone, in at most two taps (issue 27): the next meeting and how to
attend it, and who sits on the board. Then the meeting page's agenda headings: one look per
agenda level. Walks the real site (the session's served build)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .tools import arrive

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_one_tap_from_home_to_the_meeting_and_how_to_take_part(phone, site_url, console):
    phone.goto(site_url)
    panel = phone.locator("article h2#next-meeting")
    expect(panel).to_be_visible()
    meeting_title = " ".join(phone.locator("article h2#next-meeting ~ p a[href*='meetings/']").first.inner_text().split())
    take_part = phone.locator("article a[href*='#taking-part']").first
    # a resident taps a page that has finished loading (Material's instant navigation attached)
    phone.wait_for_load_state("networkidle")
    take_part.click()                                                         # tap 1
    # (Material's navigation.tracking then rewrites the hash to the section in view: match the page)
    phone.wait_for_url(re.compile(r"/meetings/\d{4}-\d{2}-\d{2}/"))
    expect(phone.locator("article h1").first).to_contain_text(meeting_title)
    section = phone.locator("article h2#taking-part")
    expect(section).to_be_in_viewport()
    # what follows the heading says how to take part, or that the site has not been told: never empty
    expect(phone.locator("article h2#taking-part + p")).to_contain_text(re.compile(r"\w"))
    assert console.errors == []


def test_one_tap_from_home_to_who_sits_on_the_board(phone, site_url, console):
    phone.goto(site_url)
    phone.locator("article").get_by_role("link", name="Who sits on the board").first.click()   # tap 1
    arrive(phone, r"/people/members/")
    expect(phone.locator("article h1").first).to_contain_text("Board members")
    chair = phone.locator("article h2#chair + ul li").first
    expect(chair).to_contain_text(re.compile(r"Attended \d+ of \d+ meetings? since "))
    chair.get_by_role("link").first.click()                                   # tap 2: the chair's own page
    arrive(phone, r"/people/[a-z0-9-]+/")
    expect(phone.locator("article h2#attendance")).to_be_visible()
    assert console.errors == []


LOOK = """(id) => { const s = getComputedStyle(document.getElementById(id));
    return {size: s.fontSize, weight: s.fontWeight, transform: s.textTransform, colour: s.color}; }"""


def test_agenda_headings_look_the_same_per_level(phone, site_url):
    phone.goto(site_url + "meetings/2017-09-20/")
    procedural, substantive, sub = (phone.evaluate(LOOK, i) for i in ("item-3", "item-8", "item-15a"))
    assert phone.evaluate("() => document.getElementById('item-3').tagName") == "H3"     # no section above it
    assert phone.evaluate("() => document.getElementById('item-8').tagName") == "H4"     # under "For Discussion"
    assert procedural == substantive        # a standing item is no bigger than a substantive one
    assert sub["transform"] == "none" and sub["colour"] == substantive["colour"]
    assert 0.85 <= float(sub["size"].removesuffix("px")) / float(substantive["size"].removesuffix("px")) < 1
