"""Per-file scans are reused between loads in one process only while their arguments (the file's
text, its path, its first line) are the same (hwbsite/perfile.py): the problems after any save are
exactly those of a fresh load, in the same order."""

from __future__ import annotations

import datetime as dt

from hwbsite import perfile
from hwbsite.project import load_project

TODAY = dt.date(2026, 12, 3)
PAPER = "content/papers/ageing-well-minutes-2026-09-30.md"


def _problems(root):
    project, log = load_project(root, today=TODAY)
    assert project is not None
    return [(p, p.code) for p in log.problems]


def _fresh(root):
    perfile.clear()
    return _problems(root)


def test_a_saved_paper_is_scanned_again_and_the_others_are_reused(fixture_project):
    root = fixture_project("second-board")
    _fresh(root)
    before = perfile.stats()
    _problems(root)
    unchanged = perfile.stats()
    assert unchanged["scanned"] == before["scanned"]          # nothing changed: nothing scanned again
    assert unchanged["reused"] - before["reused"] == before["scanned"]

    paper = root / PAPER
    paper.write_text(paper.read_text().replace("2. The group agreed its work programme for the winter.",
                                               "2. The group agreed its work programme (details to follow)."))
    warm = _problems(root)
    after = perfile.stats()
    rescanned = after["scanned"] - unchanged["scanned"]
    assert 1 <= rescanned <= 3                                 # the paper's own scans, not the archive's
    assert any(p.file == PAPER and p.code == "placeholder" and "details to follow" in p.message for p, _ in warm)
    assert warm == _fresh(root)


def test_a_placeholder_removed_in_a_save_is_no_longer_reported(fixture_project):
    root = fixture_project("second-board")
    paper = root / PAPER
    text = paper.read_text()
    paper.write_text(text.replace("## Present", "## Present\n\nName to be confirmed (TBC). Details to follow."))
    _fresh(root)
    with_placeholder = _problems(root)
    assert any(p.file == PAPER and p.code == "placeholder" for p, _ in with_placeholder)
    paper.write_text(text)
    warm = _problems(root)
    assert not any(p.file == PAPER and p.code == "placeholder" for p, _ in warm)
    assert warm == _fresh(root)


def test_the_same_text_under_another_path_reports_its_own_path(fixture_project):
    # the path is part of what a scan reads: a copy of a paper is judged as the copy
    root = fixture_project("second-board")
    paper = root / PAPER
    paper.write_text(paper.read_text().replace("## Present", "## Present\n\nDetails to follow."))
    _fresh(root)
    copy = root / "content/papers/ageing-well-minutes-copy.md"
    copy.write_text(paper.read_text().replace("id: ageing-well-minutes-2026-09-30", "id: ageing-well-minutes-copy")
                    .replace('item: "4"\n', ""))
    warm = _problems(root)
    assert {p.file for p, code in warm if code == "placeholder"} >= {PAPER, "content/papers/ageing-well-minutes-copy.md"}
    assert warm == _fresh(root)
