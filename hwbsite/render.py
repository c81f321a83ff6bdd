"""Jinja templates that produce page Markdown; every data value is escaped unless marked Markdown."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from . import dates, frontmatter, markup, messages, urls


def with_updated(markdown: str, updated) -> str:
    """Append the page's "Last updated" line (dates come from the data)."""
    if not updated:
        return markdown
    return markdown.rstrip("\n") + f"\n\n*Last updated: {dates.short_date(updated)}.*\n{{: .hwb-updated }}\n"


def _finalize(value):
    # Every {{ value }} is escaped for Markdown unless it is already Markup.
    return markup.text(value)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("hwbsite", "templates"),
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # "{#id}" is Markdown's anchor syntax, so Jinja comments use "{##" instead.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        md=markup.markdown,
        cell=markup.cell,
        attr=markup.attr,
        href=markup.href,
        long_date=dates.long_date,
        short_date=dates.short_date,
        clock=dates.clock,
    )
    # Front matter is never string-templated: one function dumps typed values (frontmatter.emit).
    # The interface's words come from the catalogue (hwbsite/messages.py): t() and tn() as Markdown
    # (fields escaped), text() as plain text for front matter, which escapes it itself.
    env.globals.update(t=messages.markdown, tn=messages.markdown_plural, text=messages.text)
    env.globals.update(urls=urls, hashes=lambda level: markup.Markup("#" * level),
                       front_matter=lambda *args, **kwargs: markup.Markup(frontmatter.emit(*args, **kwargs)))
    return env


def render(template: str, page: str, **context) -> str:
    """Render a template for the page at ``page``; ``link(target)`` gives a relative link."""
    def link(target: str) -> markup.Markup:
        return markup.Markup(urls.relative(page, target))
    return environment().get_template(template).render(link=link, page=page, **context)
