"""A paper: a report, briefing, appendix or plan, with its body in Markdown."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .base import Model
from .meetings import Exempt
from .types import Label, Markdown, PageRange, Slug, Text

PaperType = Literal["report", "briefing", "appendix", "presentation", "plan", "template",
                    "annual-report", "audit", "strategy", "protocol", "minutes", "update"]


class Contact(Model):
    name: Text
    role: Text | None = None
    organisation: Text | None = None
    email: str | None = None
    phone: str | None = None


class PaperVersion(Model):
    status: Literal["draft", "final", "signed"]
    meeting: dt.date | None = None
    date: dt.date | None = None
    source: str | None = None
    note: Text | None = None


class PublishedIn(Model):
    """Where the paper was published, as the officer reads it in the papers: the agenda pack of a
    meeting (its item and pages), and/or separately, outside any agenda pack. ``evidence`` is the
    line reference that shows it (the agenda line that lists the item, the stand-alone document).
    hwbsite.provenance uses this record and reports an error where the agenda and the sources say
    otherwise."""

    pack: dt.date | None = None          # the meeting whose agenda pack prints it
    item: Label | None = None            # the agenda item it is printed under
    pages: PageRange | None = None       # the item's pages, as the agenda prints them ("107-237")
    separately: bool = False             # (some of) it was published on its own, not in an agenda pack
    evidence: str

    @model_validator(mode="after")
    def _says_where(self) -> "PublishedIn":
        if self.pack is None and not self.separately:
            raise ValueError("say where it was published: pack: <meeting date> (with item:), "
                             "or separately: true")
        if self.pack is None and (self.item is not None or self.pages is not None):
            raise ValueError("item: and pages: need the pack: (the meeting date) they belong to")
        return self


class Paper(Model):
    id: Slug
    title: Text
    type: PaperType = "report"
    meeting: dt.date | None = None
    item: Label | None = None
    appendix_of: Slug | None = None
    date: dt.date | None = None
    organisation: Text | None = None
    directorate: Text | None = None
    authors: list[Contact] = Field(default_factory=list)
    summary: Markdown | None = None
    recommendations: list[Markdown] = Field(default_factory=list)
    status: Literal["draft", "final", "signed"] = "final"   # as printed on the paper
    # False while officers prepare a paper: it then reaches no output file at all.
    published: bool = True
    # the day it appeared on this site, set by the officer: What's new and the feeds use it ahead of
    # Git history (published.py); never after the build date (future.py)
    published_on: dt.date | None = None
    versions: list[PaperVersion] = Field(default_factory=list)
    topics: list[Slug] = Field(default_factory=list)
    aims: list[int] = Field(default_factory=list)
    source: str | None = None
    # where it was published (an agenda pack's item and pages, or separately), with its evidence;
    # without it the site derives the record from the agendas and the source lines (provenance.py)
    published_in: PublishedIn | None = None
    # inconsistencies in the source, shown to the public on the paper's page (see citations for line refs)
    notes: list[Markdown] = Field(default_factory=list)
    exempt: Exempt | None = None
    confidential: bool = False
    embargoed_until: dt.date | None = None
    updated: dt.date | None = None

    # Set by the loader, not written in the front matter.
    body: str = Field(default="", exclude=True)
    body_line: int = Field(default=1, exclude=True)
    path: str = Field(default="", exclude=True)
