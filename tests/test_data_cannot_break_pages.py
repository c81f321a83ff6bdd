"""No page of the site can break on data: every generated list a page links to exists whatever
the data holds. The home page links to the list of red actions; turning the last red action amber
used to remove that list and stop the strict build with a broken link in content/index.md, a file
the officer never touched."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, build, copy_project

UPDATE = "data/strategy/updates/2017-09-20--action-plan-2017-18.yml"
RAG = re.compile(r'\brag: (?:"[^"\n]*"|[A-Za-z]+)')
ACTIONS = "strategy/action-plan-2017-18/actions"


def every_action_rated(root, rag: str) -> None:
    path = root / UPDATE
    text, count = RAG.subn(f"rag: {rag}", path.read_text(encoding="utf-8"))
    assert count > 40, "the update file no longer rates actions this way; update the test"
    path.write_text(text, encoding="utf-8")


def test_the_home_page_links_to_the_red_list():
    # the trap this file guards against is in the real site's own page
    assert f"({ACTIONS}/red.md)" in (REPO / "content/index.md").read_text(encoding="utf-8")


def test_the_last_red_action_turned_amber_passes_the_check(real_data_copy):
    from hwbsite.checkrun import run_check
    (real_data_copy / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    path = real_data_copy / UPDATE
    path.write_text(path.read_text(encoding="utf-8").replace("rag: R,", "rag: A,"), encoding="utf-8")
    assert "rag: R" not in path.read_text(encoding="utf-8")
    log = run_check(real_data_copy)
    assert [p.format() for p in log.errors] == []


@pytest.mark.slow
@pytest.mark.parametrize("rag", ["R", "A", "G", '""', "TBC"])
def test_every_action_rated_alike_still_builds_strictly(tmp_path, rag):
    from mkdocs.exceptions import Abort
    root = copy_project(REPO, tmp_path / "site")
    every_action_rated(root, rag)
    try:
        site = build(root)
    except Abort as exc:  # pragma: no cover - the failure is the message
        pytest.fail(f"every action rated {rag}: the strict build stopped: {exc}")
    for word in ("red", "amber", "green"):
        page = (site / ACTIONS / word / "index.html").read_text(encoding="utf-8")
        mine = {"R": "red", "A": "amber", "G": "green"}.get(rag)
        if word == mine:
            assert "No actions are" not in page
        else:
            assert f"No actions are {word} at the moment." in page
