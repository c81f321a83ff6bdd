"""Open data: every dataset as CSV and JSON, one valid Frictionless Data Package, and the Data page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from frictionless import Package

from exports_support import FIXTURES, PRIVATE_MARKERS, REPO, as_bytes, exports, load
from hwbsite.exports import opendata
from hwbsite.models.board import Licence

DATASETS = ("meetings", "agenda_items", "papers", "decisions", "actions", "attendance", "declarations",
            "people", "roles", "strategy_actions", "strategy_rag", "metrics", "metric_values")


def write(out: dict, dest):
    for path, item in out.items():
        if path.startswith("data/") and not path.endswith(".md"):
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(as_bytes(item))
    return dest / "data" / "datapackage.json"


def rows(out, name):
    return list(csv.DictReader(io.StringIO(as_bytes(out[f"data/{name}.csv"]).decode())))


@pytest.mark.parametrize("fixture,today", [(REPO, dt.date(2017, 9, 20)),
                                           (FIXTURES / "exports-edge", dt.date(2026, 7, 1)),
                                           (FIXTURES / "exempt", dt.date(2026, 2, 1))])
def test_the_data_package_is_valid_by_frictionless(fixture, today, tmp_path):
    out = exports(fixture, today)
    report = Package(str(write(out, tmp_path))).validate()
    errors = [(t.name, e.message) for t in report.tasks for e in t.errors][:5]
    assert report.valid, errors
    names = {r["name"] for r in json.loads(as_bytes(out["data/datapackage.json"]))["resources"]}
    assert set(DATASETS) <= names


def test_every_dataset_has_csv_and_json_with_the_same_records():
    out = exports(REPO, dt.date(2017, 9, 20))
    package = json.loads(as_bytes(out["data/datapackage.json"]))
    for resource in package["resources"]:
        base = "data/" + resource["path"].removesuffix(".csv")
        from_csv = rows(out, base.removeprefix("data/"))
        from_json = json.loads(as_bytes(out[f"{base}.json"]))
        assert len(from_csv) == len(from_json), base
        assert [f["name"] for f in resource["schema"]["fields"]] == list(from_csv[0] if from_csv else
                                                                         [f["name"] for f in resource["schema"]["fields"]])
        assert all(f.get("description") for f in resource["schema"]["fields"]), base


def test_counts_match_the_data():
    out = exports(REPO, dt.date(2017, 9, 20))
    view, ctx = load(REPO, dt.date(2017, 9, 20))
    assert len(rows(out, "meetings")) == len(view.meetings)
    assert len(rows(out, "agenda_items")) == sum(len(list(m.agenda.walk())) for m in view.meetings if m.agenda)
    assert len(rows(out, "papers")) == len(view.papers)
    assert len(rows(out, "metric_values")) == len(view.values)
    assert len(rows(out, "people")) == len(view.people)
    assert len(rows(out, "strategy_rag")) == sum(len(u.actions) for u in view.plan_updates)
    tables = [p for p in out if p.startswith("data/tables/") and p.endswith(".csv")]
    assert len(tables) == len(view.tables) > 0


def test_the_licence_is_the_open_government_licence_unless_the_board_says_otherwise():
    view, _ = load(REPO, dt.date(2017, 9, 20))
    assert opendata.licence(view.board)["name"] == "OGL-UK-3.0"
    cc_by = Licence(name="CC BY 4.0", url="https://creativecommons.org/licenses/by/4.0/")
    other = view.board.model_copy(update={"licence": cc_by})
    assert opendata.licence(other) == {"name": "cc-by-4.0", "title": "CC BY 4.0",
                                       "path": "https://creativecommons.org/licenses/by/4.0/"}
    out = exports(REPO, dt.date(2017, 9, 20))
    assert json.loads(as_bytes(out["data/datapackage.json"]))["licenses"][0]["title"] == "Open Government Licence v3.0"


def test_awkward_records_make_valid_rows():
    out = exports(FIXTURES / "exports-edge", dt.date(2026, 7, 1))
    people = {r["id"]: r for r in rows(out, "people")}
    assert "no-roles" in people                                   # a person with no roles is listed
    assert [r for r in rows(out, "roles") if r["person"] == "no-roles"] == []
    letter = next(r for r in rows(out, "papers") if r["id"] == "annual-letter")
    assert letter["meeting"] == "" and letter["title"] == "An annual letter to no meeting"   # \x0b dropped
    no_time = next(r for r in rows(out, "meetings") if r["id"] == "2026-06-10")
    assert no_time["time"] == "" and no_time["venue"] == ""
    moved = next(r for r in rows(out, "meetings") if r["id"] == "2026-03-11")
    assert moved["venue"] == "Room 1, Floor 2; Civic Centre\nHigh Street, Edgetown"
    assert moved["note"] == "Moved because of the election period"
    for path, item in out.items():
        if path.startswith("data/"):
            assert not any(c < 32 and c not in (9, 10, 13) for c in as_bytes(item)), path


def test_the_data_page_explains_and_links_every_dataset():
    out = exports(REPO, dt.date(2017, 9, 20))
    page = out["data/index.md"].text
    for name in DATASETS:
        assert f"]({name}.csv)" in page and f"]({name}.json)" in page, name
    assert "[Frictionless Data Package](datapackage.json)" in page
    assert "Open Government Licence v3.0" in page


def test_no_private_business_reaches_the_open_data():
    out = exports(FIXTURES / "exempt", dt.date(2026, 2, 1))
    leaks = [f"{p}: {m}" for p, item in out.items() if p.startswith("data/")
             for m in PRIVATE_MARKERS if m.encode() in as_bytes(item)]
    assert leaks == []
    exempt = next(r for r in rows(out, "agenda_items") if r["number"] == "3")
    assert (exempt["title"], exempt["exempt"], exempt["exempt_paragraph"], exempt["presenter"]) == (
        "Care home contract award", "true", "3", "")
    assert [r["id"] for r in rows(out, "papers")] == ["public-report"]
    assert [r["minute"] for r in rows(out, "decisions")] == ["1"]


def test_money_is_open_data_as_printed_with_its_discrepancies_and_no_seed_lines():
    view, _ctx = load(REPO, dt.date(2017, 9, 30))
    files = exports(REPO, dt.date(2017, 9, 30))
    rows = list(csv.DictReader(io.StringIO(as_bytes(files["data/money.csv"]).decode())))
    assert len(rows) == len(view.finance.rows) > 300
    assert "seed" not in rows[0]          # seed lines are for officers, never published
    ibcf = next(r for r in rows if r["dataset"] == "improved-bcf-2017-19--itemised-uses" and r["kind"] == "total"
                and r["published"] == "£1.09m")
    assert (ibcf["pounds"], ibcf["parts_add_up_to"]) == ("1090000", "1081000")
    assert sum(1 for r in rows if r["parts_add_up_to"]) == 3   # the three real discrepancies of the packs


def test_paper_tables_whose_money_is_held_in_finance_are_published_filled_in():
    files = exports(REPO, dt.date(2017, 9, 30))
    table = as_bytes(files["data/tables/bcf-plan-2017-19--financial-plan.csv"]).decode()
    assert "24,323" in table   # the TOTAL row's 2016/17 investment (£000), read from data/finance/
