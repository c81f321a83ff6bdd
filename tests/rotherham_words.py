"""The words that are Rotherham's and no other board's, built from its own files: what must never
appear in the package (hwbsite/, the wheel) or in another board's site."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
_TITLES = re.compile(r"^(?:Councillor|Cllr\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Professor|Prof\.?|Sir|Dame)\s+", re.I)


def words() -> list[str]:
    return list(_words())


# Read once per process: hits() is called for every file of the package and every page of a site,
# and parsing people.yml each time was most of those tests' time.
@functools.lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    board = yaml.safe_load((REPO / "data/board.yml").read_text(encoding="utf-8"))
    found = {"Rotherham", "RMBC", board["name"], board["council"], board["colour"], board["contact_address"],
             board["default_venue"]}
    # the street and the postcode; "Town Hall" is every council's
    found |= {part.strip() for part in board["contact_address"].split(",")} - {"Town Hall"}
    for person in yaml.safe_load((REPO / "data/people.yml").read_text(encoding="utf-8"))["people"]:
        name = _TITLES.sub("", person["name"]).strip()
        if " " in name:              # a full name; a surname alone ("Page", "Green") is an English word
            found.add(name)
    for paper in sorted((REPO / "content/papers").glob("*.md")):
        found.add(paper.stem)        # paper ids: bcf-plan-2017-19, camhs-ltp-update-2017-09, ...
    return tuple(sorted(w for w in found if w and len(w) >= 4))


def hits(text: str, terms: list[str] | None = None) -> list[str]:
    lower = text.lower()
    return [t for t in (terms or _words()) if t.lower() in lower]
