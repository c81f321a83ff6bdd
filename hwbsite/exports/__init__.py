"""Exports read outside the site: the meetings calendar, Atom feeds, open data and OParl.

Every builder here is a pure function of the project-shaped *public view* (nothing private left
in it), the site context and the site's address; each returns output items for the plugin:
``outputitem.OutputItem``s, downloads and Markdown pages alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import patterns

if TYPE_CHECKING:  # pragma: no cover
    from ..boardrecords import BoardRecords
    from ..context import SiteContext
    from ..outputitem import OutputItem


# C0 controls other than tab and newline, DEL and C1 controls: invalid in XML 1.0 and iCalendar
# text, and never meant in a paper.
_CONTROL = patterns.compile("exports.control", r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: object) -> str:
    """Text safe for every export format: control characters dropped, line ends made \\n."""
    if text is None:
        return ""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def is_export_path(path: str) -> bool:
    """True for every path an export writes (and only those): the preview, which builds no exports
    unless asked, uses it to tell a link to a download it skipped from a broken link."""
    from . import calendar, feeds, oparl, opendata
    return (path in (calendar.CALENDAR, feeds.ALL, feeds.WHATS_NEW)
            or path.startswith((f"{opendata.DIR}/", f"{oparl.ROOT}/", "feeds/"))
            or (path.startswith("meetings/") and path.endswith(".ics") and path.count("/") == 1))


def preview_stubs() -> list[OutputItem]:
    """What the preview publishes in place of the export pages (the open data page and What's new),
    which the nav and other pages link to: a short page saying how to see them. Nothing from the
    data, so nothing any record's privacy could depend on."""
    from ..outputitem import OutputItem
    from . import feeds, opendata
    note = ("This page is built by `make site` and in CI. To be quick, the preview builds no "
            "exports (open data, feeds, calendars, OParl); to see them here, stop the preview and run "
            "`HWBSITE_PREVIEW_EXPORTS=1 make serve`.\n")
    return [OutputItem(opendata.PAGE, "# Open data\n\n" + note),
            OutputItem(feeds.WHATS_NEW, "# What's new\n\n" + note)]


def build_exports(project: BoardRecords, ctx: SiteContext, site_url: str | None) -> list[OutputItem]:
    """Every export of the (public) project, sorted by path."""
    from . import calendar, feeds, opendata, oparl
    items = [*calendar.calendar_files(project, ctx, site_url),
             *feeds.feed_files(project, ctx, site_url), feeds.whats_new_page(project, ctx),
             *opendata.opendata_files(project, ctx, site_url), *oparl.oparl_files(project, ctx, site_url)]
    return sorted(items, key=lambda i: i.path)
