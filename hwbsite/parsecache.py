"""Parsed YAML kept between loads in one process, so that a preview rebuild re-parses only the
files whose content changed.

`mkdocs serve` loads the project again after every save. Each file is still read from disk once
per load (the loader keeps its text for the rules), but a text seen before, at the same path,
comes back as the Document parsed last time. The key is the text itself (by its SHA-256), not the
file's modification time: an editor that restores a file, a `git checkout` or a copy that keeps
times would otherwise leave a stale parse. One entry per file and offset: a new text replaces
the old one, so the cache never holds more than the project has files.

Documents are read-only once parsed (validation builds new models from them), so sharing one
between loads gives the same models, errors and positions as a fresh parse.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .yamlsource import Document, parse_yaml

__all__ = ["clear", "parse", "stats"]

_DOCS: dict[tuple[str, int], tuple[bytes, Document]] = {}
_STATS = {"parsed": 0, "reused": 0}


def parse(text: str, path: Path, line_offset: int = 0) -> Document:
    """``parse_yaml(text, path, line_offset)``, reusing the last parse of this path if its text is
    unchanged. Raises YamlProblem as parse_yaml does (a broken text is not kept)."""
    key = (Path(path).as_posix(), line_offset)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    cached = _DOCS.get(key)
    if cached is not None and cached[0] == digest:
        _STATS["reused"] += 1
        return cached[1]
    _DOCS.pop(key, None)
    doc = parse_yaml(text, path, line_offset=line_offset)
    _DOCS[key] = (digest, doc)
    _STATS["parsed"] += 1
    return doc


def stats() -> dict[str, int]:
    """How many texts were parsed and how many reused since the last clear() (for tests and logs)."""
    return dict(_STATS)


def clear() -> None:
    _DOCS.clear()
    _STATS.update(parsed=0, reused=0)
