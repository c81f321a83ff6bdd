"""``hwbsite verify SITE_DIR``: the finished site judged by one rule, whichever engine built it.

The plugin calls ``verify_site`` after every build (a failure stops ``mkdocs build``, so nothing
is deployed) and the command line runs it on any folder, e.g. a Zensical build of ``hwbsite
generate``'s tree after ``hwbsite verify --finish``. It reads only the built files:

- every HTML file, head and chrome included, parsed (lxml; libxml2 2.14 tokenizes as HTML5 does)
  against one allow-list of elements and attributes: no element it does not expect (object,
  embed, iframe, base, ...), no ``on*`` handler, no ``javascript:``/``vbscript:``/``data:`` URL
  (``data:image/...`` in an ``<img>`` only), no ``<meta http-equiv=refresh>``, no script from
  another site or that the site does not have;
- the Content Security Policy: the first element of ``<head>``, strict (no 'unsafe-inline', no
  'unsafe-eval', no other origin), and holding the hash of every inline script of the page;
- every internal link and ``#anchor`` resolves to a file and an id in SITE_DIR;
- the search index (Pagefind) is there;
- with the project's data, no output byte (HTML, the search index's fragments decompressed,
  sitemap, feeds, downloads) holds the text of a private record.

Each failure names the page, the element and the rule.
"""

from __future__ import annotations

import gzip
import html as html_lib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import htmlsafety, search
from .finish import is_executable, sha256
from .publication import london_today, private_texts

# ---------------------------------------------------------------------------------------------
# The allow-list: the article's (htmlsafety, which cleaned every page's content) plus the
# theme's chrome. Anything else is a failure, whatever it is.

CHROME_TAGS = frozenset({
    "html", "head", "body", "meta", "title", "link", "script", "noscript",
    "header", "footer", "main", "article", "aside", "nav", "section", "form", "input", "label",
    "button", "img", "picture", "source",
    # Material's icons and the tiles' trend lines: shapes only (no use, image, foreignObject, a)
    "svg", "path", "g", "polyline", "polygon", "circle", "ellipse", "line", "rect",
})
TAGS = htmlsafety.TAGS | CHROME_TAGS
ATTRIBUTES = frozenset({
    "class", "id", "title", "lang", "dir", "role", "hidden", "tabindex", "style", "name", "type",
    "value", "for", "checked", "disabled", "placeholder", "autocomplete", "spellcheck", "action",
    "method", "href", "hreflang", "rel", "target", "src", "alt", "width", "height", "loading",
    "charset", "content", "http-equiv", "media", "sizes", "colspan", "rowspan", "scope", "span",
    "start", "reversed", "open", "datetime", "cite", "xmlns", "viewbox", "d", "points", "cx", "cy",
    "r", "rx", "ry", "x", "y", "x1", "x2", "y1", "y2", "fill", "fill-rule", "clip-rule",
    "data-figure", "data-hwb-search", "data-pagefind-ignore", "data-pagefind-body",
})
ATTRIBUTE_PREFIXES = ("aria-", "data-md-")
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "cite", "poster", "data", "background",
                            "xlink:href", "ping", "manifest", "srcset"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
META_NAMES = frozenset({"viewport", "description", "author", "generator", "robots", "theme-color"})
LINK_RELS = frozenset({"stylesheet", "icon", "canonical", "alternate", "prev", "next", "license"})
# What a strict policy's script-src may hold besides hashes.
SCRIPT_KEYWORDS = frozenset({"'self'", "'wasm-unsafe-eval'"})
CHARSET_WITHIN = 1024   # bytes: where the HTML standard (and the Nu checker) wants <meta charset>


@dataclass(frozen=True, order=True)
class Failure:
    page: str       # the file in SITE_DIR
    element: str    # the element, as a short start tag
    rule: str       # the rule's name
    detail: str = ""

    def format(self) -> str:
        return f"{self.page}: {self.element}: {self.rule}" + (f": {self.detail}" if self.detail else "")


@dataclass
class Report:
    pages: int = 0
    files: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self, site: str) -> str:
        if self.ok:
            return f"verify: {site} passed: {self.pages} pages, {self.files} files"
        pages = len({f.page for f in self.failures})
        return f"verify: {len(self.failures)} failure(s) on {pages} page(s) of {site}"


# ---------------------------------------------------------------------------------------------
# One page


def _describe(el) -> str:
    shown = []
    for key in ("id", "class", "name", "http-equiv", "rel", "type", "src", "href"):
        value = el.get(key)
        if value is not None:
            value = value if len(value) <= 50 else value[:47] + "..."
            shown.append(f'{key}="{value}"')
    return "<" + " ".join([str(el.tag), *shown]) + ">"


def _url_problem(tag: str, attr: str, value: str) -> str | None:
    """What is wrong with a URL attribute, judged as a browser reads it (tabs and newlines removed,
    leading and trailing spaces and controls stripped, scheme in any case)."""
    cleaned = "".join(c for c in value if c not in "\t\n\r").strip("".join(chr(i) for i in range(0, 33)))
    if attr == "srcset":
        return "srcset is not used on this site"
    scheme = urlsplit(cleaned).scheme.lower() if ":" in cleaned else ""
    if not scheme:
        return None
    if scheme == "data" and tag == "img" and attr == "src" and cleaned[5:].lower().startswith("image/"):
        return None
    if scheme in URL_SCHEMES:
        return None
    return f"the {scheme}: address in {attr}="


def _policy(content: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in content.split(";"):
        words = part.split()
        if words:
            out.setdefault(words[0].lower(), words[1:])
    return out


@dataclass
class _Parsed:
    ids: set[str]
    links: list[tuple[str, str]]        # (element, URL as written)


def _check_page(rel: str, raw: bytes, report: Report) -> _Parsed:
    import lxml.html

    fail = report.failures.append
    doc = lxml.html.document_fromstring(raw) if raw.strip() else None
    parsed = _Parsed(set(), [])
    if doc is None:
        fail(Failure(rel, "<html>", "empty-page"))
        return parsed
    head = doc.find("head")
    if raw.lower().find(b"<meta charset", 0, CHARSET_WITHIN) < 0:
        fail(Failure(rel, "<meta charset>", "charset-late", f"not within the first {CHARSET_WITHIN} bytes"))

    policies = [el for el in doc.iter("meta") if (el.get("http-equiv") or "").strip().lower() == "content-security-policy"]
    first = next((el for el in (head if head is not None else []) if isinstance(el.tag, str)), None)
    if not policies:
        fail(Failure(rel, "<head>", "csp-missing", "no Content-Security-Policy <meta>"))
    elif first is None or first is not policies[0]:
        fail(Failure(rel, _describe(first) if first is not None else "<head>", "csp-not-first",
                     "the Content-Security-Policy <meta> must be the first element of <head>"))
    if len(policies) > 1:
        fail(Failure(rel, _describe(policies[1]), "csp-twice"))
    policy = _policy(policies[0].get("content") or "") if policies else {}
    script_src = policy.get("script-src", [])
    if policies:
        odd = [s for s in script_src if s not in SCRIPT_KEYWORDS and not s.startswith("'sha256-")]
        if odd or policy.get("default-src") != ["'self'"] or policy.get("object-src") != ["'none'"] \
                or policy.get("base-uri") != ["'self'"]:
            fail(Failure(rel, _describe(policies[0]), "csp-not-strict",
                         f"script-src {' '.join(script_src)}" if odd else "default-src, object-src or base-uri"))

    for el in doc.iter():
        tag = el.tag
        if not isinstance(tag, str):     # comments and processing instructions
            continue
        tag = tag.lower()
        if tag not in TAGS:
            fail(Failure(rel, _describe(el), "element-not-allowed"))
            continue
        if el.get("id"):
            parsed.ids.add(el.get("id"))
        if tag == "a" and el.get("name"):
            parsed.ids.add(el.get("name"))
        for attr, value in el.attrib.items():
            name = attr.lower()
            if name.startswith("on"):
                fail(Failure(rel, _describe(el), "event-handler", f"{name}="))
                continue
            if name not in ATTRIBUTES and not name.startswith(ATTRIBUTE_PREFIXES):
                fail(Failure(rel, _describe(el), "attribute-not-allowed", f"{name}="))
                continue
            if name in URL_ATTRIBUTES:
                problem = _url_problem(tag, name, value)
                if problem:
                    fail(Failure(rel, _describe(el), "url-scheme", problem))
                elif name in ("href", "src", "action"):
                    parsed.links.append((_describe(el), value))
        if tag == "meta":
            equiv = (el.get("http-equiv") or "").strip().lower()
            if equiv == "refresh":
                fail(Failure(rel, _describe(el), "meta-refresh"))
            elif equiv and equiv != "content-security-policy":
                fail(Failure(rel, _describe(el), "meta-http-equiv", equiv))
            elif el.get("name") is not None and el.get("name").lower() not in META_NAMES:
                fail(Failure(rel, _describe(el), "meta-name", el.get("name")))
        elif tag == "link":
            rels = set((el.get("rel") or "").lower().split())
            if not rels or not rels <= LINK_RELS:
                fail(Failure(rel, _describe(el), "link-rel", " ".join(sorted(rels - LINK_RELS)) or "no rel"))
        elif tag == "script":
            _check_script(rel, el, script_src, report)
    return parsed


# Where the site's own scripts live: the theme's bundle (Material's, Zensical's), hwbsite's assets and
# Pagefind's. A <script src> to any other file of the site (an image, a feed, a file a board's
# overrides/ put there) could run what no check read, under 'self' in the policy.
OWN_SCRIPT_DIRS = ("assets/javascripts/", "assets/hwbsite/", "pagefind/")


def _own_script(page: str, path: str) -> bool:
    if path.startswith("/"):
        return any(f"/{d}" in path for d in OWN_SCRIPT_DIRS) and ".." not in path
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return resolved.startswith(OWN_SCRIPT_DIRS)


def _check_script(rel: str, el, script_src: list[str], report: Report) -> None:
    src = el.get("src")
    kind = (el.get("type") or "").strip().lower()
    if src is not None:
        parts = urlsplit(src.strip())
        if parts.scheme or parts.netloc:
            report.failures.append(Failure(rel, _describe(el), "script-from-elsewhere", src))
        elif not _own_script(rel, unquote(parts.path)):
            report.failures.append(Failure(rel, _describe(el), "script-not-the-sites-own", src))
        if (el.text or "").strip():
            report.failures.append(Failure(rel, _describe(el), "script-src-with-text"))
        return
    text = el.text or ""
    if not is_executable(kind):
        return      # data (Material's __config JSON): a browser does not run it
    if sha256(text) not in script_src:
        report.failures.append(Failure(rel, _describe(el), "inline-script-not-in-policy",
                                       f"{sha256(text)} for {' '.join(text.split())[:60]!r}"))


# ---------------------------------------------------------------------------------------------
# Links and anchors


def _target(site: Path, page: str, url: str, base_path: str) -> tuple[str | None, str, bool]:
    """(site path of the file a link names or None if it leaves the site, its fragment, internal?)."""
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        return None, "", False
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return "", parts.fragment, True          # outside the site's folder: broken
        resolved = path[len(base_path):]
    elif path:
        resolved = posixpath.join(posixpath.dirname(page), path)
    else:
        return page, parts.fragment, True
    resolved = posixpath.normpath(resolved) if resolved else "."
    if resolved.startswith(".."):
        return "", parts.fragment, True
    if resolved == ".":
        resolved = ""
    candidate = site / resolved
    if path.endswith("/") or candidate.is_dir():
        resolved = posixpath.join(resolved, "index.html") if resolved else "index.html"
    return resolved, parts.fragment, True


# ---------------------------------------------------------------------------------------------
# Private text


GZIP_MAGIC = b"\x1f\x8b"


def _readable(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except OSError:
            pass
    text = data.decode("utf-8", errors="replace")
    return " ".join(html_lib.unescape(text).split())


def _scan_private(site: Path, files: list[Path], private: list[tuple[str, str]], report: Report) -> None:
    needles = [(what, " ".join(text.split())) for what, text in private if text and text.strip()]
    for path in files:
        hay = _readable(path)
        rel = path.relative_to(site).as_posix()
        for what, needle in needles:
            if needle in hay:
                report.failures.append(Failure(rel, "file", "private-text", f"{what}: {needle[:60]!r}"))


# ---------------------------------------------------------------------------------------------
# The whole site


def verify_site(site_dir, private: list[tuple[str, str]] = (), base_path: str = "/") -> Report:
    """Judge a finished site. ``private``: (what, text) pairs that no output byte may hold;
    ``base_path``: the path the site is served under (from site_url), for links written from '/'."""
    site = Path(site_dir)
    report = Report()
    if not site.is_dir():
        report.failures.append(Failure(str(site), "-", "no-site", "the folder does not exist"))
        return report
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    files = sorted(p for p in site.rglob("*") if p.is_file())
    report.files = len(files)
    pages = [p for p in files if p.suffix.lower() in (".html", ".htm")]
    report.pages = len(pages)
    parsed: dict[str, _Parsed] = {}
    for path in pages:
        rel = path.relative_to(site).as_posix()
        parsed[rel] = _check_page(rel, path.read_bytes(), report)
    existing = {p.relative_to(site).as_posix() for p in files}
    for rel, page in parsed.items():
        for element, url in page.links:
            target, fragment, internal = _target(site, rel, url, base_path)
            if not internal:
                continue
            if target not in existing:
                report.failures.append(Failure(rel, element, "broken-link", f"{url} (no file {target or url})"))
            elif fragment and target in parsed and unquote(fragment) not in parsed[target].ids:
                report.failures.append(Failure(rel, element, "missing-anchor", f"{url} ({target} has no id {fragment!r})"))
    index = site / search.INDEX_DIR
    for name in ("pagefind.js", "pagefind-entry.json"):
        if not (index / name).is_file():
            report.failures.append(Failure(f"{search.INDEX_DIR}/", name, "search-index-missing",
                                           "run Pagefind on the site (hwbsite/search.py)"))
    if private:
        _scan_private(site, files, list(private), report)
    report.failures.sort()
    return report


# ---------------------------------------------------------------------------------------------
# What is private



def project_private_texts(root: Path, build_date=None) -> list[tuple[str, str]]:
    """Load the project at ``root`` as the build does and list its private text."""

    from .generate import project_settings
    from .project import load_project
    from .publication import public_view

    data_dir, content_dir = project_settings(root)
    today = build_date or london_today()
    project, log = load_project(root, data_dir, content_dir, today)
    if log.errors or project is None:
        raise ValueError("\n".join(p.format() for p in log.errors))
    return private_texts(project, public_view(project, today))


def base_path_of(site_url: str | None) -> str:
    return urlsplit(site_url or "/").path or "/"
