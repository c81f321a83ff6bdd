"""Bounded work: no officer text makes hwbsite run for minutes or end in a traceback (issue 29).

- every regular expression in hwbsite/ is registered in hwbsite/patterns.py (a module that calls
  re.compile, re.sub, ... itself fails here, so no pattern can be forgotten), and each registered
  pattern finishes adversarial input of 100 KB in well under a second;
- lines, CSV cells and Markdown nesting have limits, reported at file:line by `hwbsite check` and
  the build alike, before the Markdown renderer's recursion is reached.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

import hwbsite
from hwbsite import patterns

PACKAGE = Path(list(hwbsite.__path__)[0])
SIZE = 100_000
# A linear scan of 100 KB takes milliseconds; a quadratic one takes minutes. The limit is CPU time
# (not the wall clock), so that a loaded machine does not fail a linear pattern.
LIMIT_SECONDS = 0.5

_RE_CALLS = {"compile", "sub", "subn", "search", "match", "fullmatch", "finditer", "findall", "split"}


def _import_everything() -> None:
    for module in pkgutil.walk_packages(hwbsite.__path__, "hwbsite."):
        importlib.import_module(module.name)


def test_every_regular_expression_in_the_package_is_registered():
    direct = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "patterns.py" and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in _RE_CALLS):
                direct.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: re.{node.func.attr}")
            if isinstance(node, ast.ImportFrom) and node.module == "re":
                direct.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: from re import")
    assert direct == [], "compile these through hwbsite.patterns.compile:\n" + "\n".join(direct)


def test_the_registry_holds_the_patterns_the_modules_use():
    _import_everything()
    # a module-level compiled pattern that is not in the registry was compiled some other way
    registered = {id(p) for p in patterns.REGISTRY.values()}
    stray = []
    for module in pkgutil.walk_packages(hwbsite.__path__, "hwbsite."):
        mod = importlib.import_module(module.name)
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and id(value) not in registered:
                stray.append(f"{module.name}.{name}")
    assert stray == []
    assert len(patterns.REGISTRY) >= 60   # every module's patterns, not an empty registry


# Units repeated to 100 KB: runs of spaces and line ends, repeated prefixes of Markdown, numbers,
# dates, periods and citations, nested and unclosed brackets.
_UNITS = (
    " ", "\t", "\n", " \n", "\r\n", "a", "A", "1", "0", "-", "–", ".", ",", "/", ":", ";", "'", '"', "\\",
    "(", ")", "[", "]", "{", "}", "<", ">", "#", "*", "_", "`", "|", "!", "£", "%", "&", "=",
    "((", "[[", "[a](", "![a](", "](", "{#", "{: ", "id=\"", "# a ", "| --- ", "|-", "1 ", "1,", "1-",
    "1/", "1.", "12.", "1 - ", "q1 ", "lines 1 ", "000 lines 1 ", " and 1", ", 1", "(1 month ",
    "[x] ", "from ", " on", " onwards", "to add ", "<name of ", "(insert ", "as at ..", "```", "~~~",
    "2017/18 ", "01.01.17", "agreed at the HWB on ", "1st ", "april ", "total ", "\\(",
)
_ALWAYS = frozenset({" ", "\t", "\n", " \n", "a", "1", "-", "(", "[", "\\"})


def _inputs(name: str, pattern: re.Pattern):
    words = set(re.findall(r"[A-Za-z]{2,}", pattern.pattern))
    # a unit none of whose characters the pattern names can only meet its character classes, as
    # "a", "1", "-" and the runs of space do: those are always tried, the others where they matter
    source = pattern.pattern.lower()
    units = [u for u in _UNITS if u in _ALWAYS or any(ch in source for ch in u.strip().lower())]
    units += [*(w + " " for w in sorted(words)), *patterns.ATTACKS.get(name, ())]
    for unit in units:
        body = unit * (SIZE // len(unit))
        yield unit, body + "\x00"     # a character no pattern expects, so that every attempt fails at the end
    # a run of spaces or line ends after each of the pattern's own openings
    for opening in ("(", "[", "#", "# a", "{", "q", "£", "|", "from ", "lines 1", "000 lines 1", "1 "):
        if not any(ch in source for ch in opening.strip().lower()):
            continue
        for run in (" ", "\n", "\t"):
            yield f"{opening!r}+{run!r}", opening + run * SIZE + "\x00"


def _registered():
    _import_everything()
    return sorted(patterns.REGISTRY.items())


@pytest.mark.parametrize("name,pattern", _registered(), ids=lambda v: v if isinstance(v, str) else "")
def test_pattern_finishes_adversarial_input_quickly(name, pattern):
    slow = []
    for unit, text in _inputs(name, pattern):
        start = time.process_time()
        pattern.subn("", text)     # every match, as finditer, sub and split find them (in C, not Python)
        pattern.fullmatch(text)
        spent = time.process_time() - start
        if spent > LIMIT_SECONDS:
            slow.append(f"{unit!r} * {len(text)}: {spent:.2f} s")
            break   # one slow input is enough to show the pattern is not linear
    assert slow == [], f"{name} ({pattern.pattern!r}) is super-linear on: {slow}"
