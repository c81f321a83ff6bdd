"""Claims the build checks: every sentence the site writes that asserts completeness or a count.

A builder computes these sentences from the data; this module checks them again against the output
as it will be published, so a sentence that is not true (a count that is not the number of papers
the page lists, "every amount of money" while a paper prints one the money file lacks) stops the
build with an error at the record that makes it false. The same checks run in `hwbsite check`,
the plugin and `hwbsite generate`, since all three call ``output.build_output``.

Each claim has one pattern (linear: no nested quantifiers) and one rule; nothing here is
board-specific. Hand-written pages are read too: a board's own page that claims "every amount of
money" is held to the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from . import patterns, provenance, urls
from .errors import HwbsiteError

if TYPE_CHECKING:  # pragma: no cover
    from .outputitem import OutputItem

EVERY_AMOUNT = "every amount of money"   # in any case: matched on the lower-cased text
PAPER_COUNT = patterns.compile("claims.paper_count", r"\b(\d++) papers? \(listed under their items\)")
PACK_COUNT = patterns.compile("claims.pack_count", r"every public paper\s*+\((\d++)\)")
PACK_ANCHOR = patterns.compile("claims.pack_anchor", r"\{#paper-[a-z0-9-]++")
EVERY_PAPER = "Every paper in this archive"
TOTALS_SAID = "Where a paper's stated total and its parts do not agree, the page says so."


@dataclass(frozen=True)
class FalseClaim:
    file: str      # the record that makes the claim untrue (or the page, for a builder's own text)
    line: int
    page: str      # the output that makes the claim
    message: str

    def format(self) -> str:
        return f"{self.file}:{self.line}:1: error: claim: {self.page}: {self.message}"


class ClaimError(HwbsiteError):
    """One or more sentences the site would publish are not true of the data."""

    def __init__(self, claims: list[FalseClaim]):
        self.claims = claims
        super().__init__("a sentence the site writes is not true of the data:\n"
                         + "\n".join(c.format() for c in claims))


def _text(item: "OutputItem") -> str:
    if item.text is None:
        return ""
    return item.text.decode("utf-8", "replace") if isinstance(item.text, bytes) else item.text


def _paper_line(view, paper_id: str, words: str) -> tuple[str, int]:
    paper = view.papers[paper_id]
    at = paper.body.find(words)
    line = paper.body_line + (paper.body[:at].count("\n") if at >= 0 else 0)
    return view.source_files.get(f"paper:{paper_id}", paper.path or f"papers/{paper_id}"), line


def _every_amount(view, path: str, text: str) -> Iterator[FalseClaim]:
    # plain substring tests (a case-blind pattern over every export, megabytes, costs a second)
    if ("mount of money" not in text and "MOUNT OF MONEY" not in text) or EVERY_AMOUNT not in text.lower():
        return
    from .finance import untranscribed_amounts
    for paper_id, missing in untranscribed_amounts(view).items():
        if missing:
            file, line = _paper_line(view, paper_id, missing[0])
            yield FalseClaim(file, line, path,
                             f"says it holds every amount of money printed, but '{paper_id}' prints "
                             f"{len(missing)} the money file does not hold (the first: {missing[0]})")


def _meeting_counts(view, path: str, text: str, where) -> Iterator[FalseClaim]:
    meeting = next((m for m in view.meetings if urls.meeting(m.id) == path), None)
    if meeting is None or not meeting.agenda:
        return
    printed = [pid for item in meeting.agenda.walk() for pid in where.printed_under(meeting, item)]
    file = view.source_files.get(f"meeting:{meeting.id}", f"data/meetings/{meeting.id}.yml")
    for m in PAPER_COUNT.finditer(text):
        if int(m[1]) != len(printed):
            yield FalseClaim(file, 1, path, f"says {m[1]} papers, but its agenda prints {len(printed)}")
    unlinked = [pid for pid in printed if f"papers/{pid}.md)" not in text]
    if unlinked:
        yield FalseClaim(file, 1, path, f"does not list paper '{unlinked[0]}', which its agenda pack prints")


def _pack_counts(path: str, text: str) -> Iterator[FalseClaim]:
    if "every public paper" not in text:
        return
    anchors = len(set(PACK_ANCHOR.findall(text)))
    for m in PACK_COUNT.finditer(text):
        if int(m[1]) != anchors:
            yield FalseClaim(path, 1, path, f"says every public paper ({m[1]}), but the pack holds {anchors}")


def _every_paper(view, path: str, text: str) -> Iterator[FalseClaim]:
    for paper_id in sorted(view.papers):
        if f"({paper_id}.md)" not in text:
            file = view.source_files.get(f"paper:{paper_id}", f"papers/{paper_id}")
            yield FalseClaim(file, 1, path, f"says it lists every paper, but not '{paper_id}'")


def _totals_said(view, texts: dict[str, str], path: str) -> Iterator[FalseClaim]:
    from .finance import discrepancy_sentence, reconcile
    if view.finance is None:
        return
    programme_of = {d.id: p.id for p in view.finance.programmes for d in p.datasets}
    for d in reconcile(view.finance):
        page = urls.money(programme_of[d.total.dataset]) \
            if d.total.dataset in programme_of else None
        said = " ".join(discrepancy_sentence(d).split())
        shown = " ".join(texts.get(page, "").replace("\\", "").split()) if page else ""
        if said[:60] not in shown:
            src = d.total.src
            yield FalseClaim(src.file, src.line, path,
                             f"says every stated total its parts do not add up to is noted, but {page} "
                             f"does not note '{said[:60]}…'")


def check(view, items: list["OutputItem"]) -> list[FalseClaim]:
    """Every false claim in the output list, sorted (empty when every claim holds)."""
    where = provenance.for_project(view)
    texts = {i.path: _text(i) for i in items if i.text is not None}
    out: list[FalseClaim] = []
    for path, text in texts.items():
        out += _every_amount(view, path, text)
        if path.endswith(".md"):
            out += _meeting_counts(view, path, text, where)
            out += _pack_counts(path, text)
            if EVERY_PAPER in text and path == urls.PAPERS:
                out += _every_paper(view, path, text)
            if TOTALS_SAID in text:
                out += _totals_said(view, texts, path)
    return sorted(set(out), key=lambda c: (c.file, c.line, c.page, c.message))
