"""The board's colour as CSS custom properties for Material's 'custom' palette.

One colour from data/board.yml drives the header, links and accents in both
schemes. In the dark (slate) scheme the colour itself is too dark for links on a
dark background, so links and accents use a tint of it, mixed with white until
it reaches 7:1 on the slate background: the same hue, readable.
"""

from __future__ import annotations

from .models.board import contrast

DEFAULT = "#3f51b5"        # used when board.yml names no colour (Material's indigo): white on it is 6.9:1
SLATE_BG = "#1e2129"        # Material's slate --md-default-bg-color, hsl(232, 15%, 14%)


def _mix(colour: str, other: str, t: float) -> str:
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


def tint_for_dark(colour: str, background: str = SLATE_BG, ratio: float = 7.0) -> str:
    """The least-lightened tint of ``colour`` that reaches ``ratio`` against ``background``."""
    for step in range(0, 101):
        tint = _mix(colour, "#ffffff", step / 100)
        if contrast(tint, background) >= ratio:
            return tint
    return "#ffffff"


def board_css(board) -> str:
    colour = getattr(board, "colour", None) or DEFAULT
    light = tint_for_dark(colour)
    dark = _mix(colour, "#000000", 0.25)
    return (
        "/* Generated from data/board.yml (colour); see hwbsite/theme.py. */\n"
        ":root, [data-md-color-primary=custom] {\n"
        f"  --hwb-board-colour: {colour};\n"
        f"  --hwb-board-colour--dark: {dark};\n"
        f"  --hwb-board-tint: {light};\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {light};\n"
        f"  --md-primary-fg-color--dark: {dark};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        f"  --md-accent-fg-color: {dark};\n"
        f"  --md-accent-fg-color--transparent: {colour}1a;\n"
        "  --md-accent-bg-color: #ffffff;\n"
        "}\n"
        "[data-md-color-scheme=default] {\n"
        f"  --md-typeset-a-color: {colour};\n"
        "}\n"
        "[data-md-color-scheme=slate] {\n"
        f"  --md-typeset-a-color: {light};\n"
        f"  --md-accent-fg-color: {light};\n"
        f"  --md-accent-fg-color--transparent: {light}1a;\n"
        "}\n"
    )
