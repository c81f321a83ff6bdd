"""Option types the officer's commands share: a date written YYYY-MM-DD (with the reason a date is
impossible) and the site's folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click


class DateType(click.ParamType):  # type: ignore[type-arg]  # generic only in click's stubs
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from .dates import why_impossible
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            impossible = why_impossible(value)
            if impossible:
                self.fail(f"{value} is not a date: {impossible}", param, ctx)
            self.fail(f"expected a date written YYYY-MM-DD (for example 2026-12-09), got {value!r}", param, ctx)


DATE = DateType()


root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="The site's folder (the one holding data/ and content/).")
