"""MkDocs plugin: an adapter from hwbsite's output list (or, in `mkdocs serve` while the data has
errors, the preview's error pages) to MkDocs ``File`` objects. Every decision lives in pure modules;
``hwbsite generate`` writes the same list as a plain docs tree for engines without this plugin."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from . import buildcache, finish, htmlsafety, output, parsecache, perfile, preview, rebuilds, render, search, siteconfig, slots, timings, verify
from .errors import HwbsiteError, consequences, format_grouped
from .project import load_project
from .publication import london_today, private_texts, public_view

log = logging.getLogger("mkdocs.plugins.hwbsite")


class HwbsiteConfig(Config):
    data_dir = c.Type(str, default="data")
    # Fixes "today" (which meeting is next, which embargoes have lifted) for reproducible builds.
    build_date = c.Optional(c.Type(str))
    # The persistent cache of pure results (buildcache.py), beside mkdocs.yml; "" keeps none.
    cache_dir = c.Type(str, default=buildcache.DEFAULT_DIR)


class HwbsitePlugin(BasePlugin[HwbsiteConfig]):
    def __init__(self) -> None:
        super().__init__()
        # per instance: a class attribute list would be shared by every plugin MkDocs makes
        self.serving = False
        self.exports = True            # the preview builds none unless asked (on_startup)
        self.items: list[output.OutputItem] = []
        self.memory: rebuilds.OutputMemory | None = None       # `serve --dirty`: the last build's outputs
        self.templates: rebuilds.TemplateCache | None = None   # `serve`: compiled theme templates
        self.rendered: list[str] = []                          # the pages MkDocs rendered in the last build
        self.private: list[str] = []   # text of private records, which verify looks for in every output byte
        self.cache = buildcache.BuildCache(None)   # set from the config in on_config
        self.theme_key = ""                        # what the finishing pass's result depends on besides the page

    def on_startup(self, *, command, dirty):
        if command == "build" and dirty:
            # a dirty build keeps pages from earlier builds: one of business made private since
            # would stay in site/ and in its search index
            raise PluginError("hwbsite: 'mkdocs build --dirty' can keep pages that are no longer public; "
                              "build without --dirty (make site)")
        self.serving = command == "serve"  # the preview shows errors in the browser; a build stops
        # the preview builds no exports unless asked (preview.py); a build always builds them
        self.exports = not self.serving or preview.exports_wanted()
        preview.quiet_skipped_exports(not self.exports)
        # what a serve rebuild reuses from the last one (rebuilds.py); nothing for a build
        self.templates = rebuilds.TemplateCache() if self.serving else None
        self.memory = rebuilds.OutputMemory() if self.serving and dirty else None
        if self.memory is not None:
            rebuilds.quiet_dirty_warning()

    def on_config(self, config):
        timings.reset()
        with timings.phase("load"):
            return self._configure(config)

    def _configure(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        cache_dir = (root / self.config.cache_dir).resolve() if self.config.cache_dir else None
        for name, folder in (("site_dir", config.site_dir), ("docs_dir", config.docs_dir),
                             ("the data folder", root / self.config.data_dir)):
            # in the site it would be published (pages of business made private since included);
            # in a watched folder every write would start another preview rebuild
            if cache_dir is not None and cache_dir.is_relative_to(Path(folder).resolve()):
                raise PluginError(f"hwbsite: cache_dir '{self.config.cache_dir}' is inside {name}; "
                                  f"keep it beside mkdocs.yml (the default is {buildcache.DEFAULT_DIR})")
        self.cache = buildcache.BuildCache(cache_dir)
        today = dt.date.fromisoformat(self.config.build_date) if self.config.build_date else london_today()
        project, problems = load_project(root, self.config.data_dir, os.path.relpath(config.docs_dir, root), today)
        if config.config_file_path:   # what the theme prints from mkdocs.yml: the check's own rule
            siteconfig.check(config, Path(config.config_file_path).read_text(encoding="utf-8"),
                             str(Path(config.config_file_path).resolve()), problems)
        lines = "\n".join(format_grouped(problems.errors))   # each consequence under its cause
        if problems.errors or project is None:
            if not self.serving:
                count = len(problems.errors) - consequences(problems.errors)
                raise PluginError(f"hwbsite: {count} error(s) in the data; nothing was built.\n{lines}")
            # info, not a warning: under strict mode a warning would stop the preview itself
            log.info("hwbsite: the preview shows these errors until they are fixed:\n%s", lines)
            had = self.items or (preview.pages_of(project, today) if project else [])
            self.items = preview.error_output(problems.errors, had, root / "EDITING.md", preview.nav_paths(config.nav))
            config.extra.update(output.theme_extra(None))   # the theme's words; no footer facts
        else:
            log.info("hwbsite: %d new data warning(s), %d acknowledged in data/known-issues.yml; run "
                     "'hwbsite check' to list them", len(problems.new_warnings),
                     len(problems.warnings) - len(problems.new_warnings))
            with timings.phase("public view"):
                view = public_view(project, today)
                self.private = private_texts(project, view) if not self.serving else []
            try:
                with timings.phase("builders"):
                    self.items = output.build_output(view, config.site_url, exports=self.exports)
            except HwbsiteError as exc:
                raise PluginError(f"hwbsite: the site cannot be built: {exc}") from exc
            config.site_name = project.board.name
            config.extra.update(output.theme_extra(project.board))
        if not self.serving:   # parses are kept for the next preview rebuild only; a build frees them
            parsecache.clear()
            perfile.clear()
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
        # Nothing of the docs folder is published as MkDocs found it: hand-written pages and papers
        # come back through the output list (blocks expanded, cleaned), and so do the images that
        # contentfiles.scan checked. Anything else there (.MD, a renamed file) is not copied.
        docs_dir = Path(config.docs_dir).resolve()
        for file in [f for f in files if not f.generated_by and f.abs_src_path
                     and Path(f.abs_src_path).resolve().is_relative_to(docs_dir)]:
            files.remove(file)
        docs = os.path.relpath(config.docs_dir, Path(config.config_file_path or ".").resolve().parent)
        # serve --dirty: MkDocs renders again only the outputs whose bytes changed (rebuilds.py)
        # the preview's live-reload poller, a file so the page's CSP allows it (preview.py)
        items = [*self.items, preview.livereload_output()] if self.serving else self.items
        changed = self.memory.before_build(items, config) if self.memory is not None else None
        self.rendered = []
        for item in items:
            inclusion = InclusionLevel.INCLUDED if item.in_nav else InclusionLevel.NOT_IN_NAV
            source = {"content": item.text} if item.text is not None else {"abs_src_path": str(item.source)}
            kept = changed is not None and item.path not in changed and item.text is not None
            file = (rebuilds.KeptFile if kept else File).generated(config, item.path, inclusion=inclusion, **source)
            if item.edit and config.repo_url and config.edit_uri:
                file.edit_uri = os.path.relpath(item.edit, docs)
            if (existing := files.get_file_from_path(file.src_uri)) is not None:
                files.remove(existing)
            files.append(file)
        if not self.serving:   # a build needs the list no more (the preview keeps it for its error pages)
            self.items = []
        return files

    def on_serve(self, server, config, builder):
        if not preview.serve_livereload_from_file(server):
            log.warning("hwbsite: this MkDocs injects live reload inline, which the pages' "
                        "Content-Security-Policy blocks: reload the page by hand after a save")
        return server

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
        with timings.phase("whole-page check"):
            # The same HTML was judged safe before (its exact bytes, by this code): the same answer.
            # Only pages that passed are stored, so a stored answer is always "nothing to remove".
            if (cleaned := self.cache.get("page", html)) is not None:
                return cleaned
            # The same whole-page rule as `hwbsite check` and `generate` (buildcheck.report_unsafe_pages):
            # a page the cleaner would have to change stops the build rather than being fixed silently.
            found = htmlsafety.dangers(html) if not self.serving else []
            if found:
                raise PluginError(f"hwbsite: the page {page.file.src_uri} would contain {found[0]} once its "
                                  "parts are joined; run 'hwbsite check' to see which file made it")
            cleaned = htmlsafety.sanitise(html)
            if not self.serving:   # the preview skips the check: what it cleans proves nothing
                self.cache.put("page", html, cleaned)
            return cleaned

    def on_nav(self, nav, config, files):
        slots.escape_nav(nav.items)
        return nav

    @event_priority(-100)   # after every other plugin: what they set is escaped too
    def on_env(self, env, config, files):
        # Every value a theme template prints is escaped text from here on (slots.py): MkDocs
        # renders templates with autoescape off. All pages are read by now, none rendered yet.
        slots.escape_config(config)
        for file in files.documentation_pages():
            if file.page is not None:
                slots.escape_page(file.page)
        env.filters["striptags"] = slots.striptags
        # the theme's templates: compiled once per preview, in memory. Never from the disk cache:
        # compiled templates are code, and a cache restored in CI is not trusted to run code.
        env.bytecode_cache = self.templates
        if self.memory is not None:
            pages = files.documentation_pages()
            log.info("hwbsite: %d of %d pages rendered again: %s", len(self.rendered), len(pages),
                     " ".join(sorted(self.rendered)[:20]) + (" ..." if len(self.rendered) > 20 else ""))
        return env

    def on_build_error(self, error):
        render.environment().bytecode_cache = None
        if self.memory is not None:  # the site directory is not what the memory says
            self.memory.forget()

    # The post-build pass (finish.py) on each page as MkDocs writes it (and on the 404 page): the
    # CSP first in its head, with the hashes of the theme's own inline scripts, and the mends no
    # theme block can make. Another engine's site gets the same pass from `hwbsite verify --finish`.
    def on_post_page(self, output, page, config):
        return self._finish(output, page.file.dest_uri)

    def on_post_template(self, output_content, template_name, config):
        if template_name.endswith(".html"):
            return self._finish(output_content, template_name)
        return output_content

    def _finish(self, html, dest):
        with timings.phase("finish"):
            theme = finish.theme_scripts()
            if not self.theme_key:
                self.theme_key = repr(theme.patterns)
            # a pure function of the page's bytes, its path and the theme's scripts: kept by them
            if (done := self.cache.get("finish", dest, self.theme_key, html)) is not None:
                return done
            try:
                done = finish.finish_page(html, dest, theme)
            except finish.FinishError as exc:
                raise PluginError(f"hwbsite: {exc}") from exc
            self.cache.put("finish", dest, self.theme_key, html, done)
            return done

    def on_post_build(self, config):
        # this build's cache is not the next one's (another project's, in one process)
        render.environment().bytecode_cache = None
        # The preview skips the index: Pagefind takes seconds on a big site, and an officer
        # previewing a paper is checking that page, not search (the search page says so).
        if not self.serving:
            try:
                with timings.phase("search index"):
                    summary = search.build_index(Path(config.site_dir))
            except RuntimeError as exc:
                raise PluginError(f"hwbsite: the search index was not built: {exc}") from exc
            log.info("hwbsite: search index: %s", summary)
            # The finished site judged by the rule any engine's build is judged by (hwbsite verify).
            with timings.phase("verify"):
                report = verify.verify_site(Path(config.site_dir), self.private, verify.base_path_of(config.site_url))
            if not report.ok:
                # never a half-built site: what failed the rule must not wait in site/ for a deploy
                # step that ignores the exit code
                shutil.rmtree(config.site_dir, ignore_errors=True)
                shown = "\n".join(f.format() for f in report.failures[:50])
                more = f"\n... and {len(report.failures) - 50} more" if len(report.failures) > 50 else ""
                raise PluginError(f"hwbsite: {report.summary(config.site_dir)}; nothing may be deployed:\n{shown}{more}")
            log.info("hwbsite: %s", report.summary(config.site_dir))
            self.cache.prune()   # only now: a failed build's entries may still serve the next one
        log.debug("hwbsite: CPU by phase: %s; cache: %s",
                  ", ".join(f"{k} {v:.2f} s" for k, v in timings.report().items()), self.cache.stats)
