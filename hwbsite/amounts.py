"""The one way hwbsite writes a number: "28,824" (thousands grouped), and an amount of money:
"£1,234", "-£1,234" (the sign before the pound sign), whether the amount was computed (whole
pounds) or is a figure as a paper printed it."""

from __future__ import annotations


def number(published: str) -> str:
    """A figure as printed, its whole part grouped in thousands when the paper (or the CSV) left it
    ungrouped: "28824" -> "28,824", "1045.25" -> "1,045.25"; the digits and decimals stay as printed,
    and anything that is not a plain number ("c. 40", "1,234") is returned unchanged."""
    sign, digits = ("-", published[1:]) if published.startswith("-") else ("", published)
    whole, dot, fraction = digits.partition(".")
    if not whole.isascii() or not whole.isdigit() or (fraction and not fraction.isdigit()) or len(whole) < 4:
        return published
    return sign + f"{int(whole):,}" + dot + fraction


def money(amount: int | str, suffix: str = "") -> str:
    """``amount`` with its pound sign: an int is written with thousands separators; a printed
    figure (str, e.g. "1,234.5") is kept exactly as printed. ``suffix`` is a printed scale ("k")."""
    if isinstance(amount, int):
        negative, digits = amount < 0, f"{abs(amount):,}"
    else:
        negative, digits = amount.startswith("-"), number(amount.removeprefix("-"))
    return ("-" if negative else "") + "£" + digits + suffix
