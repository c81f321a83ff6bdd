"""Facts every page builder needs about the whole site, computed once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import urls


@dataclass
class Topic:
    slug: str
    title: str


@dataclass
class SiteContext:
    today: dt.date
    topics: dict[str, str] = field(default_factory=dict)      # slug -> title
    aims: dict[int, tuple[str, str]] = field(default_factory=dict)  # number -> (title, page)

    def topic(self, slug: str) -> Topic:
        return Topic(slug, self.topics.get(slug) or slug.replace("-", " ").capitalize())

    def aim_link(self, number: int):
        found = self.aims.get(number)
        if not found:
            return None
        title, page = found
        return _AimLink(number, title, page)


@dataclass
class _AimLink:
    number: int
    title: str
    url: str


def build_context(view) -> SiteContext:
    """From the public view (see publication.py), whose build date is the site's "today"."""
    ctx = SiteContext(today=view.today)
    ctx.topics = {t.slug: t.title for t in view.topics}
    for plan in view.plans:
        for aim in plan.aims:
            ctx.aims.setdefault(aim.number, (aim.title, urls.aim(plan.id, aim.number)))
    return ctx
