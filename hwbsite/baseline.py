"""The warning baseline: warnings about quirks of the source that the board has acknowledged, in
one reviewed file (data/known-issues.yml), so that `hwbsite check` and the pull-request check
show only what is new.

An acknowledgement matches a warning by file, rule (the warning's code) and a piece of its text;
it needs a reason. An acknowledgement that matches nothing (the quirk was fixed, or the text
changed) is itself a warning, so the file cannot grow stale. Errors are never acknowledged.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .errors import ProblemLog, Severity

FILE = "known-issues.yml"
# Rules whose warnings depend on the build date (a meeting is past only after its day): a check
# run as of an earlier date does not call their acknowledgements stale.
DATED_RULES = frozenset({"meeting-status"})


def apply(path: Path, log: ProblemLog) -> None:
    """Mark each warning in the log that an entry of ``path`` matches; warn about entries that
    match nothing."""
    if not path.exists():
        return
    from .models.known_issues import KnownIssuesFile
    from .validate import load_yaml_model
    loaded = load_yaml_model(path, KnownIssuesFile, log)
    if loaded is None:
        return
    used: set[int] = set()
    for i, p in enumerate(log.problems):
        if p.severity is not Severity.WARNING:
            continue
        for n, entry in enumerate(loaded.acknowledged):
            if entry.file == p.file and entry.rule == p.code and entry.text in p.message:
                log.problems[i] = replace(p, acknowledged=entry.reason)
                used.add(n)
                break
    for n, entry in enumerate(loaded.acknowledged):
        if n not in used and entry.rule not in DATED_RULES:
            log.warn(entry.pos_of("text"), "text",
                     f"this acknowledgement matches no warning: no '{entry.rule}' warning in {entry.file} "
                     f"says \"{entry.text}\"",
                     "the quirk is gone or its words changed: remove the entry, or correct its file, rule "
                     "or text (hwbsite check --all --format json shows each warning's rule)",
                     code="stale-acknowledgement")
