"""Atom feeds and the What's new page: newest first, stable ids, dates from the data."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from exports_support import FIXTURES, PRIVATE_MARKERS, REPO, as_bytes, exports, load
from hwbsite.exports import feeds

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(item):
    root = ET.fromstring(item.text)
    assert root.tag == f"{ATOM}feed"
    return root


def entry_list(root):
    return [{"id": e.findtext(f"{ATOM}id"), "title": e.findtext(f"{ATOM}title"),
             "updated": e.findtext(f"{ATOM}updated"), "link": e.find(f"{ATOM}link").get("href"),
             "topics": [c.get("term") for c in e.findall(f"{ATOM}category")]}
            for e in root.findall(f"{ATOM}entry")]


def edge(today=dt.date(2026, 7, 1)):
    return exports(FIXTURES / "exports-edge", today)


def test_the_main_feed_lists_agendas_papers_minutes_and_decisions_newest_first():
    root = parse(edge()["feed.xml"])
    found = entry_list(root)
    assert [e["title"] for e in found] == [
        "Minutes: Edgeshire Health; and Wellbeing, Board, Wednesday 8 April 2026",   # approved 10 June
        "Paper: An annual letter to no meeting",                                    # a paper with no meeting
        "Decision, 8 April 2026: Care and support",
        "Agenda: Edgeshire Health; and Wellbeing, Board, Wednesday 8 April 2026",   # published 30 March
        "Paper: Care and support: the 2026 plan",
        "Agenda: Edgeshire Health; and Wellbeing, Board, Wednesday 11 March 2026",
    ]
    assert [e["updated"][:10] for e in found] == ["2026-06-10", "2026-05-02", "2026-04-08", "2026-03-30",
                                                 "2026-03-30", "2026-03-01"]
    assert root.findtext(f"{ATOM}updated").startswith("2026-06-10")
    assert len({e["id"] for e in found}) == len(found)
    assert found[2]["link"] == "https://board.example.org/hwb/meetings/2026-04-08/#minute-1-r1"


def test_feeds_do_not_change_with_the_build_date():
    """Dates come from the data: building on another day gives the same bytes."""
    early, late = edge(dt.date(2026, 7, 1)), edge(dt.date(2031, 1, 1))
    for path in ("feed.xml", "feeds/topics/care.xml"):
        assert as_bytes(early[path]) == as_bytes(late[path])


def test_a_topic_feed_has_only_that_topics_entries():
    found = entry_list(parse(edge()["feeds/topics/care.xml"]))
    assert len(found) == 4
    assert all("care" in e["topics"] for e in found)
    assert "Paper: An annual letter to no meeting" not in [e["title"] for e in found]


def test_whats_new_covers_the_90_days_before_the_build_date():
    page = edge(dt.date(2026, 7, 1))["whats-new.md"]
    assert "## 10 June 2026" in page.text and "## 8 April 2026" in page.text
    assert "30 March 2026" not in page.text      # 93 days before
    assert page.updated == dt.date(2026, 6, 10)
    later = edge(dt.date(2026, 12, 1))["whats-new.md"]
    assert "Nothing new was published in this period" in later.text
    assert later.updated is None


def test_the_real_feed_parses_and_every_public_paper_with_a_date_is_in_it():
    out = exports(REPO, dt.date(2017, 9, 20))
    view, _ = load(REPO, dt.date(2017, 9, 20))
    ids = {e["id"] for e in entry_list(parse(out["feed.xml"]))}
    dated = [p for p in view.papers.values() if p.date or p.meeting or p.updated]
    assert dated
    assert {f"https://board.example.org/hwb/#paper/{p.id}" for p in dated} <= ids
    for topic in view.topics:
        parse(out[f"feeds/topics/{topic.slug}.xml"])


def test_no_private_business_reaches_a_feed_or_the_whats_new_page():
    out = exports(FIXTURES / "exempt", dt.date(2026, 2, 1))
    for path in ("feed.xml", "whats-new.md"):
        data = as_bytes(out[path])
        assert [m for m in PRIVATE_MARKERS if m.encode() in data] == []
    titles = [e["title"] for e in entry_list(parse(out["feed.xml"]))]
    assert "Paper: Joint strategy refresh" in titles
    assert not any("Contract award report" in t for t in titles)


def test_entry_kinds_cover_every_kind_of_publication():
    view, _ = load(FIXTURES / "exports-edge", dt.date(2026, 7, 1))
    assert {e.kind for e in feeds.entries(view)} == {"Agenda", "Paper", "Minutes", "Decision"}
