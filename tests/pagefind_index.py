"""Reading Pagefind's index as a leak test must: its files are gzip-compressed, so a plain byte
grep of the site would never see a word inside them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"
FRAGMENT_PREFIX = b"pagefind_dcd"   # what Pagefind 1.x writes before each fragment's JSON


def readable_bytes(path: Path) -> bytes:
    """A site file's bytes as a reader's browser gets them: gzip files decompressed."""
    data = Path(path).read_bytes()
    return gzip.decompress(data) if data[:2] == GZIP_MAGIC else data


def fragments(site: Path) -> list[dict]:
    """Every page Pagefind indexed: its url, title (meta) and the text it would search."""
    out = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = readable_bytes(path)
        assert data.startswith(FRAGMENT_PREFIX), f"{path.name}: not a Pagefind 1.x fragment"
        out.append(json.loads(data[len(FRAGMENT_PREFIX):]))
    return out
