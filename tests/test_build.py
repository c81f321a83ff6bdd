"""End-to-end: build sites with MkDocs' own API and read the HTML a visitor gets."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, build


def page_text(path: Path) -> str:
    """Visible text of a page, whitespace folded (tags removed, entities decoded)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


_INLINE = re.compile(r"</?(?:a|span|em|strong|code|small|abbr|b|i|sup|sub)\b[^>]*>")


def main_text(path: Path) -> str:
    """The visible text of a page's article, as a reader would read it (inline tags add no space)."""
    raw = path.read_text(encoding="utf-8")
    m = re.search(r'<article class="md-content__inner md-typeset"[^>]*>(.*?)</article>', raw, re.S)
    inner = _INLINE.sub("", m.group(1))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inner)).split())


@pytest.mark.parametrize("meeting", ["2014-02-11", "2017-09-20"])
def test_every_agenda_item_of_the_real_meetings_is_on_its_page(rotherham_site, meeting):
    data = yaml.safe_load((REPO / f"data/meetings/{meeting}.yml").read_text())
    text = main_text(rotherham_site / "meetings" / meeting / "index.html")

    def walk(items):
        for item in items:
            yield item
            yield from walk(item.get("items", []))

    items = list(walk(data["agenda"]["items"]))
    assert len(items) >= 4
    for item in items:
        assert f"{item['number']}. {' '.join(item['title'].split())}" in text
    for item in items:
        if item.get("pages"):
            assert f"Pages {item['pages']}" in text


def test_agenda_reads_like_the_paper(rotherham_site):
    text = main_text(rotherham_site / "meetings/2017-09-20/index.html")
    assert "Wednesday 20 September 2017" in text and "9am" in text
    assert "Town Hall, Moorgate Street, Rotherham S60 2TH" in text
    assert text.index("For Discussion") < text.index("8. South Yorkshire") < text.index("For Information")
    assert "15A. Rotherham Improved Better Care Fund 2017-19" in text
    assert "Wednesday, 15th November, 2017, at 9.00 a.m., venue to be confirmed." in text
    raw = (rotherham_site / "meetings/2017-09-20/index.html").read_text()
    assert 'id="item-15a"' in raw and 'id="item-6"' in raw
    # the minutes item links to the minutes of 5 July 2017
    assert 'href="../2017-07-05/#minutes"' in raw


def test_meetings_index_is_newest_first(rotherham_site):
    text = main_text(rotherham_site / "meetings/index.html")
    assert text.index("20 September 2017") < text.index("5 July 2017") < text.index("11 February 2014")


def test_home_page_shows_the_next_meeting(rotherham_site):
    text = main_text(rotherham_site / "index.html")
    assert "Next meeting" in text
    assert "Wednesday 20 September 2017" in text
    assert "Better Care Fund (BCF) Plan 2017-19" in text


def test_nav_lists_sections_not_every_meeting(rotherham_site):
    raw = (rotherham_site / "index.html").read_text()
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', raw, re.S).group(0)
    assert "Meetings" in nav
    assert "2017-09-20" not in nav and "papers/bcf-plan-2017-19" not in nav


def test_site_name_comes_from_board_data(fixture_project):
    root = fixture_project("minimal")
    site = build(root)
    assert "Testshire Health and Wellbeing Board" in (site / "index.html").read_text()


def test_bad_data_fails_the_build_and_publishes_nothing(fixture_project):
    root = fixture_project("minimal")
    (root / "data/meetings/2026-03-11.yml").write_text("date: 2026-03-11\nagenda:\n  items:\n    - number: '1'\n"
                                                       "      title: X\n      pages: 14 to 23\n")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert ('data/meetings/2026-03-11.yml:6:7: error: agenda.items[0].pages: expected "N-M" page range, '
            'got "14 to 23"') in run.stderr
    assert not (root / "site").exists()


def test_no_cdn_or_external_asset_in_any_page(rotherham_site):
    for page in rotherham_site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        loads = re.findall(r'<(?:script|img|iframe|source)\b[^>]*\ssrc="((?:https?:)?//[^"]+)"', raw)
        loads += [href for tag in re.findall(r"<link\b[^>]*>", raw)
                  if re.search(r'rel="(?:stylesheet|icon|preload|modulepreload|manifest)"', tag)
                  for href in re.findall(r'href="((?:https?:)?//[^"]+)"', tag)]
        assert loads == [], f"{page.relative_to(rotherham_site)} loads from another site"


def test_pages_say_when_their_data_last_changed(rotherham_site):
    assert "Last updated: 5 July 2017." in main_text(rotherham_site / "meetings/2017-07-05/index.html")
    assert "Last updated: 11 September 2017." in main_text(rotherham_site / "metrics/bcf-reablement/index.html")
    assert "Last updated: 20 September 2017." in main_text(
        rotherham_site / "strategy/action-plan-2017-18/aim-4/index.html")
