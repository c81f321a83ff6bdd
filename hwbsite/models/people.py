"""People named in the papers, with the spellings the papers use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from .base import Model
from .types import FieldError, Slug, Text
from .. import patterns

if TYPE_CHECKING:  # pragma: no cover
    from .meetings import Meeting


# A seat on the board itself, as against a job or a role elsewhere: the members page lists the
# people with one, in this order.
Membership = Literal["chair", "vice-chair", "member", "substitute"]
MEMBERSHIPS: tuple[str, ...] = ("chair", "vice-chair", "member", "substitute")


class Role(Model):
    title: Text | None = None
    organisation: Text | None = None
    # set only when the papers show the person sitting on the board in this role
    membership: Membership | None = None
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

    @field_validator("id")
    @classmethod
    def _not_a_people_page(cls, value: str) -> str:
        # people/<id>/ is the person's page: these two addresses are the people index and the members page
        if value in ("index", "members"):
            raise FieldError(f'"{value}" is the address of a page of the people section, not free for a person',
                             "add the person's surname, for example members-jane")
        return value

    @property
    def board_roles(self) -> list[Role]:
        """The roles in which the papers show the person sitting on the board (the members page)."""
        return [r for r in self.roles if r.membership]

    @property
    def spellings(self) -> list[str]:
        return [self.name, *self.aliases]


class PeopleFile(Model):
    people: list[Person] = Field(default_factory=list)


_SPACE = patterns.compile("models.people.space", r"\s+")


def name_key(name: str) -> str:
    """Normalise a published name for lookup: case, spacing and full stops do not matter."""
    return _SPACE.sub(" ", name.replace(".", ". ")).strip().casefold()


class RecordLookups:
    """Finding people by any spelling and meetings by id: shared by the project and its public view."""

    people: list[Person]
    meetings: list[Meeting]

    def index(self) -> None:
        self._by_name: dict[str, Person] = {}
        for person in self.people:
            for spelling in person.spellings:
                self._by_name.setdefault(name_key(spelling), person)
        self._meetings = {m.id: m for m in self.meetings}

    def person_named(self, name: str | None) -> Person | None:
        return self._by_name.get(name_key(name)) if name else None

    def meeting(self, meeting_id: object) -> Meeting | None:
        return self._meetings.get(str(meeting_id))
