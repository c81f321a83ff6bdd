"""The options of the fenced blocks officers put in pages (```table, ```chart, ```next-meeting).

Validated like every other record, so a bad option is reported at its own line with a
"did you mean" hint, and every accepted option does something.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Model
from .types import FieldError, Slug, Text
from .. import patterns

_CSV_NAME = patterns.compile("models.blocks.csv_name", r"^[A-Za-z0-9][\w.-]*\.csv$")
# A data/finance/ dataset: the file name without .csv, e.g. "winter-plan-2026--budget".
_DATASET = patterns.compile("models.blocks.dataset", r"^[a-z0-9]+(?:--?[a-z0-9]+)*$")


class TableBlock(Model):
    file: str = Field(json_schema_extra={"pattern": _CSV_NAME.pattern})   # a file in data/tables/
    caption: Text | None = None
    display: Literal["table", "download"] = "table"
    # Money cells filled from data/finance/<finance>.csv, matched on the table's <key> column
    # (by default its first): the one place each published amount is held.
    finance: str | None = Field(default=None, json_schema_extra={"pattern": _DATASET.pattern})
    key: str | None = None

    @model_validator(mode="after")
    def _names(self) -> TableBlock:
        if not _CSV_NAME.match(self.file):
            raise FieldError(f'expected the name of a CSV file in data/tables/, got "{self.file}"',
                             "for example file: my-paper--figures.csv", field="file")
        if self.finance is not None and not _DATASET.match(self.finance):
            raise FieldError(f'expected the name of a dataset in data/finance/ (without .csv), got "{self.finance}"',
                             "for example finance: winter-plan-2026--budget", field="finance")
        return self


class ChartBlock(Model):
    metric: Slug | None = None                              # one metric ...
    metrics: list[Slug] = Field(default_factory=list)       # ... or several, one chart each

    @model_validator(mode="after")
    def _one_way(self) -> ChartBlock:
        if self.metric is None and not self.metrics:
            raise FieldError("the chart block needs 'metric:'", "metric: a metric id from data/metrics/registry.yml",
                             field="metric")
        if self.metric is not None and self.metrics:
            raise FieldError("give either 'metric:' or 'metrics:', not both", field="metrics")
        return self

    @property
    def ids(self) -> list[str]:
        return self.metrics or ([self.metric] if self.metric else [])


class NextMeetingBlock(Model):
    """Takes no options."""


class TilesBlock(Model):
    """The at-a-glance head of a dashboard: one tile per metric."""

    metrics: list[Slug] = Field(default_factory=list)   # without it: every metric charted on the page

    @property
    def ids(self) -> list[str]:
        return self.metrics


BLOCK_MODELS = {"table": TableBlock, "chart": ChartBlock, "next-meeting": NextMeetingBlock, "tiles": TilesBlock}
