"""The exports in a built site: files where the links say, and on every page a way to subscribe."""

from __future__ import annotations

import re

import pytest

from conftest import build

pytestmark = pytest.mark.slow


def test_the_built_site_has_the_calendar_feeds_whats_new_and_data(rotherham_site):
    for path in ("calendar.ics", "meetings/2017-09-20.ics", "feed.xml", "whats-new/index.html",
                 "data/index.html", "data/datapackage.json", "data/meetings.csv", "data/meetings.json",
                 "oparl/system.json", "oparl/body/board.json", "oparl/meetings.json",
                 "oparl/meeting/2017-09-20.json"):
        assert (rotherham_site / path).is_file(), path


def test_every_page_links_the_calendar_and_the_feed_in_its_head_and_body(rotherham_site):
    pages = sorted(rotherham_site.rglob("*.html"))
    assert len(pages) > 50
    missing = []
    for page in pages:
        if page.name == "404.html":
            continue
        html = page.read_text()
        head = html.split("</head>", 1)[0]
        for pattern in (r'<link rel="alternate" type="application/atom\+xml"[^>]*href="[./]*feed\.xml"',
                        r'<link rel="alternate" type="text/calendar"[^>]*href="[./]*calendar\.ics"'):
            if not re.search(pattern, head):
                missing.append(f"{page.relative_to(rotherham_site)}: head {pattern[:40]}")
        body = html.split("</head>", 1)[1]
        for target in ("calendar.ics", "feed.xml", "whats-new/", "data/"):
            if page.parent.name == target.rstrip("/"):
                continue   # a page's link to itself is "./"
            if not re.search(rf'<nav class="hwb-subscribe".*href="[./]*{re.escape(target)}"', body, re.S):
                missing.append(f"{page.relative_to(rotherham_site)}: body link {target}")
    assert missing == []


def test_an_awkward_board_builds_strictly_with_every_export(fixture_project):
    site = build(fixture_project("exports-edge"), build_date="2026-07-01")
    for path in ("calendar.ics", "meetings/2026-06-10.ics", "feed.xml", "feeds/topics/care.xml",
                 "whats-new/index.html"):
        assert (site / path).is_file(), path
    assert "An annual letter to no meeting" in (site / "whats-new/index.html").read_text()


def test_a_meeting_page_offers_its_own_calendar_file(rotherham_site):
    html = (rotherham_site / "meetings/2017-09-20/index.html").read_text()
    assert re.search(r'<a href="\.\./2017-09-20\.ics">Add to your calendar</a> \(iCalendar\)', html)
    assert (rotherham_site / "meetings/2017-09-20.ics").is_file()
