"""`make bench` measures hwbsite at +20 and +40 years on a synthetic archive (tests/bench.py): the
real project plus earlier years of re-dated copies of its meetings. If that archive stops passing
`hwbsite check`, the bench cannot measure growth at all (it did, silently, for a round: copies
claimed the real meetings' agenda packs, against their papers' written `published_in`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

sys.path.insert(0, str(Path(__file__).parent))


def test_the_bench_archive_a_year_bigger_passes_check(tmp_path):
    from bench import MEETINGS_A_YEAR, synthetic_archive

    from hwbsite.checkrun import run_check
    assert synthetic_archive(tmp_path, 1) == MEETINGS_A_YEAR
    assert len(list((tmp_path / "data/meetings").glob("*.yml"))) >= MEETINGS_A_YEAR + 3
    log = run_check(tmp_path)
    assert [f"{p.file}:{p.line}: {p.message}" for p in log.errors] == []
