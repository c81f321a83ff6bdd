"""data/known-issues.yml: warnings about the source that the board has acknowledged."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .types import Slug


class KnownIssue(Model):
    file: str = Field(min_length=1)     # the file the warning is about, as `hwbsite check` names it
    rule: Slug                          # the warning's rule (its code in `hwbsite check --format json`)
    text: str = Field(min_length=1)     # words of the warning's message that single it out
    reason: str = Field(min_length=1)   # why the site publishes it as it is


class KnownIssuesFile(Model):
    acknowledged: list[KnownIssue] = Field(default_factory=list)
