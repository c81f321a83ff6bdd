"""The one rule for what HTML may reach a public page, and the check that applies it to officers' Markdown.

Safety by construction: officers' Markdown is rendered with the site's Markdown configuration and
the HTML is cleaned by nh3 (the Ammonia sanitiser, which parses HTML as a browser does and decodes
character references before it judges a URL) against an allow-list of elements, attributes and URL
schemes. No regular expression looks for script anywhere.

The same allow-list is used twice:

* at load time, ``dangers(render(text))`` says what cleaning would remove, so the loader can refuse
  the file at its line (``hwbsite check`` and the build load data the same way, so they agree);
* at build time, the plugin cleans every page's HTML with ``sanitise``, so nothing outside the
  allow-list can reach a page even if a check were missed.

Why one module of over 400 lines: it is the one home of the HTML safety rule. The allow-list, the
account of what cleaning removes, the rendering of officers' Markdown it judges and the checks of
text the theme prints raw must change together; split, a new element or attribute could be allowed
in one part and still refused (or, worse, checked differently) in another.
"""

from __future__ import annotations

import functools
import html as html_lib
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

from . import limits

# Elements our pages and officers' Markdown may use. Everything else (script, style, iframe, object,
# embed, form, input, math, base, meta, link, and every other SVG element: use, animate, foreignObject
# ...) is removed. Of SVG only the shapes of the dashboards' trend lines are kept, with geometry only.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "nav", "section",
    "svg", "polyline", "circle",
})
# Removed together with their content: what is inside them is code or styling, never text to show.
CONTENT_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed",
                          "textarea", "select", "title", "xmp", "noembed", "noframes"})

_GLOBAL = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-labelledby",
           "aria-describedby", "aria-hidden", "aria-current"}
ATTRIBUTES = {
    "*": frozenset(_GLOBAL),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "abbr": frozenset(),
    "td": frozenset({"colspan", "rowspan", "style"}),   # style: Markdown's column alignment only
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    # charts: the figure as JSON, drawn by hwbsite.js (Plotly escapes its text itself)
    "div": frozenset({"data-figure"}),
    # the tiles' trend lines (hwbsite/tiles.py): shapes and their geometry, nothing that links or runs
    "svg": frozenset({"viewBox", "width", "height"}),
    "polyline": frozenset({"points"}),
    "circle": frozenset({"cx", "cy", "r"}),
}
# Relative addresses and #fragments are always allowed; absolute ones only with these schemes.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
STYLE_PROPERTIES = frozenset({"text-align"})


def sanitise(html: str) -> str:
    """HTML cleaned against the allow-list: what a public page may contain."""
    return nh3.clean(html, tags=set(TAGS), clean_content_tags=set(CONTENT_TAGS),
                     attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
                     filter_style_properties=set(STYLE_PROPERTIES))


# --------------------------------------------------------------------------- what cleaning removes

class _Inventory(HTMLParser):
    """Every element and attribute in a fragment, as a browser would see them (references decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attrs: Counter = Counter()
        self.order: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.order.append((tag, None, None))
        for name, value in attrs:
            key = (tag, name, _norm(name, value))
            self.attrs[key] += 1
            self.order.append(key)

    handle_startendtag = handle_starttag


def _norm(name: str, value: str | None) -> str:
    value = value or ""
    if name == "style":  # the cleaner rewrites kept declarations; compare what is kept
        return ";".join(d.strip().replace(" ", "") for d in value.split(";") if d.strip())
    return value


def _inventory(html: str) -> _Inventory:
    parser = _Inventory()
    parser.feed(html)
    parser.close()
    return parser


def _html5_inventory(html: str) -> tuple[Counter, Counter]:
    """(elements, (element, attribute) pairs) of a fragment as an HTML5 tokenizer reads it (lxml;
    libxml2 2.14 tokenizes as browsers do). Python's HTMLParser, which _Inventory uses for its
    order and decoded values, reads comments otherwise: "<!-->" and "<!--->" close a comment for a
    browser but not for it, so a "<script>" or "<meta http-equiv=refresh>" after them was invisible
    to this check, and the plain MkDocs build of `hwbsite generate`'s tree published it."""
    import lxml.html

    tags: Counter = Counter()
    attrs: Counter = Counter()
    if not html.strip():
        return tags, attrs
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for el in root.iterdescendants():
        if isinstance(el.tag, str):
            tags[el.tag.lower()] += 1
            for name in el.attrib:
                attrs[(el.tag.lower(), name.lower())] += 1
    return tags, attrs


def dangers(html: str) -> list[str]:
    """What sanitising this HTML would remove, in document order, described for an officer.

    Empty when the HTML is already within the allow-list (it may still be re-serialised:
    "A & B < C" comes back as "A &amp; B &lt; C", which shows the same text).
    """
    before = _inventory(html)
    after = _inventory(sanitise(html))
    out = []
    tags_left = after.tags.copy()
    attrs_left = after.attrs.copy()
    for tag, name, value in before.order:
        if name is None:
            if tags_left[tag] > 0:
                tags_left[tag] -= 1
            else:
                out.append(_describe_tag(tag))
            continue
        key = (tag, name, value)
        if attrs_left[key] > 0:
            attrs_left[key] -= 1
            if name in ("href", "src") and _not_an_address(value):
                out.append(_describe_attr(tag, name, value))
        else:
            out.append(_describe_attr(tag, name, value))
    if "<" in html:   # the same judged as a browser tokenizes it (comments, odd attribute syntax)
        tags5, attrs5 = _html5_inventory(html)
        kept_tags, kept_attrs = _html5_inventory(sanitise(html))
        out += [_describe_tag(tag) for tag, n in tags5.items() if n > kept_tags[tag]]
        out += [_describe_attr(tag, name, "") for (tag, name), n in attrs5.items() if n > kept_attrs[(tag, name)]]
    return list(dict.fromkeys(out))


def _not_an_address(value: str) -> bool:
    """A link the cleaner keeps as a relative address although it is none: a scheme spelled with a
    control or replacement character ("javas&#0;cript:" decodes to "javas\ufffdcript:"), which a
    browser resolves as a page of this site that does not exist (hwbsite verify: broken-link)."""
    first = value.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return any(ord(c) < 32 or c == "\ufffd" for c in value) or (":" in first and not _has_scheme(value))


def _has_scheme(value: str) -> bool:
    from urllib.parse import urlsplit
    return bool(urlsplit(value.strip()).scheme)


def _describe_tag(tag: str) -> str:
    return f"<{tag}>"


def _describe_attr(tag: str, name: str, value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    if name.startswith("on"):
        return f"the event handler {name}= on <{tag}>"
    if name in ("href", "src", "cite"):
        return f"the link address {shown!r}"
    if name == "style":
        return f"the style {shown!r} on <{tag}>"
    return f"the attribute {name}= on <{tag}>"


def hint(what: str) -> str:
    """What an officer can do instead."""
    if what.startswith("more than") and "nested" in what:
        return "nest lists, quotes and blocks a few levels at most"
    if what.startswith("more than"):
        return "break the paragraph up, or write '[' as '\\['"
    if what.startswith("the link address"):
        return "links may use http:, https:, mailto: or an address on this site"
    if what.startswith("the event handler") or what in {f"<{t}>" for t in CONTENT_TAGS}:
        return "script is never allowed in the site's text; write plain Markdown"
    return "write Markdown instead; to show '<' literally write '\\<'"


def message(what: str) -> str:
    if what.startswith("more than"):
        return what
    return f"the public site does not allow {what}"


# --------------------------------------------------------------------------- officers' Markdown

# The site's Markdown configuration (mkdocs.yml markdown_extensions); tests/test_htmlsafety.py
# checks that the two lists agree, so what is checked here is what the build renders.
EXTENSIONS = ["tables", "attr_list", "def_list", "admonition", "md_in_html", "toc",
              "pymdownx.superfences", "pymdownx.details"]
EXTENSION_CONFIGS = {"toc": {"permalink": True, "permalink_title": "Link to this section"}}


@functools.lru_cache(maxsize=1)
def _renderer() -> markdown_lib.Markdown:
    return markdown_lib.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def render(text: str) -> str:
    """Officer Markdown -> HTML, as the site renders it.

    Reference-link definitions (``[id]: address``) render to nothing, yet a page that joins this
    text with another (a meeting page's minutes, a pack's papers) gives the definition to a
    ``[x][id]`` written elsewhere. So each definition is rendered too, as the link it would make,
    and judged like any other: no combination of fields can then make a link the allow-list refuses.
    """
    md = _renderer()
    try:
        html = md.reset().convert(text)
        if md.references:
            from markdown.serializers import to_html_string
            from xml.etree.ElementTree import Element
            for ref in sorted(md.references):
                href, title = md.references[ref]
                link = Element("a", {"href": href, **({"title": title} if title else {})})
                link.text = ref
                html += "\n" + to_html_string(link)
        return html
    finally:
        md.reset()


# Python-Markdown's time for "[" grows with the square of their number in one paragraph (1,000
# take 0.8 s, 4,000 take 13 s); real paragraphs have at most ~25. See also yamlsource.MAX_BRACKETS.
MAX_BRACKETS_PER_PARAGRAPH = 300


def too_many_brackets(text: str) -> str | None:
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        if paragraph.count("[") > MAX_BRACKETS_PER_PARAGRAPH:
            return (f"more than {MAX_BRACKETS_PER_PARAGRAPH} '[' characters in one paragraph; Markdown "
                    "would take too long to read it")
    return None


@functools.lru_cache(maxsize=1 << 14)   # a pure function of the text; every save asks again for the same fields
def field_markdown(text: str) -> str:
    """A field's Markdown as a page holds it. A line of only ``-``, ``=``, ``*`` or ``_`` is kept as
    text: in a field it would turn the line before it into a heading, or rule the page, and so
    break the structure the page gives the field (a resolution written after "Resolved:" would
    become a heading and lose its anchor). The load-time checks judge this same text."""
    if not any(c in text for c in "-=*_"):
        return text
    return "\n".join(_rule_as_text(line) for line in text.split("\n"))


def _rule_as_text(line: str) -> str:
    """``&#45;--`` for a line Markdown would read as a setext underline or a thematic break: the
    first mark as a character reference, which Markdown shows as the mark and never reads as one."""
    body = line.strip()
    marks = set(body.replace(" ", ""))
    if body and len(marks) == 1 and marks <= set("-=*_") and (marks <= set("-=") or len(body.replace(" ", "")) >= 3):
        rest = line.lstrip()
        return line[: len(line) - len(rest)] + f"&#{ord(rest[0])};" + rest[1:]
    return line


@functools.lru_cache(maxsize=4096)
def markdown_dangers(text: str) -> tuple[str, ...]:
    """What the site's sanitiser would remove from this Markdown once rendered."""
    if not text or not text.strip():
        return ()
    crowded = too_many_brackets(text)
    if crowded:
        return (crowded,)
    if limits.deep_markdown(text):     # before Markdown's recursion reaches it
        return (f"more than {limits.MAX_MARKDOWN_DEPTH} levels of Markdown nested in one another (lists, block "
                "quotes, HTML blocks such as <div markdown>)",)
    if not any(c in text for c in _MARKUP_OPENERS):
        return ()
    return tuple(dangers(render(text)))


@functools.lru_cache(maxsize=4096)
def reference_definitions(text: str) -> tuple[str, ...]:
    """The ids of the reference-link definitions ([id]: address) Markdown finds in text."""
    if not text or "]:" not in text:
        return ()
    md = _renderer()
    try:
        md.reset().convert(text)
        return tuple(sorted(md.references))
    finally:
        md.reset()


# Cached (a pure function of the text): `hwbsite check` renders every page, and a process that
# checks again (the preview after a save, the tests' many checks of one data set with one field
# changed) renders again only the pages whose Markdown changed.
@functools.lru_cache(maxsize=512)
def page_dangers(page_markdown: str) -> tuple[str, ...]:
    """What cleaning would remove from a whole page, front matter aside, once rendered.

    Each officer's field is checked alone at load time; a page joins many of them (a meeting's
    minutes, a pack's papers) and text around them. Rendering the page as one document judges what
    the fields make together, so no combination can put script or a script URL on a page, whichever
    engine renders it.
    """
    from mkdocs.utils.meta import get_data
    body, _meta = get_data(page_markdown)
    if not any(c in body for c in _MARKUP_OPENERS):
        return ()
    return tuple(dangers(render(body)))


# Speed, not safety judgement: with the site's extensions, Markdown puts an officer's own element,
# attribute or address into HTML only through "<" (HTML, autolinks), "[" (links, images, link
# definitions) or "{" (attribute lists). Text with none of them renders to Markdown's own elements
# (paragraphs, lists, emphasis, headings, tables, admonitions), all on the allow-list; so most
# short fields need no rendering. Everything else is rendered and cleaned.
_MARKUP_OPENERS = "<[{"


@dataclass(frozen=True)
class Finding:
    line: int      # 1-based, within the text given
    column: int
    what: str


def locate(text: str) -> Finding | None:
    """The first line of a Markdown document at which rendering it gives HTML the site would clean.

    Renders growing prefixes (binary search), so a reference-style link definition is found at the
    definition, and a construct spread over lines at the line that completes it.
    """
    found = markdown_dangers(text)
    if not found:
        return None
    lines = text.splitlines(keepends=True)
    lo, hi = 1, len(lines)  # invariant: the prefix of hi lines is dangerous
    while lo < hi:
        mid = (lo + hi) // 2
        if markdown_dangers("".join(lines[:mid])):
            hi = mid
        else:
            lo = mid + 1
    line = lines[hi - 1] if lines else ""
    return Finding(hi, _column(line, found[0]), found[0])


def _column(line: str, what: str) -> int:
    """Where on its line the removed thing was written, for the officer's editor (not a safety check)."""
    lower = line.lower()
    probes = []
    if what.startswith("<"):
        probes.append(what[:-1].lower())                      # "<svg"
    elif what.startswith("the event handler "):
        probes.append(what.split()[3].rstrip("=").lower())    # "onload"
    elif what.startswith("the link address"):
        for opener in ("](", "]:"):  # the address itself, after "](" or a definition's "]:"
            at = line.find(opener)
            if at >= 0:
                rest = line[at + 2:]
                return at + 3 + len(rest) - len(rest.lstrip(" <"))
        probes += ["href", "src", "<"]
    for probe in probes:
        at = lower.find(probe)
        if at >= 0:
            return at + 1
    return len(line) - len(line.lstrip()) + 1


# --------------------------------------------------------------------------- text the theme prints raw

# Material's templates print the site name (the board's name) and a page's front-matter title and
# description without escaping them (MkDocs' Jinja has no autoescape), in text and in attributes,
# outside the page content that sanitise() cleans. There the characters that could open a tag or
# close an attribute are refused; everything else is shown as written.
TEMPLATE_UNSAFE = '<>"'


def template_text_problem(value: str) -> str | None:
    bad = [c for c in TEMPLATE_UNSAFE if c in value]
    if not bad:
        return None
    return (f"{' and '.join(repr(c) for c in bad)} cannot be used here: the theme prints this text into "
            "the page's HTML as it is")


def plain_text_problem(value: str) -> str | None:
    """Why a value (already decoded: YAML escapes, entities as written) is not plain text that a
    theme template may print raw: control characters, '<', '>', '"', or anything the sanitiser removes."""
    import unicodedata
    controls = sorted({f"U+{ord(ch):04X}" for ch in value if unicodedata.category(ch) == "Cc"})
    if controls:
        return ("control characters (" + ", ".join(controls[:3]) + ") cannot be used here: "
                "the theme prints this text into the page as it is")
    return template_text_problem(value) or next((message(w) for w in markdown_dangers(value)), None)


# Characters a web address never holds as written (RFC 3986 has them percent-encoded), beyond
# TEMPLATE_UNSAFE: a browser reads "\\" as "/", and Markdown reads "`" and "\\" inside a link.
URL_UNSAFE = TEMPLATE_UNSAFE + "\\`{}|^"


def web_address_problem(value: str) -> str | None:
    """An address the site links to: http or https only, checked by parsing, as a browser would,
    with a host, and as the reader sees it: printable ASCII (no space, control, invisible or bidi
    character, which would show one address and link another; other letters percent-encoded, as
    a browser's address bar copies them)."""
    from urllib.parse import urlsplit
    cleaned = "".join(ch for ch in value if ch not in "\t\n\r").strip()
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc \
            or any(not " " < c < "\x7f" or c in URL_UNSAFE for c in value):
        from .names import visible
        return f"expected a web address starting https:// or http://, got {visible(value[:60])!r}"
    return None


def unescape(text: str) -> str:
    """Text as a browser shows it (for messages and tests)."""
    return html_lib.unescape(text)
