"""Fenced code blocks in officers' Markdown: the one scanner that tells prose lines from the lines of
a fenced block (settings or code, never published prose). Every rule that reads prose uses it."""

from __future__ import annotations

from collections.abc import Iterator

from . import patterns

# Any fenced code block, whatever its kind: its lines are settings or code, never published prose.
ANY_FENCE = patterns.compile("blocks.any_fence", r"^\s*(```+|~~~+)")


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of every line outside fenced blocks: the one fence scanner for prose rules."""
    fence = None
    for offset, line in enumerate(text.splitlines()):
        m = ANY_FENCE.match(line)
        if m and (fence is None or m.group(1).startswith(fence)):
            fence = None if fence else m.group(1)
            continue
        if fence is None:
            yield offset, line
