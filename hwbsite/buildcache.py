"""A persistent cache of what a build works out from bytes alone (``.hwbsite-cache/`` by default,
beside mkdocs.yml; safe to delete at any time, never committed).

Only pure results are kept: a value is stored under the SHA-256 of everything it was computed
from (the input's full text, never a modification time) together with a *fingerprint* of the
code that computed it: hwbsite's own files (so a changed check or pass never reuses an old
result, even without a new version number) and the versions of the libraries that shape the
result (nh3's cleaner, lxml's tokenizer). A different fingerprint is a different directory, which
the next successful build removes.

Nothing read back is trusted blindly: each entry starts with the SHA-256 of its payload, and an
entry that is truncated, edited or unreadable counts as missing (it is deleted and worked out
again). What a page shows always comes from the data of this build: the cache only maps a page's
exact bytes to what hwbsite's passes make of those bytes, so a page made private or embargoed is
not rendered, asks for nothing, and its entries are dropped at the end of the build.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import sys
import tempfile
import zlib
from importlib import metadata
from pathlib import Path


__all__ = ["DEFAULT_DIR", "BuildCache", "fingerprint"]

DEFAULT_DIR = ".hwbsite-cache"
_MAGIC = b"hwbsite-cache 1 "
# the libraries whose behaviour a cached result depends on, besides hwbsite's own code
_LIBRARIES = ("nh3", "lxml", "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """SHA-256 (hex) of hwbsite's package files, its version, Python's and the libraries' versions."""
    from . import __version__

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"hwbsite {__version__}\n".encode())
    digest.update(f"python {sys.version}\n".encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = path.relative_to(package).as_posix().encode()
        data = path.read_bytes()
        digest.update(len(rel).to_bytes(8, "big") + rel + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class BuildCache:
    """Values (text) by kind and the exact inputs they were computed from. ``BuildCache(None)``
    keeps nothing (every get misses), so callers need no second path."""

    def __init__(self, directory: Path | None):
        self.directory = Path(directory) if directory is not None else None
        self.stats = {"hits": 0, "misses": 0, "rejected": 0}
        self._used: set[Path] = set()

    @property
    def _here(self) -> Path:
        assert self.directory is not None
        return self.directory / fingerprint()[:32]

    def _path(self, kind: str, parts: tuple[str, ...]) -> Path:
        digest = hashlib.sha256(kind.encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big") + data)
        key = digest.hexdigest()
        return self._here / kind / key[:2] / key

    def get(self, kind: str, *parts: str) -> str | None:
        """The value stored for exactly these inputs, or None (absent, corrupt, other code)."""
        value = self.get_bytes(kind, *parts)
        if value is None:
            return None
        try:
            return value.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            self.stats["rejected"] += 1
            self.stats["hits"] -= 1
            return None

    def put(self, kind: str, *parts_and_value: str) -> None:
        """Store the last argument as the value for the inputs before it (atomically: a reader
        never sees half an entry). A cache that cannot be written is no error: it is only slower."""
        *parts, value = parts_and_value
        self.put_bytes(kind, *parts, value=value.encode("utf-8", "surrogatepass"))

    def get_bytes(self, kind: str, *parts: str) -> bytes | None:
        if self.directory is None:
            return None
        path = self._path(kind, parts)
        try:
            raw = path.read_bytes()
        except OSError:
            self.stats["misses"] += 1
            return None
        head, sep, payload = raw.partition(b"\n")
        if (not sep or not head.startswith(_MAGIC)
                or head[len(_MAGIC):] != hashlib.sha256(payload).hexdigest().encode()):
            self.stats["rejected"] += 1   # truncated or altered: work it out again
            path.unlink(missing_ok=True)
            return None
        try:
            value = zlib.decompress(payload)
        except zlib.error:
            self.stats["rejected"] += 1
            path.unlink(missing_ok=True)
            return None
        self._used.add(path)
        self.stats["hits"] += 1
        return value

    def put_bytes(self, kind: str, *parts: str, value: bytes) -> None:
        if self.directory is None:
            return
        path = self._path(kind, tuple(parts))
        payload = zlib.compress(value, 1)   # a site's pages are large
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(tmp, path)
        except OSError:
            return
        self._used.add(path)

    def prune(self) -> None:
        """After a successful build: keep only the entries this build used (a cache the size of
        one site) and drop every other fingerprint's directory."""
        if self.directory is None or not self.directory.is_dir():
            return
        here = self._here
        for entry in self.directory.iterdir():
            if entry != here:
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
        if here.is_dir():
            for path in here.rglob("*"):
                if path.is_file() and path not in self._used:
                    path.unlink(missing_ok=True)
        self._used = set()
