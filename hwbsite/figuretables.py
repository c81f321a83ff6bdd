"""A metric's figures as text: the data table under its chart, the CSV download, and the notes a reader
must see beside a figure (its flags and the data checks' warnings)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from . import markup, patterns, spreadsheet, urls
from .figures import KIND_ORDER, KIND_WORDS, MARKER, format_value, unit_label, with_covers
from .models.metrics import Metric


def _public(cite):
    """Source and note text as the public reads them: line references become pack citations."""
    if cite is None:
        return (lambda v: v.source), (lambda v: v.note)
    return (lambda v: cite.cite(v.source)), (lambda v: cite.replace(v.note, context=v.source))


def table_rows(values, cite=None) -> list[dict]:
    source_of, note_of = _public(cite)
    out = []
    for v in sorted(values, key=lambda v: (v.breakdown, v.period.start, v.period.end, KIND_ORDER.index(v.kind))):
        ci = f"{v.ci_low:g} to {v.ci_high:g}" if v.ci_low is not None and v.ci_high is not None else ""
        out.append({"breakdown": v.breakdown, "period": v.period.label, "kind": KIND_WORDS[v.kind],
                    "value": format_value(v), "ci": ci,
                    "covers": v.covers.label if v.covers else "", "source": source_of(v), "note": note_of(v)})
    return out


def csv_download(metric: Metric, values, cite=None) -> str:
    """The series as CSV, figures exactly as published; sources cite the pack, never internal line numbers."""
    source_of, note_of = _public(cite)
    from .metrics import COLUMNS
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(spreadsheet.safe_row(COLUMNS))
    for v in values:
        writer.writerow(spreadsheet.safe_row([v.metric, v.period.label, v.kind, v.published, v.unit, v.breakdown,
                         _g(v.numerator), _g(v.denominator), _g(v.ci_low), _g(v.ci_high),
                         v.covers.label if v.covers else "", v.as_of.isoformat() if v.as_of else "", source_of(v), note_of(v)]))
    return buf.getvalue()


def _g(x) -> str:
    return "" if x is None else f"{x:g}"


FLAG_WORDS = patterns.compile("figuretables.flag_words", r"inconsisten|does not (?:add|match|sum)|not the same|differs?\b|disagree", re.I)


@dataclass(frozen=True)
class FigureNote:
    number: int
    value: object
    text: str


def figure_notes(project, values, cite=None) -> list[FigureNote]:
    """The notes a reader must see beside a figure: the data's own flags and the data checks' warnings.

    Plain provenance ("column '16/17 Plan'") stays in the data table's Note column; a note that flags
    a problem, and every data-check warning about the figure's row, is shown under the chart.
    """
    warnings: dict[tuple[str, int], list[str]] = {}
    for p in project.problems:
        if p.severity.value == "warning":
            warnings.setdefault((p.file, p.line), []).append(p.message)
    _source, note_of = _public(cite)
    out = []
    for v in sorted(values, key=lambda v: (v.breakdown, v.period.start, v.period.end, KIND_ORDER.index(v.kind))):
        parts = []
        note = note_of(v)
        if note and FLAG_WORDS.search(note):
            parts.append(note)
        for message in warnings.get((v.file, v.line), []):
            parts.append("Data check: " + message.split(": ", 1)[-1] + ".")
        if parts:
            out.append(FigureNote(len(out) + 1, v, " ".join(parts)))
    return out


def _noted(notes) -> dict:
    return {id(n.value): n.number for n in notes}


_FIGURE = patterns.compile("figuretables.figure", r"\d[\d,]*+(?:\.\d++)?%?")


_PERIOD_LABEL = patterns.compile("figuretables.period_label", r"\b\d{2,4}[/-]\d{2}\b")


_YEAR = patterns.compile("figuretables.year", r"(?:19|20)\d\d")


def new_notes(metric_notes, figure_notes_) -> list[str]:
    """Notes about a measure that say something its figures' notes do not (officers often wrote both)."""
    from .citations import LINE_REF
    def figures(text: str) -> set[str]:
        text = _PERIOD_LABEL.sub(" ", LINE_REF.sub(" ", text))   # period labels, not figures
        found = {f.replace(",", "") for f in _FIGURE.findall(text)}
        return {f for f in found if not _YEAR.fullmatch(f)}           # years

    said_figures = figures(" ".join(f"{n.text} {n.value.published}" for n in figure_notes_))
    out = []
    for note in metric_notes:
        figures_ = figures(note)
        if not figures_ or not figures_ <= said_figures:
            out.append(note)
    return out


def notes_list(metric: Metric, notes, about=()) -> str:
    """The flagged figures' notes, then notes about the measure, visible under the chart (not folded away)."""
    if not notes and not about:
        return ""
    lines = [f"**{MARKER} Notes on these figures**", "{: .hwb-notes-title }", ""]
    for n in notes:
        v = n.value
        what = f"{KIND_WORDS[v.kind]} for {v.period.label}" + (f", {v.breakdown}" if v.breakdown else "")
        lines.append(f"{n.number}. {MARKER} Note {n.number}: {markup.text(what)}, "
                     f"{markup.text(with_covers(v))}. {markup.text(n.text)}")
    for i, text in enumerate(about, start=len(notes) + 1):
        lines.append(f"{i}. {MARKER} Note {i}: about this measure. {markup.text(text)}")
    return "\n".join(lines) + "\n\n"


def data_table(metric: Metric, values, page: str, cite=None, notes=()) -> str:
    rows = table_rows(values, cite)
    numbered = _noted(notes)
    ordered = sorted(values, key=lambda v: (v.breakdown, v.period.start, v.period.end, KIND_ORDER.index(v.kind)))
    for r, v in zip(rows, ordered):
        if id(v) in numbered:
            r["value"] = f"{r['value']} {MARKER} note {numbered[id(v)]}"
    has = {k: any(r[k] for r in rows) for k in ("breakdown", "ci", "covers", "note")}
    cols = [("breakdown", "Category")] if has["breakdown"] else []
    cols += [("period", "Period"), ("kind", "Kind"), ("value", f"Value ({unit_label(metric)})")]
    cols += [("ci", "95% confidence interval")] if has["ci"] else []
    cols += [("covers", "Covers only")] if has["covers"] else []
    cols += [("note", "Note")] if has["note"] else []
    cols += [("source", "Source")]
    lines = [f"??? info \"Data table: {markup.attr(metric.title)}\"", "",
             "    | " + " | ".join(h for _, h in cols) + " |",
             "    |" + "---|" * len(cols)]
    for r in rows:
        lines.append("    | " + " | ".join(markup.cell(r[k]) for k, _ in cols) + " |")
    href = urls.relative(page, urls.metric_download(metric.id))
    lines += ["", f"    [Download {markup.text(metric.title)} as CSV]({href})", ""]
    return "\n".join(lines)
