"""Downloads safe to open (issue 29): no CSV cell the site writes is read by a spreadsheet as a
formula; the JSON keeps the exact text, numbers stay numbers, and the data package stays valid."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil

from frictionless import Package

from exports_support import FIXTURES, REPO, as_bytes, exports
from hwbsite import citations, spreadsheet
from hwbsite.project import load_project
from hwbsite.publication import public_view

TODAY = dt.date(2026, 7, 1)
FORMULAS = {
    "title": '=HYPERLINK("http://evil.example/","Click")',
    "organisation": "@SUM(1+1)*cmd|' /C calc'!A0",
    "cell_plus": "+cmd|' /C calc'!A0",
    "cell_minus": "-2+3+cmd|' /C calc'!A0",
    "cell_tab": "\t=1+2",
}


def _project(tmp_path):
    root = tmp_path / "formulas"
    shutil.copytree(FIXTURES / "exports-edge", root)
    people = root / "data/people.yml"
    people.write_text(people.read_text().replace(
        "- {title: Chair, organisation: Edgeshire Council, from: 2025-05-01}",
        "- {title: " + json.dumps(FORMULAS["title"]) + ", organisation: " + json.dumps(FORMULAS["organisation"])
        + ", from: 2025-05-01}"))
    (root / "data/tables").mkdir()
    rows = [["Measure", "Change", "Note"],
            ["Beds", "-5", FORMULAS["cell_plus"]],
            ["Visits", "-", FORMULAS["cell_minus"]],
            ["Calls", "-1,234.5", FORMULAS["cell_tab"]]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (root / "data/tables/care-report--figures.csv").write_text(buf.getvalue())
    paper = root / "content/papers/care-report.md"
    paper.write_text(paper.read_text() + "\n```table\nfile: care-report--figures.csv\n```\n")
    return root


def _csv(out, path):
    return list(csv.reader(io.StringIO(as_bytes(out[path]).decode())))


def _exports(root):
    return exports(root, TODAY)


def test_text_cells_that_a_spreadsheet_reads_as_formulas_start_with_an_apostrophe(tmp_path):
    out = _exports(_project(tmp_path))
    roles = list(csv.DictReader(io.StringIO(as_bytes(out["data/roles.csv"]).decode())))
    chair = next(r for r in roles if r["person"] == "ann-chair" and r["title"].startswith("'"))
    assert chair["title"] == "'" + FORMULAS["title"]
    assert chair["organisation"] == "'" + FORMULAS["organisation"]
    table = _csv(out, "data/tables/care-report--figures.csv")
    assert table[1:] == [["Beds", "-5", "'" + FORMULAS["cell_plus"]],
                         ["Visits", "-", "'" + FORMULAS["cell_minus"]],
                         ["Calls", "-1,234.5", "'" + FORMULAS["cell_tab"]]]
    # no cell of any CSV the exports write starts a formula
    for path in out:
        if path.endswith(".csv"):
            for row in _csv(out, path):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path, cell)


def test_the_json_keeps_the_exact_text(tmp_path):
    out = _exports(_project(tmp_path))
    roles = json.loads(as_bytes(out["data/roles.json"]))
    chair = next(r for r in roles if r["title"] == FORMULAS["title"])
    assert chair["organisation"] == FORMULAS["organisation"]
    table = json.loads(as_bytes(out["data/tables/care-report--figures.json"]))
    assert [r["Note"] for r in table] == [FORMULAS["cell_plus"], FORMULAS["cell_minus"], FORMULAS["cell_tab"]]


def test_the_package_says_so_and_still_validates(tmp_path):
    out = _exports(_project(tmp_path))
    described = json.loads(as_bytes(out["data/datapackage.json"]))["description"]
    assert spreadsheet.NOTE in described
    dest = tmp_path / "written"
    for path, item in out.items():
        if path.startswith("data/") and not path.endswith(".md"):
            (dest / path).parent.mkdir(parents=True, exist_ok=True)
            (dest / path).write_bytes(as_bytes(item))
    report = Package(str(dest / "data/datapackage.json")).validate()
    assert report.valid, [(t.name, e.message) for t in report.tasks for e in t.errors][:5]


def test_negative_numbers_in_numeric_columns_stay_numbers():
    out = exports(REPO, dt.date(2017, 9, 20))
    money = list(csv.DictReader(io.StringIO(as_bytes(out["data/money.csv"]).decode())))
    negative = sorted(r["pounds"] for r in money if r["pounds"].startswith("-"))
    assert negative == ["-1000", "-40000"]
    assert {-1000, -40000} <= {r["pounds"] for r in json.loads(as_bytes(out["data/money.json"]))}


def test_the_table_download_beside_a_paper_is_safe_too(tmp_path):
    root = _project(tmp_path)
    project, log = load_project(root, today=TODAY)
    view = public_view(project, TODAY)
    text = citations.public_table_csv(view, view.tables["care-report--figures.csv"])
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[2] for r in rows[1:]] == ["'" + FORMULAS["cell_plus"], "'" + FORMULAS["cell_minus"],
                                        "'" + FORMULAS["cell_tab"]]
    assert [r[1] for r in rows[1:]] == ["-5", "-", "-1,234.5"]
