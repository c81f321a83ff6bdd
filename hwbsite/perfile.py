"""Rules that judge one file's text alone, kept between loads in one process by that text.

`mkdocs serve` loads and checks the whole project again after every save; on a long archive most
of the rules' time went into scans that read one paper's or meeting's text and nothing else
(placeholders, impossible dates, the sums of its own Markdown tables). Such a scan's problems are
a pure function of its arguments, so ``run(log, scan, *args)`` keys them by exactly those
arguments (the text itself, its path, the line it starts at, the flags) and the scan's name:
a file whose text is unchanged gives the problems recorded last time, and any change to any
argument runs the scan again. Nothing else is in the key because nothing else is read: only
functions that read their arguments alone (and constants of the code) may be run through here,
so the record of what a result depends on cannot be wrong, only the text is compared.

Entries are kept for one load after the one that last used them (a generation), so the memo never
holds more than two loads' worth of files; a build clears it (``clear``), as parsecache does.
"""

from __future__ import annotations

from typing import Any, Callable

from .errors import Problem, ProblemLog

__all__ = ["clear", "new_load", "run", "stats"]

_Key = tuple[Any, ...]
_LAST: dict[_Key, tuple[Problem, ...]] = {}   # what the last load recorded
_THIS: dict[_Key, tuple[Problem, ...]] = {}   # what this load has used or recorded
_STATS = {"scanned": 0, "reused": 0}


def run(log: ProblemLog, scan: Callable[..., None], *args: str | int | bool | None) -> None:
    """``scan(*args, log=log)``, reusing the problems it reported for the same arguments."""
    key = (scan.__module__, scan.__qualname__, *args)
    found = _THIS.get(key)
    if found is None:
        found = _LAST.get(key)
    if found is None:
        own = ProblemLog(log.root)
        scan(*args, log=own)
        found = tuple(own.problems)
        _STATS["scanned"] += 1
    else:
        _STATS["reused"] += 1
    _THIS[key] = found
    log.problems.extend(found)


def new_load() -> None:
    """A load starts: what the last one did not use is dropped."""
    global _LAST, _THIS
    if _THIS:
        _LAST, _THIS = _THIS, {}


def stats() -> dict[str, int]:
    return dict(_STATS)


def clear() -> None:
    _LAST.clear()
    _THIS.clear()
    _STATS.update(scanned=0, reused=0)
