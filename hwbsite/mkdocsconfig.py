"""The one reader of a site's mkdocs.yml: MkDocs' own loader, so that hwbsite check, hwbsite
generate and the build see the same values (!ENV resolved, INHERIT merged, Python tags built)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .errors import HwbsiteError


class ConfigError(HwbsiteError):
    """mkdocs.yml cannot be read; MkDocs' message says where."""


def read(root: Path, config_file: str = "mkdocs.yml") -> dict[str, Any] | None:
    """mkdocs.yml as MkDocs reads it, or None when there is none."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load
    path = Path(root) / config_file
    if not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            return yaml_load(fh, get_yaml_loader())
    except ConfigurationError as exc:
        raise ConfigError(str(exc)) from exc


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The hwbsite plugin's options in a configuration ({} when it has none)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "hwbsite" in plugin:
            return plugin["hwbsite"] or {}
    return {}


def build_date(config: dict[str, Any] | None) -> dt.date | None:
    """The plugin's build_date, which fixes the site's "today"."""
    value = plugin_options(config or {}).get("build_date")
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if isinstance(value, str) else None
