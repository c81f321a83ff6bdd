"""hwbsite: static, accessible websites for Health and Wellbeing Boards, from YAML and CSV."""

from importlib.metadata import PackageNotFoundError, version as _version

try:  # the version lives in pyproject.toml alone; an installed package knows it from its metadata
    __version__ = _version("hwbsite")
except PackageNotFoundError:  # pragma: no cover - run from a checkout that was never installed
    __version__ = "0+unknown"
