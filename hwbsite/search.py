"""Full-text search that scales: the search page, and the Pagefind index of the built site.

Material's search plugin makes every first visit download the whole site's index (254 KB gzip
today, ~10 MB after twenty more years of papers). Pagefind splits its index into fragments that a
query fetches on demand, so a page that is not the search page fetches no search bytes at all.

The index is built from the finished HTML (only what a reader can already see, so nothing the
public view left out can reach it), and only from each page's article: the templates mark it
``data-pagefind-body`` (hwbsite/theme/base.html), so navigation, header and footer are not indexed.
The same one step indexes a site built by any engine: ``python -m pagefind`` in the folder that
``hwbsite generate`` wrote, which reads the settings below from its ``pagefind.yml``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .render import GeneratedPage

THEME_DIR = Path(__file__).parent / "theme"   # search.html: the form, the results, the script
PAGE_PATH = "search.md"          # served at search/ (the header's form sends ?q= there)
INDEX_DIR = "pagefind"           # Pagefind's default output directory, inside the site
# The "¶" permalinks Markdown's toc extension puts after each heading are not words of the page.
EXCLUDE_SELECTOR = ".headerlink"
UNUSED_UI = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")

_PAGE = """---
template: search.html
---

# Search

Search every public paper, minute and decision of the board. A word also finds its other forms
(plan, plans, planned).
"""


def search_page() -> GeneratedPage:
    """The page the search form sends its query to; hwbsite/theme/search.html draws the form and results."""
    return GeneratedPage(PAGE_PATH, _PAGE)


def index_command(site_dir: Path) -> list[str]:
    """Pagefind's pinned binary (the pagefind-bin wheel), indexing the built site in place."""
    from pagefind_bin import get_executable   # the wheel carries the binary: no download, no network

    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", INDEX_DIR,
            "--exclude-selectors", EXCLUDE_SELECTOR]


def config_file(site_dir: str = "site") -> str:
    """The same settings as pagefind.yml, for a plain build: ``python -m pagefind`` beside it."""
    return ("# Written by 'hwbsite generate': run `python -m pagefind` here after `mkdocs build`.\n"
            f"site: {site_dir}\noutput_subdir: {INDEX_DIR}\nexclude_selectors:\n  - \"{EXCLUDE_SELECTOR}\"\n")


def build_index(site_dir: Path) -> str:
    """Write the Pagefind index into ``site_dir/pagefind``; returns what it indexed, in words.

    Raises ``RuntimeError`` with Pagefind's own words if it fails, so a build never ships a site
    whose search page has no index.
    """
    result = subprocess.run(index_command(Path(site_dir)), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    # Pagefind also writes its ready-made interfaces; the search page has its own (search.js), and
    # shipping unused code that builds markup with innerHTML is risk for nothing.
    for unused in UNUSED_UI:
        for path in (Path(site_dir) / INDEX_DIR).glob(unused):
            path.unlink()
    # Pagefind's summary lines read "Indexed 175 pages", "Indexed 6150 words", ...
    counts = [line.strip().removeprefix("Indexed ") for line in result.stdout.splitlines()
              if line.strip().startswith("Indexed ") and line.strip().endswith(("pages", "words"))]
    return ", ".join(counts) or result.stdout.strip()
