"""Shared helpers for the export tests: load a fixture as the public view, parse outputs back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hwbsite.context import build_context
from hwbsite.exports import OutputFile, build_exports
from hwbsite.project import load_project

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://board.example.org/hwb/"
PRIVATE_MARKERS = ("ZZEXEMPT", "ZZDRAFT", "ZZEMBARGO")


def public_view(project, ctx):
    # LEAD: swap for hwbsite.publication's public view when it lands (and delete interim_view.py).
    from hwbsite.exports.interim_view import interim_public_view
    return interim_public_view(project, ctx)


def load(root: Path, today: dt.date):
    project, log = load_project(root)
    assert project is not None and not log.errors, [p.format() for p in log.errors]
    ctx = build_context(project, today)
    return public_view(project, ctx), ctx


def exports(root: Path, today: dt.date, site_url: str = SITE_URL) -> dict:
    """path -> output item, for a fixture or the real data."""
    view, ctx = load(root, today)
    return {item.path: item for item in build_exports(view, ctx, site_url)}


def as_bytes(item) -> bytes:
    content = item.content if isinstance(item, OutputFile) else item.markdown
    return content if isinstance(content, bytes) else content.encode()
