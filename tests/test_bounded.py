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


# ---------------------------------------------------------------------------------------------
# Limits on lines, cells and nesting: located errors in `hwbsite check` and the build alike

def _check(root: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from hwbsite.cli import main
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _build_fails_with(root: Path, expected: str) -> None:
    import subprocess
    import sys
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode != 0
    assert expected in run.stderr
    assert "Traceback" not in run.stderr and "RecursionError" not in run.stderr
    assert not (root / "site").exists()


_NESTED = {
    "list": "".join("    " * i + "- level\n" for i in range(300)),
    "div": '<div markdown="1">\n' * 300 + "text\n" + "</div>\n" * 300,
    "quote": "".join("> " * (i + 1) + "quoted\n" for i in range(300)),
    # markers on one line nest as if each were on its own line (Python-Markdown recursed 3000 deep)
    "inline-list": "- " * 3000 + "x\n",
    "inline-list-quote": "- > " * 300 + "x\n",
}


@pytest.mark.parametrize("kind", sorted(_NESTED))
def test_markdown_nested_hundreds_deep_is_a_located_error_not_a_traceback(fixture_project, kind):
    root = fixture_project("minimal")
    page = root / "content/deep.md"
    page.write_text("# Deep\n\nIntro.\n\n" + _NESTED[kind], encoding="utf-8")
    code, output = _check(root)
    assert code == 1
    # the first line past the limit of 20 levels, at its own line of the file
    line = {"list": 4 + 22, "div": 4 + 21, "quote": 4 + 21, "inline-list": 5, "inline-list-quote": 5}[kind]
    assert f"content/deep.md:{line}:" in output and "the limit is 20" in output
    _build_fails_with(root, f"content/deep.md:{line}:")


def test_nesting_within_the_limit_is_accepted(fixture_project):
    root = fixture_project("minimal")
    (root / "content/nested.md").write_text("# Nested\n\n" + "".join("    " * i + "- level\n" for i in range(6))
                                            + "\n- - - x\n\n" + "* " * 30 + "\n", encoding="utf-8")
    code, output = _check(root)
    assert code == 0, output


def test_a_line_too_long_is_a_located_error(fixture_project):
    root = fixture_project("minimal")
    (root / "content/long.md").write_text("# Long\n\n" + "word " * 5000 + "\n", encoding="utf-8")
    code, output = _check(root)
    assert code == 1
    assert "content/long.md:3:20001: error: line is 25,000 characters long; lines must be at most 20,000" in output


def test_a_csv_cell_too_long_is_a_located_error_naming_its_column(fixture_project):
    root = fixture_project("minimal")
    tables = root / "data/tables"
    tables.mkdir(parents=True, exist_ok=True)
    (tables / "t.csv").write_text('Area,Note\nRotherham,"' + "x" * 6000 + '"\n', encoding="utf-8")
    code, output = _check(root)
    assert code == 1
    assert ("data/tables/t.csv:2:11: error: Note: cell is 6,000 characters long; cells must be at most 5,000"
            in output)


def test_a_paper_of_spaces_and_brackets_is_checked_in_seconds(fixture_project):
    # the hang the issue found: a heading of a few thousand spaces that a link's anchor makes the link
    # check read (cubic before), runs of brackets and spaces in a body, a CSV cell of spaces
    root = fixture_project("minimal")
    papers = root / "content/papers"
    papers.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(["## a" + " " * 3000 + "x", "[see](#a-x)", "(" * 4000, " " * 9000 + "(", "[a](" * 250,
                        "000 lines 1" + " " * 9000 + ")", "Q1" + " " * 9000 + "x"])
    (papers / "p.md").write_text("---\nid: p\ntitle: P\n---\n" + body + "\n", encoding="utf-8")
    tables = root / "data/tables"
    tables.mkdir(parents=True, exist_ok=True)
    (tables / "p--t.csv").write_text("Period,Total\n" + '"(' + " " * 4000 + 'x",1\n', encoding="utf-8")
    start = time.process_time()
    code, output = _check(root)
    assert time.process_time() - start < 20   # minutes before the patterns were made linear
    assert "content/papers/p.md" not in output   # valid, if odd: the link check ran to the end


def test_markdown_nested_hundreds_deep_in_a_yaml_text_field_is_a_located_error(fixture_project):
    root = fixture_project("minimal")
    meeting = root / "data/meetings/2026-01-14.yml"
    nested = "".join("        " + "    " * i + f"- level {i}\n" for i in range(300))
    meeting.write_text(meeting.read_text().replace("      body: The board discussed the refresh.\n",
                                                   "      body: |\n" + nested), encoding="utf-8")
    code, output = _check(root)
    assert code == 1
    assert ("data/meetings/2026-01-14.yml:26:7: error: minutes.items[0].body: more than 20 levels of Markdown "
            "nested in one another") in output
    assert "Traceback" not in output
    _build_fails_with(root, "data/meetings/2026-01-14.yml:26:7: error: minutes.items[0].body")
