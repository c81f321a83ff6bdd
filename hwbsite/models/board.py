"""The board's identity and defaults: everything board-specific that is not a record."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .types import Text, Time


class Board(Model):
    name: Text                      # "Rotherham Health and Wellbeing Board"
    short_name: Text | None = None  # "Rotherham HWB"
    council: Text                   # the local authority that hosts the board
    area: Text | None = None
    description: Text | None = None
    website: str | None = None      # the council's page for the board
    repository: str | None = None   # where officers edit the data (for "edit this page")
    contact_email: str | None = None
    default_venue: Text | None = None
    default_time: Time | None = None
    standing_items: list[Text] = Field(default_factory=list)
    language: str = "en"
    # The licence of the open data downloads and exports; the default is the one UK councils use.
    licence: Text | None = None

    @property
    def label(self) -> str:
        return self.short_name or self.name
