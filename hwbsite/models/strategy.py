"""A health and wellbeing strategy's action plan, and the progress updates reported against it.

A plan file (data/strategy/<plan-id>.yml) holds the aims, their objectives and
actions as published.  Each update file (data/strategy/updates/<date>--<plan-id>.yml)
holds, for one date, each action's progress text and RAG status exactly as reported.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Iterator, Literal

from pydantic import BeforeValidator, Field, PrivateAttr

from .base import Model
from .types import FieldError, Markdown, Slug, Text

# "" is a RAG cell left blank in the source; TBC is the word "TBC" written in it.  Both differ
# from "not rated", which is an action with no entry at all in an update.
RAG_VALUES = ("R", "A", "G", "", "TBC")
RagValue = Literal["R", "A", "G", "", "TBC"]


def _rag(value: Any) -> str:
    if value is None:
        raise FieldError('RAG is empty; write rag: "" for a RAG cell left blank in the source',
                         'RAG must be R, A, G, "" (blank in the source) or TBC')
    if not isinstance(value, str) or value.strip() not in RAG_VALUES:
        shown = f'"{value}"' if isinstance(value, str) else repr(value)
        hint = 'RAG must be R, A, G, "" (blank in the source) or TBC'
        word = str(value).strip().lower()
        for code, name in (("R", "red"), ("A", "amber"), ("G", "green")):
            if word == name:
                hint = f"write the letter {code} for {name.capitalize()}"
        raise FieldError(f"unknown RAG value {shown}", hint)
    return value.strip()


Rag = Annotated[RagValue, BeforeValidator(_rag)]


def _action_id(value: Any) -> Any:
    """Action ids are labels such as "1.01"; unquoted, YAML would read 1.10 as the number 1.1."""
    if isinstance(value, float) or isinstance(value, int) and not isinstance(value, bool):
        raise FieldError(f"expected an action id in quotes, got {value!r}",
                         'write it in quotes, e.g. id: "1.10", so that 1.10 is not read as 1.1')
    return value


ActionId = Annotated[str, BeforeValidator(_action_id)]


class Objective(Model):
    number: int
    text: Text


class Action(Model):
    id: ActionId
    objectives: list[int] = Field(default_factory=list)
    text: Text
    parent: ActionId | None = None     # a lettered sub-action ("a. ...") names the action it belongs to
    leads: Text = ""                   # as published: names, teams or organisations
    timescale: Text = ""               # as published; see hwbsite.timescales for the due date
    notes: list[Markdown] = Field(default_factory=list)   # how the source reads; shown beside the action

    @property
    def due(self) -> dt.date | None:
        from ..timescales import parse
        return parse(self.timescale).due


class Aim(Model):
    number: int
    title: Text
    sponsor: Text | None = None
    lead: Text | None = None
    source: str | None = None
    notes: list[Markdown] = Field(default_factory=list)   # how the source reads; shown on the aim page
    objectives: list[Objective] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)

    def objective(self, number: int) -> Objective | None:
        return next((o for o in self.objectives if o.number == number), None)


class Plan(Model):
    id: Slug
    title: Text
    strategy: Text | None = None
    period: Text | None = None
    intro: Text | None = None
    source: str | None = None
    # false for a board that reports progress in words only: its pages show no Red/Amber/Green
    # ratings, counts or filters (an update's rag: is then left "").
    rag: bool = True
    aims: list[Aim] = Field(default_factory=list)

    def aim(self, number: int) -> Aim | None:
        return next((a for a in self.aims if a.number == number), None)

    def actions(self) -> Iterator[Action]:
        for aim in self.aims:
            yield from aim.actions


class ActionUpdate(Model):
    rag: Rag
    progress: Text = ""


class PlanUpdate(Model):
    """Progress on a plan's actions as reported on one date."""

    plan: Slug
    as_at: dt.date
    meeting: dt.date | None = None     # the board meeting the update was reported to
    paper: Slug | None = None          # the paper it was published in, if it has one
    source: str | None = None
    # Written ahead of its date (for a meeting to come): published from as_at, not before.
    planned: bool = False
    # the day it appeared on this site, set by the officer: What's new and the feeds use it ahead of
    # Git history (published.py); never after the build date (future.py)
    published_on: dt.date | None = None
    actions: dict[str, ActionUpdate] = Field(default_factory=dict)
    # Set by strategy.updates_for on the plan's state as at as_at: the date each action's entry was
    # reported (an update file holds the changes reported that day, not every action).
    _rated_on: dict[str, dt.date] = PrivateAttr(default_factory=dict)
