"""The one vocabulary of words left in a document for someone to fill in later.

Used by every rule that looks for them: meetings, papers and tables (checks.py) and the strategy
action plan (strategy.py), so a placeholder is recognised the same way wherever it is written.
"""

from __future__ import annotations

import re
from . import patterns

PATTERNS = [
    # template fields in angle brackets: <Name of Signatory>, <Job Title>, \<Insert date\>
    patterns.compile("placeholders.angle_field", r"\\?<\s*(?:name of [^<>\n]{1,40}|job title|insert [^<>\n]{1,40}|signatory)\s*\\?>", re.I),
    # "(insert time period)", "[insert date]"
    patterns.compile("placeholders.insert_bracket", r"\(\s*insert\b[^)\n]{0,60}\)|\[\s*insert\b[^\]\n]{0,60}\]", re.I),
    # "Bronwen to add detail", "Steve/Polly to include detail", "to add details", "to confirm leads"
    patterns.compile("placeholders.to_add_detail", r"\bto\s++(?:add|include|provide|confirm|identify)\b[^.\n]{0,40}?"
                     r"\b(?:details?|updates?|actions|timescales?|leads?)\b", re.I),
    # "Current Baseline (as at....)"
    patterns.compile("placeholders.as_at_dots", r"\(\s*+as at\s*+\.{2,}+\s*+\)", re.I),
    # "detail to follow"; a cell that ends "to follow"
    patterns.compile("placeholders.to_follow", r"\bdetails? to follow\b|\bto follow\s*+$", re.I),
]

# Where a name belongs (a presenter, an owner, a venue, a lead), these mean the name is missing.
TBC = patterns.compile("placeholders.tbc", r"\b(?:TBC|TBA|TBD)\b|\bto be (?:confirmed|agreed|announced)\b", re.I)


# The patterns as one: a single pass per line instead of one per pattern. The leftmost match wins
# and, at the same position, the earlier pattern: what trying each in turn and keeping the
# earliest found would give.
_ANY = patterns.compile("placeholders.any", "|".join(f"(?:{p.pattern})" for p in PATTERNS), re.I)


def find(text: str | None) -> re.Match | None:
    """The first placeholder in a text, if any."""
    return _ANY.search(text) if text else None
