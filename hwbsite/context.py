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
    public_papers: set[str] = field(default_factory=set)
    public_tables: set[str] = field(default_factory=set)
    topics: dict[str, str] = field(default_factory=dict)      # slug -> title
    aims: dict[int, tuple[str, str]] = field(default_factory=dict)  # number -> (title, page)

    def topic(self, slug: str) -> Topic:
        return Topic(slug, self.topics.get(slug) or slug.replace("-", " ").capitalize())

    def aim_link(self, number: int, when: dt.date | None = None):
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


def build_context(project, today: dt.date | None = None) -> SiteContext:
    from .references import is_public_paper
    today = today or dt.date.today()
    ctx = SiteContext(today=today)
    ctx.public_papers = {p.id for p in project.papers.values() if is_public_paper(project, p, today)}
    # A table is published only when a public page shows it: a table of an exempt paper stays private.
    ctx.public_tables = {name for name, users in project.table_users.items()
                         if any(u.startswith("page:") or u.removeprefix("paper:") in ctx.public_papers for u in users)}
    ctx.topics = {t.slug: t.title for t in getattr(project, "topics", [])}
    for plan in getattr(project, "plans", []):
        for aim in plan.aims:
            ctx.aims.setdefault(aim.number, (aim.title, urls.aim(plan.id, aim.number)))
    return ctx
