"""The board's identity and defaults: everything board-specific that is not a record."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from .. import patterns
from .base import Model
from .takingpart import TakingPart
from .types import Email, FieldError, Language, TemplateText, Text, Time, WebAddress

# The version of the board.yml format (and of the data files) this hwbsite reads. It changes only
# when a board's files must change to build with a new release (CHANGELOG.md says what to change);
# `hwbsite init` writes it as `hwbsite: N`, and a board.yml written for another one is refused.
SCHEMA_VERSION = 1

OGL_V3 = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
_HEX = patterns.compile("models.board.hex", r"^#[0-9a-fA-F]{6}$")


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    def lum(c: str) -> float:
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Licence(Model):
    """The licence for the site's content and data."""
    # printed by the footer of every page: plain text and an http(s) address only
    name: TemplateText = "Open Government Licence v3.0"
    url: WebAddress = OGL_V3
    # Material that the licence does not cover (third-party logos, personal data, ...).
    exceptions: TemplateText | None = None


class Accessibility(Model):
    """Facts for the accessibility statement (Public Sector Bodies Accessibility Regulations 2018)."""
    status: Literal["fully", "partially", "not"] = "partially"
    limitations: list[Text] = Field(default_factory=list)   # known problems, in plain words
    contact_email: Email | None = None  # where to report a problem; defaults to the board's contact_email
    prepared: dt.date | None = None   # when the statement was prepared
    reviewed: dt.date | None = None   # when it was last reviewed
    tested: Text | None = None        # how and when the site was tested


class Board(Model):
    # The board.yml format this file is written for (SCHEMA_VERSION); files written before the
    # field existed are version 1.
    hwbsite: int = SCHEMA_VERSION
    # Every field the theme or the footer prints is typed: plain text (TemplateText), an email, an
    # http(s) address, a #rrggbb colour; the others are shown only through hwbsite's escaping templates.
    name: TemplateText                      # "Example Health and Wellbeing Board"; the site's name
    short_name: TemplateText | None = None  # "Example HWB"
    council: TemplateText           # the local authority that hosts the board
    area: Text | None = None
    description: Text | None = None
    website: WebAddress | None = None     # the council's page for the board
    repository: WebAddress | None = None  # where officers edit the data (for "edit this page")
    contact_email: Email | None = None
    contact_phone: TemplateText | None = None
    contact_address: TemplateText | None = None
    # The board's colour (#rrggbb): header, links and accents. White text must reach 4.5:1 on it.
    colour: str | None = None
    # The licence of the site's content and its open data; the Open Government Licence v3.0 by default.
    licence: Licence = Field(default_factory=Licence)
    accessibility: Accessibility = Field(default_factory=Accessibility)
    default_venue: Text | None = None
    default_time: Time | None = None
    standing_items: list[Text] = Field(default_factory=list)
    # How the public can attend, ask a question, watch, and whom to contact: printed on every
    # meeting's page; a meeting's own taking_part: replaces it field by field (models/takingpart.py).
    taking_part: TakingPart | None = None
    language: Language = "en"

    @field_validator("hwbsite")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            from .. import __version__
            newer = value > SCHEMA_VERSION
            raise FieldError(
                f"this board.yml is written for hwbsite format {value}, but hwbsite {__version__} reads "
                f"format {SCHEMA_VERSION}",
                ("install the hwbsite version the board's requirements.txt pins (pip install -r "
                 "requirements.txt), or upgrade hwbsite there" if newer else
                 f"follow CHANGELOG.md's steps from format {value} to {SCHEMA_VERSION}, then write hwbsite: "
                 f"{SCHEMA_VERSION}"))
        return value

    @field_validator("colour")
    @classmethod
    def _readable_colour(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if not _HEX.match(value):
            raise ValueError(f"colour must be written #rrggbb (six hex digits), got '{value}'")
        ratio = contrast(value, "#ffffff")
        if ratio < 4.5:
            raise ValueError(f"colour {value} is too light: white text on it has a contrast of {ratio:.1f}:1, "
                             "WCAG AA needs 4.5:1 (choose a darker shade)")
        return value.lower()

    @property
    def label(self) -> str:
        return self.short_name or self.name
