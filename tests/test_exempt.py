"""Exempt, draft and embargoed business never reaches any output file."""

from __future__ import annotations

from conftest import build

MARKERS = ("ZZEXEMPT", "ZZDRAFT", "ZZEMBARGO")


def test_nothing_private_reaches_any_file_of_the_site(fixture_project):
    site = build(fixture_project("exempt"))
    files = [p for p in site.rglob("*") if p.is_file()]
    assert any(p.name == "search_index.json" for p in files)
    assert any(p.name == "sitemap.xml" for p in files)
    leaks = []
    for path in files:
        data = path.read_bytes()
        for marker in MARKERS:
            if marker.encode() in data:
                leaks.append(f"{path.relative_to(site)}: {marker}")
    assert leaks == []


def test_exempt_item_shows_its_title_and_the_reason_in_plain_words(fixture_project):
    site = build(fixture_project("exempt"))
    page = (site / "meetings/2026-01-14/index.html").read_text()
    assert "Care home contract award" in page
    assert "paragraph 3 of Schedule 12A to the Local Government Act 1972" in page
    assert "financial or business affairs of any particular person" in page
    # the public business of the same meeting is published as usual
    assert "That the refresh be noted." in page
    assert (site / "papers/public-report/index.html").exists()
    assert (site / "downloads/tables/public-report--figures.csv").exists()
    assert not (site / "papers/exempt-report").exists()
