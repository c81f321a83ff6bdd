"""Issue 23: no module in hwbsite/ over 400 lines unless its docstring says why it is one module."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hwbsite"
LIMIT = 400
REASON = "Why one module of over 400 lines:"


def test_long_modules_say_why_they_are_one():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > LIMIT and REASON not in (ast.get_docstring(ast.parse(text)) or ""):
            unexplained.append(f"{path.relative_to(PACKAGE.parent)}: {text.count(chr(10))} lines")
    assert unexplained == [], f"split these by job, or say in the docstring '{REASON} ...': {unexplained}"
