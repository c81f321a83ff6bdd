"""The one way hwbsite writes an amount of money: "£1,234", "-£1,234" (the sign before the pound
sign), whether the amount was computed (whole pounds) or is a figure as a paper printed it."""

from __future__ import annotations


def money(amount: int | str, suffix: str = "") -> str:
    """``amount`` with its pound sign: an int is written with thousands separators; a printed
    figure (str, e.g. "1,234.5") is kept exactly as printed. ``suffix`` is a printed scale ("k")."""
    if isinstance(amount, int):
        negative, digits = amount < 0, f"{abs(amount):,}"
    else:
        negative, digits = amount.startswith("-"), amount.removeprefix("-")
    return ("-" if negative else "") + "£" + digits + suffix
