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


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory, outcome):
    return hc.generate_accepted(tmp_path_factory.mktemp("hostile-generated"), outcome.accepted)


def test_corpus_is_large_and_covers_every_kind_of_field():
    assert len(hc.PAYLOADS) >= 40
    assert {"page-template", "page-meta-line", "page-duplicate-title", "file-upper-md", "file-fake-png",
            "symlink", "split-reference", "board-phone", "board-licence-url"} <= set(hc.FIELDS)
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


ALWAYS_REFUSED = ["page-author", "page-status", "page-icon", "page-template", "page-meta-line",
                  "page-duplicate-title", "file-upper-md", "file-fake-png", "symlink", "board-email",
                  "board-website", "board-licence-url", "board-watch-url", "board-contact-email"]


@pytest.mark.parametrize("field", ALWAYS_REFUSED)
def test_slots_outside_the_article_refuse_every_payload_at_its_line(outcome, field):
    """Keys the theme prints or acts on (author, status, icon, template + location), MultiMarkdown
    meta lines, a title given twice, an upper-case .MD, a .png that is not a PNG, a symbolic link,
    the board's email and addresses: whatever the payload, an error at its file and line."""
    assert {(field, pid) for pid in range(len(hc.PAYLOADS))} <= outcome.refused


def test_a_reference_definition_cannot_arm_a_link_written_in_another_field(outcome):
    """[x][id] in one minute and [id]: javascript:... in another: each alone renders no link."""
    for payload in (f"javascript:{hc.JS}", f"&#x6A;avascript:{hc.JS}", f"[click][r]\n\n[r]: javascript:{hc.JS}"):
        assert ("split-reference", hc.PAYLOADS.index(payload)) in outcome.refused, payload


def test_csv_cells_are_never_refused_but_shown_as_text(outcome):
    """Table cells are plain text, escaped where they land: a payload there is shown, not run."""
    assert {(f, p) for f, p in outcome.accepted if f == "csv-cell"} == {("csv-cell", p) for p in range(len(hc.PAYLOADS))}


class _Live(HTMLParser):
    """Anything in a page that a browser could run: script text or a script file that is not the
    theme's or hwbsite's, any event handler, script URLs, a meta refresh."""

    URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "background", "poster"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        if tag in {"iframe", "object", "embed", "base", "frame", "svg", "math", "form"}:
            self.live.append(f"<{tag}>")
        src = dict(attrs).get("src") if tag == "script" else None
        if src is not None and not src.lstrip("./").startswith("assets/"):
            self.live.append(f"<script src={src!r}>")   # the theme's and hwbsite's scripts are in assets/
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):   # neither the theme nor hwbsite writes one
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


# What a site may hold besides pages: hwbsite's downloads and assets, the theme's, Pagefind's index.
SITE_FILES = {".html", ".css", ".js", ".json", ".csv", ".xml", ".ics", ".png", ".svg", ".txt", ".gz",
              ".woff", ".woff2", ".map", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind", ".wasm"}


def _nothing_live_in(site) -> dict[str, list[str]]:
    """page -> what in it a browser could run (tests/test_new_fields_hostile.py uses it too)."""
    live = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Live()
        parser.feed(path.read_text(encoding="utf-8"))
        # Material's own icons are inline <svg> in the header and footer; payloads land in the article
        article = [x for x in parser.live if x not in ("<svg>", "<form>")]
        if article:
            live[path.relative_to(site).as_posix()] = article
    return live


def _nothing_live(site):
    assert len(list(site.rglob("*.html"))) > 100
    assert _nothing_live_in(site) == {}
    # nothing copied as it was: no Markdown source, no file of a type the site does not write
    files = [p for p in site.rglob("*") if p.is_file()]
    assert sorted({p.suffix.lower() for p in files} - SITE_FILES) == []
    assert [p.name for p in files if p.name.startswith(("upper-", "link-", "image-"))] == []


@pytest.mark.slow   # builds the hostile corpus's site with MkDocs
def test_built_hostile_site_contains_nothing_live(hostile_site):
    _nothing_live(hostile_site)


@pytest.mark.slow   # generates and builds the hostile site with MkDocs
def test_generated_hostile_site_built_by_plain_mkdocs_contains_nothing_live(generated_site):
    """No plugin, so no sanitiser at build time: only the loader's refusals and the escaping stand."""
    _nothing_live(generated_site)


@pytest.mark.slow   # reads the hostile sites built with MkDocs
@pytest.mark.parametrize("which", ["hostile_site", "generated_site"])
def test_front_matter_payloads_reach_the_head_as_text(request, which):
    """A paper title and summary of YAML escapes written literally (\\x3c...) stay that text in the
    <title> and the description <meta>, in the plugin build and the plain build of generate."""
    import html
    site = request.getfixturevalue(which)
    pid = hc.PAYLOADS.index("\\x22\\x3e\\x3cscript\\x3e" + hc.JS + "\\x3c/script\\x3e")
    page = (site / f"papers/hostile-title-{pid}/index.html").read_text(encoding="utf-8")
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert html.unescape(title).startswith(f"{hc.PAYLOADS[pid]} - ")   # then the site's name
    page = (site / f"papers/hostile-summary-{pid}/index.html").read_text(encoding="utf-8")
    description = page.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
    assert html.unescape(description) == hc.PAYLOADS[pid]



@pytest.mark.slow   # reads the hostile site built with MkDocs
def test_accepted_payloads_are_shown_as_text(hostile_site):
    """An accepted payload is not lost either: the CSV cell shows the exact characters written."""
    page = (hostile_site / "hostile/table-0/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
