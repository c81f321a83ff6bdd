"""Absolute addresses of the site's pages and files, for exports read outside the site.

Calendars, feeds, data packages and OParl objects are read by other programs, which need full
URLs; pages link relatively.  Paths come from hwbsite.urls, so the two always agree.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def base(site_url: str | None) -> str:
    """The site's address with exactly one trailing slash ("" for a site without site_url)."""
    return (site_url or "").rstrip("/") + "/" if site_url else "/"


def page(site_url: str | None, md_path: str, anchor: str = "") -> str:
    """The published address of a generated Markdown page (MkDocs' directory URLs)."""
    path = md_path.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return base(site_url) + path + (f"#{anchor}" if anchor else "")


def file(site_url: str | None, path: str) -> str:
    return base(site_url) + path


def host(site_url: str | None) -> str:
    """The site's host name, for globally unique calendar UIDs and Atom tag: ids."""
    return urlsplit(base(site_url)).hostname or "localhost"
