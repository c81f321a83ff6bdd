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
from typing import TYPE_CHECKING, Iterable

from markdown.extensions.toc import slugify

from . import blocks
from .errors import ProblemLog

if TYPE_CHECKING:  # pragma: no cover
    from .output import OutputItem
    from .project import Project


# ---------------------------------------------------------------------------------------------
# Rules on the data


def minutes_published(meeting) -> bool:
    """The meeting's page will carry a #minutes section (the publication rule drops the minutes of
    a meeting whose agenda is a draft)."""
    return meeting.minutes is not None and not (meeting.agenda and meeting.agenda.status == "draft")


def _public_items(items):
    """Agenda items the publication rule keeps whole (an exempt item keeps only its title)."""
    for item in items:
        if item.exempt is None:
            yield item
            yield from _public_items(item.items)


def check_data(project: "Project", log: ProblemLog) -> None:
    with_minutes = [m.id for m in project.meetings if minutes_published(m)]
    for meeting in project.meetings:
        if not meeting.agenda:
            continue
        draft = meeting.agenda.status == "draft"
        for item in _public_items(meeting.agenda.items):
            if item.minutes_of is None:
                continue
            target = project.meeting(item.minutes_of)
            if target is None or minutes_published(target):
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


_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_ATTR_ID = re.compile(r"\{[:\s]*[^}]*?#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r"\bid=[\"']([^\"']+)[\"']")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def anchors(text: str) -> set[str]:
    """Every id a page's Markdown gives its elements: {#id} attribute lists, id="..." in HTML, and
    the ids the toc extension makes from headings without one."""
    found: set[str] = set()
    seen_slugs: dict[str, int] = {}
    for _n, line in blocks.prose_lines(text):
        found.update(_ATTR_ID.findall(line))
        found.update(_HTML_ID.findall(line))
        m = _HEADING.match(line)
        if m and not _ATTR_ID.search(m.group(2)):
            plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", m.group(2))
            slug = slugify(re.sub(r"[*_`]", "", plain), "-")
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
        for _n, line in blocks.prose_lines(page.text or ""):
            for pattern in (_LINK, _IMAGE):
                for m in pattern.finditer(line):
                    target = re.sub(r"\\(.)", r"\1", m.group(1))  # Markdown escapes, as rendered
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


def report_missing_nav(config_text: str, config_file: str, items: list["OutputItem"], log: ProblemLog) -> None:
    """A page the nav of mkdocs.yml names that the site does not make (strict: nav.not_found), and a
    hand-written page the nav leaves out (strict: nav.omitted_files)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold tags such as !ENV that only MkDocs resolves: read them as plain values
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        config = yaml.load(config_text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
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
