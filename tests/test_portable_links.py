"""Links in generated Markdown are Markdown links to .md files, never raw HTML hrefs written for
one engine's served URLs (issue 22): the engine resolves them to its own URL layout and checks that
they exist (MkDocs' strict validation), where a raw href is passed through unchecked and breaks on
an engine that lays pages out differently (Zensical: ~350 broken links on the strategy pages)."""

from __future__ import annotations

import pytest

import datetime as dt
import html.parser
from pathlib import Path

import markdown

from hwbsite import markup, output
from hwbsite.project import load_project
from hwbsite.publication import public_view

REPO = Path(__file__).resolve().parent.parent


class _Hrefs(html.parser.HTMLParser):
    """Every href of every HTML tag written into a Markdown text (Markdown links are not tags)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.found += [(tag, value or "") for name, value in attrs if name == "href"]


@pytest.mark.slow   # builds the whole real site's output
def test_no_generated_page_writes_a_raw_href_to_a_site_page():
    today = dt.date(2017, 9, 20)
    project, log = load_project(REPO, today=today)
    assert project is not None and not log.errors
    pages = [item for item in output.build_output(public_view(project, today), "https://example.org/")
             if item.is_page]
    assert any(item.path.startswith("strategy/") for item in pages)
    assert any(item.path.startswith("dashboards/") for item in pages)
    raw = []
    for item in pages:
        parser = _Hrefs()
        parser.feed(item.read_bytes().decode("utf-8"))
        # only a jump within the same page may be a raw href: it means the same on every engine
        raw += [f"{item.path}: <{tag} href={href!r}>" for tag, href in parser.found if not href.startswith("#")]
    assert raw == [], f"{len(raw)} raw href(s) in generated Markdown:\n" + "\n".join(raw[:20])


def test_the_strategy_and_tile_links_are_markdown_links_the_engine_resolves():
    """The builders' link forms, converted as MkDocs converts them (attr_list, md_in_html)."""
    md = markdown.Markdown(extensions=["attr_list", "md_in_html"])
    label = markup.Markup('Red <span aria-hidden="true">✗</span>')
    text = (f'<div class="box" markdown>\n<p class="status" markdown>'
            f'{markup.link(label, "../aim-1.md#action-1-10", ("hwb-rag", "hwb-rag--r"), aria_label="Action 1.10: Red")}'
            f' {markup.link("Lead [x] *y*", "lead-x.md", ("hwb-filter",))}</p>\n</div>\n')
    out = md.convert(text)
    assert ('<a aria-label="Action 1.10: Red" class="hwb-rag hwb-rag--r" href="../aim-1.md#action-1-10">'
            'Red <span aria-hidden="true">✗</span></a>') in out
    # data text in a link label shows as written, never as Markdown
    assert '<a class="hwb-filter" href="lead-x.md">Lead [x] *y*</a>' in out


def test_an_attribute_value_from_data_cannot_end_the_attribute_list():
    md = markdown.Markdown(extensions=["attr_list"])
    out = md.convert(markup.link("x", "a.md", aria_label='Action 1 "b" } {: .evil }'))
    assert out == '<p><a aria-label="Action 1 &quot;b&quot; ) (: .evil )" href="a.md">x</a></p>'
