"""What a preview rebuild reuses from the last one: the HTML of outputs whose bytes did not
change, and the theme's compiled templates.

`mkdocs serve --dirty` re-renders only files that report ``is_modified()``, but MkDocs counts
every file made from memory (hwbsite's pages, tables and exports) as modified, so without help
every save re-renders every page. The plugin still rebuilds the whole output list after a save
(cheap next to MkDocs' rendering); this module compares each item with the last build's and
names the ones that changed, so MkDocs skips the rest and keeps their HTML from the last build.

What a page's HTML shows comes from its own Markdown, except what the theme puts around it: the
nav, the site name and the footer (from mkdocs.yml and data/board.yml), and which pages exist
(links between pages are checked against them). Those go into the site's *frame*; when the frame
changes, every output counts as changed and the rebuild is a full one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os

import jinja2
from mkdocs.structure.files import File

__all__ = ["DIRTY_WARNING", "OutputMemory", "TemplateCache", "frame_of",
           "KeptFile", "quiet_dirty_warning", "remove_outputs"]


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def frame_of(items, nav, site_name: str, extra: dict, settings: str = "") -> bytes:
    """What every page's HTML shares besides its own Markdown: the nav, the site's name and
    footer, the settings that render every page (mkdocs.yml's text: theme, Markdown extensions)
    and the set of outputs (a page added or removed changes which links resolve)."""
    frame = {"nav": nav, "site_name": site_name, "extra": extra, "settings": settings,
             "outputs": sorted((i.path, bool(i.in_nav)) for i in items)}
    return _digest(json.dumps(frame, sort_keys=True, default=str).encode("utf-8"))


class OutputMemory:
    """The digests of the last build's outputs, kept by the plugin between serve rebuilds."""

    def __init__(self) -> None:
        self._digests: dict[str, bytes] = {}
        self._frame: bytes | None = None
        self.removed: list[str] = []

    def changed(self, items, frame: bytes) -> set[str]:
        """The paths of ``items`` that differ from the last call's (all of them when the frame
        changed), and remember ``items`` for the next call. ``removed`` then holds the paths the
        last call had and this one has not."""
        # a file copied as it is (assets, plotly.js) is judged by MkDocs on its modification time
        digests = {i.path: _digest(i.read_bytes()) if i.text is not None else str(i.source).encode() for i in items}
        self.removed = sorted(set(self._digests) - set(digests))
        if frame != self._frame:
            changed = set(digests)
        else:
            changed = {path for path, d in digests.items() if self._digests.get(path) != d}
        self._digests, self._frame = digests, frame
        return changed

    def before_build(self, items, config) -> set[str]:
        """``changed`` for a MkDocs build, with the frame from its config; deletes the pages of
        outputs that are gone."""
        settings = ""
        if config.config_file_path and os.path.isfile(config.config_file_path):
            with open(config.config_file_path, encoding="utf-8") as f:
                settings = f.read()
        frame = frame_of(items, config.nav, config.site_name, dict(config.extra), settings)
        changed = self.changed(items, frame)
        remove_outputs(self.removed, config)
        return changed

    def forget(self) -> None:
        """After a failed build the site directory is not what the digests say: start again."""
        self._digests, self._frame = {}, None


class KeptFile(File):
    """A MkDocs ``File`` made from memory whose bytes did not change since the last build: it
    counts as unmodified while its output exists (MkDocs counts every file from memory modified).
    Made with ``KeptFile.generated(...)``, like any generated ``File``."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def remove_outputs(paths, config) -> None:
    """Delete what the last build wrote for outputs that are gone (a deleted meeting's page), so
    the preview does not keep serving it: a dirty build never cleans the site directory."""
    for path in paths:
        dest = File(path, src_dir=None, dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls).abs_dest_path
        if os.path.isfile(dest):
            os.remove(dest)


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between serve rebuilds. MkDocs makes a new Jinja
    environment for every build, which compiled Material's ~40 templates again each time (a
    quarter of a one-page rebuild's CPU). Jinja checks each template's source checksum, so an
    edited override is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


# MkDocs warns on every dirty build. Under `strict: true` that warning alone would stop every
# preview rebuild, so while hwbsite decides what is stale (see above) it is logged as information.
DIRTY_WARNING = "A 'dirty' build is being performed"


class _DirtyNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


_NOTICE = _DirtyNotice()


def quiet_dirty_warning() -> None:
    """Log MkDocs' dirty-build warning as information (idempotent)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _NOTICE not in logger.filters:
        logger.addFilter(_NOTICE)
