"""Escape data-fed text for where it lands in generated Markdown."""

from __future__ import annotations

import functools
import html

from markupsafe import Markup
from . import htmlsafety, patterns

# Characters that Markdown (with attr_list and tables) would interpret in plain text.
_MD_SPECIAL = patterns.compile("markup.md_special", r"([\\`*_\[\]{}#|!~])")


def text(value) -> Markup:
    """Plain text from data -> Markdown that shows exactly that text and nothing more."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return _escaped(str(value))


# A long archive's pages escape the same names, titles and cells hundreds of thousands of times, and
# the preview escapes them again after every save: the result is a pure function of the string
# (Markup is immutable, so one object may serve every caller).
@functools.lru_cache(maxsize=1 << 16)
def _escaped(value: str) -> Markup:
    escaped = html.escape(value, quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    # line starts like "1." or "-" or ">" must not become lists or quotes inside inline text
    escaped = escaped.replace("\n", " ")
    return Markup(escaped)


def cell(value) -> Markup:
    """Text for a pipe-table cell: escaped, on one line."""
    return text(value)


def markdown(value) -> Markup:
    """Officer-written Markdown, already checked for raw HTML at load time, as a field of a page
    (htmlsafety.field_markdown: a line of only rule marks stays text)."""
    return Markup(htmlsafety.field_markdown(value or ""))


def attr(value) -> Markup:
    """Text for an HTML attribute value (always quoted by the template)."""
    return Markup(html.escape(str(value), quote=True))


def href(value) -> Markup:
    """A web address (models.types.WebAddress: no space, '<', '>' or line break) as a Markdown link
    destination: in angle brackets, so that a "(" or ")" in it stays part of the address. Written
    bare, "https://x/a)b" linked to "https://x/a" and showed "b)" after the link, and an unmatched
    "(" left no link at all."""
    return Markup(f"<{attr(value)}>")


def attr_list_value(value) -> str:
    """A quoted value for an attr_list ``{ key="value" }``, which reads everything up to the next
    quote or ``}`` and unescapes nothing: so a value may not hold its quote, a brace or a line break."""
    value = str(value).replace("\n", " ").replace("}", ")").replace("{", "(")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "'") + '"'


def link(label: Markup | str, target: str, classes: tuple[str, ...] = (), **attrs: str) -> Markup:
    """A Markdown link ``[label](target){ .class key="value" }`` to a page's .md file (and anchor):
    the engine resolves it to the page's served URL and checks that it exists, which a raw HTML
    href written for one engine's URL layout escapes. ``label`` is escaped unless it is Markup
    (inline HTML such as a visually hidden span). Needs the attr_list extension; inside an HTML
    block the element that holds the link needs md_in_html's ``markdown`` attribute."""
    parts = [f".{c}" for c in classes] + [f"{k.replace('_', '-')}={attr_list_value(v)}" for k, v in attrs.items()]
    suffix = "{ " + " ".join(parts) + " }" if parts else ""
    return Markup(f"[{text(label)}]({target}){suffix}")
