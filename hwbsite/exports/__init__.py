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


def build_exports(project: BoardRecords, ctx: SiteContext, site_url: str | None) -> list[OutputItem]:
    """Every export of the (public) project, sorted by path."""
    from . import calendar, feeds, opendata, oparl
    items = [*calendar.calendar_files(project, ctx, site_url),
             *feeds.feed_files(project, ctx, site_url), feeds.whats_new_page(project, ctx),
             *opendata.opendata_files(project, ctx, site_url), *oparl.oparl_files(project, ctx, site_url)]
    return sorted(items, key=lambda i: i.path)
