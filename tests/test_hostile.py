"""Hostile input: script payloads in every field and file an officer can edit.

Each payload is either refused by the loader at its own file and line, or built into a page where
it is inert. Chromium's verdict (nothing runs, on load or on click) is in
tests/browser/test_site_hostile.py; here the loader's side and the built HTML's structure.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import hostile_corpus as hc


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    return hc.load_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, outcome):
    return hc.build_accepted(tmp_path_factory.mktemp("hostile-site"), outcome.accepted)


def test_corpus_is_large_and_covers_every_kind_of_field():
    assert len(hc.PAYLOADS) >= 40
    assert len(hc.PAYLOADS) * len(hc.FIELDS) >= 60 * 10
    assert {"paper-body", "page", "csv-cell", "value-breakdown", "metric-title",
            "board-standing-item", "paper-title", "resolution"} <= set(hc.FIELDS)


def test_every_payload_is_refused_at_its_own_line_or_accepted(outcome):
    """No error the corpus cannot place: each refusal names the payload's own file and line."""
    assert outcome.stray == []
    assert outcome.placed == len(hc.PAYLOADS) * len(hc.FIELDS)
    assert len(outcome.refused) + len(outcome.accepted) == outcome.placed
    print(f"\nhostile corpus: {outcome.placed} placed, {len(outcome.refused)} refused, "
          f"{len(outcome.accepted)} accepted (must be inert)")


@pytest.mark.parametrize("pid", [0, 1, 5, 6, 7, 9, 13, 14, 17, 19, 30])
def test_script_in_officers_markdown_is_refused_in_every_markdown_field(outcome, pid):
    """<script>, <svg/onload>, javascript: in any spelling, reference links, attribute blocks."""
    for field in ("resolution", "minute-body", "action-text", "section-body", "paper-summary", "paper-body", "page"):
        assert (field, pid) in outcome.refused, (field, hc.PAYLOADS[pid])


def test_csv_cells_are_never_refused_but_shown_as_text(outcome):
    """Table cells are plain text, escaped where they land: a payload there is shown, not run."""
    assert {(f, p) for f, p in outcome.accepted if f == "csv-cell"} == {("csv-cell", p) for p in range(len(hc.PAYLOADS))}


class _Live(HTMLParser):
    """Anything in a page that a browser could run: script text, handlers, script URLs."""

    URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "background", "poster"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        if tag in {"iframe", "object", "embed", "base", "frame", "svg", "math", "form"}:
            self.live.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and hc.FLAG in value:
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in self.URL_ATTRS:
                squeezed = "".join(ch for ch in value if ch not in "\t\n\r\x00 ").lower()
                if squeezed.startswith(("javascript:", "data:", "vbscript:")):
                    self.live.append(f"<{tag} {name}={value!r}>")
            if name == "http-equiv" and value.lower() == "refresh":
                self.live.append(f"<{tag} http-equiv=refresh>")

    def handle_data(self, data):
        if self._in_script and hc.FLAG in data:
            self.live.append(f"<script>{data[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def test_built_hostile_site_contains_nothing_live(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 100
    live = {}
    for path in pages:
        parser = _Live()
        parser.feed(path.read_text(encoding="utf-8"))
        # Material's own icons are inline <svg> in the header and footer; payloads land in the article
        article = [x for x in parser.live if x not in ("<svg>", "<form>")]
        if article:
            live[path.relative_to(hostile_site).as_posix()] = article
    assert live == {}


def test_accepted_payloads_are_shown_as_text(hostile_site):
    """An accepted payload is not lost either: the CSV cell shows the exact characters written."""
    page = (hostile_site / "hostile/table-0/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
