"""The one rule for every CSV the site writes: no cell is read by a spreadsheet as a formula.

A cell that starts with "=", "+", "-", "@", a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets ("=HYPERLINK(...)", "@SUM(...)", "-2+3+cmd|' /C calc'!A0"): anyone who
opens a download would run what an officer's text, or a hostile edit, put there. Following OWASP's
advice on CSV injection, such a text cell is written with a leading apostrophe ("'=1+2"), which
the spreadsheet shows as text and does not display. Two things keep their exact bytes:

- cells of numeric columns (a number or integer column in the data package's schema), so that a
  negative figure stays a number;
- a text cell that is a plain number as printed ("-5", "-1,234.5", "-£2.1m", "+3%", "-1e-05"): it cannot
  be a formula, and an apostrophe would change what the paper printed; nor can a lone "-", the
  papers' mark for nil.

The JSON downloads keep the exact text of every cell (exports/opendata.py); the data package's
description and the README's data section say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import patterns

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = patterns.compile("spreadsheet.plain_number",
                                 r"[-+]?£?(?:\d[\d,]*+(?:\.\d++)?|\.\d++)(?:e[-+]?\d++)?(?:%|k|m|bn)?")

# what the data package's description says about it
NOTE = ("In the CSV files, a text cell that starts with =, +, -, @ or a tab and is not a plain number "
        "starts with an apostrophe ('), so that a spreadsheet shows it as text instead of running it as a "
        "formula; the JSON files have the exact text.")


def safe_cell(value: Any) -> Any:
    """The cell as a CSV of text should hold it: a would-be formula behind an apostrophe."""
    if (isinstance(value, str) and value.startswith(FORMULA_STARTS) and value != "-"
            and not _PLAIN_NUMBER.fullmatch(value)):
        return "'" + value
    return value


def safe_row(cells: Iterable[Any]) -> list[Any]:
    return [safe_cell(c) for c in cells]
