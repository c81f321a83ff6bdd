"""Shared helpers for the export tests: load a fixture as the public view, parse outputs back."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from hwbsite.context import build_context
from hwbsite.exports import build_exports
from hwbsite.project import load_project
from hwbsite.publication import public_view

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://board.example.org/hwb/"
PRIVATE_MARKERS = ("ZZEXEMPT", "ZZDRAFT", "ZZEMBARGO")


# The same fixture or the real data, on the same day, gives the same exports: read them once per
# test session (the tests only read what these return).
@functools.lru_cache(maxsize=16)
def load(root: Path, today: dt.date):
    """The public view on ``today`` (hwbsite.publication) and its context: what the exports receive."""
    project, log = load_project(root, today=today)
    assert project is not None and not log.errors, [p.format() for p in log.errors]
    view = public_view(project, today)
    return view, build_context(view)


@functools.lru_cache(maxsize=16)
def exports(root: Path, today: dt.date, site_url: str = SITE_URL) -> dict:
    """path -> output item, for a fixture or the real data."""
    view, ctx = load(root, today)
    return {item.path: item for item in build_exports(view, ctx, site_url)}


def as_bytes(item) -> bytes:
    return item.read_bytes()
