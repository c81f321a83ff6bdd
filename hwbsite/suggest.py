"""'Did you mean …?' from what exists: one place for every suggestion an officer sees."""

from __future__ import annotations

import difflib
from typing import Iterable


def close(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The existing spellings nearest to word, best first (case and spacing ignored)."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(" ".join(str(choice).casefold().split()), str(choice))
    key = " ".join(str(word).casefold().split())
    return [by_key[k] for k in difflib.get_close_matches(key, list(by_key), n=n, cutoff=cutoff)]


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """'did you mean 'x'?' (or 'x' or 'y'), or '' when nothing is close."""
    found = close(word, choices, n=n)
    if not found:
        return ""
    return "did you mean " + " or ".join(f"'{f}'" for f in found) + "?"
