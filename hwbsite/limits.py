"""Limits on the shape of officer text, found when a file is read, before any rule or renderer.

Every pattern hwbsite runs is linear (hwbsite/patterns.py), but Python-Markdown is not: a list
nested 200 levels deep takes seconds to render, 400 levels (or `<div markdown>` blocks 400 deep)
end in a RecursionError traceback, in `hwbsite check` and the build alike. So a file whose text
goes past these limits is refused at the line (and column) where it does, with a message saying
which limit, by `hwbsite check` and the build alike: both read every file through
yamlsource.read_text (line length, and nesting in Markdown files), validate every YAML text field
through htmlsafety.markdown_dangers (nesting in a field), and read CSV through tables.read_csv. The limits are far above anything the papers need: the real files' longest
line is ~1,600 characters, their longest CSV cell ~460, their deepest nesting 3 levels.
"""

from __future__ import annotations

import functools
import re

from . import patterns

MAX_LINE = 20_000          # characters in one line of any officer's file
MAX_CELL = 5_000           # characters in one CSV cell
MAX_MARKDOWN_DEPTH = 20    # lists, block quotes and HTML blocks (<div markdown>) nested in one another

# An HTML block element opening or closing: md_in_html renders the Markdown inside <div markdown>
# (and its kin) by recursion, one level per element.
_HTML_BLOCK = patterns.compile(
    "limits.html_block", r"<(/?)(?:div|section|article|aside|details|summary|figure|blockquote|main|nav|header|footer)\b",
    re.IGNORECASE)

_LIST_ITEM = patterns.compile("limits.list_item", r"^[ \t]*+(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
# One list marker where the scan stands (no ^: matched at a position within the line).
_MARKER = patterns.compile("limits.list_marker", r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


# Both verdicts below are pure functions of the text: the preview asks them again after every save
# for every file whose text has not changed, so the last few thousand are kept.
@functools.lru_cache(maxsize=1 << 13)
def long_line(text: str) -> tuple[int, int, str] | None:
    """(line, column, message) for the first line longer than MAX_LINE characters."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            return (number, MAX_LINE + 1,
                    f"line is {len(line):,} characters long; lines must be at most {MAX_LINE:,}")
    return None


def _indent(line: str) -> int:
    """Columns of leading space (a tab to the next multiple of 4, as Markdown counts it)."""
    column = 0
    for ch in line:
        if ch == " ":
            column += 1
        elif ch == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def _quotes_at(text: str, i: int) -> tuple[int, int, int]:
    """From index i: (number of block-quote '>' markers, with spaces between them; index after the
    last one; index of the first character after them and the spaces that follow)."""
    count, end = 0, i
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i < len(text) and text[i] == ">":
            count += 1
            i += 1
            end = i
        else:
            return count, end, i


def _quote_markers(line: str) -> tuple[int, int]:
    """(number of block-quote '>' markers that open the line, index after the last one)."""
    count, end, _ = _quotes_at(line, 0)
    return count, end


_THEMATIC_BREAK = frozenset("-*_ \t")


def _inline_markers(rest: str) -> int:
    """List and block-quote markers that follow one another on one line after the first marker:
    Python-Markdown reads "- - - x" or "- > - > x" as lists and quotes nested in one another, one
    recursion per marker, exactly as if each were on its own, more indented, line."""
    if rest.strip() and _THEMATIC_BREAK.issuperset(rest):
        return 0   # "- - -" or "* * *": a rule, not lists
    count, i = 0, 0
    while True:
        quotes, _, i = _quotes_at(rest, i)
        count += quotes
        m = _MARKER.match(rest, i)
        if m is None or m.end() == i:
            return count
        count += 1
        i = m.end()


@functools.lru_cache(maxsize=1 << 13)
def deep_markdown(text: str) -> tuple[int, int, str] | None:
    """(line, column, message) where Markdown is first nested more than MAX_MARKDOWN_DEPTH deep.

    The depth of a line is what Python-Markdown recurses through to read it: the HTML block
    elements open around it, its block-quote markers, and for a list item its indentation in steps
    of four columns (each list level is indented four more).
    """
    open_html = 0
    for number, line in enumerate(text.split("\n"), start=1):
        quotes, after = _quote_markers(line)
        rest = line[after:]
        # indentation nests only a list item (else it is a code block, read without recursion)
        listed = _LIST_ITEM.match(rest) is not None
        depth = open_html + quotes + (_indent(rest) // 4 if listed else 0)
        if listed:
            # markers after the first on the same line ("- - - x", "- > - x"): each nests one more
            depth += max(0, _inline_markers(rest) - 1)
        if depth > MAX_MARKDOWN_DEPTH:
            return (number, 1, f"Markdown is nested {depth} levels deep here (lists, block quotes and HTML "
                    f"blocks such as <div markdown> inside one another); the limit is {MAX_MARKDOWN_DEPTH}")
        for m in _HTML_BLOCK.finditer(line):
            open_html = max(0, open_html + (-1 if m.group(1) else 1))
            if open_html > MAX_MARKDOWN_DEPTH:
                return (number, m.start() + 1, f"HTML blocks are nested {open_html} deep here; the limit is "
                        f"{MAX_MARKDOWN_DEPTH}")
    return None


def long_cell(rows: list[list[str]]) -> tuple[int, int, str] | None:
    """(row index, cell index, message) for the first CSV cell longer than MAX_CELL characters."""
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if len(cell) > MAX_CELL:
                return r, c, f"cell is {len(cell):,} characters long; cells must be at most {MAX_CELL:,}"
    return None
