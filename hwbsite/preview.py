"""What the officer's preview (`mkdocs serve`) shows while the data has errors.

Every page the site had shows the errors, each with file:line:column, what to write instead and a
link to the section of the officers' guide (EDITING.md, included as a page), so that the browser
says what is wrong where the officer is looking. MkDocs' live reload brings the site back by
itself once the file is fixed. `mkdocs build` never uses this: it stops with the errors.
"""

from __future__ import annotations

from pathlib import Path

from . import markup, urls
from .errors import Problem
from .output import OutputItem

GUIDE_PAGE = "editing-guide.md"

# The guide's section for each kind of file (anchors as the toc extension makes them).
_SECTIONS = [
    ("data/meetings/", "add-a-meeting"),
    ("content/papers/", "add-a-paper"),
    ("data/strategy/", "update-an-actions-rag-status"),
    ("data/metrics/", "add-a-quarter-of-metric-values"),
]
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
        "---", "title: \"The data has errors\"", "---", "",
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
            lines.append(f"    - [How to write this file (EDITING.md)]({href}#{guide_section(p)})")
    return "\n".join(lines) + "\n"


def error_output(problems: list[Problem], previous: list[OutputItem] = (),
                 guide: Path | None = None) -> list[OutputItem]:
    """The preview's output while the data has errors: every page the site had (and the home page)
    shows the errors; files that are not pages (styles, scripts, downloads) stay as they were."""
    errors = sorted(problems)
    has_guide = guide is not None and guide.is_file()
    pages = sorted({i.path for i in previous if i.is_page} | {"index.md"})
    items = [OutputItem(path, error_page(errors, path, has_guide), in_nav=path == "index.md") for path in pages
             if path != GUIDE_PAGE]
    if has_guide:
        items.append(OutputItem(GUIDE_PAGE, guide.read_text(encoding="utf-8")))
    items += [i for i in previous if not i.is_page]
    return sorted(items, key=lambda i: i.path)
