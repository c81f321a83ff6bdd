"""Every value a theme template prints is escaped text before the theme sees it.

MkDocs renders theme templates with autoescape off, and Material prints many values as they are:
``page.meta.description`` and ``author`` in ``<head>``, ``page.title`` and ``page.meta.title`` in
``<title>``, the header and the nav, a nav ``status`` inside a class attribute,
``config.extra.status`` in a title attribute, ``config.site_name``, ``site_description``,
``site_author``, ``copyright``, ``repo_name``, ``repo_url``, the palette's toggle names, the TOC
title, and ``page.meta.location`` inside the redirect page's script. A value printed raw is HTML
text, so each is replaced here by that text decoded (``html.unescape``) and escaped once
(``markupsafe.escape``): a ``Markup`` string that shows a reader what it showed before ("A &amp; B"
and "A & B" both show "A & B"), that prints as escaped text where a template prints it raw, and
that is not escaped twice where a template adds ``| e``. So no front-matter key, board field or
``mkdocs.yml`` value can open a tag or leave an attribute, whether or not a check caught it
first (front matter and board fields are also validated where they are read).

Material's ``striptags`` filter (``{{ page.title | striptags }}`` in ``<title>``) unescapes what it
strips; it is replaced by one that escapes its result again.

Values that hwbsite built as markup (page content, the TOC's titles, which Python-Markdown
already escaped) are ``Markup`` or escaped text already; escaping them again would show entities.
"""

from __future__ import annotations

import html as html_lib

from markupsafe import Markup, escape

from . import htmlsafety

# mkdocs.yml values Material prints (see the module's docstring); extra: is escaped whole.
CONFIG_TEXT = ("site_name", "site_description", "site_author", "copyright", "repo_name", "repo_url")


# The footer's links (hwbsite/theme/main.html): escaping keeps a value inside its attribute, but only
# a web address keeps it out of javascript: (board.yml types them so; this holds whatever set them).
FOOTER_LINKS = ("website", "licence_url")


def web_address(value: object) -> bool:
    # the one rule for a web address the site links to (board.yml's fields are typed by it too)
    return isinstance(value, str) and htmlsafety.web_address_problem(value) is None


def text(value):
    """A value as the theme may print it: strings escaped (Markup), containers escaped through,
    anything else (numbers, dates, booleans, None) as it is."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(html_lib.unescape(value))
    if isinstance(value, dict):
        return {key: text(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [text(item) for item in value]
    return value


def interface_text(value: str) -> Markup:
    """A message of the catalogue as the theme prints it: escaped for element text and double-quoted
    attributes (&, <, > and the double quote), the apostrophe kept, so "What's new" prints as it
    is written. Only the theme's own words come this way, never a value from data; the theme
    prints them nowhere else (no single-quoted attribute: tests/test_messages.py)."""
    return Markup(html_lib.escape(value, quote=False).replace('"', "&#34;"))


def escape_config(config) -> None:
    """The mkdocs.yml values the theme prints, escaped in place."""
    for key in CONFIG_TEXT:
        if isinstance(config.get(key), str):
            config[key] = text(config[key])
    extra = config.get("extra")
    if extra is not None:
        footer = extra.get("hwbsite")
        if isinstance(footer, dict):   # the footer links only to web addresses (main.html prints them as hrefs)
            for key in FOOTER_LINKS:
                if not web_address(footer.get(key)):
                    footer[key] = None
        words = extra.get("hwbsite_text")
        if isinstance(words, dict):   # the catalogue's words for the theme (hwbsite/messages.py theme_text)
            extra["hwbsite_text"] = {key: interface_text(value) for key, value in words.items()}
        for key in list(extra.keys()):
            extra[key] = text(extra[key])
    palette = config.theme.get("palette") if config.get("theme") is not None else None
    if palette:
        config.theme["palette"] = text(palette)
    toc = (config.get("mdx_configs") or {}).get("toc")
    if isinstance(toc, dict) and isinstance(toc.get("title"), str):
        toc["title"] = text(toc["title"])


def escape_page(page) -> None:
    """A page's front matter, title, canonical URL and TOC titles, escaped in place."""
    page.meta = text(page.meta or {})
    if page.title is not None:
        # from the front matter (escaped above), the nav, or the first heading's text, which
        # MkDocs has already decoded: escaped once, never decoded twice
        page.title = page.title if isinstance(page.title, Markup) else escape(page.title)
    if getattr(page, "canonical_url", None):
        page.canonical_url = text(page.canonical_url)
    for item in _toc_items(page.toc or []):
        # Python-Markdown gives TOC titles as escaped text already: decode and escape once, so
        # that a raw "<" could not survive and "&amp;" is not shown as "&amp;amp;"
        item.title = text(str(item.title))


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


def escape_nav(items) -> None:
    """Section and link titles of the nav (pages' own titles are escaped with the page)."""
    for item in items:
        if not getattr(item, "is_page", False) and getattr(item, "title", None) is not None:
            item.title = text(item.title)
        escape_nav(getattr(item, "children", None) or [])


def striptags(value) -> Markup:
    """Jinja's striptags, whose result is escaped again (it unescapes what it strips)."""
    from jinja2.filters import do_striptags

    return escape(do_striptags(value))
