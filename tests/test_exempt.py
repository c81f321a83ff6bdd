"""Exempt, draft and embargoed business never reaches any output file, by marker or by structure."""

from __future__ import annotations

import pytest

from conftest import build
from pagefind_index import fragments, readable_bytes

# Every private record in tests/fixtures/exempt carries one of these markers in its text, and the
# slugs of its topics carry the lower-case form.
MARKERS = ("ZZEXEMPT", "ZZDRAFT", "ZZEMBARGO")


@pytest.fixture(scope="module")
def exempt_site(tmp_path_factory):
    from conftest import FIXTURES, copy_project
    return build(copy_project(FIXTURES / "exempt", tmp_path_factory.mktemp("exempt")))


def test_nothing_private_reaches_any_file_of_the_site(exempt_site):
    site = exempt_site
    files = [p for p in site.rglob("*") if p.is_file()]
    assert any(p.suffix == ".pf_fragment" for p in files)   # the search index is there to be read
    assert any(p.name == "sitemap.xml" for p in files)
    leaks = []
    for path in files:
        data = readable_bytes(path)   # Pagefind's index files are gzip: read what a browser reads
        for marker in MARKERS:
            for form in (marker, marker.lower()):
                if form.encode() in data:
                    leaks.append(f"{path.relative_to(site)}: {form}")
    assert leaks == []


def test_the_marker_search_reads_inside_the_compressed_search_index(exempt_site):
    """The grep above would catch a marker in Pagefind's index: a public page's words are found in
    the decompressed files, and not in their raw bytes."""
    words = "That the refresh be noted."
    raw = b"".join(p.read_bytes() for p in (exempt_site / "pagefind").rglob("*.pf_*"))
    readable = b"".join(readable_bytes(p) for p in (exempt_site / "pagefind").rglob("*.pf_*"))
    assert words.encode() not in raw
    assert words.encode() in readable
    assert any(words in f["content"] and f["url"] == "/meetings/2026-01-14/" for f in fragments(exempt_site))


def test_exempt_item_shows_its_title_and_the_reason_in_plain_words(exempt_site):
    site = exempt_site
    page = (site / "meetings/2026-01-14/index.html").read_text()
    assert "Care home contract award" in page
    assert "paragraph 3 of Schedule 12A to the Local Government Act 1972" in page
    assert "financial or business affairs of any particular person" in page
    # the public business of the same meeting is published as usual
    assert "That the refresh be noted." in page
    assert (site / "papers/public-report/index.html").exists()
    assert (site / "downloads/tables/public-report--figures.csv").exists()
    assert not (site / "papers/exempt-report").exists()


def test_what_sits_under_or_is_attached_to_exempt_business_has_no_page(exempt_site):
    site = exempt_site
    for paper in ("exempt-listed-only", "exempt-sub-paper", "exempt-appendix", "exempt-appendix-appendix",
                  "draft-agenda-paper"):
        assert not (site / "papers" / paper).exists(), paper
    for slug in ("zzexempt-topic", "zzexempt-subtopic", "zzexempt-papertopic", "zzdraft-topic"):
        assert not (site / "topics" / slug).exists(), slug
    # named only by private business: no person page, and not in the people index
    assert not (site / "people/zed-hidden").exists()
    assert "Zed Hidden" not in (site / "people/index.html").read_text()
    # named by public business too (attendance, a public paper's item): still published
    assert (site / "people/ann-chair/index.html").exists()


def test_a_draft_agenda_publishes_only_the_meetings_date_and_place(exempt_site):
    page = (exempt_site / "meetings/2026-03-11/index.html").read_text()
    assert "11 March 2026" in page
    assert "Town Hall" in page
    assert 'id="item-1"' not in page


def test_a_file_in_content_that_is_not_markdown_stops_check_and_build(fixture_project):
    """A file dropped beside the pages would be copied to the site as it is: an exempt report's PDF,
    or an HTML page whose script runs on the site's origin (and which Pagefind would index)."""
    import subprocess
    import sys

    from hwbsite.project import load_project

    root = fixture_project("exempt")
    (root / "content/papers/exempt-report.pdf").write_bytes(b"%PDF-1.4 ZZEXEMPT secret")
    (root / "content/evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (root / "content/.gitkeep").write_text("", encoding="utf-8")   # not published by MkDocs: no concern
    (root / "content/logo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(8))  # a raster image a page may show
    (root / "content/logo.svg").write_text("<svg onload='alert(1)'/>", encoding="utf-8")
    _project, log = load_project(root)
    located = sorted(f"{p.file}:{p.line}" for p in log.errors)
    assert located == ["content/evil.html:1", "content/logo.svg:1", "content/papers/exempt-report.pdf:1"]
    assert all("only Markdown pages and raster images (.gif, .jpeg, .jpg, .png, .webp) are published from content/"
               in p.message for p in log.errors)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
                           capture_output=True, text=True)
    assert build.returncode != 0 and "content/evil.html:1:1" in build.stderr
    assert not (root / "site").exists()


def test_a_dirty_build_is_refused_so_no_page_made_private_since_lingers(fixture_project):
    import subprocess
    import sys

    root = fixture_project("exempt")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(root / "mkdocs.yml")],
                           capture_output=True, text=True)
    assert build.returncode != 0
    assert "'mkdocs build --dirty' can keep pages that are no longer public" in build.stderr


def test_a_hand_written_page_cannot_show_an_exempt_papers_table(fixture_project):
    """The exempt paper's own table (exempt-report--bids.csv) shown by a hand-written page was
    published whole (the page, the CSV download, the JSON), and check, build and verify all passed."""
    from hwbsite.project import load_project
    from hwbsite.publication import public_view

    root = fixture_project("exempt")
    (root / "content/about.md").write_text("# About\n\n```table\nfile: exempt-report--bids.csv\n```\n"
                                           "\n```table\nfile: public-report--figures.csv\n```\n", encoding="utf-8")
    project, log = load_project(root)
    assert [f"{p.file}:{p.line}: {p.message}" for p in log.errors] == [
        "content/about.md:3: exempt-report--bids.csv is the table of paper 'exempt-report', which is not public "
        "(exempt, confidential, draft or embargoed): it cannot be shown on a page"]
    view = public_view(project, project.today)
    assert "exempt-report--bids.csv" not in view.tables
    assert "public-report--figures.csv" in view.tables
