"""One open dataset: its columns declared once (names, Frictionless types, meanings, keys) with its
rows, and the CSV and JSON written from that one declaration, so the two cannot disagree."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from .. import patterns, spreadsheet
from . import clean

# a dataset's or licence's name in the Data Package: lower case, no spaces
_NAME = patterns.compile("exports.opendata.name", r"[^a-z0-9._-]+")


@dataclass(frozen=True)
class Field:
    name: str
    type: str            # Frictionless Table Schema type: string, integer, number, date, boolean
    description: str


@dataclass
class Dataset:
    name: str
    title: str
    description: str
    fields: list[Field]
    rows: list[dict[str, Any]]
    primary_key: list[str]
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)
    csv_path: str = ""

    def __post_init__(self) -> None:
        self.csv_path = self.csv_path or f"{self.name}.csv"


def _f(name: str, type_: str, description: str) -> Field:
    return Field(name, type_, description)


@functools.lru_cache(maxsize=1)
def _declared() -> dict[str, list[Field]]:
    text = resources.files("hwbsite.exports").joinpath("columns.yml").read_text(encoding="utf-8")
    return {name: [Field(*column) for column in columns] for name, columns in yaml.safe_load(text).items()}


def columns(dataset: str) -> list[Field]:
    """A dataset's columns as declared in exports/columns.yml: one table of every dataset's columns
    (name, type, meaning), not a list of calls written again in each builder of the exports."""
    return list(_declared()[dataset])


def _fk(fields: str | list[str], resource: str, ref_fields: str | list[str]) -> dict[str, Any]:
    names = [fields] if isinstance(fields, str) else fields
    ref_names = [ref_fields] if isinstance(ref_fields, str) else ref_fields
    return {"fields": names, "reference": {"resource": resource, "fields": ref_names}}


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else clean(value) if isinstance(value, str) else value


def _csv(ds: Dataset) -> str:
    # The csv module, not pandas: the same bytes (minimal quoting, "\n" lines), and the build does
    # not import pandas for it.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(spreadsheet.safe_row(f.name for f in ds.fields))
    for row in ds.rows:
        # text columns only (the schema's type): a negative figure in a number column stays a number
        writer.writerow([spreadsheet.safe_cell(cell) if f.type == "string" else cell
                         for f in ds.fields for cell in [_csv_cell(_cell(row.get(f.name)))]])
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    # pandas wrote a missing number (NaN) as an empty cell
    return "" if isinstance(value, float) and value != value else value


def _json(ds: Dataset) -> str:
    def value(f: Field, raw: Any) -> Any:
        if raw is None or raw == "" and f.type != "string":
            return None
        if isinstance(raw, dt.date):
            return raw.isoformat()
        return clean(raw) if isinstance(raw, str) else raw
    records_ = [{f.name: value(f, row.get(f.name)) for f in ds.fields} for row in ds.rows]
    return json.dumps(records_, ensure_ascii=False, indent=1) + "\n"

