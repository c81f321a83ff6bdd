"""The built HTML: valid by the Nu HTML Checker, and every internal link resolves.

Neither needs a browser; both read site/ as published (built with site_url, as served).
"""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from pagefind_index import fragments

from .tools import VNU_JAR, require_java, require_node_package

pytestmark = [pytest.mark.slow]


@pytest.mark.browser
def test_every_page_is_valid_html(site):
    """vnu.jar once over the whole site (--errors-only): no error, whatever the theme does."""
    errors, report, pages = nu_errors(site)
    assert not errors, f"Nu HTML Checker: {len(errors)} error(s) in {len(pages)} pages\n" + "\n".join(report)


def nu_errors(site: Path) -> tuple[list[dict], list[str], list[Path]]:
    """(errors, one line each, pages) of the Nu HTML Checker over a built site."""
    java = require_java()
    require_node_package(VNU_JAR, "vnu-jar")
    pages = sorted(site.rglob("*.html"))
    proc = subprocess.run([java, "-Xss1m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                           "--skip-non-html", str(site)],
                          capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar did not report in JSON (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert proc.returncode == (1 if errors else 0), proc.stderr[-2000:]
    report = []
    for m in errors:
        where = m.get("url", "?").removeprefix("file:")
        where = Path(where).resolve().relative_to(site.resolve()) if where.startswith("/") else where
        report.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}\n    {' '.join(m.get('extract', '').split())[:160]}")
    return errors, report, pages


class _Links(HTMLParser):
    ATTRS = {"href", "src", "action", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, str]] = []   # (line, tag, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in self.ATTRS:
                self.links.append((self.getpos()[0], tag, value))
            elif name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.links.append((self.getpos()[0], tag, part.split()[0]))


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def test_every_internal_link_and_anchor_resolves(site, site_url):
    """Every href/src of every page, and every link in the search index, reaches a file of the
    site, and its #fragment an element with that id. Links to other sites are not followed."""
    broken, checked, indexed = check_links(site, site_url)
    assert indexed > 100, "the search index lists too few pages"
    assert checked > 1000, f"only {checked} links checked: is the site empty?"
    assert not broken, f"{len(broken)} broken internal link(s) of {checked} checked:\n" + "\n".join(broken)


def check_links(site: Path, site_url: str) -> tuple[list[str], int, int]:
    """(broken links, links checked, pages in the search index) of a built site served at site_url
    (also used for the second board, tests/browser/test_second_board_site.py)."""
    pages = {p: parse(p) for p in sorted(site.rglob("*.html"))}
    origin = urlsplit(site_url)
    broken, checked = [], 0

    def check(source: str, base: str, url: str) -> None:
        nonlocal checked
        absolute = urljoin(base, url)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or parts.netloc != origin.netloc:
            return  # mailto:, data:, another site
        if url.startswith("#") and url in ("#", "#__"):
            return
        checked += 1
        target = target_file(site, parts.path)
        if not target.is_file():
            broken.append(f"{source}: {url} -> no file {target.relative_to(site)}")
            return
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html":
            ids = pages[target].ids if target in pages else parse(target).ids
            if fragment not in ids:
                broken.append(f"{source}: {url} -> no id {fragment!r} in {target.relative_to(site)}")

    for path, links in pages.items():
        rel = path.relative_to(site).as_posix()
        base = site_url + rel
        for line, tag, url in links.links:
            check(f"{rel}:{line} <{tag}>", base, url)

    indexed = fragments(site)
    for fragment in indexed:   # Pagefind's addresses are from the site's root
        check("pagefind/fragment", site_url, fragment["url"].lstrip("/"))
    return broken, checked, len(indexed)
