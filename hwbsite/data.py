"""The board's figures as pandas DataFrames, for analysts: ``pip install "hwbsite[data]"``.

    from hwbsite import data
    board = data.load("path/to/site")          # the folder holding data/ and content/
    board.metrics().query("metric == 'bcf-non-elective-admissions'")
    board.money().groupby("dataset")["pounds"].sum()
    board.attendance().groupby("name").size()

Every frame is read from the public view (publication.py) on the build date: what the site
publishes and nothing else (money transcribed from a private paper is left out, as on the site).
The build itself never imports pandas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import HwbsiteError
from .publication import london_today

if TYPE_CHECKING:  # pragma: no cover
    from .finance import Finance
    from .models.finance import FinanceRow
    from .publication import PublicView


class DataHasErrors(HwbsiteError):
    """The data did not load; the message lists every error, as `hwbsite check` does."""


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # an optional dependency: the build does not need it
        raise HwbsiteError('hwbsite.data needs pandas: pip install "hwbsite[data]"') from exc
    return pandas


METRIC_COLUMNS = ["metric", "title", "unit", "period", "start", "end", "kind", "value", "published", "breakdown",
                  "numerator", "denominator", "ci_low", "ci_high", "as_of", "source", "note"]
ATTENDANCE_COLUMNS = ["meeting", "category", "name", "person", "role", "chair", "representing"]


def money_frame(finance: "Finance", rows: "list[FinanceRow] | None" = None) -> Any:
    """Money rows as a DataFrame (one row per amount, "TBC" left out), indexed by position in
    ``finance.rows``."""
    from .models.finance import DIMENSIONS
    pd = _pandas()
    chosen = finance.rows if rows is None else rows
    index = {id(r): i for i, r in enumerate(finance.rows)}
    records = [{"dataset": r.dataset, "item": r.item, "column": r.column, "year": r.year,
                "start": r.period.start, "measure": r.measure, "kind": r.kind, "pounds": r.pounds,
                "step": r.step, **{d: getattr(r, d) for d in DIMENSIONS}}
               for r in chosen if r.pounds is not None]
    columns = ["dataset", "item", "column", "year", "start", "measure", "kind", "pounds", "step", *DIMENSIONS]
    return pd.DataFrame.from_records(records, columns=columns,
                                     index=[index[id(r)] for r in chosen if r.pounds is not None])


@dataclass
class BoardData:
    """One board's published figures."""

    view: "PublicView"

    def metrics(self) -> Any:
        """Every published metric value, one row each, in file order."""
        pd = _pandas()
        titles = {m.id: m.title for m in self.view.metrics.values()}
        records = [{"metric": v.metric, "title": titles.get(v.metric), "unit": v.unit, "period": v.period.label,
                    "start": v.period.start, "end": v.period.end, "kind": v.kind, "value": v.value,
                    "published": v.published, "breakdown": v.breakdown, "numerator": v.numerator,
                    "denominator": v.denominator, "ci_low": v.ci_low, "ci_high": v.ci_high, "as_of": v.as_of,
                    "source": v.source, "note": v.note} for v in self.view.values]
        return pd.DataFrame.from_records(records, columns=METRIC_COLUMNS)

    def money(self) -> Any:
        """Every amount of the published money (data/finance/), one row each."""
        return money_frame(self.view.finance)

    def attendance(self) -> Any:
        """Who attended each meeting with published minutes, and in what capacity (present,
        officers, apologies, ...): one row per name, oldest meeting first."""
        pd = _pandas()
        records = []
        for meeting in self.view.meetings:
            if meeting.minutes is None:
                continue
            attendance = meeting.minutes.attendance
            for category, _label in attendance.CATEGORIES:
                for entry in getattr(attendance, category):
                    person = self.view.person_named(entry.name)
                    records.append({"meeting": meeting.date, "category": category, "name": entry.name,
                                    "person": person.id if person else None, "role": entry.role,
                                    "chair": entry.chair, "representing": entry.representing})
        return pd.DataFrame.from_records(records, columns=ATTENDANCE_COLUMNS)


def load(root: str | Path = ".", build_date: dt.date | None = None, data_dir: str = "data",
         content_dir: str = "content") -> BoardData:
    """The board in ``root`` as published on ``build_date`` (default today); DataHasErrors if its
    data has errors."""
    from .project import load_project
    from .publication import public_view
    today = build_date or london_today()
    project, log = load_project(Path(root), data_dir, content_dir, today)
    if project is None or log.errors:
        raise DataHasErrors("the data has errors (run: hwbsite check):\n" + "\n".join(p.format() for p in log.errors))
    return BoardData(public_view(project, today))
