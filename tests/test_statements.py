"""Footer, accessibility statement, licence and the board's colour (issue 14)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import build
from test_build import main_text, page_text

OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def footer(path) -> str:
    raw = path.read_text(encoding="utf-8")
    start = raw.index('<footer class="md-footer">')
    return raw[start:raw.index("</footer>", start)]


def test_every_page_footer_names_the_council_contact_statement_and_licence(rotherham_site):
    for path in [rotherham_site / "index.html", rotherham_site / "strategy/index.html",
                 rotherham_site / "meetings/2017-09-20/index.html"]:
        foot = footer(path)
        assert "hosted by Rotherham Metropolitan Borough Council" in foot
        assert "Town Hall, Moorgate Street, Rotherham S60 2TH" in foot
        assert f'<a href="{OGL}" rel="license">Open Government Licence v3.0</a>' in foot
        assert "Accessibility statement</a>" in foot
    assert 'href="../accessibility/">Accessibility statement' in footer(rotherham_site / "strategy/index.html")


def test_accessibility_statement_has_the_public_sector_sections(rotherham_site):
    page = rotherham_site / "accessibility/index.html"
    text = main_text(page)
    for heading in ["How accessible this website is", "Feedback and contact information",
                    "Reporting accessibility problems with this website", "Enforcement procedure",
                    "Compliance status", "Non-accessible content", "Preparation of this accessibility statement"]:
        assert heading in text, heading
    assert "This website is run by Rotherham Metropolitan Borough Council." in text
    assert "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert "Equality Advisory and Support Service" in text
    assert "Charts are drawn in the browser" in text          # a limitation from data/board.yml
    assert "write to: Rotherham Metropolitan Borough Council, Town Hall" in text
    assert "This statement was prepared on 30 November 2026." in text


def test_licence_and_statement_come_from_board_yml(fixture_project):
    root = fixture_project("minimal")  # the footer partial comes with the package
    board = root / "data/board.yml"
    board.write_text(board.read_text() + (
        "contact_email: hwb@testshire.example\n"
        "licence:\n  name: Creative Commons Attribution 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n"
        "accessibility:\n  status: fully\n  reviewed: 2026-10-01\n  prepared: 2026-09-01\n"))
    site = build(root)
    foot = footer(site / "index.html")
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">Creative Commons Attribution 4.0</a>' in foot
    assert "Open Government Licence" not in foot
    assert '<a href="mailto:hwb@testshire.example">hwb@testshire.example</a>' in foot
    text = main_text(site / "accessibility/index.html")
    assert "This website is fully compliant with the Web Content Accessibility Guidelines" in text
    assert "Non-accessible content" not in text
    assert "It was last reviewed on 1 October 2026." in text
    assert "email: hwb@testshire.example" in text


def test_default_licence_is_the_open_government_licence(fixture_project):
    site = build(fixture_project("minimal"))
    assert f'<a href="{OGL}" rel="license">Open Government Licence v3.0</a>' in footer(site / "index.html")
    assert "Made with" in page_text(site / "index.html")  # Material's credit stays, below ours


def test_board_colour_drives_the_palette_in_both_schemes(fixture_project):
    root = fixture_project("minimal")
    board = root / "data/board.yml"
    board.write_text(board.read_text() + 'colour: "#7A1F5C"\n')
    site = build(root)
    css = (site / "assets/hwbsite/board.css").read_text()
    assert "--md-primary-fg-color: #7a1f5c;" in css
    assert "--md-typeset-a-color: #7a1f5c;" in css          # links on white in the light scheme
    html = (site / "index.html").read_text()
    assert 'href="assets/hwbsite/board.css"' in html


@pytest.mark.parametrize("colour, message", [
    ("#ffcc00", "colour #ffcc00 is too light: white text on it has a contrast of 1.5:1"),
    ("blue", "colour must be written #rrggbb (six hex digits), got 'blue'"),
])
def test_an_unreadable_board_colour_is_refused_with_its_line(fixture_project, colour, message):
    root = fixture_project("minimal")
    board = root / "data/board.yml"
    lines = board.read_text().count("\n")
    board.write_text(board.read_text() + f'colour: "{colour}"\n')
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert f"data/board.yml:{lines + 1}:" in run.stderr
    assert message in run.stderr
    assert not (root / "site").exists()


def test_dark_scheme_links_are_a_readable_tint_of_the_board_colour():
    from hwbsite import theme
    from hwbsite.models.board import contrast
    tint = theme.tint_for_dark("#1d4f91")
    assert contrast(tint, theme.SLATE_BG) >= 7
    assert tint != "#ffffff"
    r, g, b = (int(tint[i:i + 2], 16) for i in (1, 3, 5))
    assert b > r  # still blue: the same hue, lightened
