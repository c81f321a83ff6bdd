"""The post-build pass: what the site needs from the finished HTML that no theme block can give.

Material's own privacy and optimize plugins work this way, and so does this pass, so that the
theme's templates are used as they are (overrides/ holds only blocks of main.html and partials
of hwbsite's own) and the same pass finishes a site built by any engine (``hwbsite verify
--finish``: a Zensical build of ``hwbsite generate``'s tree). For every HTML file it:

- writes the Content Security Policy as the first element of ``<head>`` (GitHub Pages sends no
  headers), with the sha256 of each inline script of *that* page that is the theme's own: a
  script whose text matches a ``<script>`` of the installed theme's template source, where only
  the template's ``{{ }}`` expressions may differ, and then only by characters that cannot leave a
  JavaScript string (letters, digits, ``. / _ -``). Any other inline script (one injected through
  a slot, say) gets no hash, so the browser refuses it and ``hwbsite verify`` fails the page;
- adds the keywords a page's own script files need ('wasm-unsafe-eval' for Pagefind on the search
  page, which loads ``assets/hwbsite/search.js``), so no other page allows them;
- mends what the Nu HTML Checker reports in the theme's markup: ``autocomplete`` on checkboxes,
  ``tabindex=""``, a ``<label for>`` whose control the page does not have;
- moves the header search form (``main.html`` writes it just after Material's header, with no
  block inside the header for it) into the header bar;
- marks the pages search must not index (``search.excluded``) with Pagefind's
  ``data-pagefind-ignore="all"`` on the indexed root (``search.ROOT_SELECTOR``), and the parts of
  pages search must skip (``search.SKIP_CLASS``: lists that repeat what another page holds) with
  ``data-pagefind-ignore="index"``.

Parsing is the standard library's HTML tokenizer, used for positions only: the file is edited in
place at the tags it changes, so every other byte stays as the engine wrote it. What the pass
leaves is judged afterwards by ``verify``, with another parser.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html as html_lib
import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import search

# Scripts only from the site itself plus the hashes added per page: no 'unsafe-inline', no
# 'unsafe-eval', no other origin. Styles may be inline: Material and Plotly set style
# attributes, and CSS cannot run script. Pagefind's worker is a file of the site (worker-src).
POLICY = ("default-src 'self'; script-src 'self'{scripts}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'")
# What a page's script file needs beyond 'self', by its path in the site. Pagefind compiles
# WebAssembly (in its worker, or in the page when a worker cannot start); the keyword allows that
# and nothing else (not eval()).
SCRIPT_NEEDS = {"assets/hwbsite/search.js": ("'wasm-unsafe-eval'",)}
# Script types a browser does not run: their text needs no hash (Material's __config is JSON).
DATA_SCRIPT_TYPES = frozenset({"application/json"})
# What a template expression may print inside a theme script for it still to count as the
# theme's: the base URL ("../..") and names. No quote, backslash, colon or parenthesis.
SAFE_HOLE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./_-")
HEADER_SEARCH_CLASS = "hwb-search-box"   # the header's search form (overrides/main.html)
_HOLE = "\ue000"                          # stands for a {{ }} expression in a template's text


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def is_executable(script_type: str | None) -> bool:
    """Whether a browser runs a <script> of this type (the HTML standard's JavaScript MIME types,
    ``module``, or no type at all). Unknown types are not run, but are not needed either: only the
    data types in DATA_SCRIPT_TYPES count as data."""
    kind = (script_type or "").strip().lower()
    return kind not in DATA_SCRIPT_TYPES


# --------------------------------------------------------------------------- theme scripts

class _ScriptText(HTMLParser):
    """The text of every inline <script> in a document (the tokenizer's script-data state)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not dict(attrs).get("src") and is_executable(dict(attrs).get("type")):
            self._open = []

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.scripts.append("".join(self._open))
            self._open = None


@dataclass(frozen=True)
class ThemeScripts:
    """The inline scripts of a theme's templates, each as its literal pieces between expressions."""

    patterns: tuple[tuple[str, ...], ...]

    @classmethod
    def from_dirs(cls, dirs) -> "ThemeScripts":
        import jinja2

        env = jinja2.Environment()
        found: set[tuple[str, ...]] = set()
        for folder in dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                text = _template_text(env, path.read_text(encoding="utf-8"))
                parser = _ScriptText()
                parser.feed(text)
                parser.close()
                found.update(tuple(s.split(_HOLE)) for s in parser.scripts if s.strip())
        return cls(tuple(sorted(found)))

    def recognises(self, script: str) -> bool:
        return any(_matches(pattern, script) for pattern in self.patterns)


def _template_text(env, source: str) -> str:
    """A template's text with each ``{{ }}`` (and ``{% %}``) replaced by one hole character."""
    out: list[str] = []
    for _line, kind, value in env.lex(source):
        if kind == "data":
            out.append(value)
        elif kind in ("variable_begin", "block_begin"):
            out.append(_HOLE)
    return "".join(out)


def _matches(pieces: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` is the pieces with safe text in each hole between them.

    Each piece is found left to right with str.find (no regular expression, no backtracking):
    taking the first place a piece occurs leaves each hole as short as it can be, and a hole that
    holds an unsafe character there would hold it at any later place too.
    """
    first, last = pieces[0], pieces[-1]
    if len(pieces) == 1:
        return text == first
    if not (text.startswith(first) and text.endswith(last)) or len(text) < len(first) + len(last):
        return False
    pos, end = len(first), len(text) - len(last)
    for piece in pieces[1:-1]:
        at = text.find(piece, pos, end)
        if at < 0 or not SAFE_HOLE.issuperset(text[pos:at]):
            return False
        pos = at + len(piece)
    return SAFE_HOLE.issuperset(text[pos:end])


@functools.lru_cache(maxsize=4)
def theme_scripts(dirs: tuple = ()) -> ThemeScripts:
    """The scripts of the given template folders (default: the installed Material theme's), read once."""
    return ThemeScripts.from_dirs(list(dirs) or installed_theme_dirs())


def installed_theme_dirs() -> list[Path]:
    """The installed Material theme's templates: whose scripts count as the theme's own."""
    import material

    return [Path(material.__file__).parent / "templates"]


# --------------------------------------------------------------------------- one page

@dataclass
class _Tag:
    name: str
    attrs: list[tuple[str, str | None]]
    start: int
    end: int

    def get(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None

    def has(self, name: str) -> bool:
        return any(key == name for key, _value in self.attrs)

    def classes(self) -> list[str]:
        return (self.get("class") or "").split()


@dataclass
class _Page(HTMLParser):
    """Start tags with their offsets, the ends of chosen elements, inline scripts, ids."""

    text: str
    tags: list[_Tag] = field(default_factory=list)
    scripts: list[tuple[_Tag, str]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    ends: dict[int, int] = field(default_factory=dict)   # start offset of a tracked element -> offset of its end tag

    def __post_init__(self):
        HTMLParser.__init__(self, convert_charrefs=True)
        # where each line starts, found by str.find (a loop over every character took a fifth of
        # this pass's time)
        self._lines = [0]
        at = self.text.find("\n")
        while at != -1:
            self._lines.append(at + 1)
            at = self.text.find("\n", at + 1)
        self._open: list[_Tag] = []          # tracked elements (form, nav) awaiting their end tag
        self._script: tuple[_Tag, list[str]] | None = None
        self.feed(self.text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        raw = self.get_starttag_text() or ""
        node = _Tag(tag, attrs, start, start + len(raw))
        self.tags.append(node)
        if node.get("id"):
            self.ids.add(node.get("id"))
        if tag in ("form", "nav"):
            self._open.append(node)
        if tag == "script" and node.get("src") is None:
            self._script = (node, [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].name == tag:
                self.ends[self._open[i].start] = self._offset()
                del self._open[i:]
                break


def _start_tag(tag: _Tag, drop: set[str] = frozenset(), add: dict[str, str] | None = None) -> str:
    parts = [tag.name]
    for key, value in tag.attrs:
        if key in drop:
            continue
        parts.append(key if value is None else f'{key}="{html_lib.escape(value, quote=True)}"')
    for key, value in (add or {}).items():
        parts.append(f'{key}="{html_lib.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


def _site_path(page: str, src: str) -> str | None:
    """The site path a script's src names, relative to the site root (None: another site)."""
    from urllib.parse import urlsplit

    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        return parts.path.lstrip("/")
    return os.path.normpath(os.path.join(os.path.dirname(page), parts.path)).replace(os.sep, "/")


def finish_page(text: str, page: str, theme: ThemeScripts) -> str:
    """One HTML file (``page`` is its path in the site, e.g. ``meetings/index.html``), finished."""
    doc = _Page(text)
    edits: list[tuple[int, int, str]] = []
    head = next((t for t in doc.tags if t.name == "head"), None)
    if head is None:
        raise FinishError(f"{page}: no <head> element to hold the Content Security Policy")

    hashes: list[str] = []
    for tag, script in doc.scripts:
        if is_executable(tag.get("type")) and theme.recognises(script) and sha256(script) not in hashes:
            hashes.append(sha256(script))
    needs: list[str] = []
    for tag in doc.tags:
        if tag.name == "script" and tag.get("src"):
            for keyword in SCRIPT_NEEDS.get(_site_path(page, tag.get("src")) or "", ()):
                if keyword not in needs:
                    needs.append(keyword)
    policy = POLICY.format(scripts="".join(" " + s for s in needs + hashes))
    edits.append((head.end, head.end, f'\n    <meta http-equiv="Content-Security-Policy" content="{policy}">'))

    header_nav = header_source = form = None
    for tag in doc.tags:
        http_equiv = (tag.get("http-equiv") or "").strip().lower()
        if tag.name == "meta" and http_equiv == "content-security-policy":
            # the policy is this pass's alone; its line goes with it (finishing twice = once)
            start = tag.start
            while start > head.end and text[start - 1] in " \t":
                start -= 1
            if start > head.end and text[start - 1] == "\n":
                start -= 1
            edits.append((start, tag.end, ""))
        elif tag.name == "input" and (tag.get("type") or "").lower() == "checkbox" and tag.get("autocomplete") is not None:
            edits.append((tag.start, tag.end, _start_tag(tag, {"autocomplete"})))
        elif tag.get("tabindex") == "":
            edits.append((tag.start, tag.end, _start_tag(tag, {"tabindex"})))
        elif tag.name == "label" and tag.get("for") is not None and tag.get("for") not in doc.ids:
            edits.append((tag.start, tag.end, _start_tag(tag, {"for"})))
        elif tag.name == "nav" and "md-header__inner" in tag.classes() and header_nav is None:
            header_nav = tag
        elif tag.name == "div" and "md-header__source" in tag.classes() and header_source is None:
            header_source = tag
        elif tag.name == "form" and HEADER_SEARCH_CLASS in tag.classes() and form is None:
            form = tag
        elif tag.name == "article" and search.ROOT_CLASS in tag.classes() and search.excluded(page, doc.tags):
            edits.append((tag.start, tag.end, _start_tag(tag, {"data-pagefind-ignore"}, {"data-pagefind-ignore": "all"})))
        elif search.SKIP_CLASS in tag.classes():
            edits.append((tag.start, tag.end, _start_tag(tag, {"data-pagefind-ignore"}, {"data-pagefind-ignore": "index"})))

    if form is not None and header_nav is not None and form.start in doc.ends and header_nav.start in doc.ends:
        nav_end = doc.ends[header_nav.start]
        form_end = text.index(">", doc.ends[form.start]) + 1
        if not (header_nav.start < form.start < nav_end):
            at = header_source.start if header_source is not None and header_source.start < nav_end else nav_end
            edits.append((form.start, form_end, ""))
            edits.append((at, at, text[form.start:form_end] + "\n    "))

    out: list[str] = []
    pos = 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            raise FinishError(f"{page}: overlapping edits at offset {start}")
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


class FinishError(Exception):
    """A page the pass cannot finish (it has no <head>)."""


def html_files(site_dir: Path) -> list[Path]:
    """Every HTML file of a site, in a fixed order (Pagefind's own files excluded: it writes none)."""
    return sorted(p for p in Path(site_dir).rglob("*") if p.is_file() and p.suffix.lower() in (".html", ".htm"))


def finish_site(site_dir: Path, theme_dirs=None, only=None) -> int:
    """Finish every HTML file of ``site_dir`` in place (or only the paths in ``only``); returns how many."""
    site_dir = Path(site_dir)
    theme = theme_scripts(tuple(str(d) for d in theme_dirs or ()))
    paths = html_files(site_dir) if only is None else sorted(Path(p) for p in only)
    for path in paths:
        rel = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        path.write_text(finish_page(text, rel, theme), encoding="utf-8")
    return len(paths)
