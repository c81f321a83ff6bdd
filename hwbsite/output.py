"""The site as one list of neutral items: every page, download, table file and asset.

``build_output(view)`` is the only place the site is assembled. Pages carry their final Markdown
(blocks expanded, "Last updated" added), so any engine that renders Markdown can build them: the
MkDocs plugin turns the list into ``File`` objects, and ``hwbsite generate`` writes it as a plain
docs tree that MkDocs builds with no hwbsite plugin at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from pathlib import Path

import yaml

from . import blocks, chartassets, charts, citations, claims, messages, theme, tiles, urls
from .finance import fill_table
from .context import build_context
from .errors import OutputConflict
from .pages import home, statements
from .pages.metrics import metric_downloads
from .pages.money import money_downloads
from .exports import build_exports, preview_stubs
from .outputitem import OutputItem
from .render import with_updated
from .site import build_pages
from .yamlsource import split_front_matter

if TYPE_CHECKING:  # pragma: no cover
    from .models.board import Board
    from .publication import PublicView

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/hwbsite"
# plotly.js's stylesheet first, so that hwbsite.css can override it
CSS = [f"{ASSET_DIR}/plotly-basic.css", f"{ASSET_DIR}/hwbsite.css", f"{ASSET_DIR}/board.css"]
JAVASCRIPT = [f"{ASSET_DIR}/hwbsite.js"]


def _front_matter_date(text: str) -> dt.date | None:
    front, _body, _line = split_front_matter(text)
    if not front:
        return None
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError:
        return None
    updated = meta.get("updated") if isinstance(meta, dict) else None
    return updated if isinstance(updated, dt.date) else None


def theme_extra(board: Board | None) -> dict[str, Any]:
    """What the theme templates read from mkdocs.yml's extra: the theme's words from the message
    catalogue, and the footer's contact and licence (none on a preview of data with errors)."""
    facts = {"hwbsite": statements.footer_facts(board)} if board is not None else {}
    return {**facts, "hwbsite_text": messages.theme_text()}


def build_output(view: "PublicView", site_url: str | None = None, exports: bool = True) -> list[OutputItem]:
    """Everything the site publishes, from the public view only, sorted by path.

    ``site_url`` is the published address, which feeds, calendars and OParl need in full.
    ``exports=False`` (the preview, unless asked) builds none of them: their two pages are stubs
    (``exports.preview_stubs``) and their downloads are left out.
    """
    ctx = build_context(view)
    expander = blocks.Expander(view, {
        "chart": lambda opts, page: charts.chart_block(view, opts, page, ASSET_DIR),
        "chart-link": lambda opts, page: charts.chart_link(view, opts, page),
        "next-meeting": lambda opts, page: home.meeting_panel(view, ctx, page),
        "tiles": lambda opts, page: tiles.tiles_block(view, opts, page),
    })
    items: list[OutputItem] = []
    pages = build_pages(view, ctx)
    pages.reverse()
    while pages:   # each page's first draft is let go once its item is made (a long archive's are 100 MB)
        page = pages.pop()
        items.append(replace(page, text=with_updated(expander.expand(page.markdown, page.path), page.updated)))
    for path, text in view.content_pages.items():
        updated = _front_matter_date(text)
        items.append(OutputItem(path, with_updated(expander.expand(text, path), updated), in_nav=True,
                                updated=updated, edit=view.source_files.get(f"page:{path}")))
    for path, source in view.content_images.items():   # checked by contentfiles.scan: images only
        items.append(OutputItem(path, source=source))
    for name, table in view.tables.items():
        if name in view.table_finance:   # money cells are held once, in data/finance/
            dataset, key = view.table_finance[name]
            table = fill_table(table, view.finance, dataset, key)
        # line references in cells become citations of the published pack
        items.append(OutputItem(urls.table_download(name), citations.public_table_csv(view, table)))
    for path, text in metric_downloads(view).items():
        items.append(OutputItem(path, text))
    tables = {i.path for i in items}
    items += [OutputItem(path, text) for path, text in money_downloads(view, ctx).items() if path not in tables]
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            items.append(OutputItem(f"{ASSET_DIR}/{asset.name}", source=asset))
    items.append(OutputItem(f"{ASSET_DIR}/board.css", theme.board_css(view.board)))   # the board's colour
    for name, path in chartassets.runtime_files().items():   # plotly.js, pinned in assets/vendor, with its licence
        items.append(OutputItem(f"{ASSET_DIR}/{name}", source=Path(path)))
    items.append(OutputItem(f"{ASSET_DIR}/plotly-basic.css", chartassets.runtime_css()))
    # an export page gets its "Last updated" line as every page does (a download has no date)
    if exports:
        items += [replace(e, text=with_updated(e.markdown, e.updated)) if e.updated else e
                  for e in build_exports(view, ctx, site_url)]
    else:
        items += preview_stubs()
    seen: set[str] = set()
    for item in items:
        if item.path in seen:  # a content page and a generated page with one path: a bug, not data
            raise OutputConflict(f"two outputs would be written to {item.path}")
        seen.add(item.path)
    # a count or completeness claim that the data does not bear out stops the build (claims.py)
    if false := claims.check(view, items):
        raise claims.ClaimError(false)
    return sorted(items, key=lambda i: i.path)
