"""The plugin keeps its state per instance, and a preview rebuild's unchanged files count as
unmodified while their output exists (rebuilds.KeptFile, not a patched File.is_modified)."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.structure.files import File

from hwbsite import rebuilds
from hwbsite.plugin import HwbsitePlugin


def test_two_plugins_share_no_state():
    # 'rendered: list = []' on the class was one list for every instance (mkdocs serve makes a new
    # plugin on each configuration reload)
    first, second = HwbsitePlugin(), HwbsitePlugin()
    first.rendered.append("index.md")
    first.items.append("x")
    assert second.rendered == [] and second.items == []


def test_a_kept_file_is_modified_only_when_its_output_is_missing(tmp_path):
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"),
                             use_directory_urls=True, plugins=SimpleNamespace(_current_plugin="hwbsite"))
    kept = rebuilds.KeptFile.generated(config, "meetings/2026-12-09.md", content="# Meeting\n")
    made = File.generated(config, "meetings/2026-12-09.md", content="# Meeting\n")
    assert kept.is_modified() and made.is_modified()          # no output yet
    out = tmp_path / "site" / "meetings" / "2026-12-09" / "index.html"
    out.parent.mkdir(parents=True)
    out.write_text("<h1>Meeting</h1>", encoding="utf-8")
    assert not kept.is_modified()
    assert made.is_modified()                                  # MkDocs' own: always, from memory
