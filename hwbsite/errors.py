"""Problems found in an officer's files, with their source positions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterable
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning, located at file:line:column of the officer's file."""

    file: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str
    hint: str = ""
    code: str = dataclasses.field(default="", compare=False)  # (the attribute 'field' shadows the function)
    # The officer's file whose own error this one follows from (a paper naming a meeting whose
    # file failed to load): shown under that file's error, not as a mistake of its own.
    cause: str = dataclasses.field(default="", compare=False)
    # A warning the board has acknowledged in data/known-issues.yml: the reason it gives.
    acknowledged: str = dataclasses.field(default="", compare=False)

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {self.severity.value}: {what}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "code": self.code,
            "cause": self.cause,
            "acknowledged": self.acknowledged,
        }


def grouped(problems: Iterable[Problem]) -> list[tuple[Problem, list[Problem]]]:
    """Problems in the order an officer fixes them: files with errors first, then by file and
    line, each consequence (a
    reference to a record whose file failed to load) after the first error of the file it follows
    from rather than as a mistake of its own. A consequence whose cause is not in the list stands
    on its own."""
    problems = sorted(set(problems))
    first_error: dict[str, Problem] = {}
    for p in problems:
        if p.severity is Severity.ERROR and not p.cause:
            first_error.setdefault(p.file, p)
    under: dict[Problem, list[Problem]] = {}
    roots: list[Problem] = []
    for p in problems:
        host = first_error.get(p.cause) if p.cause else None
        if host is not None:
            under.setdefault(host, []).append(p)
        else:
            roots.append(p)
    # files with an error of their own first: what stops the build is what to fix first
    has_error = {p.file for p in first_error.values()}
    roots.sort(key=lambda p: (p.file not in has_error, p))
    return [(p, under.get(p, [])) for p in roots]


def consequences(problems: Iterable[Problem]) -> int:
    """How many of the problems only follow from another one in the list (see ``grouped``)."""
    return sum(len(c) for _p, c in grouped(problems))


def format_grouped(problems: Iterable[Problem]) -> list[str]:
    """One line per problem, each consequence indented under its cause."""
    lines = []
    for p, follows in grouped(problems):
        lines.append(p.format())
        if follows:
            lines.append(f"    because of this error, {len(follows)} reference{'s' if len(follows) != 1 else ''} "
                         f"to what {p.file} holds cannot be checked:")
            lines += [f"    - {c.format()}" for c in follows]
    return lines


# ---------------------------------------------------------------------------------------------
# Exceptions. Problems in the data are not raised: they are collected in a ProblemLog, located,
# and reported together. These are for what stops a build after the data loaded cleanly; the CLI
# and the plugin catch HwbsiteError (and nothing broader), so a bug still shows its traceback.


class HwbsiteError(Exception):
    """Base of every error hwbsite raises on purpose, with a message for the officer."""


class OutputError(HwbsiteError):
    """The data loaded, but the site cannot be made from it."""


class OutputConflict(OutputError):
    """Two outputs would be written to one path (a hand-written page where a generated one goes)."""


class BlockError(OutputError):
    """A block in a page (```chart, ```table, ```tiles) cannot be expanded; the message names page:line."""


class ProblemLog:
    """Collects problems while loading so that one run reports all of them."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        # Every officer's file read in this run, by path relative to the root: rules scan this
        # kept text, so no file is read from disk twice in one build.
        self.texts: dict[str, str] = {}
        # Records whose file failed to load ("meeting:2017-09-20" -> its file): a reference to one
        # is a consequence of that file's error, not a second mistake.
        self.failed: dict[str, str] = {}

    def read(self, path: Path) -> str:
        """Read an officer's file once (UTF-8, size-checked) and keep its text for the rules."""
        from .yamlsource import read_text
        rel = self.rel(path)
        if rel not in self.texts:
            self.texts[rel] = read_text(path)
        return self.texts[rel]

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        try:
            # the folder resolved, not the file: a symbolic link is named as itself, not as its target
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, file: Path | str, line: int, column: int, field: str, message: str,
            hint: str = "", severity: Severity = Severity.ERROR, code: str = "", cause: str = "") -> None:
        self.problems.append(Problem(self.rel(file), line, column, severity, field, message, hint, code, cause))

    def error(self, src: Any, field: str, message: str, hint: str = "", code: str = "", cause: str = "") -> None:
        """Record an error at a model's source position (anything with file/line/column)."""
        self.add(src.file, src.line, src.column, field, message, hint, Severity.ERROR, code, cause)

    def missing(self, src: Any, field: str, key: str, message: str, hint: str) -> None:
        """A reference to a record that is not in the data: a consequence when the record's file
        failed to load (said once, under that file's error), else an error of its own."""
        if (cause := self.failed.get(key)) is not None:
            self.error(src, field, f"{message}: {cause} has errors, so it was not loaded", cause=cause)
        else:
            self.error(src, field, message, hint)

    def warn(self, src: Any, field: str, message: str, hint: str = "", code: str = "") -> None:
        self.add(src.file, src.line, src.column, field, message, hint, Severity.WARNING, code)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def new_warnings(self) -> list[Problem]:
        """Warnings not acknowledged in data/known-issues.yml (baseline.py)."""
        return [p for p in self.warnings if not p.acknowledged]
