"""Every regular expression hwbsite runs, registered in one place so that none can be forgotten.

Regular expressions see officer text (paper bodies, CSV cells, period labels, names), and a
pattern that backtracks super-linearly lets one cell of a few thousand spaces hang `hwbsite check`
for minutes. So each module compiles its patterns here, with ``patterns.compile(name, ...)``, and:

- ``tests/test_bounded.py`` feeds every registered pattern adversarial input of 100 KB (runs of
  spaces, repeated prefixes, nested brackets, the pattern's own words repeated) and asserts each
  finishes in well under a second;
- the same test fails when any module in ``hwbsite/`` calls ``re.compile``, ``re.sub``,
  ``re.search``, ... directly, so a new pattern has to come through this registry.

How patterns stay linear (Python 3.11 supports both): a run that must not be given back is
possessive (``\\s*+``) or atomic (``(?>...)``); two adjacent runs that can match the same
character (``\\s*`` then ``.*?``) are avoided, or the work is done with plain string methods
(``str.rstrip``) instead. Ordinary quantifiers are fine where what follows cannot match what
they matched.
"""

from __future__ import annotations

import re

# name -> compiled pattern; the name is "<module>.<what>", for the test's messages
REGISTRY: dict[str, re.Pattern] = {}

# Extra adversarial inputs a pattern's owner knows about (each is repeated to 100 KB by the test),
# by registry name: the generic ones (spaces, brackets, the pattern's own words) are always tried.
ATTACKS: dict[str, tuple[str, ...]] = {}


def compile(name: str, pattern: str, flags: int = 0, attacks: tuple[str, ...] = ()) -> re.Pattern:
    """Compile and register a pattern under a unique name."""
    compiled = re.compile(pattern, flags)
    if name in REGISTRY and REGISTRY[name] is not compiled:
        raise ValueError(f"pattern name {name!r} registered twice")
    REGISTRY[name] = compiled
    if attacks:
        ATTACKS[name] = attacks
    return compiled


def without_parenthesised(text: str) -> str:
    """``re.sub(r"\\([^)]*\\)", "", text)`` in linear time: that pattern rescans to the end of the
    text from every "(" that has no ")" after it, so a run of "(" costs quadratic time."""
    out, i = [], 0
    while (start := text.find("(", i)) >= 0 and (end := text.find(")", start)) >= 0:
        out.append(text[i:start])
        i = end + 1
    out.append(text[i:])
    return "".join(out)
