"""overrides/ holds no copy of a theme template (issue 22): the theme's own templates are used as
they are, so another engine's theme (or the next Material) is not shadowed by a stale fork."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from hwbsite import finish, search

THEME = finish.installed_theme_dirs()[0]
OURS = [REPO / "overrides", search.THEME_DIR]
# Lines of at least this many characters count when judging whether a file is a copy: short
# ones ("{% endif %}", "</div>") are in every template.
MEANINGFUL = 20


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) >= MEANINGFUL]


def copied_share(path: Path, theme: Path) -> tuple[float, str]:
    """The largest share of a file's meaningful lines found in any one template of the theme."""
    ours = _lines(path)
    best, where = 0.0, ""
    for template in theme.rglob("*.html"):
        theirs = set(_lines(template))
        share = sum(line in theirs for line in ours) / len(ours) if ours else 0.0
        if share > best:
            best, where = share, template.relative_to(theme).as_posix()
    return best, where


def our_templates():
    return sorted(p for folder in OURS for p in folder.rglob("*") if p.is_file())


def test_no_template_of_ours_has_the_path_of_a_theme_template():
    """A file at a theme template's path replaces it whole: only main.html may, which Material
    provides (empty) for exactly this, to fill base.html's blocks."""
    shadowing = [(folder.name, p.relative_to(folder).as_posix()) for folder in OURS for p in folder.rglob("*")
                 if p.is_file() and (THEME / p.relative_to(folder)).exists()
                 and p.relative_to(folder).as_posix() != "main.html"]
    assert shadowing == []
    main = (search.THEME_DIR / "main.html").read_text(encoding="utf-8")
    assert '{% extends "base.html" %}' in main


@pytest.mark.parametrize("path", our_templates(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_template_of_ours_is_mostly_a_copy(path):
    share, where = copied_share(path, THEME)
    assert share < 0.5, f"{path.relative_to(REPO)}: {share:.0%} of its lines are in the theme's {where}"


def test_nothing_names_a_hashed_asset_of_the_theme():
    """Material's CSS and JS files carry a hash of their contents in their names (main.57a0d79d.min.css);
    naming one pins a theme version and breaks on every other engine."""
    hashed = sorted(p.name for p in (THEME / "assets").rglob("*.min.*"))
    assert hashed
    named = [(p.relative_to(REPO).as_posix(), name) for p in [*our_templates(), *sorted((REPO / "hwbsite").rglob("*.py"))]
             for name in hashed if name in p.read_text(encoding="utf-8")]
    assert named == []


def test_the_copy_test_catches_a_copy(tmp_path):
    """The judge itself: a fork of Material's toc partial with one line changed is a copy."""
    fork = tmp_path / "toc.html"
    text = (THEME / "partials/toc.html").read_text(encoding="utf-8")
    fork.write_text(text.replace('aria-label="{{ title | e }}"', 'aria-label="Contents"'), encoding="utf-8")
    share, where = copied_share(fork, THEME)
    assert share >= 0.5 and where == "partials/toc.html"
