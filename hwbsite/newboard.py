"""`hwbsite init DIR`: a new board's repository that builds at once with `mkdocs build --strict`.

The files come from ``skeleton/`` in the package, with the board's name, council, colour and
this hwbsite's version filled in; the editor schemas come from the models (schemas.py). Every
check runs before the first byte is written, and a file that already exists is never replaced:
an officer's file is theirs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__, patterns, schemas
from .models.board import SCHEMA_VERSION, contrast
from .publication import london_today
from .theme import DEFAULT

SKELETON = Path(__file__).parent / "skeleton"
# Folders a new board starts with empty (each keeps a .gitkeep so Git keeps it).
EMPTY_FOLDERS = ("data/meetings", "content/papers")
# Names a package data file cannot start with (hidden files are left out of wheels by habit).
_HIDDEN = {"gitignore": ".gitignore", "github": ".github"}
_HEX = patterns.compile("newboard.hex", r"^#[0-9a-fA-F]{6}$")
_SEPARATORS = patterns.compile("newboard.separators", r"[-_.]++")
_MARKDOWN_MARK = patterns.compile("newboard.markdown_mark", r"([\\`*_{}\[\]<>#|!])")


class InitError(Exception):
    """What stops `hwbsite init`, in one line; nothing has been written."""


@dataclass(frozen=True)
class NewBoard:
    name: str
    council: str
    colour: str = DEFAULT


def check_answers(board: NewBoard) -> None:
    for what, value in (("--board", board.name), ("--council", board.council)):
        if not value.strip():
            raise InitError(f"{what} is empty: give the board's full name and the council that hosts it")
        if "\n" in value or "@@" in value:
            raise InitError(f"{what} must be one line of plain text, got {value!r}")
    from pydantic import ValidationError
    from .models.board import Board
    try:   # the same rules as data/board.yml, so what init writes passes `hwbsite check`
        Board(name=board.name, council=board.council)
    except ValidationError as exc:
        first = exc.errors()[0]
        what = {"name": "--board", "council": "--council"}.get(str(first["loc"][0]), str(first["loc"][0]))
        raise InitError(f"{what}: {first['msg'].removeprefix('Value error, ')}") from None
    if not _HEX.match(board.colour):
        raise InitError(f"--colour must be written #rrggbb (six hex digits), got {board.colour!r}")
    ratio = contrast(board.colour, "#ffffff")
    if ratio < 4.5:
        raise InitError(f"--colour {board.colour} is too light: white text on it has a contrast of "
                        f"{ratio:.1f}:1, WCAG AA needs 4.5:1 (choose a darker shade)")


def requirements(version: str = __version__) -> str:
    """requirements.txt: this hwbsite, and the versions of its dependencies installed with it, so
    the board's site builds with exactly what `hwbsite init` was run with."""
    from packaging.requirements import Requirement   # comes with pip, MkDocs and setuptools
    pins: dict[str, str] = {}
    todo: list[tuple[str, frozenset]] = [("hwbsite", frozenset())]
    seen: set[tuple[str, frozenset]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        pins[_normal(dist.metadata["Name"])] = f"{dist.metadata['Name']}=={dist.version}"
        for line in dist.requires or []:
            req = Requirement(line)
            # an optional extra (hwbsite's test tools) counts only when it was asked for (pagefind[bin])
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in (extras or {""})):
                continue
            todo.append((_normal(req.name), frozenset(req.extras)))
    pins.pop("hwbsite", None)
    lines = [
        "# The hwbsite version this site is built with. To upgrade, change this line (see README.md).",
        f"hwbsite=={version}",
        "# What it was installed with when this site was made (`hwbsite init`): the same versions",
        "# make the same site. Update them with the hwbsite line, or remove them to let pip choose.",
        *sorted(pins.values(), key=str.lower),
    ]
    return "\n".join(lines) + "\n"


def _normal(name: str) -> str:
    return _SEPARATORS.sub("-", name).lower()


def files(board: NewBoard, today: dt.date | None = None, version: str = __version__) -> dict[str, str]:
    """Path (relative, POSIX) -> text of every file of the new repository."""
    check_answers(board)
    today = today or london_today()
    fill = {
        "@@BOARD@@": json.dumps(board.name, ensure_ascii=False),       # a YAML string
        "@@COUNCIL@@": json.dumps(board.council, ensure_ascii=False),
        "@@BOARD_MD@@": _markdown_text(board.name),
        "@@COUNCIL_MD@@": _markdown_text(board.council),
        "@@BOARD_YAML_COMMENT@@": board.name,
        "@@COLOUR@@": board.colour.lower(),
        "@@VERSION@@": version,
        "@@SCHEMA@@": str(SCHEMA_VERSION),
        "@@TODAY@@": today.isoformat(),
    }
    out: dict[str, str] = {}
    for path in sorted(p for p in SKELETON.rglob("*") if p.is_file()):
        rel = path.relative_to(SKELETON).as_posix()
        if "__pycache__" in rel:
            continue
        first, _, rest = rel.partition("/")
        rel = _HIDDEN.get(first, first) + (f"/{rest}" if rest else "")
        text = path.read_text(encoding="utf-8")
        for token, value in fill.items():
            text = text.replace(token, value)
        out[rel] = text
    out["requirements.txt"] = requirements(version)
    for name, text in schemas.generate().items():
        out[f"schemas/{name}"] = text
    out[".vscode/settings.json"] = json.dumps(schemas.vscode_settings(Path("."), Path("schemas")), indent=2) + "\n"
    for folder in EMPTY_FOLDERS:
        out[f"{folder}/.gitkeep"] = ""
    return dict(sorted(out.items()))


def _markdown_text(text: str) -> str:
    """Plain text that Markdown shows as it is written (no emphasis, links or HTML)."""
    return _MARKDOWN_MARK.sub(r"\\\1", text)


def write(dest: Path, texts: dict[str, str], force: bool = False) -> tuple[list[str], list[str]]:
    """Write the files into ``dest``: (written, kept as they were). Raises InitError, with nothing
    written, for a file path, a folder that cannot be written or (without ``force``) one that is
    not empty. With ``force`` a file that exists is kept, never replaced."""
    if dest.exists() and not dest.is_dir():
        raise InitError(f"{dest} is a file, not a folder: give a folder for the new site")
    if dest.is_dir() and any(dest.iterdir()) and not force:
        raise InitError(f"{dest} is not empty: choose an empty or new folder (or --force to add only the "
                        "files that are missing, never replacing one)")
    existing = next((p for p in [dest, *dest.parents] if p.exists()), None)
    if existing is None or not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise InitError(f"{dest} cannot be written: no permission to write in {existing or dest}")
    written, kept, made_dirs = [], [], []
    try:
        for folder in [dest, *sorted({(dest / rel).parent for rel in texts})]:
            missing = [p for p in [folder, *folder.parents] if not p.exists()]
            for p in reversed(missing):
                p.mkdir()
                made_dirs.append(p)
        for rel, text in texts.items():
            path = dest / rel
            if path.exists():
                kept.append(rel)
                continue
            with open(path, "x", encoding="utf-8", newline="\n") as handle:   # "x": never replace
                handle.write(text)
            written.append(rel)
    except OSError as exc:
        # Leave nothing half-written: remove what this run made, newest first.
        for rel in reversed(written):
            (dest / rel).unlink(missing_ok=True)
        for p in reversed(made_dirs):
            try:
                p.rmdir()
            except OSError:
                pass
        raise InitError(f"{dest} cannot be written: {exc.strerror or exc}") from exc
    return written, kept
