"""Problems found in an officer's files, with their source positions."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    code: str = field(default="", compare=False)

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {self.severity.value}: {what}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def as_dict(self) -> dict:
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


class DataError(Exception):
    """Raised when the data has errors; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        lines = "\n".join(p.format() for p in errors)
        super().__init__(f"{len(errors)} error(s) in the data:\n{lines}")


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
            # the folder resolved, not the file: a symbolic link is named as itself, not as its target
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, file: Path | str, line: int, column: int, field: str, message: str,
            hint: str = "", severity: Severity = Severity.ERROR, code: str = "") -> None:
        self.problems.append(Problem(self.rel(file), line, column, severity, field, message, hint, code))

    def error(self, src, field: str, message: str, hint: str = "", code: str = "") -> None:
        """Record an error at a model's source position (anything with file/line/column)."""
        self.add(src.file, src.line, src.column, field, message, hint, Severity.ERROR, code)

    def warn(self, src, field: str, message: str, hint: str = "", code: str = "") -> None:
        self.add(src.file, src.line, src.column, field, message, hint, Severity.WARNING, code)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise DataError(self.problems)
