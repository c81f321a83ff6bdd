"""The persistent build cache (.hwbsite-cache/, hwbsite/buildcache.py) never changes what a build
publishes: a warm build is byte-identical to a cold one, also after a privacy change, and a
corrupt entry or a cache written by other code is ignored and worked out again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import FIXTURES, copy_project
from hwbsite import buildcache

# Each test builds a site with MkDocs two or three times (cold, warm, edited): `make test` runs them.
pytestmark = pytest.mark.slow

DATE = "2026-02-01"   # the exempt fixture's own build date: nothing in its data is in the future


def _build(root: Path, build_date: str = DATE) -> dict:
    """Build ``root`` strictly as `make site` does; the plugin's cache counters."""
    config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site"))
    plugin = config.plugins["hwbsite"]
    plugin.config.build_date = build_date
    mkdocs_build(config)
    return dict(plugin.cache.stats)


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _cold(tmp_path: Path, edit=None, build_date: str = DATE) -> dict[str, bytes]:
    """The site a build with no cache makes of the exempt fixture after ``edit``."""
    root = copy_project(FIXTURES / "exempt", tmp_path / "cold")
    if edit:
        edit(root)
    stats = _build(root, build_date)
    assert stats["hits"] == 0
    return _tree(root / "site")


@pytest.fixture
def warm(tmp_path) -> Path:
    """The exempt fixture, built once: its .hwbsite-cache/ holds that build's results."""
    root = copy_project(FIXTURES / "exempt", tmp_path / "warm")
    _build(root)
    assert any((root / buildcache.DEFAULT_DIR).rglob("*"))
    return root


def _entries(root: Path) -> list[Path]:
    return [p for p in (root / buildcache.DEFAULT_DIR).rglob("*") if p.is_file()]


def test_a_warm_build_reuses_the_cache_and_publishes_the_same_bytes(warm, tmp_path):
    stats = _build(warm)
    assert stats["misses"] == 0 and stats["hits"] > 0   # every page's passes came from the cache
    assert _tree(warm / "site") == _cold(tmp_path)


def test_corrupt_entries_are_rejected_and_the_site_is_byte_identical(warm, tmp_path):
    entries = _entries(warm)
    for n, path in enumerate(entries):
        data = path.read_bytes()
        # every kind of damage: truncated, one payload byte changed, emptied, replaced by text
        damaged = [data[: len(data) // 2], data[:-1] + bytes([data[-1] ^ 1]), b"",
                   b"hwbsite-cache 1 0000\n<p>not this</p>"][n % 4]
        path.write_bytes(damaged)
    stats = _build(warm)
    assert stats["rejected"] == len(entries) and stats["hits"] == 0
    assert _tree(warm / "site") == _cold(tmp_path)
    # each rejected entry was worked out again and stored whole: the next build reads them all
    assert _build(warm)["hits"] == len(entries)


def test_a_cache_written_by_other_code_is_ignored_and_removed(warm, tmp_path):
    cache = warm / buildcache.DEFAULT_DIR
    (here,) = [d for d in cache.iterdir()]
    other = cache / ("0" * 32)
    here.rename(other)   # what an older hwbsite (or other libraries) left behind
    stats = _build(warm)
    assert stats["hits"] == 0
    assert _tree(warm / "site") == _cold(tmp_path)
    assert not other.exists()


def _embargo_public_report(root: Path) -> None:
    paper = root / "content/papers/public-report.md"
    paper.write_text(paper.read_text().replace("item: \"2\"\n", "item: \"2\"\nembargoed_until: 2099-01-01\n", 1))


def _public_appendix(root: Path) -> None:
    (root / "content/papers/public-appendix.md").write_text(
        "---\nid: public-appendix\ntitle: ZZMOVED-APPENDIX\ntype: appendix\nappendix_of: public-report\n---\n\n"
        "ZZMOVED-APPENDIX-BODY\n")


def _appendix_under_exempt_item(root: Path) -> None:
    _public_appendix(root)
    path = root / "content/papers/public-appendix.md"
    path.write_text(path.read_text().replace("appendix_of: public-report", "appendix_of: exempt-report"))


def _text(tree: dict[str, bytes]) -> bytes:
    return b"\n".join(tree.values())


def test_a_page_made_private_leaves_nothing_it_fed_in_a_warm_build(warm, tmp_path):
    assert b"A public report." in _text(_tree(warm / "site"))
    _embargo_public_report(warm)
    _build(warm)
    site = _tree(warm / "site")
    assert site == _cold(tmp_path, _embargo_public_report)
    assert "papers/public-report/index.html" not in site
    assert b"A public report." not in _text(site)


def test_an_appendix_moved_under_an_exempt_item_leaves_nothing_in_a_warm_build(tmp_path):
    root = copy_project(FIXTURES / "exempt", tmp_path / "warm")
    _public_appendix(root)
    _build(root)
    assert b"ZZMOVED-APPENDIX-BODY" in _text(_tree(root / "site"))
    _appendix_under_exempt_item(root)
    _build(root)
    site = _tree(root / "site")
    assert site == _cold(tmp_path, _appendix_under_exempt_item)
    assert b"ZZMOVED-APPENDIX" not in _text(site)


def _lapsing_embargo(root: Path) -> None:
    paper = root / "content/papers/embargoed-report.md"
    paper.write_text(paper.read_text().replace("embargoed_until: 2099-01-01", "embargoed_until: 2026-02-02"))


def test_an_embargo_that_lapses_with_the_build_date_is_judged_on_each_builds_date(tmp_path):
    # a cache filled on the day after the embargo lapsed must not carry the paper into a build
    # dated before it (a rebuilt release, a reproducible build), nor hide it after
    root = copy_project(FIXTURES / "exempt", tmp_path / "warm")
    _lapsing_embargo(root)
    _build(root, "2026-02-03")
    assert b"ZZEMBARGO-BODY" in _text(_tree(root / "site"))
    _build(root, DATE)
    site = _tree(root / "site")
    assert site == _cold(tmp_path, _lapsing_embargo, DATE)
    assert b"ZZEMBARGO" not in _text(site)
    _build(root, "2026-02-03")
    shutil.rmtree(tmp_path / "cold")
    assert _tree(root / "site") == _cold(tmp_path, _lapsing_embargo, "2026-02-03")


def test_an_entry_round_trips_and_damage_reads_as_missing(tmp_path):
    cache = buildcache.BuildCache(tmp_path / "c")
    assert cache.get("page", "<p>x</p>") is None
    cache.put("page", "<p>x</p>", "<p>x</p>\udcff é")
    assert cache.get("page", "<p>x</p>") == "<p>x</p>\udcff é"
    assert cache.get("page", "<p>y</p>") is None
    assert cache.get("finish", "<p>x</p>") is None   # another pass's result is another entry
    (entry,) = [p for p in (tmp_path / "c").rglob("*") if p.is_file()]
    entry.write_bytes(entry.read_bytes()[:-3])
    assert cache.get("page", "<p>x</p>") is None
    assert not entry.exists()
    assert buildcache.BuildCache(None).get("page", "<p>x</p>") is None


@pytest.mark.parametrize("inside", ["site/cache", "content/cache", "data/cache"])
def test_a_cache_inside_the_site_docs_or_data_folder_is_refused(tmp_path, caplog, inside):
    # in site/ it would be uploaded with the pages; in content/ or data/ the preview would rebuild
    # on every write to it
    root = copy_project(FIXTURES / "minimal", tmp_path / "p")
    settings = root / "mkdocs.yml"
    text = settings.read_text()
    assert text.count("  - hwbsite:\n") == 1
    settings.write_text(text.replace("  - hwbsite:\n", f"  - hwbsite:\n      cache_dir: {inside}\n", 1))
    with pytest.raises(Exception, match="Aborted"):   # MkDocs logs the plugin's error, then aborts
        _build(root)
    assert f"cache_dir '{inside}' is inside" in caplog.text
    assert not (root / inside).exists()
