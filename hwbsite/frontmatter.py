"""A page's front matter: what it may say, written (generated pages) and checked (hand-written ones)
in one place.

MkDocs hands a page's front matter to the theme as ``page.meta``, and theme templates print it with
autoescape off: ``<title>``, ``<meta name="description">``, the header, a nav ``status`` inside a
class attribute, ``template:`` (Material's redirect page puts ``location`` in an inline script),
``icon:`` in an ``{% include %}`` path. So front matter is an allow-list, not a free mapping:

* generated pages get theirs from :func:`emit` alone: ``yaml.safe_dump`` of typed plain-text values,
  each HTML-escaped exactly once (the theme prints them raw), never string templating, so no YAML
  escape (``\\x3c``) or quote in a value can be decoded back into markup;
* hand-written pages (``content/``, papers aside, which their own model reads) may use only
  :data:`PAGE_KEYS`; values are judged after YAML has decoded them, the way MkDocs reads them
  (``mkdocs.utils.meta.get_data``): MultiMarkdown ``key: value`` lines at the top of a page, which
  MkDocs also reads, and a key given twice (MkDocs keeps the last) are errors.
"""

from __future__ import annotations

import functools

import datetime as dt
import html
import unicodedata
from pathlib import Path

import yaml

from . import htmlsafety
from .errors import ProblemLog
from .suggest import did_you_mean
from .yamlsource import Document, YamlProblem, format_path, parse_yaml, split_front_matter

# Material's `hide:` values (what a hand-written page may hide).
HIDE = ("navigation", "toc", "footer", "path", "feedback", "tags")
# The keys a hand-written page may have, and what each holds (see EDITING.md, "Hand-written pages").
PAGE_KEYS = {
    "title": "plain text: the page's title in the browser tab and header",
    "description": "plain text: the summary search engines show",
    "hide": "a list of " + ", ".join(HIDE),
    "search": "exclude: true, to leave the page out of search",
    "updated": "a date written YYYY-MM-DD: the page's 'Last updated' line",
}
_SEARCH_KEYS = ("exclude",)


# --------------------------------------------------------------------------- generated pages

def _one_line(value) -> str:
    return " ".join(str(value).split())


def emit(title=None, description=None, *, search_exclude: bool = False, template: str | None = None) -> str:
    """The front matter block of a generated page (``---`` lines included, no final newline).

    Values are plain text from the data: whitespace (newlines included) is folded to single spaces,
    control characters dropped, then HTML-escaped once because the theme prints them raw; YAML
    quoting is left to the dumper, so the text the theme receives is exactly the escaped text.
    ``template`` is for hwbsite's own theme pages (search.html), never for data.
    """
    if all(v is None or isinstance(v, str) for v in (title, description, template)):
        return _emit(title, description, search_exclude, template)
    return _emit.__wrapped__(title, description, search_exclude, template)


# A pure function of its text arguments (a str's subclass, Markup, prints as the same text), asked
# again for every page after each save of the preview: YAML's dumper is slow.
@functools.lru_cache(maxsize=1 << 13)
def _emit(title, description, search_exclude: bool, template: str | None) -> str:
    meta: dict = {}
    if template is not None:
        meta["template"] = template
    for key, value in (("title", title), ("description", description)):
        if value is None or value == "":
            continue
        text = "".join(ch for ch in _one_line(value) if unicodedata.category(ch) != "Cc")
        meta[key] = html.escape(text, quote=True)
    if search_exclude:
        meta["search"] = {"exclude": True}
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=float("inf"))
    return f"---\n{dumped}---"


# --------------------------------------------------------------------------- hand-written pages

def text_problem(value: str) -> str | None:
    """Why a decoded front-matter value is not plain text the theme may print raw (one rule with the
    board's and mkdocs.yml's printed fields: htmlsafety.plain_text_problem)."""
    return htmlsafety.plain_text_problem(value)


def _meta_lines(text: str) -> bool:
    """Whether MkDocs would read MultiMarkdown meta-data (``key: value`` lines) at the top of text."""
    from mkdocs.utils.meta import get_data
    _body, meta = get_data(text)
    return bool(meta)


def split(text: str, path: str, log: ProblemLog) -> tuple[Document | None, str, int]:
    """(front matter, body, line the body starts on) of a hand-written page, as MkDocs reads it.

    Front matter that MkDocs would read but hwbsite would not (MultiMarkdown lines, a fence MkDocs
    does not recognise) is an error: what is checked must be what is published.
    """
    front, body, body_line = split_front_matter(text)
    if front is None:
        if text.splitlines()[:1] and text.splitlines()[0].strip() == "---":
            log.add(path, 1, 1, "", "the front matter that starts here has no closing '---' line",
                    "put a line with only --- after the page's fields, before the page's text")
            return None, "", 1
        if _meta_lines(text):
            log.add(path, 1, 1, "", "MkDocs reads 'key: value' lines at the top of a page as the page's "
                    "settings (MultiMarkdown meta-data), unchecked",
                    "put the page's settings between two '---' lines (title: ...), or start the page "
                    "with its heading (# Title)")
            return None, "", 1
        return None, text, 1
    from mkdocs.utils.meta import YAML_RE
    fenced = YAML_RE.match(text)
    if fenced is None or fenced.group(1) != front:
        # an indented "  ---", or a closing line at the very end of the file: hwbsite and MkDocs would
        # end the front matter in different places, and MkDocs' settings would go unchecked
        log.add(path, body_line - 1, 1, "", "this line ends the front matter for hwbsite but not for MkDocs",
                "end the front matter with a line of exactly --- (not indented), followed by the page's text")
        return None, "", 1
    try:
        doc = parse_yaml(front, Path(path), line_offset=1)
    except YamlProblem as p:
        log.add(path, p.line + 1, p.column, "", p.message, p.hint)
        return None, "", 1
    return doc, body, body_line


def check_page(text: str, path: str, log: ProblemLog) -> tuple[str, int] | None:
    """Check a hand-written page's front matter; returns (body, body line), or None if it is refused."""
    errors = len(log.errors)
    doc, body, body_line = split(text, path, log)
    if len(log.errors) > errors:
        return None
    if doc is None:
        return body, body_line
    for p in doc.problems:   # duplicate keys (MkDocs keeps the last), tags, impossible dates
        log.add(path, p.line + doc.line_offset, p.column, format_path(p.path), p.message, p.hint)
    data = doc.data
    if data is None:
        return body, body_line
    if not isinstance(data, dict):
        line, col = doc.pos(())
        log.add(path, line, col, "", "front matter must be 'key: value' lines",
                "for example: title: Dashboards")
        return body, body_line
    for key, value in data.items():
        if (key,) in doc.bad_paths:
            continue
        line, col = doc.pos((key,))
        if key not in PAGE_KEYS:
            suggestion = did_you_mean(str(key), PAGE_KEYS)
            why = (" (the theme would use it unchecked)" if key in ("template", "status", "icon", "author",
                                                                     "subtitle", "location", "redirect")
                   else "")
            log.add(path, line, col, key, f"unknown front matter key '{key}'{why}",
                    suggestion or "a page may have: " + ", ".join(PAGE_KEYS))
            continue
        problem = _value_problem(key, value, doc)
        if problem:
            at, message, hint = problem
            line, col = doc.pos(at)
            log.add(path, line, col, format_path(at), message, hint)
    return body, body_line


def _value_problem(key: str, value, doc: Document):
    if key in ("title", "description"):
        if not isinstance(value, str):
            return (key,), f"expected text, got {value!r}", "put the value in quotes"
        problem = text_problem(value)
        if problem:
            return (key,), problem, "write it as plain text, without < > or \""
        return None
    if key == "hide":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return (key,), "expected a list of what to hide", "for example: hide: [navigation, toc]"
        for i, v in enumerate(value):
            if v not in HIDE:
                return (key, i), f"cannot hide '{v}'", did_you_mean(v, HIDE) or "one of " + ", ".join(HIDE)
        return None
    if key == "search":
        if not isinstance(value, dict):
            return (key,), "expected exclude: true", "write search: then, indented, exclude: true"
        for k, v in value.items():
            if k not in _SEARCH_KEYS:
                return (key, k), f"unknown search setting '{k}'", "only exclude: true is read"
            if not isinstance(v, bool):
                return (key, k), f"expected true or false, got {v!r}", ""
        return None
    if key == "updated":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            return (key,), f"expected a date written YYYY-MM-DD, got {value!r}", "for example: updated: 2026-12-09"
        return None
    return None
