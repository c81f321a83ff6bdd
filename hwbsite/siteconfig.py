"""What mkdocs.yml gives the theme to print, checked like any officer's field.

Theme templates print ``site_name``, ``site_description``, ``site_author``, ``copyright``,
``repo_name``, nav titles and ``extra.*`` with autoescape off (``extra.polyfills`` even becomes a
``<script src>``, ``extra.status`` a class attribute). So: printed text is plain text
(htmlsafety.plain_text_problem, the rule of the board's fields and of front matter), addresses are
http(s), and ``extra:`` may hold only what hwbsite knows. ``hwbsite check`` and the plugin's
``on_config`` call :func:`check` with the same values, so they report the same errors, located in
mkdocs.yml by line and column.
"""

from __future__ import annotations

from typing import Any, Mapping

import yaml

from . import htmlsafety
from .errors import ProblemLog
from .suggest import did_you_mean
from .yamlsource import format_path

# (and nav titles, the palette switch's labels)
PRINTED_TEXT = ("site_name", "site_description", "site_author", "copyright", "repo_name")
PRINTED_ADDRESSES = ("site_url", "repo_url")
# extra: keys a board may set, and their type. extra.hwbsite is written by hwbsite itself.
EXTRA = {"generator": bool}

# mkdocs.yml is one of the board's files: only these keys, so that no setting runs code or puts
# a file on the site behind the checks' back. Refused among MkDocs' own: hooks (Python run at build
# time), extra_javascript and extra_css (a <script src> or stylesheet of any file), extra_templates.
TOP_LEVEL = {
    "site_name", "site_description", "site_author", "site_url", "copyright", "docs_dir", "site_dir",
    "use_directory_urls", "strict", "theme", "plugins", "nav", "markdown_extensions", "validation",
    "repo_url", "repo_name", "edit_uri", "extra", "watch", "dev_addr", "not_in_nav", "exclude_docs",
    "draft_docs", "remote_branch", "remote_name",
}
# The theme and what of it a board may set: Material's look, its palette and features, and a logo
# or favicon that is a file of the site (a site path, printed in src and href attributes).
THEME = "material"
THEME_KEYS = {"name", "custom_dir", "language", "font", "features", "palette", "icon", "logo", "favicon", "variant"}
# Markdown extensions whose output the sanitiser's allow-list covers; others (pymdownx.snippets
# reads any file on disk into a page, unchecked) are refused.
MARKDOWN_EXTENSIONS = {
    "tables", "attr_list", "def_list", "admonition", "md_in_html", "toc", "abbr", "footnotes", "sane_lists",
    "pymdownx.superfences", "pymdownx.details", "pymdownx.tabbed", "pymdownx.tilde", "pymdownx.caret",
    "pymdownx.mark",
}
# Plugins run code at build time and write to the site: hwbsite's own only (it builds the search index).
PLUGINS = {"hwbsite"}


def positions(text: str) -> dict[tuple, tuple[int, int]]:
    """(line, column) of every key in a YAML text, by path; tags such as !ENV are not resolved."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    found: dict[tuple, tuple[int, int]] = {}
    stack = [((), root)]
    while stack:
        path, node = stack.pop()
        if node is None:
            continue
        found.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = path + (key.value,)
                found[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
                stack.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((path + (i,), item) for i, item in enumerate(node.value))
    return found


def _names(entries: Any) -> list[tuple[int, str]]:
    """(index, name) of each entry of a plugins: or markdown_extensions: list (a name or {name: options})."""
    if isinstance(entries, Mapping):
        entries = [{k: v} for k, v in entries.items()]
    out = []
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        name = next(iter(entry), "") if isinstance(entry, Mapping) else entry
        out.append((i, str(name)))
    return out


def _site_path_problem(value: Any) -> str | None:
    """A logo, favicon or edit_uri: a path inside the site (letters, digits, . _ - /), or an http(s) address."""
    text = str(value)
    if text.lower().startswith(("https://", "http://")):
        return htmlsafety.web_address_problem(text)
    if not text or not all(c.isascii() and (c.isalnum() or c in "._-/") for c in text) or ".." in text:
        return f"'{text}' is not a path of the site (letters, digits, '.', '_', '-' and '/' only)"
    return None


def _allowed(config: Mapping[str, Any]) -> list[tuple[tuple, str, str]]:
    """What mkdocs.yml may hold at all: its keys, the theme's, plugins and Markdown extensions."""
    out: list[tuple[tuple, str, str]] = []
    for key in config:
        if key not in TOP_LEVEL:
            out.append(((key,), f"hwbsite does not allow '{key}' in mkdocs.yml: it would run code or publish "
                        "a file the checks do not see", did_you_mean(str(key), TOP_LEVEL) or "remove it"))
    theme = config.get("theme")
    if isinstance(theme, Mapping):
        if theme.get("name") != THEME:
            out.append((("theme", "name"), f"the theme must be '{THEME}' (hwbsite's templates fill its blocks)", ""))
        for key in theme:
            if key not in THEME_KEYS:
                out.append((("theme", key), f"hwbsite does not allow theme: {key}",
                            did_you_mean(str(key), THEME_KEYS) or "remove it"))
        for key in ("logo", "favicon"):
            if theme.get(key) is not None and (problem := _site_path_problem(theme[key])):
                out.append((("theme", key), problem, "for example assets/logo.png"))
    if config.get("edit_uri") is not None and (problem := _site_path_problem(config["edit_uri"])):
        out.append((("edit_uri",), problem, "for example edit/main/ or https://github.com/owner/repo/edit/main/"))
    for i, name in _names(config.get("plugins") or []):
        if name not in PLUGINS:
            out.append((("plugins", i), f"hwbsite does not allow the plugin '{name}': a plugin runs code at build "
                        "time and writes to the site unchecked", "remove it"))
    for i, name in _names(config.get("markdown_extensions") or []):
        if name not in MARKDOWN_EXTENSIONS:
            out.append((("markdown_extensions", i), f"hwbsite does not allow the Markdown extension '{name}'",
                        did_you_mean(name, MARKDOWN_EXTENSIONS) or "allowed: " + ", ".join(sorted(MARKDOWN_EXTENSIONS))))
    return out


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml as written (!ENV and other tags read as None): the keys the board wrote, not the
    defaults MkDocs fills in."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)


def written(config_text: str) -> Mapping[str, Any]:
    try:
        raw = yaml.load(config_text, Loader=_AnyTag)
    except yaml.YAMLError:
        return {}
    return raw if isinstance(raw, Mapping) else {}


def problems(config: Mapping[str, Any], config_text: str | None = None) -> list[tuple[tuple, str, str]]:
    """(path, message, hint) for each value of the configuration the theme would print unsafely,
    and each key, plugin or extension mkdocs.yml may not hold (judged on the file as written)."""
    out: list[tuple[tuple, str, str]] = _allowed(written(config_text)) if config_text is not None else []
    for key in PRINTED_TEXT:
        value = config.get(key)
        if value is None:
            continue
        problem = htmlsafety.plain_text_problem(str(value))
        if problem:
            out.append(((key,), problem, "write it as plain text, without < > or \""))
    for key in PRINTED_ADDRESSES:
        value = config.get(key)
        if value and (problem := htmlsafety.web_address_problem(str(value))):
            out.append(((key,), problem, "for example https://www.example.gov.uk/"))
    for path, title in _nav_titles(config.get("nav") or [], ("nav",)):
        problem = htmlsafety.plain_text_problem(str(title))
        if problem:
            out.append((path, problem, "write the nav title as plain text"))
    theme = config.get("theme")
    palettes = theme.get("palette") if isinstance(theme, Mapping) else None
    palettes = [palettes] if isinstance(palettes, Mapping) else (palettes or [])
    for i, palette in enumerate(palettes):   # the palette switch's label, printed in a title attribute
        toggle = palette.get("toggle") if isinstance(palette, Mapping) else None
        name = toggle.get("name") if isinstance(toggle, Mapping) else None
        if name is not None and (problem := htmlsafety.plain_text_problem(str(name))):
            out.append((("theme", "palette", i, "toggle", "name"), problem, "write the label as plain text"))
    extra = config.get("extra") or {}
    if isinstance(extra, Mapping):
        for key, value in extra.items():
            if key == "hwbsite":
                continue   # written by the plugin from data/board.yml (typed there)
            if key not in EXTRA:
                out.append((("extra", key), f"hwbsite does not support extra: {key} (the theme would print it "
                             "unchecked)", did_you_mean(str(key), EXTRA) or "remove it"))
            elif not isinstance(value, EXTRA[key]):
                out.append((("extra", key), f"expected {EXTRA[key].__name__}, got {value!r}", ""))
    return out


def _nav_titles(nav, path):
    if isinstance(nav, list):
        for i, entry in enumerate(nav):
            yield from _nav_titles(entry, path + (i,))
    elif isinstance(nav, Mapping):
        for title, value in nav.items():
            yield path + (title,), title
            yield from _nav_titles(value, path + (title,))


def check(config: Mapping[str, Any], config_text: str, config_file: str, log: ProblemLog) -> None:
    """Report every unsafe printed value of the configuration at its line in config_file."""
    where = positions(config_text)
    for path, message, hint in problems(config, config_text):
        line, column = next((where[path[:i]] for i in range(len(path), -1, -1) if path[:i] in where), (1, 1))
        log.add(config_file, line, column, format_path(path), message, hint)
