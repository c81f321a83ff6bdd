"""'Did you mean …?' from what exists: one place for every suggestion an officer sees."""

from __future__ import annotations

import difflib
from typing import Iterable


def _key(text: str) -> str:
    return " ".join(str(text).casefold().split())


def close(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The existing spellings nearest to word, best first (case and spacing ignored); only those
    nearly as close as the best, so that one clear match is offered alone."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(_key(choice), str(choice))
    key = _key(word)
    scored = []
    for k in by_key:
        matcher = difflib.SequenceMatcher(None, key, k)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            if (ratio := matcher.ratio()) >= cutoff:
                scored.append((ratio, k))
    scored.sort(key=lambda s: (-s[0], s[1]))
    best = scored[0][0] if scored else 0
    return [by_key[k] for ratio, k in scored[:n] if ratio >= best - 0.05]


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """"did you mean 'x'?" (or 'x' or 'y'), or "" when nothing is close."""
    found = close(word, choices, n=n)
    if not found:
        return ""
    return "did you mean " + " or ".join(f"'{f}'" for f in found) + "?"
