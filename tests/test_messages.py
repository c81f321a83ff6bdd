"""Issue 23: every interface string a converted builder writes comes from one catalogue
(hwbsite/messages.py), so a Welsh or bilingual site is a locale and a catalogue, not a fork."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import io
import re
import textwrap

from babel.messages.pofile import read_po, write_po

from exports_support import FIXTURES, load
from hwbsite import messages
from hwbsite.exports import opendata

# The builders converted to the catalogue: each may write markup, paths and data, but no words.
CONVERTED = [opendata.data_page]
WORDS = re.compile(r"[A-Za-z]{2,}[ ,:.]+[A-Za-z]{2,}")   # two words in a row: a phrase a reader sees


def _literals(function) -> list[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    calls = {id(arg) for node in ast.walk(tree) if isinstance(node, ast.Call)
             and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("text", "plural")
             for arg in node.args[:1]}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in calls
            and not (node.value.startswith(("from ", "import ")))]


def test_converted_builders_write_no_words_of_their_own():
    written = {f.__qualname__: [s for s in _literals(f) if WORDS.search(s)] for f in CONVERTED}
    assert written == {f.__qualname__: [] for f in CONVERTED}, "put these in hwbsite/messages.py"


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
