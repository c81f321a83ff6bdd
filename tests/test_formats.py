"""One way to write money and dates, and one reader of mkdocs.yml."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from hwbsite import amounts, dates, mkdocsconfig
from hwbsite.checkrun import configured_build_date

PACKAGE = Path(__file__).resolve().parent.parent / "hwbsite"


@pytest.mark.parametrize("amount, suffix, written", [
    (32389936, "", "£32,389,936"), (-9000, "", "-£9,000"), (0, "", "£0"),
    ("1,234.5", "", "£1,234.5"), ("-225", "", "-£225"), ("6.2", "k", "£6.2k"), ("-6.2", "k", "-£6.2k"),
])
def test_money_puts_the_sign_before_the_pound_sign(amount, suffix, written):
    assert amounts.money(amount, suffix) == written


def test_dates_are_written_in_british_english():
    assert dates.long_date(dt.date(2017, 9, 20)) == "Wednesday 20 September 2017"
    assert dates.short_date(dt.date(2017, 6, 1)) == "1 June 2017"
    assert dates.month_year(dt.date(2018, 3, 31)) == "March 2018"


def test_no_date_is_formatted_with_the_process_locale():
    """strftime's %a %A %b %B follow LC_TIME, as do calendar's month and day names."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            spec = None
            if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
                spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant))
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "strftime" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                spec = node.args[0].value
            elif isinstance(node, ast.Attribute) and node.attr in ("month_name", "month_abbr", "day_name", "day_abbr"):
                found.append(f"{path.name}:{node.lineno} calendar.{node.attr}")
            if spec and re.search(r"%[aAbB]", spec):
                found.append(f"{path.name}:{node.lineno} {spec}")
    assert found == []


def test_check_reads_the_plugins_build_date_as_mkdocs_does(tmp_path):
    # a regular expression took the first "build_date:" in the file, wherever it was
    (tmp_path / "mkdocs.yml").write_text(
        'site_name: !ENV [SITE_NAME, "A board"]\nextra:\n  build_date: "2020-01-01"\n'
        'plugins:\n  - hwbsite:\n      build_date: "2026-12-01"\n', encoding="utf-8")
    assert configured_build_date(tmp_path) == dt.date(2026, 12, 1)
    assert mkdocsconfig.read(tmp_path)["site_name"] == "A board"   # !ENV resolved, not dropped


def test_no_other_reader_of_mkdocs_yml():
    readers = [p.name for p in sorted(PACKAGE.rglob("*.py"))
               if p.name != "mkdocsconfig.py" and re.search(r"yaml_load|build_date:\\s", p.read_text(encoding="utf-8"))]
    assert readers == []
