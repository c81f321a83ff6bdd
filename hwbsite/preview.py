"""What the officer's preview (`mkdocs serve`) shows while the data has errors.

Every page the site had shows the errors, each with file:line:column, what to write instead and a
link to the section of the officers' guide (EDITING.md, included as a page), so that the browser
says what is wrong where the officer is looking. MkDocs' live reload brings the site back by
itself once the file is fixed. `mkdocs build` never uses this: it stops with the errors.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path, PurePosixPath

from . import exports, frontmatter, markup, output, urls
from .buildcheck import nav_paths
from .errors import Problem, grouped
from .output import OutputItem
from .publication import public_view

__all__ = ["EXPORTS_ENV", "GUIDE_PAGE", "exports_wanted", "quiet_skipped_exports", "LIVERELOAD_FILE", "LIVERELOAD_PATH", "error_output", "guide_section",
           "livereload_output", "livereload_script_sources", "nav_paths", "pages_of",
           "serve_livereload_from_file"]

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


# ---------------------------------------------------------------------------------------------
# Live reload under the site's Content-Security-Policy

# MkDocs' serve injects its live-reload poller into every HTML response as an inline script whose
# text carries the build's epoch and a per-request id, so no hash can allow it and the page's CSP
# (which allows no 'unsafe-inline') blocks it: the page never reloaded. The preview serves the same
# poller as a file of the site instead (script-src 'self'), and tells the server to write a
# <script src> for it. The built site never has this file, and its CSP is not changed.
LIVERELOAD_FILE = Path(__file__).with_name("livereload.js")
LIVERELOAD_PATH = f"{output.ASSET_DIR}/livereload.js"


def livereload_script_sources() -> tuple[str, ...]:
    """What the preview adds to the page's script-src: nothing, since its one script is a file of
    the site ('self'). Whoever writes the CSP may call this; a preview must never widen it."""
    return ()


def livereload_output() -> OutputItem:
    """The poller as an output of a preview build (only `mkdocs serve` adds it)."""
    return OutputItem(LIVERELOAD_PATH, source=LIVERELOAD_FILE)


def livereload_tag(mount_path: str, epoch: int, request_id: int) -> bytes:
    src = mount_path.rstrip("/") + "/" + LIVERELOAD_PATH
    return f'<script src="{src}" data-epoch="{int(epoch)}" data-request="{int(request_id)}"></script>'.encode()


def serve_livereload_from_file(server) -> bool:
    """Make MkDocs' LiveReloadServer (given to the plugin's on_serve) put a <script src> for the
    poller file where it put the inline script. False when this MkDocs has no such hook (another
    version): the preview then serves pages as MkDocs does, and tests/browser/test_preview_reload.py
    fails."""
    import mkdocs.livereload as livereload

    if not hasattr(server, "_inject_js_into_html") or not hasattr(livereload, "_timestamp"):
        return False

    def inject(content: bytes, epoch: int) -> bytes:
        tag = livereload_tag(server.mount_path, epoch, livereload._timestamp())
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag + content[end:]

    server._inject_js_into_html = inject
    return True


# ---------------------------------------------------------------------------------------------
# Exports: built by `make site` and CI; the preview builds them only when asked

# Feeds, calendars, open data and OParl are rebuilt from the whole archive, so building them on
# every save cost more than the page the officer saved (issue 28). The preview skips them unless
# this is set (`HWBSITE_PREVIEW_EXPORTS=1 make serve`); a build always makes them.
EXPORTS_ENV = "HWBSITE_PREVIEW_EXPORTS"


def exports_wanted(environ=os.environ) -> bool:
    return environ.get(EXPORTS_ENV, "").strip().lower() in ("1", "true", "yes")


class _SkippedExportLinks(logging.Filter):
    """MkDocs' warning for a link whose target is not a file of the site, logged as information
    when the target is a download the preview did not build (pages link to their meeting's .ics and
    to the open data). Every other missing target still warns, and stops a strict preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and (target := _missing_target(record.getMessage())):
            if exports.is_export_path(target):
                record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def _missing_target(message: str) -> str | None:
    """The target of MkDocs' "contains a link 'url', but the target 'uri' is not found among
    documentation files" (the target is printed only when it differs from the url). Plain string
    search: a message MkDocs words otherwise is left a warning (the stricter side)."""
    head, sep, rest = message.partition("' contains a link '")
    if not sep or " is not found among documentation files" not in rest:
        return None
    url, sep, tail = rest.partition("', but the target")
    if not sep:
        return None
    if tail.startswith(" '"):
        return tail[2:].partition("' is not found")[0]
    return url.lstrip("/")


_SKIPPED = _SkippedExportLinks()


def quiet_skipped_exports(on: bool) -> None:
    """Turn the filter above on for a preview without exports, off for anything else (MkDocs keeps
    its loggers for the whole process: a later build must warn as usual)."""
    logger = logging.getLogger("mkdocs.structure.pages")
    if on and _SKIPPED not in logger.filters:
        logger.addFilter(_SKIPPED)
    elif not on and _SKIPPED in logger.filters:
        logger.removeFilter(_SKIPPED)


def guide_section(problem: Problem) -> str:
    for prefix, anchor in _SECTIONS:
        if problem.file.startswith(prefix):
            if anchor == "add-a-meeting" and problem.field.startswith(_MINUTES_FIELDS):
                return "publish-minutes"
            return anchor
    return "check-your-changes"


def error_page(problems: list[Problem], page: str, guide: bool) -> str:
    """The Markdown of one page of the preview while the data has errors (each problem escaped)."""
    groups = grouped(problems)
    count = len(groups)
    lines = [
        frontmatter.emit("The data has errors"), "",
        f"# The site cannot be built: {count} error{'' if count == 1 else 's'} in the data", "",
        "Fix each error below and save the file: this page reloads by itself when the data is right.",
        "Nothing is published while an error remains.", "",
    ]
    for p, follows in groups:
        where = markup.text(f"{p.file}:{p.line}:{p.column}")
        what = markup.text(f"{p.field}: {p.message}" if p.field else p.message)
        lines.append(f"- **{where}**: {what}")
        if p.hint:
            lines.append(f"    - What to write instead: {markup.text(p.hint)}")
        if guide:
            href = urls.relative(page, GUIDE_PAGE)
            section = guide_section(p)
            lines.append(f"    - In the guide: [{_TITLES[section]}]({href}#{section})")
        if follows:   # references to what this file holds: they come right once it is fixed
            lines.append(f"    - Because of this error, {len(follows)} reference"
                         f"{'s' if len(follows) != 1 else ''} cannot be checked: "
                         + "; ".join(markup.text(f"{c.file}:{c.line}") for c in follows))
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
        return output.build_output(public_view(project, today), exports=False)
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
