"""Each officer's file is read from disk once per build: the rules scan the text the loader kept."""

from __future__ import annotations

import pytest

import datetime as dt
from collections import Counter
from pathlib import Path

from conftest import REPO
from hwbsite.output import build_output
from hwbsite.project import load_project
from hwbsite.publication import public_view


@pytest.mark.slow   # builds the whole real site's output
def test_no_data_or_content_file_is_read_twice(monkeypatch):
    reads: Counter = Counter()
    original = Path.read_bytes

    def counting(self):
        reads[self.resolve()] += 1
        return original(self)
    monkeypatch.setattr(Path, "read_bytes", counting)
    project, log = load_project(REPO)
    assert log.errors == []
    build_output(public_view(project, dt.date(2017, 9, 20)))
    officer_files = {p.resolve() for d in ("data", "content") for p in (REPO / d).rglob("*") if p.is_file()}
    assert officer_files <= set(reads), "every officer file is read"
    assert sorted(str(p) for p, n in reads.items() if n > 1 and p in officer_files) == []
