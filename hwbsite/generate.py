"""Write the output list as a plain docs tree with a ``mkdocs.yml`` that needs no hwbsite plugin.

MkDocs 1.x is at its end and its successors skip plugins they do not know, so the site must not
exist only inside a plugin: ``hwbsite generate --out DIR`` gives any Markdown engine that reads
``mkdocs.yml`` the same pages the plugin would build.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from . import buildcheck, mkdocsconfig, output, search, siteconfig
from .errors import HwbsiteError
from .project import load_project
from .publication import public_view


class GenerateError(HwbsiteError):
    """The data has errors: nothing was written."""


def plain_config(config: dict, site_name: str, not_in_nav: list[str], docs_dir: str = "docs") -> dict:
    """The project's MkDocs configuration without the hwbsite plugin, pointed at the written tree."""
    plain = dict(config)
    plugins = []
    for plugin in config.get("plugins") or []:
        name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
        if name != "hwbsite":
            plugins.append(plugin)
    plain["plugins"] = plugins
    plain["site_name"] = site_name
    plain["docs_dir"] = docs_dir
    plain["site_dir"] = "site"
    plain["extra_css"] = [*(config.get("extra_css") or []), *output.CSS]
    plain["extra_javascript"] = [*(config.get("extra_javascript") or []), *output.JAVASCRIPT]
    plain.pop("watch", None)
    # Detail pages (meetings, papers, people) are reached from index pages, not from the nav.
    plain["not_in_nav"] = "\n".join(f"/{path}" for path in not_in_nav) + "\n"
    return plain


def project_settings(root: Path, config_file: str = "mkdocs.yml") -> tuple[str, str]:
    """(data folder, content folder) of the project at ``root``, as its mkdocs.yml names them."""
    config = mkdocsconfig.read(Path(root), config_file) or {}
    data_dir = mkdocsconfig.plugin_options(config).get("data_dir", "data")
    return data_dir, config.get("docs_dir", "docs")


def generate(root: Path, out: Path, build_date: dt.date, config_file: str = "mkdocs.yml") -> int:
    """Write DIR/mkdocs.yml, DIR/pagefind.yml, DIR/docs/ and DIR/overrides/; returns the number of files written."""
    root = Path(root)
    config = mkdocsconfig.read(root, config_file)
    if config is None:
        raise GenerateError(f"there is no {config_file} in {root}")
    data_dir = mkdocsconfig.plugin_options(config).get("data_dir", "data")
    content_dir = config.get("docs_dir", "docs")
    project, log = load_project(root, data_dir, content_dir, build_date)
    siteconfig.check(config, (root / config_file).read_text(encoding="utf-8"), str(root / config_file), log)
    if log.errors or project is None:
        raise GenerateError("\n".join(p.format() for p in log.errors))
    items = output.build_output(public_view(project, build_date), config.get("site_url"))
    # No plugin cleans these pages when another engine renders them: each page is judged whole first.
    buildcheck.report_unsafe_pages(items, log)
    if log.errors:
        raise GenerateError("\n".join(p.format() for p in log.errors))

    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    # Only the output list is written: content/'s checked images are in it, nothing else is copied.
    for item in items:
        target = docs / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.read_bytes())
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(root / theme["custom_dir"], out / "overrides")
    # The plugin ranks hwbsite's own theme templates after the board's; here they join the copied
    # overrides, where a board's own version of one (at the same path) wins.
    def theirs(folder: str, names: list[str]) -> list[str]:
        rel = Path(folder).relative_to(search.THEME_DIR)
        return [n for n in names if (out / "overrides" / rel / n).is_file()]
    shutil.copytree(search.THEME_DIR, out / "overrides", dirs_exist_ok=True, ignore=theirs)
    if isinstance(theme, dict):
        config = {**config, "theme": {**theme, "custom_dir": "overrides"}}
    plain = plain_config(config, project.board.name, [i.path for i in items if i.is_page and not i.in_nav])
    plain["extra"] = {**(plain.get("extra") or {}), **output.theme_extra(project.board)}
    (out / "pagefind.yml").write_text(search.config_file(plain["site_dir"]), encoding="utf-8")
    (out / "mkdocs.yml").write_text("# Written by 'hwbsite generate': builds with plain MkDocs, no hwbsite plugin.\n"
                                    + yaml.safe_dump(plain, sort_keys=False, allow_unicode=True))
    return len(items)
