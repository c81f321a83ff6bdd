"""A board meeting: its agenda, and its minutes once taken."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Iterator, Literal

from pydantic import Field, model_validator

from .. import patterns, urls
from .base import Model
from .takingpart import TakingPart
from .types import FieldError, Label, Markdown, PageRange, Slug, Text, Time

MeetingStatus = Literal["scheduled", "held", "cancelled", "moved"]

# Local Government Act 1972, Schedule 12A, Part 1: the categories of exempt information.
SCHEDULE_12A = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
       "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations or "
       "negotiations, in connection with any labour relations matter arising between the authority or a "
       "Minister of the Crown and employees of, or office holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be maintained "
       "in legal proceedings.",
    6: "Information which reveals that the authority proposes to give a notice under any enactment, "
       "or to make an order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the prevention, "
       "investigation or prosecution of crime.",
}


class Exempt(Model):
    """Business taken in private under Schedule 12A; only the title may be published."""

    paragraph: int | None = None  # a missing paragraph is a publication-compliance warning
    note: Text | None = None      # private note for officers; never published

    @model_validator(mode="after")
    def _known_paragraph(self) -> Exempt:
        if self.paragraph is not None and self.paragraph not in SCHEDULE_12A:
            raise FieldError(f"Schedule 12A paragraph must be 1 to 7, got {self.paragraph}", field="paragraph")
        return self


class AgendaItem(Model):
    number: Label
    title: Text
    section: Text | None = None
    presenter: Text | None = None
    people: list[Text] = Field(default_factory=list)
    pages: PageRange | None = None
    papers: list[Slug] = Field(default_factory=list)
    minutes_of: dt.date | None = None
    exempt: Exempt | None = None
    topics: list[Slug] = Field(default_factory=list)
    aims: list[int] = Field(default_factory=list)
    items: list["AgendaItem"] = Field(default_factory=list)

    @property
    def anchor(self) -> str:
        return urls.item_anchor(self.number)


class Signatory(Model):
    name: Text
    role: Text | None = None


class NextMeeting(Model):
    date: dt.date | None = None
    time: Time | None = None
    venue: Text | None = None
    text: Text | None = None


class Agenda(Model):
    status: Literal["draft", "published"] = "published"
    published: dt.date | None = None
    # the day it appeared on this site, set by the officer: What's new and the feeds use it ahead of
    # Git history (published.py); never after the build date (future.py)
    published_on: dt.date | None = None
    signed_by: Signatory | None = None
    items: list[AgendaItem] = Field(default_factory=list)
    next_meeting: NextMeeting | None = None

    def walk(self) -> Iterator[AgendaItem]:
        """Every item, sub-items after their parent, in agenda order."""
        def rec(items: list[AgendaItem]) -> Iterator[AgendaItem]:
            for item in items:
                yield item
                yield from rec(item.items)
        return rec(self.items)

    def item(self, number: str | None) -> "AgendaItem | None":
        return next((i for i in self.walk() if i.number == number), None) if number is not None else None


class Attendee(Model):
    name: Text
    role: Text | None = None
    chair: bool = False
    representing: Text | None = None


class Public(Model):
    count: int | None = None
    approximate: bool = False
    text: Text | None = None


class Attendance(Model):
    present: list[Attendee] = Field(default_factory=list)
    report_presenters: list[Attendee] = Field(default_factory=list)
    officers: list[Attendee] = Field(default_factory=list)
    observers: list[Attendee] = Field(default_factory=list)
    apologies: list[Attendee] = Field(default_factory=list)
    public: Public | None = None

    CATEGORIES: ClassVar[tuple[tuple[str, str], ...]] = (
        ("present", "Present"),
        ("report_presenters", "Report presenters"),
        ("officers", "Officers"),
        ("observers", "Observers"),
        ("apologies", "Apologies for absence"),
    )


class Declaration(Model):
    name: Text
    item: Label | None = None
    interest: Text
    kind: Text | None = None


class Declarations(Model):
    none_declared: bool = False
    entries: list[Declaration] = Field(default_factory=list)


class MinuteRef(Model):
    meeting: dt.date
    number: int


class MatterArising(Model):
    minute: MinuteRef
    title: Text | None = None
    text: Markdown


class Resolution(Model):
    number: int | None = None
    text: Markdown
    topics: list[Slug] = Field(default_factory=list)


class Action(Model):
    owner: Text
    resolution: int | None = None
    text: Markdown | None = None
    status: Literal["open", "done", "unknown"] = "open"
    due: dt.date | None = None


class MinuteSection(Model):
    heading: Text
    body: Markdown | None = None
    resolutions: list[Resolution] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)


class Minute(Model):
    number: int
    title: Text
    agenda_item: Label | None = None
    topics: list[Slug] = Field(default_factory=list)
    aims: list[int] = Field(default_factory=list)
    exempt: Exempt | None = None
    minutes_of: dt.date | None = None  # the meeting whose minutes this minute considers, as it names it
    body: Markdown | None = None
    matters_arising: list[MatterArising] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    sections: list[MinuteSection] = Field(default_factory=list)

    @property
    def anchor(self) -> str:
        return urls.minute_anchor(self.number)

    def all_resolutions(self) -> list[Resolution]:
        return [*self.resolutions, *(r for s in self.sections for r in s.resolutions)]

    def all_actions(self) -> list[Action]:
        return [*self.actions, *(a for s in self.sections for a in s.actions)]


class Minutes(Model):
    status: Literal["draft", "published", "approved"] = "published"
    approved_on: dt.date | None = None
    # the day it appeared on this site, set by the officer: What's new and the feeds use it ahead of
    # Git history (published.py); never after the build date (future.py)
    published_on: dt.date | None = None
    correction: Markdown | None = None
    source: str | None = None
    attendance: Attendance = Field(default_factory=Attendance)
    declarations: Declarations | None = None
    items: list[Minute] = Field(default_factory=list)


class HeldEvidence(Model):
    """A record, outside this meeting's own minutes, that the meeting took place: a decision or a
    signature another document dates to the meeting's day ("Date agreed at Health and Wellbeing
    Board: 11 February 2014")."""

    paper: Slug                        # the document that records it
    text: Text                         # what it prints, quoted
    source: str | None = None


class Meeting(Model):
    date: dt.date
    time: Time | None = None
    end_time: Time | None = None       # only when a paper prints when the meeting ends
    venue: Text | None = None
    title: Text | None = None          # defaults to the board's name
    status: MeetingStatus = "scheduled"
    moved_to: dt.date | None = None
    note: Text | None = None           # e.g. why a meeting was cancelled
    source: str | None = None
    updated: dt.date | None = None     # "last updated", set by officers
    agenda: Agenda | None = None
    minutes: Minutes | None = None
    # Evidence in other documents that the meeting was held (see lifecycle.stage).
    held_evidence: list[HeldEvidence] = Field(default_factory=list)
    # This meeting's own arrangements for the public, replacing board.yml's taking_part: field by field.
    taking_part: TakingPart | None = None

    @model_validator(mode="after")
    def _moved_needs_date(self) -> Meeting:
        if self.status == "moved" and self.moved_to is None:
            raise FieldError("a moved meeting needs 'moved_to' with the new date", "add moved_to: YYYY-MM-DD",
                             field="status")
        if self.moved_to is not None and self.status != "moved":
            raise FieldError("'moved_to' is only for a meeting whose status is moved", field="moved_to")
        return self

    @property
    def id(self) -> str:
        return self.date.isoformat()

    def agenda_item(self, number: str | None) -> AgendaItem | None:
        return self.agenda.item(number) if self.agenda else None


_NUMBER_THEN_REST = patterns.compile("models.meetings.number_then_rest", r"(\d++)(.*+)")


def item_sort_key(number: str | None) -> tuple[int, str]:
    """Agenda numbers in paper order: "2" < "10" < "15" < "15A"."""
    m = _NUMBER_THEN_REST.match(number or "")
    return (int(m.group(1)), m.group(2)) if m else (10**6, number or "")
