"""What the officer's preview (`mkdocs serve`) shows while the data has errors.

Every page the site had shows the errors, each with file:line:column, what to write instead and a
link to the section of the officers' guide (EDITING.md, included as a page), so that the browser
says what is wrong where the officer is looking. MkDocs' live reload brings the site back by
itself once the file is fixed. `mkdocs build` never uses this: it stops with the errors.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

from . import frontmatter, markup, output, urls
from .buildcheck import nav_paths
from .errors import Problem
from .output import OutputItem
from .publication import public_view

__all__ = ["GUIDE_PAGE", "error_output", "guide_section", "nav_paths", "pages_of"]

GUIDE_PAGE = "editing-guide.md"

# The guide's section for each kind of file (anchors as the toc extension makes them).
_SECTIONS = [
    ("data/meetings/", "add-a-meeting"),
    ("content/papers/", "add-a-paper"),
    ("data/strategy/", "update-an-actions-rag-status"),
    ("data/metrics/", "add-a-quarter-of-metric-values"),
]
_TITLES = {"add-a-meeting": "Add a meeting", "add-a-paper": "Add a paper", "publish-minutes": "Publish minutes",
           "update-an-actions-rag-status": "Update an action's RAG status",
           "add-a-quarter-of-metric-values": "Add a quarter of metric values",
           "check-your-changes": "Check your changes"}
_MINUTES_FIELDS = ("minutes", "attendance", "resolution", "owner", "declarations", "number")


def guide_section(problem: Problem) -> str:
    for prefix, anchor in _SECTIONS:
        if problem.file.startswith(prefix):
            if anchor == "add-a-meeting" and problem.field.startswith(_MINUTES_FIELDS):
                return "publish-minutes"
            return anchor
    return "check-your-changes"


def error_page(problems: list[Problem], page: str, guide: bool) -> str:
    """The Markdown of one page of the preview while the data has errors (each problem escaped)."""
    count = len(problems)
    lines = [
        frontmatter.emit("The data has errors"), "",
        f"# The site cannot be built: {count} error{'' if count == 1 else 's'} in the data", "",
        "Fix each error below and save the file: this page reloads by itself when the data is right.",
        "Nothing is published while an error remains.", "",
    ]
    for p in problems:
        where = markup.text(f"{p.file}:{p.line}:{p.column}")
        what = markup.text(f"{p.field}: {p.message}" if p.field else p.message)
        lines.append(f"- **{where}**: {what}")
        if p.hint:
            lines.append(f"    - What to write instead: {markup.text(p.hint)}")
        if guide:
            href = urls.relative(page, GUIDE_PAGE)
            section = guide_section(p)
            lines.append(f"    - In the guide: [{_TITLES[section]}]({href}#{section})")
    return "\n".join(lines) + "\n"


def page_of_file(file: str) -> str | None:
    """The page a meeting or paper file makes: the loader leaves a broken one out of the data, but
    it is most often the page the officer has open."""
    path = PurePosixPath(file)
    if path.parent.as_posix().endswith("data/meetings") and path.suffix in (".yml", ".yaml"):
        return urls.meeting(path.stem)
    if path.parent.as_posix().endswith("content/papers") and path.suffix == ".md" and path.stem != "index":
        return urls.paper(path.stem)
    return None


def pages_of(project, today: dt.date) -> list[OutputItem]:
    """The output the data would make without its broken records (the loader leaves them out), so
    that the page the officer has open shows the errors even when the preview never built."""
    try:
        return output.build_output(public_view(project, today))
    except Exception:  # noqa: BLE001 - the data is known to be broken; the error list says how
        return []


def error_output(problems: list[Problem], previous: list[OutputItem] = (), guide: Path | None = None,
                 nav: list[str] = ()) -> list[OutputItem]:
    """The preview's output while the data has errors: every page the site had, every page the nav
    names, and the home page show the errors; files that are not pages (styles, scripts,
    downloads) stay as they were."""
    errors = sorted(problems)
    own = {page for p in errors if (page := page_of_file(p.file))}
    has_guide = guide is not None and guide.is_file()
    pages = sorted({i.path for i in previous if i.is_page} | set(nav) | own | {"index.md"})
    items = [OutputItem(path, error_page(errors, path, has_guide), in_nav=path in nav or path == "index.md")
             for path in pages if path != GUIDE_PAGE]
    if has_guide:
        items.append(OutputItem(GUIDE_PAGE, guide.read_text(encoding="utf-8")))
    items += [i for i in previous if not i.is_page]
    return sorted(items, key=lambda i: i.path)
