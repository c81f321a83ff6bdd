"""The board's identity and defaults: everything board-specific that is not a record."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .types import Email, TemplateText, Text, Time, WebAddress


class Board(Model):
    name: TemplateText                      # "Rotherham Health and Wellbeing Board"; the site's name
    short_name: TemplateText | None = None  # "Rotherham HWB"
    council: Text                   # the local authority that hosts the board
    area: Text | None = None
    description: Text | None = None
    website: WebAddress | None = None     # the council's page for the board
    repository: WebAddress | None = None  # where officers edit the data (for "edit this page")
    contact_email: Email | None = None
    default_venue: Text | None = None
    default_time: Time | None = None
    standing_items: list[Text] = Field(default_factory=list)
    language: str = "en"
    # The licence of the open data downloads and exports; the default is the one UK councils use.
    licence: Text | None = None

    @property
    def label(self) -> str:
        return self.short_name or self.name
