"""MkDocs plugin: wires MkDocs events to hwbsite's loader and page builders.

Kept thin on purpose: every decision lives in pure modules that are tested
without building a site.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel

from . import blocks, charts, theme, tiles, urls
from .context import build_context
from .pages import home, statements
from .render import with_updated
from .pages.metrics import metric_downloads
from .project import load_project
from .site import build_pages

log = logging.getLogger("mkdocs.plugins.hwbsite")

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/hwbsite"


class HwbsiteConfig(Config):
    data_dir = c.Type(str, default="data")
    # Fixes "today" (which meeting is next, which embargoes have lifted) for reproducible builds.
    build_date = c.Optional(c.Type(str))


class HwbsitePlugin(BasePlugin[HwbsiteConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        docs_rel = os.path.relpath(config.docs_dir, root)
        project, problems = load_project(root, self.config.data_dir, docs_rel)
        if problems.errors or project is None:
            lines = "\n".join(p.format() for p in problems.errors)
            raise PluginError(f"hwbsite: {len(problems.errors)} error(s) in the data; nothing was built.\n{lines}")
        if problems.warnings:
            log.info("hwbsite: %d data warning(s); run 'hwbsite check' to list them", len(problems.warnings))
        today = dt.date.fromisoformat(self.config.build_date) if self.config.build_date else dt.date.today()
        self.project = project
        self.ctx = build_context(project, today)
        config.site_name = project.board.name
        data_dir = str(root / self.config.data_dir)
        if data_dir not in config.watch:
            config.watch.append(data_dir)
        config.extra_css.append(f"{ASSET_DIR}/hwbsite.css")
        config.extra_css.append(f"{ASSET_DIR}/board.css")
        config.extra["hwbsite"] = statements.footer_facts(project.board)
        config.extra_javascript.append(f"{ASSET_DIR}/hwbsite.js")
        self.expander = blocks.Expander(project, {
            "chart": lambda opts, page: charts.chart_block(project, opts, page, ASSET_DIR),
            "next-meeting": lambda opts, page: home.meeting_panel(project, self.ctx, page),
            "tiles": lambda opts, page: tiles.tiles_block(project, opts, page),
        })
        return config

    def on_files(self, files, config):
        # Papers are written under content/papers/ but published through their generated page.
        for file in list(files):
            if file.src_uri.startswith("papers/") and file.src_uri.endswith(".md"):
                files.remove(file)
        self.updated = {}
        for page in build_pages(self.project, self.ctx):
            if page.updated:
                self.updated[page.path] = page.updated
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.path, content=page.markdown, inclusion=inclusion)
            if page.source and config.repo_url and config.edit_uri:
                file.edit_uri = os.path.relpath(page.source, os.path.relpath(config.docs_dir,
                                                Path(config.config_file_path).parent))
            _replace(files, file)
        for name, table in self.project.tables.items():
            if name not in self.ctx.public_tables:
                continue
            _replace(files, File.generated(config, urls.table_download(name),
                                           abs_src_path=str(self.project.root / table.path)))
        for path, content in metric_downloads(self.project).items():
            _replace(files, File.generated(config, path, content=content))
        for asset in sorted(ASSETS.iterdir()):
            _replace(files, File.generated(config, f"{ASSET_DIR}/{asset.name}", abs_src_path=str(asset)))
        _replace(files, File.generated(config, f"{ASSET_DIR}/board.css", content=theme.board_css(self.project.board)))
        _replace(files, File.generated(config, f"{ASSET_DIR}/plotly.min.js", abs_src_path=charts.plotly_js_path()))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        try:
            markdown = self.expander.expand(markdown, page.file.src_uri)
        except ValueError as exc:
            raise PluginError(f"hwbsite: {exc}") from None
        # From the data, not from git: a shallow clone in CI has no history.
        updated = self.updated.get(page.file.src_uri) or page.meta.get("updated")
        return with_updated(markdown, updated if isinstance(updated, dt.date) else None)

    def on_page_content(self, html, page, config, files):
        # Last line of defence: no script or event handler from data or content reaches a page.
        bad = _UNSAFE.search(html)
        if bad:
            raise PluginError(f"hwbsite: {page.file.src_uri} would publish unsafe HTML: {bad.group(0)[:60]!r}")
        return html


_UNSAFE = re.compile(r"<script|<iframe|\son[a-z]+\s*=\s*[\"']|javascript:",
                     re.IGNORECASE)


def _replace(files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
