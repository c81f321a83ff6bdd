"""MkDocs plugin: an adapter from hwbsite's output list to MkDocs ``File`` objects.

Every decision lives in pure modules (publication, output, page builders); the same list is
written as a plain docs tree by ``hwbsite generate`` for engines that do not run this plugin.
"""

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

from . import htmlsafety, output
from .project import load_project
from .publication import public_view

log = logging.getLogger("mkdocs.plugins.hwbsite")


class HwbsiteConfig(Config):
    data_dir = c.Type(str, default="data")
    # Fixes "today" (which meeting is next, which embargoes have lifted) for reproducible builds.
    build_date = c.Optional(c.Type(str))


class HwbsitePlugin(BasePlugin[HwbsiteConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        today = dt.date.fromisoformat(self.config.build_date) if self.config.build_date else dt.date.today()
        project, problems = load_project(root, self.config.data_dir, os.path.relpath(config.docs_dir, root), today)
        if problems.errors or project is None:
            lines = "\n".join(p.format() for p in problems.errors)
            raise PluginError(f"hwbsite: {len(problems.errors)} error(s) in the data; nothing was built.\n{lines}")
        if problems.warnings:
            log.info("hwbsite: %d data warning(s); run 'hwbsite check' to list them", len(problems.warnings))
        self.items = output.build_output(public_view(project, today), config.site_url)
        config.site_name = project.board.name
        if str(root / self.config.data_dir) not in config.watch:
            config.watch.append(str(root / self.config.data_dir))
        config.extra_css.extend(output.CSS)
        config.extra_javascript.extend(output.JAVASCRIPT)
        return config

    def on_files(self, files, config):
        # Hand-written pages come back from the output list with their blocks expanded; papers are
        # published only through their generated page, and only when the public view holds them.
        for file in list(files):
            if file.src_uri.endswith(".md"):
                files.remove(file)
        for item in self.items:
            inclusion = InclusionLevel.INCLUDED if item.in_nav else InclusionLevel.NOT_IN_NAV
            if item.text is not None:
                file = File.generated(config, item.path, content=item.text, inclusion=inclusion)
            else:
                file = File.generated(config, item.path, abs_src_path=str(item.source), inclusion=inclusion)
            if item.edit and config.repo_url and config.edit_uri:
                file.edit_uri = os.path.relpath(item.edit, os.path.relpath(config.docs_dir, root_of(config)))
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(file)
        return files

    def on_page_content(self, html, page, config, files):
        # Last line of defence: every page's HTML is cleaned against the site's allow-list
        # (htmlsafety.py). The loader refuses officers' text that would need cleaning, so for
        # checked data this changes nothing (tests/test_htmlsafety.py proves it on the real site).
        return htmlsafety.sanitise(html)


def root_of(config) -> Path:
    return Path(config.config_file_path or ".").resolve().parent
