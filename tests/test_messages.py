"""Issue 23: every interface string a converted builder writes comes from one catalogue
(hwbsite/messages.py), so a Welsh or bilingual site is a locale and a catalogue, not a fork."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import io
import re
import shutil
import textwrap
from pathlib import Path

import jinja2
from babel.messages.pofile import read_po, write_po

from conftest import build, copy_project
from exports_support import FIXTURES, load
from hwbsite import messages, render, slots
from hwbsite.exports import opendata
from hwbsite.pages import people, registers

PACKAGE = Path(messages.__file__).resolve().parent
THEME = PACKAGE / "theme"

# The builders converted to the catalogue: each may write markup, paths and data, but no words.
CONVERTED = [opendata.data_page, people.person_page, people.term_words, people.attendance_words,
             people.members_page, people.people_index, registers._year_and_topic_views, registers.decision_views]
# The templates converted: page templates (hwbsite/templates/) and every theme template.
CONVERTED_TEMPLATES = ["members.md.j2", "people_index.md.j2", "person.md.j2", "decisions.md.j2", "_action_filters.md.j2"]
THEME_TEMPLATES = sorted(p.relative_to(THEME).as_posix() for p in THEME.rglob("*.html"))
# Not converted yet (their words are still written in them): the metric and money pages and
# figures (another change is rewriting them this round: figures.py, assessment.py, figuretables.py,
# chartassets.py, charts.py, pages/metrics.py, pages/money.py, pages/home.py), and meetings, papers,
# packs, strategy, the action log (registers.action_views, actions.md.j2, _action_cards.md.j2),
# statements and links with their templates.
WORDS = re.compile(r"[A-Za-z]{2,}[,:.;]*\s+[A-Za-z]{2,}")   # two words in a row: a phrase a reader sees
# What a reader sees of an HTML template's own text: element text and these attributes' values.
SHOWN_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"')
TAG = re.compile(r"<[^>]*>")


def _literals(function) -> list[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    calls = {id(arg) for node in ast.walk(tree) if isinstance(node, ast.Call)
             and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("text", "plural")
             for arg in node.args[:1]}
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in calls | docstrings
            and not (node.value.startswith(("from ", "import ")))]


def test_converted_builders_write_no_words_of_their_own():
    written = {f.__qualname__: [s for s in _literals(f) if WORDS.search(s)] for f in CONVERTED}
    assert written == {f.__qualname__: [] for f in CONVERTED}, "put these in hwbsite/messages.py"


def _template_words(env: jinja2.Environment, source: str) -> list[str]:
    """The phrases a template writes itself: its text outside Jinja (tags taken out, the values of
    the attributes a reader meets kept) and the strings in its expressions that name no message."""
    keys = set(messages.ENGLISH)
    text, strings, before = [], [], []
    for _line, kind, value in env.lex(source):
        if kind == "data":
            text.append(value)
        else:
            if text and text[-1] != "\0":
                text.append("\0")
            if kind == "string":
                literal = value[1:-1]
                called = [v for k, v in before[-2:] if k in ("name", "lparen", "operator")]
                if not (called[:1] in (["t"], ["tn"], ["text"]) or literal in keys
                        or any(k.startswith(literal) for k in keys if literal.endswith("."))):
                    strings.append(literal)
            if kind not in ("whitespace",):
                before.append((kind, value))
    joined = "".join(text)
    shown = SHOWN_ATTRIBUTES.findall(joined) + TAG.sub("\0", joined).split("\0")
    return [w.strip() for w in shown + strings if WORDS.search(w)]


def test_converted_templates_write_no_words_of_their_own():
    md = render.environment()
    written = {name: _template_words(md, md.loader.get_source(md, name)[0]) for name in CONVERTED_TEMPLATES}
    theme = jinja2.Environment()   # MkDocs' delimiters
    written |= {name: _template_words(theme, (THEME / name).read_text(encoding="utf-8")) for name in THEME_TEMPLATES}
    assert written == {name: [] for name in written}, "put these in hwbsite/messages.py"


def test_the_template_check_sees_a_phrase_and_an_attribute_written_in_a_template():
    theme = jinja2.Environment()
    source = ('<nav aria-label="Site links" class="a b"><p>{{ t.keep_up | e }} Keep up</p>'
              '{{ x or "not stated here" }}{{ t("people.roles") }}</nav>')
    assert _template_words(theme, source) == ["Site links", "Keep up", "not stated here"]


def test_every_message_of_the_catalogue_is_used():
    sources = {p: p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*"))
               if p.suffix in (".py", ".j2", ".html") and p.name != "messages.py"}
    everything = "\n".join(sources.values())
    theme = "\n".join(text for p, text in sources.items() if THEME in p.parents)

    def used(key: str) -> bool:
        if key.startswith(messages.THEME_PREFIX):
            name = key[len(messages.THEME_PREFIX):]
            return re.search(rf"\b(?:t|hwbsite_text)\.{re.escape(name)}\b", theme) is not None
        # an id written whole, or a family of ids picked by a value ("people.category." ~ category)
        return f'"{key}"' in everything or key.rsplit(".", 1)[0] + "." in everything
    assert [key for key in messages.ENGLISH if not used(key)] == []


def test_the_theme_prints_its_words_only_where_an_apostrophe_is_safe():
    # interface_text keeps the apostrophe: no theme template may print a word in a single-quoted attribute
    for name in THEME_TEMPLATES:
        source = (THEME / name).read_text(encoding="utf-8")
        assert not re.search(r"""=\s*'[^']*\{\{[^}]*(?:\bt\.|hwbsite_text)""", source), name
    assert slots.interface_text("What's new") == "What's new"
    assert slots.interface_text('<b> & "x"') == "&lt;b&gt; &amp; &#34;x&#34;"


def test_the_theme_reads_its_words_from_the_catalogue(tmp_path, monkeypatch):
    monkeypatch.setitem(messages.ENGLISH, "theme.whats_new", "Beth sy'n newydd")
    monkeypatch.setitem(messages.ENGLISH, "theme.not_found", "Heb ddod o hyd i'r dudalen")
    monkeypatch.setitem(messages.ENGLISH, "theme.hosted_by", "{board}, a gynhelir gan {council}.")
    site = build(copy_project(FIXTURES / "minimal", tmp_path / "p"))
    page = (site / "index.html").read_text(encoding="utf-8")
    assert ">Beth sy'n newydd</a>" in page and "What's new" not in page
    assert ", a gynhelir gan " in page and "hosted by" not in page
    assert "<h1>Heb ddod o hyd i'r dudalen</h1>" in (site / "404.html").read_text(encoding="utf-8")
    shutil.rmtree(site)


def test_the_people_pages_read_their_words_from_the_catalogue(monkeypatch):
    view, ctx = load(FIXTURES / "minimal", dt.date(2026, 12, 3))
    monkeypatch.setitem(messages.ENGLISH, "people.title", "Pobl")
    monkeypatch.setitem(messages.ENGLISH, "people.attendance", "Presenoldeb")
    index = people.people_index(view, ctx).markdown
    assert "\n# Pobl\n" in index and "\n# People\n" not in index
    person = people.person_page(view, view.people[0], ctx).markdown
    assert "## Presenoldeb {#attendance}" in person


def test_the_check_sees_a_phrase_written_in_a_builder():
    def builder():
        return ["## Tables of figures", messages.text("opendata.heading")]
    assert [s for s in _literals(builder) if WORDS.search(s)] == ["## Tables of figures"]


def test_the_data_page_reads_its_words_from_the_catalogue(monkeypatch):
    view, _ctx = load(FIXTURES / "minimal", dt.date(2026, 12, 3))
    sets = opendata.datasets(view, None)
    english = opendata.data_page(view, sets).markdown
    assert english.startswith("# Open data\n")
    monkeypatch.setitem(messages.ENGLISH, "opendata.heading", "# Data agored")
    monkeypatch.setitem(messages.ENGLISH, "opendata.columns_header", "| Colofn | Math | Ystyr |")
    translated = opendata.data_page(view, sets).markdown
    assert translated.startswith("# Data agored\n")
    assert "| Colofn | Math | Ystyr |" in translated and "| Column | Type | Meaning |" not in translated


def test_counts_follow_the_locale_plural_rule():
    assert [messages.plural("opendata.rows", n) for n in (1, 2, 21)] == ["1 row", "2 rows", "21 rows"]


def test_the_catalogue_round_trips_through_a_po_file():
    buffer = io.BytesIO()
    write_po(buffer, messages.catalogue())
    buffer.seek(0)
    read = read_po(buffer)
    singular = {m.id: m.string for m in read if m.id and isinstance(m.id, str)}
    assert singular == {k: v for k, v in messages.ENGLISH.items() if isinstance(v, str)}
    counted = {m.id[0]: tuple(m.string) for m in read if isinstance(m.id, tuple)}
    assert counted == {k: v for k, v in messages.ENGLISH.items() if not isinstance(v, str)}
