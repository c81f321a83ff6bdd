"""Problems found in an officer's files, with their source positions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any
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
        }


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
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, file: Path | str, line: int, column: int, field: str, message: str,
            hint: str = "", severity: Severity = Severity.ERROR, code: str = "") -> None:
        self.problems.append(Problem(self.rel(file), line, column, severity, field, message, hint, code))

    def error(self, src: Any, field: str, message: str, hint: str = "", code: str = "") -> None:
        """Record an error at a model's source position (anything with file/line/column)."""
        self.add(src.file, src.line, src.column, field, message, hint, Severity.ERROR, code)

    def warn(self, src: Any, field: str, message: str, hint: str = "", code: str = "") -> None:
        self.add(src.file, src.line, src.column, field, message, hint, Severity.WARNING, code)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]
