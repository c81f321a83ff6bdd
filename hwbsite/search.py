"""Full-text search that scales: the search page, and the Pagefind index of the built site.

Material's search plugin makes every first visit download the whole site's index (254 KB gzip
today, ~10 MB after twenty more years of papers). Pagefind splits its index into fragments that a
query fetches on demand, so a page that is not the search page fetches no search bytes at all.

The index is built from the finished HTML (only what a reader can already see, so nothing the
public view left out can reach it), and only from each page's article: Pagefind's root selector is
the theme's article element, so navigation, header and footer are not indexed, with no marker in
a copied template. The pages that must stay out of the index (``excluded``) get Pagefind's
``data-pagefind-ignore="all"`` on that root from the post-build pass (hwbsite/finish.py). The same
step indexes a site built by any engine: ``hwbsite verify --finish --index site`` (or, once the
pass has run, ``python -m pagefind``) in the folder that ``hwbsite generate`` wrote, which reads
the settings below from its ``pagefind.yml``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from . import frontmatter
from .outputitem import OutputItem

THEME_DIR = Path(__file__).parent / "theme"   # search.html: the form, the results, the script
PAGE_PATH = "search.md"          # served at search/ (the header's form sends ?q= there)
INDEX_DIR = "pagefind"           # Pagefind's default output directory, inside the site
# What Pagefind indexes of each page: the article Material (and Zensical's classic look) writes.
ROOT_CLASS = "md-content__inner"
ROOT_SELECTOR = f"article.{ROOT_CLASS}"
# Pages the index leaves out: the not-found page, the search page itself (its form carries
# data-hwb-search: hwbsite/theme/search.html) and the agenda packs, each of whose papers has its
# own page that search finds instead (urls.meeting_pack: meetings/<id>/pack/).
NOT_FOUND_PAGE = "404.html"
SEARCH_FORM_MARKER = "data-hwb-search"
# What search skips inside a page: the lists that repeat records whose own page search finds
# instead (a decision or action of the minutes: its meeting's page; a strategy action: its aim's
# page), and the filter bars beside them. Without it one action came up five times, once per filter
# page that lists it. A class, because the page's HTML is cleaned to an allow-list that keeps
# classes; the post-build pass turns it into Pagefind's data-pagefind-ignore="index".
SKIP_CLASS = "hwb-search-skip"
# The "¶" permalinks Markdown's toc extension puts after each heading are not words of the page.
EXCLUDE_SELECTOR = ".headerlink"
UNUSED_UI = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")

# hwbsite's own theme page: the only front matter with a template (frontmatter.emit writes it)
_PAGE = frontmatter.emit(None, template="search.html") + """

# Search

Search every public paper, minute and decision of the board. A word also finds its other forms
(plan, plans, planned).
"""


def search_page() -> OutputItem:
    """The page the search form sends its query to; hwbsite/theme/search.html draws the form and results."""
    return OutputItem(PAGE_PATH, _PAGE)


def index_command(site_dir: Path) -> list[str]:
    """Pagefind's pinned binary (the pagefind-bin wheel), indexing the built site in place."""
    from pagefind_bin import get_executable   # the wheel carries the binary: no download, no network

    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", INDEX_DIR,
            "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDE_SELECTOR]


def excluded(page: str, tags) -> bool:
    """Whether the page at ``page`` (its path in the site) stays out of the index; ``tags`` are its
    start tags (objects with ``name`` and ``has(attribute)``), so the rule needs no engine."""
    parts = page.split("/")
    if page == NOT_FOUND_PAGE or (len(parts) == 4 and parts[0] == "meetings" and parts[2:] == ["pack", "index.html"]):
        return True
    return any(t.name == "form" and t.has(SEARCH_FORM_MARKER) for t in tags)


def config_file(site_dir: str = "site") -> str:
    """The same settings as pagefind.yml, for a plain build: ``python -m pagefind`` beside it."""
    return ("# Written by 'hwbsite generate': after `mkdocs build`, `hwbsite verify --finish --index site`\n"
            "# runs the post-build pass, then Pagefind with these settings (`python -m pagefind` alone skips the pass).\n"
            f"site: {site_dir}\noutput_subdir: {INDEX_DIR}\nroot_selector: \"{ROOT_SELECTOR}\"\nexclude_selectors:\n  - \"{EXCLUDE_SELECTOR}\"\n")


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
