"""MkDocs plugin: an adapter from hwbsite's output list (or, in `mkdocs serve` while the data has
errors, the preview's error pages) to MkDocs ``File`` objects. Every decision lives in pure modules;
``hwbsite generate`` writes the same list as a plain docs tree for engines without this plugin."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel

from . import htmlsafety, output, parsecache, preview, rebuilds, search
from .project import load_project
from .publication import public_view

log = logging.getLogger("mkdocs.plugins.hwbsite")


class HwbsiteConfig(Config):
    data_dir = c.Type(str, default="data")
    # Fixes "today" (which meeting is next, which embargoes have lifted) for reproducible builds.
    build_date = c.Optional(c.Type(str))


class HwbsitePlugin(BasePlugin[HwbsiteConfig]):
    serving, items = False, []
    memory = None        # `serve --dirty`: the last build's outputs (rebuilds.py)
    templates = None     # `serve`: compiled theme templates (rebuilds.py)
    rendered: list = []  # the pages MkDocs rendered in the last build

    def on_startup(self, *, command, dirty):
        if command == "build" and dirty:
            # a dirty build keeps pages from earlier builds: one of business made private since
            # would stay in site/ and in its search index
            raise PluginError("hwbsite: 'mkdocs build --dirty' can keep pages that are no longer public; "
                              "build without --dirty (make site)")
        self.serving = command == "serve"  # the preview shows errors in the browser; a build stops
        # what a serve rebuild reuses from the last one (rebuilds.py); nothing for a build
        self.templates = rebuilds.TemplateCache() if self.serving else None
        self.memory = rebuilds.OutputMemory() if self.serving and dirty else None
        if self.memory is not None:
            rebuilds.quiet_dirty_warning()

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        today = dt.date.fromisoformat(self.config.build_date) if self.config.build_date else dt.date.today()
        project, problems = load_project(root, self.config.data_dir, os.path.relpath(config.docs_dir, root), today)
        lines = "\n".join(p.format() for p in problems.errors)
        if problems.errors or project is None:
            if not self.serving:
                raise PluginError(f"hwbsite: {len(problems.errors)} error(s) in the data; nothing was built.\n{lines}")
            # info, not a warning: under strict mode a warning would stop the preview itself
            log.info("hwbsite: the preview shows these errors until they are fixed:\n%s", lines)
            had = self.items or (preview.pages_of(project, today) if project else [])
            self.items = preview.error_output(problems.errors, had, root / "EDITING.md", preview.nav_paths(config.nav))
        else:
            log.info("hwbsite: %d data warning(s); run 'hwbsite check' to list them", len(problems.warnings))
            self.items = output.build_output(public_view(project, today), config.site_url)
            config.site_name = project.board.name
            config.extra.update(output.theme_extra(project.board))
        if not self.serving:   # parses are kept for the next preview rebuild only; a build frees them
            parsecache.clear()
        if str(root / self.config.data_dir) not in config.watch:
            config.watch.append(str(root / self.config.data_dir))
        # hwbsite's templates (accessibility fixes, footer, search page) come with the package: they
        # rank after the board's own overrides (custom_dir, if any) and before Material's, so a new
        # board needs no overrides/ folder and a board's own version of a template still wins.
        if str(search.THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(search.THEME_DIR))
        config.extra_css.extend(output.CSS)
        config.extra_javascript.extend(output.JAVASCRIPT)
        return config

    def on_files(self, files, config):
        # Hand-written pages and papers come back only through the output list (blocks expanded).
        for file in [f for f in files if f.src_uri.endswith(".md")]:
            files.remove(file)
        docs = os.path.relpath(config.docs_dir, Path(config.config_file_path or ".").resolve().parent)
        # serve --dirty: MkDocs renders again only the outputs whose bytes changed (rebuilds.py)
        changed = self.memory.before_build(self.items, config) if self.memory is not None else None
        self.rendered = []
        for item in self.items:
            inclusion = InclusionLevel.INCLUDED if item.in_nav else InclusionLevel.NOT_IN_NAV
            source = {"content": item.text} if item.text is not None else {"abs_src_path": str(item.source)}
            file = File.generated(config, item.path, inclusion=inclusion, **source)
            if changed is not None and item.path not in changed and item.text is not None:
                rebuilds.keep_unless_missing(file)
            if item.edit and config.repo_url and config.edit_uri:
                file.edit_uri = os.path.relpath(item.edit, docs)
            if (existing := files.get_file_from_path(file.src_uri)) is not None:
                files.remove(existing)
            files.append(file)
        if not self.serving:   # a build needs the list no more (the preview keeps it for its error pages)
            self.items = []
        return files

    def on_page_markdown(self, markdown, page, config, files):
        # The page has read its Markdown: in a build its File need not hold a second copy while
        # every page is rendered (a long archive's pages are tens of MB). Memory only.
        if not self.serving and page.file.generated_by:
            page.file.content_string = ""
        return markdown

    def on_page_content(self, html, page, config, files):
        # Last line of defence: every page is cleaned against the allow-list (htmlsafety.py). The
        # loader refuses officers' text that would need cleaning, so for checked data this changes nothing.
        self.rendered.append(page.file.src_uri)
        return htmlsafety.sanitise(html)

    def on_env(self, env, config, files):
        if self.templates is not None:
            env.bytecode_cache = self.templates
        if self.memory is not None:
            pages = files.documentation_pages()
            log.info("hwbsite: %d of %d pages rendered again: %s", len(self.rendered), len(pages),
                     " ".join(sorted(self.rendered)[:20]) + (" ..." if len(self.rendered) > 20 else ""))
        return env

    def on_build_error(self, error):
        if self.memory is not None:  # the site directory is not what the memory says
            self.memory.forget()

    def on_post_build(self, config):
        # The preview skips the index: Pagefind takes seconds on a big site, and an officer
        # previewing a paper is checking that page, not search (the search page says so).
        if not self.serving:
            try:
                summary = search.build_index(Path(config.site_dir))
            except RuntimeError as exc:
                raise PluginError(f"hwbsite: the search index was not built: {exc}") from exc
            log.info("hwbsite: search index: %s", summary)
