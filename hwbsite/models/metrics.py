"""The metric registry: what each measure means, its unit and which direction is better."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, SkipValidation, WithJsonSchema

from .base import Model
from .types import FieldError, Markdown, Slug, Text
from .. import patterns

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


def _next_update(value: Any) -> Any:
    """A date as YAML reads one, or a period label as the papers print it."""
    from .. import periods
    if isinstance(value, (dt.date, periods.Period)) and not isinstance(value, dt.datetime):
        return value
    hint = 'a date such as 2018-03-31, or a period as published such as "Q2 2017/18" or "March 2018"'
    if not isinstance(value, str):
        raise FieldError(f"expected a date or a period, got {value!r}", hint)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return periods.parse(value)
    except periods.PeriodError:
        raise FieldError(f"expected a date or a period, got '{value}'", hint) from None


NextUpdate = Annotated[SkipValidation[object], BeforeValidator(_next_update), WithJsonSchema(
    {"type": "string", "description": 'when the papers say the next figures are due: a date (2018-03-31) or a '
                                      'period as published ("Q2 2017/18")'})]


class Metric(Model):
    id: Slug
    title: Text
    description: Text | None = None
    definition: Definition | None = None
    unit: Unit
    polarity: Literal["lower", "higher", "neutral"] = "neutral"
    tolerance: float = Field(default=0.02, ge=0, le=1)
    aliases: list[Text] = Field(default_factory=list)
    # For a measure published only by category (by CCG, by service): the category whose figure its
    # dashboard tile leads with (one area among the five compared). Must be one of its values' breakdowns.
    headline: Text | None = None
    aims: list[int] = Field(default_factory=list)
    versions: list[DefinitionVersion] = Field(default_factory=list)
    source: str | None = None
    updated: dt.date | None = None
    # When the papers say the next figures are due ("Next update due", as Fingertips shows it): a date
    # (2018-03-31) or a period as published ("Q2 2017/18"). Written by an officer from the papers, never
    # worked out: without it nothing is shown.
    next_update: NextUpdate | None = None
    # inconsistencies in the source about this measure, shown beside its chart on every page
    notes: list[Markdown] = Field(default_factory=list)


class Registry(Model):
    metrics: list[Metric] = Field(default_factory=list)


# --- one row of a metric values CSV (data/metrics/values/*.csv) -------------------------------

_THOUSANDS = patterns.compile("models.metrics.thousands", r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _plain_number(value: Any) -> float:
    """A figure as the CSV gives it: a number, no per cent sign; "1,045.2" in double quotes is the
    figure as printed, its comma grouping thousands."""
    if isinstance(value, (int, float)):
        return float(value)
    try:
        number = float(value.replace(",", "") if _THOUSANDS.match(value) else value)
    except (TypeError, ValueError):
        number = math.nan
    if math.isnan(number) or math.isinf(number):
        raise FieldError(f"expected a plain number, got '{value}'", "write 7395 not 7,395, and 86.7 not 86.7%")
    return number


def _period(value: Any) -> Any:
    from .. import periods
    if isinstance(value, periods.Period):
        return value
    try:
        return periods.parse(value)
    except periods.PeriodError as exc:
        raise FieldError(str(exc), exc.hint) from None


_PERIOD_SCHEMA = {"type": "string", "description": 'a period as published: "2017/18", "Q1 17/18", "Apr-16", '
                                                  '"April 2012 - March 2013"'}
Number = Annotated[float, BeforeValidator(_plain_number)]
PeriodLabel = Annotated[SkipValidation[object], BeforeValidator(_period), WithJsonSchema(_PERIOD_SCHEMA)]


class ValueRow(Model):
    """One published figure: a row of a long-form values CSV, every cell validated at its column."""

    metric: Slug
    period: PeriodLabel
    kind: Kind
    value: Number
    unit: Unit | None = None
    breakdown: Text | None = None
    numerator: Number | None = None
    denominator: Number | None = None
    ci_low: Number | None = None
    ci_high: Number | None = None
    covers: PeriodLabel | None = None
    as_of: dt.date | None = None
    source: str | None = None
    note: Text | None = None
