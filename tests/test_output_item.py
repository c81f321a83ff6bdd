"""One type for every file of the site; it holds content or names a file to copy, never both or neither."""

from __future__ import annotations

from pathlib import Path

import pytest

from hwbsite.outputitem import OutputItem


def test_an_item_with_neither_text_nor_source_is_refused():
    with pytest.raises(TypeError, match="calendar.ics needs either text or a source file, not neither"):
        OutputItem("calendar.ics")


def test_an_item_with_both_text_and_source_is_refused(tmp_path: Path):
    with pytest.raises(TypeError, match="not both"):
        OutputItem("assets/x.css", "body{}", source=tmp_path / "x.css")


def test_a_page_needs_markdown_text(tmp_path: Path):
    with pytest.raises(TypeError, match="page index.md needs its Markdown"):
        OutputItem("index.md", source=tmp_path / "index.md")


def test_each_kind_reads_back_its_bytes(tmp_path: Path):
    asset = tmp_path / "logo.png"
    asset.write_bytes(b"\x89PNG")
    assert OutputItem("assets/logo.png", source=asset).read_bytes() == b"\x89PNG"
    assert OutputItem("index.md", "# Café\n").read_bytes() == "# Café\n".encode()
    assert OutputItem("data/x.bin", b"\x00\x01").read_bytes() == b"\x00\x01"


def test_builders_and_exports_share_the_one_type():
    import hwbsite.exports as exports
    import hwbsite.render as render
    assert not hasattr(render, "GeneratedPage") and not hasattr(exports, "OutputFile")
    from hwbsite import output
    assert output.OutputItem is OutputItem
