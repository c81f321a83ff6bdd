"""What rules and page builders may read of a board: the one shape that ``project.Project`` (every
record) and ``publication.PublicView`` (the public part) share. Builders are given the view and
typed with this protocol, so that a builder asking for something only the project has (the
officers' file texts, the rules' "today") is a type error, not a ``getattr(project, ..., default)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from .errors import Problem
    from .finance import Finance
    from .models.board import Board
    from .models.meetings import Meeting
    from .models.metrics import Metric
    from .models.papers import Paper
    from .models.people import Person
    from .models.topics import Topic
    from .tables import Table


class BoardRecords(Protocol):
    """Read-only: what a board publishes, by kind."""

    @property
    def root(self) -> Path: ...
    @property
    def board(self) -> "Board": ...
    @property
    def people(self) -> "list[Person]": ...
    @property
    def meetings(self) -> "list[Meeting]": ...              # oldest first
    @property
    def papers(self) -> "dict[str, Paper]": ...
    @property
    def tables(self) -> "dict[str, Table]": ...
    @property
    def topics(self) -> "list[Topic]": ...
    @property
    def metrics(self) -> "dict[str, Metric]": ...
    @property
    def values(self) -> list[Any]: ...                     # metrics.Value, in file order
    @property
    def plans(self) -> list[Any]: ...                      # models.strategy.Plan
    @property
    def plan_updates(self) -> list[Any]: ...               # models.strategy.PlanUpdate
    @property
    def finance(self) -> "Finance": ...
    @property
    def table_users(self) -> dict[str, set[str]]: ...
    @property
    def table_finance(self) -> dict[str, tuple[str, str | None]]: ...
    @property
    def content_pages(self) -> dict[str, str]: ...
    @property
    def content_images(self) -> dict[str, Path]: ...
    @property
    def source_files(self) -> dict[str, str]: ...
    @property
    def problems(self) -> "list[Problem]": ...

    def person_named(self, name: str | None) -> "Person | None": ...
    def meeting(self, meeting_id: object) -> "Meeting | None": ...


if TYPE_CHECKING:  # pragma: no cover
    from .project import Project
    from .publication import PublicView

    def _both_conform(project: Project, view: PublicView) -> None:
        """mypy checks here that the project and its public view both have this shape."""
        records: BoardRecords = project
        records = view  # noqa: F841
