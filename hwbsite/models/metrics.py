"""The metric registry: what each measure means, its unit and which direction is better."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import Model
from .types import Markdown, Slug, Text

Unit = Literal["count", "percent", "per-100000", "per-1000", "gbp", "gbp-thousands", "days", "weeks", "score"]
Kind = Literal["actual", "plan", "target", "baseline", "forecast", "threshold"]

UNIT_LABELS = {
    "count": "number", "percent": "%", "per-100000": "per 100,000", "per-1000": "per 1,000",
    "gbp": "£", "gbp-thousands": "£000", "days": "days", "weeks": "weeks", "score": "score",
}
# Multiplier from numerator/denominator to the published rate.
UNIT_SCALES = {"percent": 100, "per-100000": 100_000, "per-1000": 1_000}


class Definition(Model):
    numerator: Text | None = None
    denominator: Text | None = None
    population: Text | None = None
    source: Text | None = None


class DefinitionVersion(Model):
    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    definition: Text
    source: str | None = None


class Metric(Model):
    id: Slug
    title: Text
    description: Text | None = None
    definition: Definition | None = None
    unit: Unit
    polarity: Literal["lower", "higher", "neutral"] = "neutral"
    tolerance: float = Field(default=0.02, ge=0, le=1)
    aliases: list[Text] = Field(default_factory=list)
    aims: list[int] = Field(default_factory=list)
    versions: list[DefinitionVersion] = Field(default_factory=list)
    source: str | None = None
    updated: dt.date | None = None
    # inconsistencies in the source about this measure, shown beside its chart on every page
    notes: list[Markdown] = Field(default_factory=list)


class Registry(Model):
    metrics: list[Metric] = Field(default_factory=list)
