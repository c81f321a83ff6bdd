"""How `hwbsite check` reports problems: text for people (grouped by file, each cause before the
references that follow from it, then a one-line summary), GitHub annotations, and JSON for tools."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import click

from .errors import Problem, Severity


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _counts(problems: list[Problem]) -> tuple[int, int]:
    """(errors, warnings), not counting errors that only follow from another (errors.grouped)."""
    from .errors import consequences
    errors = sum(p.severity is Severity.ERROR for p in problems) - consequences(problems)
    return errors, sum(p.severity is Severity.WARNING for p in problems)


def format_text(problems: list[Problem], color: bool = False) -> str:
    """Problems by file and line, a header per file, each consequence under the error it follows
    from, and a one-line summary."""
    from .errors import grouped
    by_file: dict[str, list[tuple[Problem, list[Problem]]]] = defaultdict(list)
    for p, follows in grouped(problems):
        by_file[p.file].append((p, follows))
    out = []

    def styled(p: Problem) -> str:
        line = p.format() + (f" [acknowledged in data/known-issues.yml: {p.acknowledged}]" if p.acknowledged else "")
        if color:
            word = p.severity.value
            line = line.replace(f": {word}: ", ": " + click.style(
                word, fg="red" if p.severity is Severity.ERROR else "yellow", bold=True) + ": ", 1)
        return line

    for file, items in by_file.items():
        errors, warnings = _counts([p for p, _ in items])
        parts = [plural(errors, "error")] if errors else []
        parts += [plural(warnings, "warning")] if warnings else []
        parts += [f"{n} reference{'s' if n != 1 else ''} that follow from it"
                  for n in [sum(len(f) for _, f in items)] if n]
        out.append(click.style(f"== {file} ({', '.join(parts)})", bold=True) if color
                   else f"== {file} ({', '.join(parts)})")
        for p, follows in items:
            out.append(styled(p))
            if follows:
                out.append(f"    because of this error, {plural(len(follows), 'reference')} to what {file} "
                           "holds cannot be checked (fix this error first):")
                out += [f"    - {styled(c)}" for c in follows]
        out.append("")
    out.append(summary(problems, len(by_file)))
    return "\n".join(out) + "\n"


def summary(problems: list[Problem], files: int) -> str:
    from .errors import consequences
    errors, warnings = _counts(problems)
    if not problems:
        return "No problems found: the data is ready to publish."
    follows = consequences(problems)
    text = f"{plural(errors, 'error')}" + (f" (and {plural(follows, 'reference')} that follow from "
                                           f"{'it' if errors == 1 else 'them'})" if follows else "")
    text += f" and {plural(warnings, 'warning')} in {plural(files, 'file')}"
    if errors or follows:
        return text + ": nothing is published until the errors are fixed."
    return text + ": the site can be built; warnings are worth a look but do not stop it."


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: list[Problem], root: Path) -> str:
    """GitHub Actions workflow commands, so each problem is shown on its line of the pull request."""
    from .errors import grouped
    out = []
    ordered = [q for p, follows in grouped(problems) for q in (p, *follows)]
    for p in ordered:
        path = Path(os.path.relpath((root / p.file).resolve(), Path.cwd().resolve())).as_posix()
        if path.startswith("../"):
            path = p.file
        kind = "error" if p.severity is Severity.ERROR else "warning"
        title = f"hwbsite: {p.field}" if p.field else "hwbsite"
        message = f"{p.field}: {p.message}" if p.field else p.message
        if p.hint:
            message += f" (hint: {p.hint})"
        props = f"file={_gh_escape_property(path)},line={p.line},col={p.column},title={_gh_escape_property(title)}"
        out.append(f"::{kind} {props}::{_gh_escape_data(message)}")
    by_file = {p.file for p, _ in grouped(problems)}
    out.append(summary(problems, len(by_file)))
    return "\n".join(out) + "\n"


def format_json(problems: list[Problem]) -> str:
    from .errors import consequences, grouped
    errors, warnings = _counts(problems)
    ordered = [q for p, follows in grouped(problems) for q in (p, *follows)]
    return json.dumps({"errors": errors, "consequences": consequences(problems), "warnings": warnings,
                       "problems": [p.as_dict() for p in ordered]}, indent=2, ensure_ascii=False) + "\n"
