"""Names that do not read as they look: invisible characters and letters from two alphabets.

A person's name is how the site links their record, lists their attendance and attributes their
decisions. A name with a bidi control (U+202E turns "Ann Chair" into what looks like another
name), a zero-width character (two people who look alike but are not one record), or Latin letters
mixed with Cyrillic or Greek look-alikes ("Аnn" with a Cyrillic А) is almost always a copy-and-paste
accident or a deliberate forgery, so every place a name is read gets a warning at the character.
"""

from __future__ import annotations

import unicodedata

# Scripts whose capitals and lower-case letters have Latin look-alikes (А/A, Е/E, О/O, Ρ/P, ...).
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK")


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else None


def problems(text: str) -> list[tuple[int, str]]:
    """(index of the character, what is wrong) for each problem in a name; [] for a clean name."""
    found: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if unicodedata.category(ch) == "Cf":     # format characters: bidi controls, zero-width, BOM
            kind = ("a bidirectional control" if unicodedata.bidirectional(ch) in
                    ("LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI") or ch in "\u200e\u200f\u061c"
                    else "an invisible character")
            found.append((i, f"{kind} U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip()))
    scripts = {}
    for i, ch in enumerate(text):
        script = _script(ch)
        if script is not None:
            scripts.setdefault(script, i)
    if "LATIN" in scripts:
        for script in _LOOKALIKE_SCRIPTS:
            if script in scripts:
                i = scripts[script]
                found.append((i, f"Latin letters mixed with {script.capitalize()} ones: "
                                 f"'{text[i]}' is U+{ord(text[i]):04X} {unicodedata.name(text[i])}, "
                                 "which looks like a Latin letter"))
    return sorted(found)


def visible(text: str) -> str:
    """The name as a message can quote it: each format character written as <U+XXXX>, so that a
    bidi control in the name cannot reorder the message around it in a terminal or a log."""
    return "".join(f"<U+{ord(ch):04X}>" if unicodedata.category(ch) == "Cf" else ch for ch in text)
