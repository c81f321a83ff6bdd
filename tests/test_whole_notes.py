"""Notes are whole sentences wherever they are shown: a note on a figure, a sum of money, a paper or a
measure never ends with a separator, a dangling word or an open parenthesis, after its officers'
line references have been turned into public citations (or dropped, on the paper's own page)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import REPO
from exports_support import load
from hwbsite import citations

CUT = re.compile(r"(?:[;,:(\-–]|\b(?:at|in|on|from|see|and|or|of|the|to|by|with))\s*$")


def _cut(text: str) -> str | None:
    """Why ``text`` reads as cut off, or None when it is whole."""
    if CUT.search(text):
        return f"ends with {CUT.search(text).group(0)!r}"
    if text.count("(") > text.count(")"):
        return "leaves a parenthesis open"
    for part in text.split(";")[:-1]:     # a clause cut where a citation was dropped: "from; Table 2"
        if re.search(r"\b(?:at|in|on|from|see)\s*$", part):
            return f"has a clause cut off: {part[-30:]!r}"
    return None


@pytest.mark.parametrize("text, cut", [
    ("comparator CCG; repeated at", True), ("spend of 18500 in each quarter (74000 in all);", True),
    ("the total (as printed", True), ("Kept as published.", False), ("numerator from; Table 2", True), ("listed as 'a)' in Table 2", False),
])
def test_the_rule_catches_what_a_reader_would_call_cut(text, cut):
    assert (_cut(text) is not None) is cut


def test_every_published_note_is_whole_after_citation():
    view, _ = load(REPO, dt.date(2026, 12, 3))
    cites = citations.for_project(view)
    notes = [(f"{v.file}:{v.line}", v.note, v.source) for v in view.values if v.note]
    notes += [(f"finance {r.dataset} {r.item}", r.note, None) for r in view.finance.rows if r.note]
    notes += [(f"paper {p.id}", n, p.source) for p in view.papers.values() for n in p.notes]
    notes += [(f"metric {m.id}", n, m.source) for m in view.metrics.values() for n in m.notes]
    assert len(notes) > 100
    cut = []
    for where, note, context in notes:
        for shown in (note, cites.replace(note, context=context), cites.replace(note)):
            if (why := _cut(shown)) is not None:
                cut.append((where, why, shown[-80:]))
    assert cut == []


def test_a_reference_into_the_notes_own_paper_leaves_a_sentence():
    view, _ = load(REPO, dt.date(2026, 12, 3))
    cites = citations.for_project(view)
    assert cites.replace("comparator CCG; repeated at 000 lines 6943", context="000 lines 6242") == \
        "comparator CCG; repeated elsewhere in the same paper"
