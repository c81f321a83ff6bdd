"""Random mutations of the real data files: every outcome is a located error (or a clean load),
never a traceback or a hang.

Each example takes a real file (a meeting, a paper, the metric registry, a CSV of values),
applies a few random edits of the kinds an officer's slip or a hostile hand makes (delete a span,
insert YAML/Markdown/CSV syntax, anchors and aliases, tabs, control characters, deep brackets,
duplicate or move a line, indent or dedent), writes it into a small valid site and loads it.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hwbsite.project import load_project

pytestmark = [pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "broken" / "_base"

SOURCES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "data/meetings").glob("*.yml")) + [
    "content/papers/" + sorted(p.name for p in (REPO / "content/papers").glob("*.md") if p.name != "index.md")[0],
    "data/metrics/registry.yml",
    "data/metrics/values/" + sorted(p.name for p in (REPO / "data/metrics/values").glob("*.csv"))[0],
]

TOKENS = [":", ": ", "- ", "  ", "\t", "\n", "'", '"', "[", "]", "{", "}", ",", "#", "&a ", "*a", "<<: *a\n",
          "&a [1, *a]", "!!python/object/apply:os.system ['true']", "!!binary AAAA", "? ", "|", ">", "---\n",
          "...\n", "%YAML 1.1\n", "2017-02-30", "25:00", "null", "~", "yes", "1e999", "0x1F", "\x00", "\x1b",
          "\ufeff", "\u2028", "é", "£", "<script>alert(1)</script>", "<svg/onload=alert(1)>",
          "[x](&#106;avascript:alert(1))", "[r]: javascript:alert(1)\n", "{: onclick=\"x\" }", "```\n",
          "```chart\nmetric: nope\n```\n", "[" * 60, "{a: " * 60, "- " * 60, "&b [" + "*b," * 5 + "]",
          '","', '"\n"', ",,,,,,,,", "\r\n"]


@st.composite
def mutated(draw):
    source = draw(st.sampled_from(SOURCES))
    text = (REPO / source).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        kind = draw(st.sampled_from(["delete", "insert", "dup-line", "move-line", "indent", "dedent", "truncate"]))
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif kind == "truncate":
            text = text[:at]
        else:
            i = draw(st.integers(0, len(lines) - 1))
            if kind == "dup-line":
                lines.insert(i, lines[i])
            elif kind == "move-line":
                lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
            elif kind == "indent":
                lines[i] = "  " + lines[i]
            else:
                lines[i] = lines[i][2:]
            text = "\n".join(lines)
    return source, text


@settings(max_examples=150, deadline=timedelta(seconds=20), derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_real_file_gives_located_errors_never_a_traceback(case):
    source, text = case
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        shutil.copytree(BASE, root)
        if source.startswith("data/metrics/values/"):  # values need their registry
            (root / "data/metrics").mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / "data/metrics/registry.yml", root / "data/metrics/registry.yml")
        path = root / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        project, log = load_project(root)   # a traceback fails the test here
        for problem in log.problems:
            assert problem.line >= 1 and problem.column >= 1, problem.format()
            assert (root / problem.file).is_file(), problem.format()
            assert problem.message, problem.format()
        if not log.errors:
            assert project is not None
