"""Where a build's CPU time goes, by hwbsite's own phases (load, rules, builders, the whole-page
check, the finishing pass, search index, verify), for `make bench` (tests/bench.py) and the log.

A phase is measured as CPU time of this process and of the programs it ran and waited for (Pagefind);
a phase inside another
is counted once, as its own (the outer one pauses), so the phases add up to hwbsite's share and
the rest of the build is MkDocs' and the theme's.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

__all__ = ["phase", "report", "reset"]

_TOTALS: dict[str, float] = {}
_STACK: list[list] = []   # [name, start of its current stretch]


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@contextmanager
def phase(name: str) -> Iterator[None]:
    now = _cpu()
    if _STACK:   # pause the enclosing phase
        outer = _STACK[-1]
        _TOTALS[outer[0]] = _TOTALS.get(outer[0], 0.0) + now - outer[1]
    _STACK.append([name, now])
    try:
        yield
    finally:
        now = _cpu()
        _, start = _STACK.pop()
        _TOTALS[name] = _TOTALS.get(name, 0.0) + now - start
        if _STACK:
            _STACK[-1][1] = now


def report() -> dict[str, float]:
    """CPU seconds by phase since the last reset()."""
    return dict(_TOTALS)


def reset() -> None:
    _TOTALS.clear()
