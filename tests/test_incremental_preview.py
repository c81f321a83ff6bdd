"""The officer's preview rebuilds incrementally: after a save, MkDocs renders again only the pages
whose generated Markdown changed (`make serve` runs `mkdocs serve --dirty`), the change shows on
its page, and parsed files are reused only while their text is the same.

These run MkDocs' own build as `mkdocs serve --dirty` runs it after each save (one plugin instance
kept between rebuilds), in this process; tests/test_serve.py runs the real server."""

from __future__ import annotations

import os

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from hwbsite import parsecache
from hwbsite.output import build_output
from hwbsite.project import load_project
from hwbsite.publication import public_view

SERVE_URL = "http://127.0.0.1:8000/"
MEETING = "data/meetings/2026-01-14.yml"


class Preview:
    """`mkdocs serve --dirty` without the server: each rebuild() is what a save triggers."""

    def __init__(self, root):
        self.root, self.site = root, root / "served"
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=True)
        self.plugin = config.plugins["hwbsite"]

    def _config(self):
        # strict, as the real site's mkdocs.yml is: MkDocs' dirty-build warning must not stop it
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site), strict=True)
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> set[str]:
        mkdocs_build(self._config(), serve_url=SERVE_URL, dirty=True)
        return set(self.plugin.rendered)

    def html(self, page: str) -> str:
        return (self.site / page / "index.html").read_text(encoding="utf-8")

    def close(self):
        # MkDocs keeps plugin instances for the whole process: leave them as a build expects them
        config = self._config()
        config.plugins.on_startup(command="build", dirty=False)


@pytest.fixture
def preview(fixture_project):
    p = Preview(fixture_project("minimal"))
    try:
        yield p
    finally:
        p.close()


def _pages(root) -> dict[str, str]:
    """The pages as the preview renders them: as of the fixture's build_date (its mkdocs.yml)."""
    from hwbsite.checkrun import configured_build_date
    today = configured_build_date(root)
    assert today is not None
    project, log = load_project(root, today=today)
    assert log.errors == []
    return {i.path: i.text for i in build_output(public_view(project, today), exports=False) if i.is_page}


def test_a_save_renders_again_only_the_pages_that_file_feeds_and_the_change_shows(preview):
    root = preview.root
    before = _pages(root)
    assert preview.rebuild() == set(before)  # the first build renders every page
    untouched = preview.site / "accessibility/index.html"
    written = untouched.stat().st_mtime_ns

    meeting = root / MEETING
    meeting.write_text(meeting.read_text().replace("Joint strategy refresh", "Refreshed joint strategy"))
    rendered = preview.rebuild()

    after = _pages(root)
    fed = {path for path in after if after[path] != before.get(path)}
    assert rendered == fed  # exactly the pages whose Markdown changed, no more
    assert "meetings/2026-01-14.md" in rendered
    assert {"accessibility.md", "papers/index.md", "people/index.md"}.isdisjoint(rendered)
    assert len(rendered) < len(after)
    assert "Refreshed joint strategy" in preview.html("meetings/2026-01-14")
    assert "Joint strategy refresh" not in preview.html("meetings/2026-01-14")
    assert untouched.stat().st_mtime_ns == written  # its HTML from the last build is kept


def test_a_save_that_changes_nothing_renders_nothing(preview):
    preview.rebuild()
    meeting = preview.root / MEETING
    meeting.write_text(meeting.read_text())
    assert preview.rebuild() == set()


def test_a_half_written_file_shows_its_place_on_the_page_then_the_preview_recovers(preview):
    preview.rebuild()
    meeting = preview.root / MEETING
    good = meeting.read_text()
    meeting.write_text(good[: good.index('Bob Officer"]') + 3])  # the editor saved mid-line
    rendered = preview.rebuild()
    assert "meetings/2026-01-14.md" in rendered and "accessibility.md" in rendered  # every page shows it
    page = preview.html("meetings/2026-01-14")
    assert "data/meetings/2026-01-14.yml:13:16" in page
    assert "this quoted text is never closed" in page
    assert "data/meetings/2026-01-14.yml:13:16" in preview.html("accessibility")

    meeting.write_text(good.replace("Joint strategy refresh", "Strategy refresh, saved whole"))
    rendered = preview.rebuild()
    assert "accessibility.md" in rendered  # every error page is replaced, not only the meeting's
    assert "Strategy refresh, saved whole" in preview.html("meetings/2026-01-14")
    assert "cannot be built" not in preview.html("accessibility")


def test_a_deleted_meeting_leaves_no_page_behind(preview):
    meeting = preview.root / "data/meetings/2026-03-11.yml"
    meeting.write_text((preview.root / MEETING).read_text().replace("2026-01-14", "2026-03-11")
                       .replace("status: held", "status: scheduled").split("minutes:")[0])
    preview.rebuild()
    assert (preview.site / "meetings/2026-03-11/index.html").is_file()
    meeting.unlink()
    preview.rebuild()
    assert not (preview.site / "meetings/2026-03-11/index.html").exists()


def test_a_file_changed_without_a_new_modification_time_is_read_again(fixture_project):
    # Parsed files are reused by their text, not their time: an editor or `git checkout` that
    # keeps the time must still show the change.
    root = fixture_project("minimal")
    meeting = root / MEETING
    load_project(root)
    stamp = meeting.stat()
    meeting.write_text(meeting.read_text().replace("County Hall", "Town Hall"))
    os.utime(meeting, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    parsecache.clear()
    load_project(root)  # fills the cache
    files = parsecache.stats()["parsed"]
    meeting.write_text(meeting.read_text().replace("Town Hall", "Riverside House"))
    os.utime(meeting, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    before = parsecache.stats()
    project, log = load_project(root)
    after = parsecache.stats()
    assert log.errors == []
    assert project.meetings[0].venue == "Riverside House"
    assert after["parsed"] - before["parsed"] == 1  # only the changed file was parsed again
    assert after["reused"] - before["reused"] == files - 1  # the others came from the cache
    assert files >= 2


def test_a_change_to_mkdocs_yml_renders_every_page_again(preview):
    # e.g. a Markdown extension turned on changes every page's HTML but no page's Markdown
    pages = preview.rebuild()
    settings = preview.root / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("      permalink: true", "      permalink: true\n      toc_depth: 2"))
    assert preview.rebuild() == pages


# Each kind of input a board keeps, saved in the preview: exactly the pages whose Markdown that
# file feeds are rendered again, and the change shows on them. (file, text before, text after,
# the text a fed page then shows, a page that must be rendered again with it). The second board
# has meetings, papers, metrics, a plan and people.
KINDS = {
    "meeting": ("data/meetings/2026-10-21.yml", '"Declarations of interest"', '"Declarations of interests made"',
                "Declarations of interests made", "meetings/2026-10-21.md"),
    "paper": ("content/papers/ageing-well-minutes-2026-09-30.md", "## Present", "## Members present",
              "Members present", "papers/ageing-well-minutes-2026-09-30.md"),
    "metric values": ("data/metrics/values/harrowdale.csv", "early-help-wait,August 2026,actual,19,",
                      "early-help-wait,August 2026,actual,23,", "23", None),
    "strategy": ("data/strategy/wellbeing-plan.yml", "Open two more family hubs", "Open three more family hubs",
                 "Open three more family hubs", None),
    "people": ("data/people.yml", "title: Director of Public Health", "title: Director of Public Health and Wellbeing",
               "Director of Public Health and Wellbeing", "people/tomasz-lindqvist.md"),
}


@pytest.fixture
def second_board(fixture_project):
    p = Preview(fixture_project("second-board"))
    try:
        yield p
    finally:
        p.close()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.slow   # renders the second board's whole preview twice or more
def test_a_save_of_each_kind_of_input_renders_exactly_the_pages_it_feeds(second_board, kind):
    path, old, new, changed, shown_on = KINDS[kind]
    root = second_board.root
    second_board.rebuild()
    before = _pages(root)
    source = root / path
    assert source.read_text().count(old) == 1
    source.write_text(source.read_text().replace(old, new))
    rendered = second_board.rebuild()
    after = _pages(root)
    fed = {page for page in after if after[page] != before.get(page)}
    assert fed, f"saving {path} changed no page"
    assert rendered == fed
    assert len(rendered) < len(after) / 2   # a handful, not the site
    assert any(after[page].count(changed) > before.get(page, "").count(changed) for page in fed)
    if shown_on:
        assert shown_on in rendered
        assert changed in second_board.html(shown_on.removesuffix(".md"))


@pytest.mark.slow   # renders the second board's whole preview twice or more
def test_a_save_of_the_boards_settings_renders_every_page(second_board):
    # the board's name is in every page's header: the frame changed, nothing is kept
    pages = second_board.rebuild()
    board = second_board.root / "data/board.yml"
    board.write_text(board.read_text().replace("name: Harrowdale Health and Wellbeing Board",
                                               "name: Harrowdale Health and Wellbeing Partnership"))
    assert second_board.rebuild() == pages
    assert "Harrowdale Health and Wellbeing Partnership" in second_board.html("meetings/2026-10-21")


@pytest.mark.slow   # renders the second board's whole preview twice or more
def test_a_paper_made_private_in_the_preview_leaves_nothing_it_fed(second_board):
    paper_id = "ageing-well-minutes-2026-09-30"
    second_board.rebuild()
    assert (second_board.site / f"papers/{paper_id}/index.html").is_file()
    paper = second_board.root / f"content/papers/{paper_id}.md"
    paper.write_text(paper.read_text().replace('item: "4"\n', 'item: "4"\nembargoed_until: 2099-01-01\n', 1))
    second_board.rebuild()
    assert not (second_board.site / f"papers/{paper_id}/index.html").exists()
    for page in second_board.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Minutes of the Ageing Well Group, 2026-09-30" not in text, page
        assert f"{paper_id}/" not in text, page


# Exports (feeds, calendars, open data, OParl) are rebuilt from the whole archive: the preview
# builds none unless asked (HWBSITE_PREVIEW_EXPORTS=1), a build always does.
def test_the_preview_builds_no_exports_unless_asked_and_says_so(second_board, monkeypatch):
    monkeypatch.delenv("HWBSITE_PREVIEW_EXPORTS", raising=False)
    second_board.rebuild()   # strict: links from pages to the skipped downloads do not stop it
    site = second_board.site
    assert not (site / "feed.xml").exists()
    assert not (site / "oparl").exists()
    assert not list((site / "meetings").glob("*.ics"))
    assert "HWBSITE_PREVIEW_EXPORTS=1 make serve" in second_board.html("data")
    assert "HWBSITE_PREVIEW_EXPORTS=1 make serve" in second_board.html("whats-new")


def test_every_export_path_is_known_as_one_and_no_other_output_is(second_board):
    from hwbsite.exports import is_export_path
    from hwbsite.checkrun import configured_build_date
    root = second_board.root
    today = configured_build_date(root)
    project, _log = load_project(root, today=today)
    full = {i.path for i in build_output(public_view(project, today), "https://example.org/")}
    preview = {i.path for i in build_output(public_view(project, today), "https://example.org/", exports=False)}
    exported = full - preview
    assert exported and all(is_export_path(p) for p in exported)
    assert not [p for p in preview if is_export_path(p) and p not in ("data/index.md", "whats-new.md")]


def test_a_broken_link_still_stops_a_preview_without_exports(second_board, monkeypatch):
    monkeypatch.delenv("HWBSITE_PREVIEW_EXPORTS", raising=False)
    from mkdocs.exceptions import Abort
    page = second_board.root / "content/papers/ageing-well-minutes-2026-09-30.md"
    page.write_text(page.read_text() + "\n[The old plan](../no-such-plan.csv)\n")
    with pytest.raises(Abort):
        second_board.rebuild()


def test_asked_for_the_preview_builds_exports_and_a_paper_made_private_leaves_none_of_them(second_board, monkeypatch):
    monkeypatch.setenv("HWBSITE_PREVIEW_EXPORTS", "1")
    second_board.plugin.on_startup(command="serve", dirty=True)
    paper_id = "ageing-well-minutes-2026-09-30"
    second_board.rebuild()
    site = second_board.site
    assert (site / "feed.xml").is_file() and (site / "oparl").is_dir()
    assert paper_id in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.json") if "oparl" in p.parts)
    paper = second_board.root / f"content/papers/{paper_id}.md"
    paper.write_text(paper.read_text().replace('item: "4"\n', 'item: "4"\nembargoed_until: 2099-01-01\n', 1))
    second_board.rebuild()
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".xml", ".ics", ".csv"):
            text = file.read_text(encoding="utf-8")
            assert "Minutes of the Ageing Well Group, 2026-09-30" not in text, file
            assert paper_id not in text, file


def _clear_memos():
    from hwbsite import htmlsafety, markup, perfile
    parsecache.clear()
    perfile.clear()
    markup._escaped.cache_clear()
    htmlsafety.field_markdown.cache_clear()


def test_after_saves_of_every_kind_the_preview_is_byte_identical_to_a_cold_one(fixture_project, tmp_path):
    # Everything a save reuses (parses, per-file rules, escaped text, unchanged pages' HTML) gives
    # exactly what a preview started afresh on the final files gives, page for page.
    root = fixture_project("second-board")
    warm = Preview(root)
    try:
        warm.rebuild()
        for path, old, new, _changed, _page in KINDS.values():
            source = root / path
            source.write_text(source.read_text().replace(old, new))
            warm.rebuild()
        paper = root / "content/papers/ageing-well-minutes-2026-09-30.md"   # and one made private
        paper.write_text(paper.read_text().replace('item: "4"\n', 'item: "4"\nembargoed_until: 2099-01-01\n', 1))
        warm.rebuild()
    finally:
        warm.close()
    _clear_memos()
    cold_root = tmp_path / "cold"
    import shutil
    shutil.copytree(root, cold_root, ignore=shutil.ignore_patterns("served", ".hwbsite-cache"))
    cold = Preview(cold_root)
    try:
        cold.rebuild()
    finally:
        cold.close()

    def files(site):
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
                if p.is_file() and p.suffix in (".html", ".csv", ".json", ".xml")}
    warm_files, cold_files = files(warm.site), files(cold.site)
    assert set(warm_files) == set(cold_files)
    assert [p for p in warm_files if warm_files[p] != cold_files[p]] == []


def _site_text(site) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*"))
                     if p.is_file() and p.suffix in (".html", ".json", ".xml", ".ics", ".csv", ".txt"))


@pytest.fixture
def exempt_preview(fixture_project, monkeypatch):
    # exports asked for: the feeds, calendars, open data and OParl are outputs a record feeds too
    monkeypatch.setenv("HWBSITE_PREVIEW_EXPORTS", "1")
    p = Preview(fixture_project("exempt"))
    try:
        yield p
    finally:
        p.close()


def test_an_appendix_moved_under_an_exempt_item_leaves_nothing_it_fed(exempt_preview):
    root, site = exempt_preview.root, exempt_preview.site
    (root / "content/papers/zzmoved-appendix.md").write_text(
        "---\nid: zzmoved-appendix\ntitle: ZZMOVED-APPENDIX title\ntype: appendix\nappendix_of: public-report\n---\n\n"
        "ZZMOVED-APPENDIX-BODY\n")
    exempt_preview.rebuild()
    assert "ZZMOVED-APPENDIX" in exempt_preview.html("papers/zzmoved-appendix")
    assert "ZZMOVED-APPENDIX" in (site / "feed.xml").read_text() + _site_text(site / "oparl")
    # its parent paper moves from the public item 2 to the exempt item 3
    meeting = root / "data/meetings/2026-01-14.yml"
    text = meeting.read_text()
    text = text.replace("      papers: [public-report]\n", "", 1)
    text = text.replace("papers: [exempt-report, exempt-listed-only]", "papers: [exempt-report, exempt-listed-only, public-report]")
    meeting.write_text(text)
    report = root / "content/papers/public-report.md"
    report.write_text(report.read_text().replace('item: "2"', 'item: "3"'))
    exempt_preview.rebuild()
    assert not (site / "papers/zzmoved-appendix/index.html").exists(), exempt_preview.html("papers/zzmoved-appendix")[-3000:]
    everything = _site_text(site)
    assert "ZZMOVED-APPENDIX" not in everything
    assert "zzmoved-appendix" not in everything


def test_an_embargo_set_in_a_save_and_lapsing_with_the_build_date(exempt_preview):
    root, site = exempt_preview.root, exempt_preview.site
    exempt_preview.rebuild()
    assert "Joint strategy refresh" in exempt_preview.html("papers/public-report")
    report = root / "content/papers/public-report.md"
    report.write_text(report.read_text().replace("title: Joint strategy refresh",
                                                 "title: ZZLAPSE Joint strategy refresh\nembargoed_until: 2026-03-01"))
    exempt_preview.rebuild()   # the build date (2026-02-01) is before the embargo ends
    assert not (site / "papers/public-report/index.html").exists()
    assert "ZZLAPSE" not in _site_text(site)
    settings = root / "mkdocs.yml"
    settings.write_text(settings.read_text().replace('build_date: "2026-02-01"', 'build_date: "2026-03-02"'))
    exempt_preview.rebuild()   # the embargo has lapsed on the new build date: published, everywhere
    assert "ZZLAPSE" in exempt_preview.html("papers/public-report")
    assert "ZZLAPSE" in (site / "feed.xml").read_text() + _site_text(site / "oparl")
