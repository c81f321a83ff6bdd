"""Which lines of which files changed since a Git revision, so that `hwbsite check --changed-since`
shows an officer the warnings their change brings, not the ones already in the archive."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from . import patterns

_FILE = patterns.compile("changes.file", r"^\+\+\+ (?:b/)?(.*)$")
_HUNK = patterns.compile("changes.hunk", r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(RuntimeError):
    pass


def parse_diff(text: str) -> dict[str, set[int]]:
    """Added or changed line numbers (of the new file) per path, from `git diff -U0` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        m = _FILE.match(line)
        if m:
            path = m.group(1)
            current = None if path == "/dev/null" else changed.setdefault(path, set())
            continue
        m = _HUNK.match(line)
        if m and current is not None:
            start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
            current.update(range(start, start + count))
    return changed


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def changed_lines(root: Path, ref: str) -> dict[str, set[int] | None]:
    """Changed lines per file, relative to root, since the point where the current branch left
    ``ref`` (committed, staged and unsaved-to-Git changes alike). None means a whole new file."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    try:
        base = _git(root, "merge-base", ref, "HEAD").strip()
    except GitError:
        base = _git(root, "rev-parse", "--verify", f"{ref}^{{commit}}").strip()
    diff = parse_diff(_git(root, "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", base, "--"))
    prefix = os.path.relpath(Path(root).resolve(), top.resolve())
    out: dict[str, set[int] | None] = {}

    def rel(path: str) -> str | None:
        if prefix == ".":
            return path
        return path[len(prefix) + 1:] if path.startswith(prefix + "/") else None

    for path, lines in diff.items():
        if (name := rel(path)) is not None:
            out[name] = lines
    for path in _git(root, "ls-files", "--others", "--exclude-standard", "--full-name").splitlines():
        if (name := rel(path)) is not None:
            out[name] = None
    return out


def concerns(changed: dict[str, set[int] | None], file: str, line: int) -> bool:
    if file not in changed:
        return False
    lines = changed[file]
    return lines is None or line in lines
