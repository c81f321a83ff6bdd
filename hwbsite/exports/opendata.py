"""Open data: every dataset the site publishes, as CSV and JSON, described by one Frictionless
Data Package (data/datapackage.json), and the Data page that explains and links them.

The datasets are declared in meetingdata.py (the board's business) and figuredata.py (its
figures), each next to the function that makes its rows; dataset.py writes one as CSV and JSON.
This module gathers them, cites the papers in place of line references, and writes the package
and the page.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import citations, spreadsheet
from ..outputitem import OutputItem
from . import addresses, clean
from .dataset import _NAME, Dataset, _csv, _json
from .figuredata import metric_values, metrics, money, paper_tables, strategy_actions, strategy_rag
if TYPE_CHECKING:  # pragma: no cover
    from ..boardrecords import BoardRecords
    from ..context import SiteContext
    from ..models.board import Board
from .meetingdata import (actions, agenda_items, attendance, declarations, decisions, meetings, papers, people,
                          roles)

DIR = "data"
PAGE = "data/index.md"
PACKAGE = f"{DIR}/datapackage.json"
OGL = {"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
       "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}



def datasets(project: BoardRecords, site_url: str | None) -> list[Dataset]:
    return [meetings(project, site_url), agenda_items(project), papers(project, site_url),
            decisions(project, site_url), actions(project), attendance(project), declarations(project),
            people(project, site_url), roles(project), strategy_actions(project), strategy_rag(project),
            metrics(project), metric_values(project), money(project), *paper_tables(project)]


def licence(board: Board) -> dict[str, str]:
    """The data package's licence: the board's (data/board.yml licence:), the OGL v3.0 by default."""
    lic = board.licence
    if lic.url.rstrip("/") == OGL["path"].rstrip("/"):
        return OGL
    return {"name": _NAME.sub("-", lic.name.lower()).strip("-") or "licence", "title": clean(lic.name),
            "path": lic.url}


def package(project: BoardRecords, site_url: str | None, sets: list[Dataset]) -> dict[str, Any]:
    resources = []
    for ds in sets:
        schema: dict[str, Any] = {"fields": [{"name": f.name, "type": f.type, "description": f.description} for f in ds.fields]}
        if ds.primary_key:
            schema["primaryKey"] = ds.primary_key
        if ds.foreign_keys:
            schema["foreignKeys"] = ds.foreign_keys
        resources.append({"name": ds.name, "title": ds.title, "description": ds.description,
                          "path": ds.csv_path, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "profile": "tabular-data-resource", "schema": schema})
    return {"profile": "tabular-data-package",
            "name": _NAME.sub("-", (project.board.short_name or project.board.name).lower()).strip("-"),
            "title": clean(f"{project.board.name}: open data"),
            "description": clean(f"Meetings, papers, decisions, people and figures published by the "
                                 f"{project.board.name}, from the data its website is built from. "
                                 + spreadsheet.NOTE),
            "homepage": addresses.page(site_url, PAGE),
            "licenses": [licence(project.board)],
            "resources": resources}


def opendata_files(project: BoardRecords, ctx: SiteContext, site_url: str | None) -> list[OutputItem]:
    sets = datasets(project, site_url)
    # Line references ("000 lines 4839") are for officers: published data cites the pack instead.
    cites = citations.for_project(project)
    for ds in sets:
        ds.rows = [{k: cites.replace(v) if isinstance(v, str) and citations.has_line_reference(v) else v
                    for k, v in row.items()} for row in ds.rows]
    files: list[OutputItem] = []
    for ds in sets:
        files.append(OutputItem(f"{DIR}/{ds.csv_path}", _csv(ds)))
        files.append(OutputItem(f"{DIR}/{ds.csv_path.removesuffix('.csv')}.json", _json(ds)))
    files.append(OutputItem(PACKAGE, json.dumps(package(project, site_url, sets), ensure_ascii=False, indent=1) + "\n"))
    files.append(data_page(project, sets))
    return files


def data_page(project: BoardRecords, sets: list[Dataset]) -> OutputItem:
    from .. import markup
    from ..messages import plural, text
    lic = licence(project.board)
    lic_text = f"[{lic['title']}]({lic['path']})" if "path" in lic else markup.text(lic["title"])
    lines = [text("opendata.heading"), "", text("opendata.intro"), "",
             text("opendata.licence", licence=lic_text), "",
             text("opendata.as_printed"), "", text("opendata.also"), ""]
    for ds in sets:
        if ds.name.startswith("table-"):
            continue
        base = ds.csv_path.removesuffix(".csv")
        lines += [f"## {markup.text(ds.title)} {{#{ds.name}}}", "", markup.text(ds.description), "",
                  f"[CSV]({base}.csv) · [JSON]({base}.json) · " + (
                      plural("opendata.rows", len(ds.rows)) if ds.rows else text("opendata.no_rows")), ""]
        lines += [text("opendata.columns_header"), "|---|---|---|"]
        lines += [f"| `{f.name}` | {f.type} | {markup.cell(f.description)} |" for f in ds.fields]
        lines.append("")
    tables = [ds for ds in sets if ds.name.startswith("table-")]
    if tables:
        lines += [text("opendata.tables_heading"), "", text("opendata.tables_intro"), ""]
        lines += [f"- {markup.text(ds.csv_path.removeprefix('tables/').removesuffix('.csv'))}: "
                  f"[CSV]({ds.csv_path}) · [JSON]({ds.csv_path.removesuffix('.csv')}.json)" for ds in tables]
        lines.append("")
    return OutputItem(PAGE, "\n".join(lines))
