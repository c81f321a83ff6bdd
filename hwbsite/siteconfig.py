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


def problems(config: Mapping[str, Any]) -> list[tuple[tuple, str, str]]:
    """(path, message, hint) for each value of the configuration the theme would print unsafely."""
    out: list[tuple[tuple, str, str]] = []
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
    for path, message, hint in problems(config):
        line, column = next((where[path[:i]] for i in range(len(path), -1, -1) if path[:i] in where), (1, 1))
        log.add(config_file, line, column, format_path(path), message, hint)
