"""Topics that follow a subject across meetings."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .types import Slug, Text


class Topic(Model):
    slug: Slug
    title: Text
    description: Text | None = None


class TopicsFile(Model):
    topics: list[Topic] = Field(default_factory=list)
