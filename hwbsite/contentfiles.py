"""Which files in an officer's folders may be published, decided by name and by content.

A file MkDocs finds in the docs folder that is not a page is copied to the site byte for byte, and a
symbolic link publishes whatever it points at (a private meeting file, a file outside the project).
So: no symbolic link anywhere in ``content/`` or ``data/``; in ``content/`` only Markdown pages
(``.md`` exactly: ``.MD`` is no page to MkDocs, it would be copied raw) and raster images whose
bytes start the way their type says (a ``.png`` that is really HTML would be served as a file the
CSP's ``'self'`` lets a ``<script src>`` run). The images that pass reach the site only through the
output list (``output.py``), never by MkDocs copying the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ProblemLog

# Raster images a page may show, and how each file of that type starts.
SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),   # then four bytes of length, then WEBP (checked below)
}


def _is_image(head: bytes, suffix: str) -> bool:
    if not any(head.startswith(sig) for sig in SIGNATURES[suffix]):
        return False
    return suffix != ".webp" or head[8:12] == b"WEBP"


def symlinks(folder: Path) -> list[Path]:
    """Every symbolic link under folder (to a file or a folder; a linked folder is not entered)."""
    found: list[Path] = []
    if folder.is_symlink():
        return [folder]
    for here, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            if os.path.islink(os.path.join(here, name)):
                found.append(Path(here) / name)
    return sorted(found)


def report_symlinks(root: Path, folders: list[Path], log: ProblemLog) -> bool:
    """Each symbolic link as an error at file:1:1; True if there was any."""
    links = [link for folder in folders if folder.exists() or folder.is_symlink() for link in symlinks(folder)]
    for link in links:
        log.add(link.relative_to(root).as_posix(), 1, 1, "",
                "this is a symbolic link: the site would publish whatever it points at, unchecked",
                "replace it with the file itself (a copy), or remove it")
    return bool(links)


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def scan(content: Path, log: ProblemLog) -> dict[str, Path]:
    """The images content/ may publish, by docs path; every other file that is not a page is an error.

    Dot files are skipped: MkDocs publishes none of them.
    """
    images: dict[str, Path] = {}
    if not content.is_dir():
        return images
    for here, dirs, files in os.walk(content, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(here, d)))
        for name in sorted(files):
            path = Path(here) / name
            rel = path.relative_to(content)
            if _hidden(rel) or path.is_symlink():
                continue   # symlinks are reported by report_symlinks
            suffix = path.suffix.lower()
            where = log.rel(path)
            if path.suffix == ".md":
                continue
            if suffix == ".md":
                log.add(where, 1, 1, "", f"a Markdown page must end in '.md' (lower case), not '{path.suffix}': "
                        "MkDocs would not read it as a page but copy it to the site as it is",
                        f"rename it to {path.stem}.md")
                continue
            if suffix not in SIGNATURES:
                log.add(where, 1, 1, "", "only Markdown pages and raster images ("
                        + ", ".join(sorted(SIGNATURES)) + ") are published from content/; this file would be "
                        "copied to the site unchecked (it could hold private business, or script)",
                        "remove it: a paper's text goes in content/papers/<id>.md and its figures in data/tables/")
                continue
            with open(path, "rb") as fh:
                head = fh.read(16)
            if not _is_image(head, suffix):
                log.add(where, 1, 1, "", f"this file is named {suffix} but is not a {suffix.lstrip('.').upper()} "
                        "image (its first bytes say otherwise); the site would serve it as it is",
                        "save the image again from an image editor, or remove the file")
                continue
            images[rel.as_posix()] = path
    return images
