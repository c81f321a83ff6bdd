"""Escape data-fed text for where it lands in generated Markdown."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters that Markdown (with attr_list and tables) would interpret in plain text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def text(value) -> Markup:
    """Plain text from data -> Markdown that shows exactly that text and nothing more."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    escaped = html.escape(str(value), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    # line starts like "1." or "-" or ">" must not become lists or quotes inside inline text
    escaped = escaped.replace("\n", " ")
    return Markup(escaped)


def cell(value) -> Markup:
    """Text for a pipe-table cell: escaped, on one line."""
    return text(value)


def markdown(value) -> Markup:
    """Officer-written Markdown, already checked for raw HTML at load time."""
    return Markup(value or "")


def attr(value) -> Markup:
    """Text for an HTML attribute value (always quoted by the template)."""
    return Markup(html.escape(str(value), quote=True))


def yaml_text(value) -> Markup:
    """Text for inside a double-quoted YAML scalar of front matter: HTML-escaped (themes print front
    matter as HTML; plain MkDocs builds print it as it is), then quoted for YAML, so that YAML's
    own escapes cannot decode into markup (``\x3c`` in a title stays those four characters).
    The plugin decodes and escapes each value once more before the theme sees it (slots.py)."""
    import json
    return Markup(json.dumps(html.escape(str(value), quote=True), ensure_ascii=False)[1:-1])
