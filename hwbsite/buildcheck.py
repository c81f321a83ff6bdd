"""What would stop `mkdocs build --strict`, found from the data before MkDocs runs.

Two layers, so that what `hwbsite check` passes, the build passes:

- ``check_data``: rules on the officer's records, each reported at the YAML line that causes the
  failure (an agenda item whose ``minutes_of:`` names a meeting with no published minutes would
  become a link to a ``#minutes`` section that does not exist);
- ``broken_links``: every internal Markdown link and anchor of the output list must resolve, as
  MkDocs' strict validation (links.not_found, links.anchors) demands. A failure here that no data
  rule caught is reported at the file that made the page, at the line that holds the link's target
  when the officer wrote it there.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from markdown.extensions.toc import slugify

from . import fences, patterns
from .errors import ProblemLog
from .publication import agenda_is_draft, items_kept_whole, public_view

if TYPE_CHECKING:  # pragma: no cover
    from .output import OutputItem
    from .project import Project


# ---------------------------------------------------------------------------------------------
# Rules on the data


def check_data(project: "Project", log: ProblemLog) -> None:
    # Whether a meeting's minutes are there to link to is read from the public view, so that this
    # check and the pages cannot disagree; the items are the officer's, for their lines.
    shown = {m.id: m for m in public_view(project, project.today).meetings}
    with_minutes = [mid for mid, m in shown.items() if m.minutes is not None]
    for meeting in project.meetings:
        if not meeting.agenda:
            continue
        draft = agenda_is_draft(meeting)
        for item in items_kept_whole(meeting.agenda.items):
            if item.minutes_of is None:
                continue
            target = project.meeting(item.minutes_of)
            if target is None or shown[target.id].minutes is not None:
                continue  # no file: reported (as a warning) by references; no link is made
            why = ("has no minutes yet" if target.minutes is None
                   else "has minutes, but its agenda is a draft, so they are not published")
            earlier = [d for d in with_minutes if d < meeting.id]
            hint = (f"remove minutes_of: until data/meetings/{target.id}.yml has minutes:"
                    + (f"; the latest earlier meeting with minutes is {earlier[-1]}" if earlier else ""))
            if draft:  # a draft agenda publishes no items yet: the link breaks when it is published
                log.warn(item.pos_of("minutes_of"), "minutes_of",
                         f"the meeting of {target.id} {why}: when this agenda is published, the link to "
                         "them would be broken and the site would not build", hint, code="minutes-not-published")
            else:
                log.error(item.pos_of("minutes_of"), "minutes_of",
                          f"the meeting of {target.id} {why}, so the link to them would be broken", hint,
                          code="minutes-not-published")


# ---------------------------------------------------------------------------------------------
# Links in the output list


@dataclass(frozen=True)
class BrokenLink:
    page: str         # the output page holding the link
    target: str       # the link as written
    reason: str
    edit: str | None  # the officer's file that made the page


# Linear by construction: a run between brackets stops at the next "[" as well as at "]" (and a
# link's target at the next "["), so the scan from one "[" never crosses the next "[" and a line of
# many unclosed "[" or "](" is read once, not once per bracket. No link is lost: a match that
# crossed a "[" ended at the same "]" as the one starting at the last "[" before it.
_TARGET = r"\]\(\s*+<?([^)\s>\[]++)>?(?:\s++\"[^\"]*+\")?\s*+\)"
_LINK = patterns.compile("buildcheck.link", r"(?<!!)\[(?:[^\[\]\\]|\\.)*+" + _TARGET)
_IMAGE = patterns.compile("buildcheck.image", r"!\[(?:[^\[\]\\]|\\.)*+" + _TARGET)
# {: #id .class }: the first "#" inside braces; braces do not nest in an attribute list
_ATTR_ID = patterns.compile("buildcheck.attr_id", r"\{[^{}#]*+#([\w-]++)[^{}]*+\}")
_HTML_ID = patterns.compile("buildcheck.html_id", r"\bid=[\"']([^\"']++)[\"']")
# the heading's text is the rest of the line without its closing #s and spaces (str.rstrip: the
# pattern "(.*?)\s*#*\s*$" tried every split of a run of spaces, cubic in its length)
_HEADING = patterns.compile("buildcheck.heading", r"^(#{1,6})\s++(.*+)")
_SCHEME = patterns.compile("buildcheck.scheme", r"^[a-z][a-z0-9+.-]*+:", re.I)
_INLINE_LINK = patterns.compile("buildcheck.inline_link", r"\[([^\[\]]*+)\]\([^)\[]*+\)")
_EMPHASIS = patterns.compile("buildcheck.emphasis", r"[*_`]")
_ESCAPE = patterns.compile("buildcheck.escape", r"\\(.)")


def anchors(text: str) -> set[str]:
    """Every id a page's Markdown gives its elements: {#id} attribute lists, id="..." in HTML, and
    the ids the toc extension makes from headings without one."""
    found: set[str] = set()
    seen_slugs: dict[str, int] = {}
    for _n, line in fences.prose_lines(text):
        found.update(_ATTR_ID.findall(line))
        found.update(_HTML_ID.findall(line))
        m = _HEADING.match(line)
        title = m.group(2).rstrip().rstrip("#").rstrip() if m else ""
        if m and not _ATTR_ID.search(title):
            plain = _INLINE_LINK.sub(r"\1", title)
            slug = slugify(_EMPHASIS.sub("", plain), "-")
            count = seen_slugs.get(slug, 0)
            seen_slugs[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}_{count}")
    return found


def broken_links(items: list["OutputItem"], other_files: Iterable[str] = ()) -> list[BrokenLink]:
    """Links of the output's pages to pages, files or sections that do not exist; other_files are
    the files MkDocs copies from the docs folder as they are (images, PDFs)."""
    pages = {i.path: i for i in items if i.is_page}
    paths = {i.path for i in items} | set(other_files)
    ids: dict[str, set[str]] = {}
    broken: list[BrokenLink] = []
    for page in pages.values():
        for _n, line in fences.prose_lines(page.text or ""):
            for pattern in (_LINK, _IMAGE):
                for m in pattern.finditer(line):
                    target = _ESCAPE.sub(r"\1", m.group(1))  # Markdown escapes, as rendered
                    if _SCHEME.match(target) or target.startswith("/"):
                        continue
                    path, _hash, anchor = target.partition("#")
                    resolved = (posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
                                if path else page.path)
                    if resolved not in paths:
                        kind = "page" if resolved.endswith(".md") else "file"
                        broken.append(BrokenLink(page.path, target, f"there is no {kind} {resolved}", page.edit))
                        continue
                    if anchor and resolved in pages:
                        if resolved not in ids:
                            ids[resolved] = anchors(pages[resolved].text or "")
                        if anchor not in ids[resolved]:
                            broken.append(BrokenLink(page.path, target,
                                                     f"{resolved} has no section '#{anchor}'", page.edit))
    return broken


def report_broken_links(items: list["OutputItem"], texts: dict[str, str], log: ProblemLog,
                        other_files: Iterable[str] = ()) -> None:
    """Each broken link as an error at the line of the officer's file that holds its target."""
    for link in broken_links(items, other_files):
        file = link.edit or f"(generated page {link.page})"
        text = texts.get(link.edit or "", "")
        path, _hash, anchor = link.target.partition("#")
        # the link as written (a page's own link), else what a generated link was made from (a date, an id)
        needles = [link.target, path, posixpath.splitext(posixpath.basename(path))[0], anchor]
        line, column = next(((number, source.index(needle) + 1) for needle in needles if needle
                             for number, source in enumerate(text.splitlines(), start=1) if needle in source),
                            (1, 1))
        log.add(file, line, column, "", f"the page {link.page} would have a broken link '{link.target}': "
                f"{link.reason}", "mkdocs build --strict stops on it; fix or remove the link",
                code="broken-link")



def nav_paths(nav) -> list[str]:
    """Every page a MkDocs nav names (nested lists and titled entries), so that none is missing."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in nav_paths(value)]
    if isinstance(nav, list):
        return [p for value in nav for p in nav_paths(value)]
    return []


def report_missing_nav(config_text: str, config_file: str, items: list["OutputItem"], log: ProblemLog,
                       root: Path) -> None:
    """A page the nav of mkdocs.yml names that the site does not make (strict: nav.not_found), and a
    hand-written page the nav leaves out (strict: nav.omitted_files). config_text locates them."""
    from . import mkdocsconfig
    try:
        config = mkdocsconfig.read(root, config_file)
    except mkdocsconfig.ConfigError:
        return  # MkDocs reports its own configuration errors
    pages = {i.path for i in items if i.is_page}
    nav = nav_paths((config or {}).get("nav") or [])
    # Strict mode fails on what the configuration makes a warning; MkDocs' own defaults otherwise.
    levels = ((config or {}).get("validation") or {}).get("nav") or {}
    omitted_fails = levels.get("omitted_files", "info") == "warn"
    not_found_fails = levels.get("not_found", "warn") == "warn"
    for item in items:
        if omitted_fails and nav and item.is_page and item.in_nav and item.path not in nav:
            log.add(item.edit or config_file, 1, 1, "", f"the page {item.path} is not in the nav of {config_file}",
                    f"add it under nav: in {config_file} (e.g. - Title: {item.path})", code="nav-omitted")
    for path in nav:
        if not_found_fails and path not in pages:
            number, column = next(((n, line.index(path) + 1) for n, line in
                                   enumerate(config_text.splitlines(), start=1) if path in line), (1, 1))
            log.add(config_file, number, column, "nav", f"the nav names '{path}', which the site does not have",
                    "add the page under content/, or remove it from the nav", code="nav-not-found")


def report_unsafe_pages(items: list["OutputItem"], log: ProblemLog) -> None:
    """A page whose parts, each accepted alone, make together what the allow-list refuses (a link
    definition in one field serving a link in another, an attribute list closing on the next
    field's line): an error at the file that made the page (htmlsafety.page_dangers)."""
    from . import htmlsafety
    for item in items:
        if not item.is_page or not isinstance(item.text, str):
            continue
        found = htmlsafety.page_dangers(item.text)
        if found:
            log.add(item.edit or f"(generated page {item.path})", 1, 1, "",
                    f"the page {item.path} would contain {found[0]} once its parts are joined",
                    "look for a link, '<' or '{:' split between two fields of this file; "
                    "write each link or attribute list whole, in one field", code="unsafe-page")
