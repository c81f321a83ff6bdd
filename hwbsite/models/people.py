"""People named in the papers, with the spellings the papers use."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field

from .base import Model
from .types import Slug, Text


class Role(Model):
    title: Text | None = None
    organisation: Text | None = None
    # when a paper says the role began or ended; never the date of the paper that happens to name it
    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    # the dates of the papers that name the person with this role (evidence, not a start date)
    seen: list[dt.date] = Field(default_factory=list)
    source: str | None = None


class Person(Model):
    id: Slug
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)

    @property
    def spellings(self) -> list[str]:
        return [self.name, *self.aliases]


class PeopleFile(Model):
    people: list[Person] = Field(default_factory=list)


_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Normalise a published name for lookup: case, spacing and full stops do not matter."""
    return _SPACE.sub(" ", name.replace(".", ". ")).strip().casefold()
