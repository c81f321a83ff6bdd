"""A small checker of a built site's internal links and anchors, read from the finished files.

It judges any engine's output by one rule (tests/browser/test_engines.py), not by the engine's own
report: Zensical reported "No issues found" over ~350 broken links. Every <a href>, and every
<link href>, <script src> and <img src> of the site's own files, must name a file of the site; an
<a href> with a fragment must name an id (or a name) on its target page. Links to other sites,
mailto: and the like are not followed. (Issue 22's `hwbsite verify SITE_DIR` does this and more;
once it exists this can give way to it.)
"""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SOURCES = {"a": "href", "link": "href", "script": "src", "img": "src"}


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []   # (tag, url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        attr = _SOURCES.get(tag)
        if attr and attrs.get(attr) is not None and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
            self.links.append((tag, attrs[attr]))

    handle_startendtag = handle_starttag


def _target(site: Path, path: str) -> Path | None:
    """The file a site path is served from (a folder serves its index.html), or None."""
    file = site / path.lstrip("/")
    if path == "" or path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """'page: <tag> url: reason' for every internal link or anchor of ``site`` that leads nowhere."""
    site = Path(site)
    pages: dict[Path, _Page] = {}

    def parsed(file: Path) -> _Page:
        if file not in pages:
            page = _Page()
            page.feed(file.read_text(encoding="utf-8", errors="replace"))
            pages[file] = page
        return pages[file]

    base_path = urlsplit(site_url).path if site_url else "/"
    problems = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        here = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for tag, url in parsed(file).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if not (site_url and url.startswith(site_url)):
                    continue   # another site, mailto:, data: ...
                parts = urlsplit("/" + url[len(site_url):])
            elif parts.path.startswith("/") and base_path != "/":
                if not parts.path.startswith(base_path):
                    problems.append(f"{rel}: <{tag}> {url}: outside the site")
                    continue
                parts = parts._replace(path="/" + parts.path[len(base_path):])
            path = unquote(parts.path)
            if path:
                joined = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if not path.startswith("/") else posixpath.normpath(path)
                if joined.startswith("/.."):
                    problems.append(f"{rel}: <{tag}> {url}: above the site's root")
                    continue
                target = _target(site, joined + ("/" if path.endswith("/") and joined != "/" else ""))
            else:
                target = file
            if target is None:
                problems.append(f"{rel}: <{tag}> {url}: no such file")
            elif tag == "a" and parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in parsed(target).ids:
                    problems.append(f"{rel}: <a> {url}: no id {parts.fragment!r} on {target.relative_to(site).as_posix()}")
    return problems
