"""Money pages (one per programme, and an index) and their CSV downloads, from data/finance/."""

from __future__ import annotations

import csv
import io

from .. import urls
from ..finance import fill_table


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def table_downloads(project, public_tables=None) -> dict[str, str]:
    """Paper tables whose money cells come from data/finance/, downloaded with those cells filled."""
    out = {}
    for name, (dataset, key) in sorted(project.table_finance.items()):
        if name not in project.tables or (public_tables is not None and name not in public_tables):
            continue
        table = fill_table(project.tables[name], project.finance, dataset, key)
        out[urls.table_download(name)] = _csv(table.header, table.rows)
    return out


def money_downloads(project, public_tables=None) -> dict[str, str]:
    """CSV downloads: site path -> content."""
    return table_downloads(project, public_tables)
