"""When a record was published on this site, as distinct from the date it is about: minutes of a 2017
meeting added today are news today.

Read from Git, once per build, with two `git log` calls over data/ and content/:

- a file's record (a paper, a RAG update, a meeting's agenda) was published by the first commit
  that added the file;
- a meeting's minutes by the first commit that added a line ``minutes:`` to its file (the minutes
  are usually added to a meeting file that already holds the agenda);
- a file of metric values by the last commit that changed it (a new quarter of values is news);
- a file changed or added but not committed yet is published on the build date (the preview, or a
  build of a working tree).

Fallback, deterministic: without Git, outside a repository, in a project that is not at the top of
its own repository, or in a shallow clone (whose oldest
commit would claim to have added every file) there is no history to read, and each record counts as
published on the date it is about (``None`` here; the caller keeps its own date). The deploy
workflow checks out the whole history (``fetch-depth: 0``) for this reason.

The officer's own ``published_on:`` (on a paper, a meeting's agenda or minutes, a RAG update) wins
over all of this (exports/feeds.py); future.py makes one after the build date an error.

No date is later than the build date: the output depends only on the commit and the build date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_SEP = "\x00"


@dataclass
class History:
    added: dict[str, dt.date] = field(default_factory=dict)     # file -> first commit adding it
    changed: dict[str, dt.date] = field(default_factory=dict)   # file -> last commit changing it
    minutes: dict[str, dt.date] = field(default_factory=dict)   # meeting file -> first commit adding minutes:
    pending: set[str] = field(default_factory=set)              # changed or new, not committed
    build_date: dt.date = dt.date.max

    def _cap(self, day: dt.date | None) -> dt.date | None:
        return None if day is None else min(day, self.build_date)

    def file_added(self, path: str) -> dt.date | None:
        if path in self.pending and path not in self.added:
            return self.build_date
        return self._cap(self.added.get(path))

    def file_changed(self, path: str) -> dt.date | None:
        if path in self.pending:
            return self.build_date
        return self._cap(self.changed.get(path))

    def minutes_added(self, path: str) -> dt.date | None:
        if path not in self.minutes and path in self.pending:
            return self.build_date
        return self._cap(self.minutes.get(path))


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except (FileNotFoundError, OSError):
        return None
    return done.stdout if done.returncode == 0 else None


def _log(text: str) -> list[tuple[dt.date, list[str]]]:
    """(commit date, files) per commit, newest first, from `--format=%x00%cs --name-only`."""
    out = []
    for chunk in text.split(_SEP)[1:]:
        lines = [ln for ln in chunk.splitlines() if ln.strip()]
        if lines:
            out.append((dt.date.fromisoformat(lines[0]), lines[1:]))
    return out


def history(root: Path, build_date: dt.date) -> History | None:
    """The site's publication history from Git, or None when there is none to read (the fallback)."""
    root = Path(root)
    # Only a project at the top of its own repository: a project inside another one (a test
    # fixture in hwbsite's repository) has no publication history of its own.
    if (_git(root, "rev-parse", "--show-prefix") or "x").strip() != "":
        return None
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return None
    if _git(root, "rev-parse", "--verify", "-q", "HEAD") is None:
        return None  # a repository with no commit yet
    found = History(build_date=build_date)
    fmt = "--format=%x00%cs"  # git writes the NUL that separates commits
    every = _git(root, "log", fmt, "--name-only", "--no-renames", "HEAD", "--", "data", "content")
    added = _git(root, "log", fmt, "--name-only", "--no-renames", "--diff-filter=A", "HEAD",
                 "--", "data", "content")
    minutes = _git(root, "log", fmt, "--name-only", "--no-renames", "-G^minutes:", "HEAD",
                   "--", "data/meetings")
    pending = _git(root, "status", "--porcelain", "--no-renames", "--untracked-files=all", "--", "data", "content")
    if None in (every, added, minutes, pending):
        return None
    for day, files in _log(every or ""):       # newest first: keep the first seen
        for f in files:
            found.changed.setdefault(f, day)
    for day, files in _log(added or ""):       # oldest wins: overwrite going back in time
        for f in files:
            found.added[f] = day
    for day, files in _log(minutes or ""):
        for f in files:
            found.minutes[f] = day
    for line in (pending or "").splitlines():
        found.pending.add(line[3:].strip().strip('"'))
    return found
