"""A paper: a report, briefing, appendix or plan, with its body in Markdown."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import Model
from .meetings import Exempt
from .types import Label, Markdown, Slug, Text

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
    versions: list[PaperVersion] = Field(default_factory=list)
    topics: list[Slug] = Field(default_factory=list)
    aims: list[int] = Field(default_factory=list)
    source: str | None = None
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
