"""`make screenshots`: one PNG per page type, at 390 and 1366 px, in the light and dark palettes.

For a person to look through before a release (issue 14). Builds the real site into a
temporary directory, serves it on 127.0.0.1 and drives /usr/bin/chromium with Playwright,
as the browser tests do. Writes screenshots/<width>-<palette>-<page-type>.png (gitignored);
tall pages are cut at MAX_HEIGHT so the files stay readable.

    .venv/bin/python -m tests.browser.screenshots [--out screenshots] [--only strategy]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .tools import CHROMIUM, CHROMIUM_ARGS, SiteServer, build_served_site, html_pages

WIDTHS = {390: 844, 1366: 900}
PALETTES = ("light", "dark")
MAX_HEIGHT = 4000


def page_types(pages: list[str]) -> dict[str, str]:
    """One page per kind: name -> URL path. The kind is the first path segment plus the depth."""
    chosen: dict[str, str] = {}
    for url in pages:
        if url.endswith("404.html"):
            continue
        parts = [p for p in url.strip("/").split("/") if p]
        if not parts:
            name = "home"
        elif len(parts) == 1:
            name = parts[0] + "-index"
        else:
            name = parts[0] + "-page" + (str(len(parts)) if len(parts) > 2 else "")
        chosen.setdefault(name, url)
    return chosen


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="screenshots")
    ap.add_argument("--only", default="", help="only page types whose name contains this")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, SiteServer(Path(tmp) / "site") as server:
        build_served_site(Path(tmp), server)
        types = {k: v for k, v in page_types(html_pages(server.root)).items() if args.only in k}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for width, height in WIDTHS.items():
                for palette in PALETTES:
                    ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme=palette)
                    tab = ctx.new_page()
                    for name, url in sorted(types.items()):
                        tab.goto(server.url + url, wait_until="load")
                        tab.wait_for_timeout(300)  # charts draw after load
                        full = tab.evaluate("document.documentElement.scrollHeight")
                        path = out / f"{width}-{palette}-{name}.png"
                        tab.screenshot(path=str(path), full_page=True,
                                       clip={"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT)})
                        print(path, url or "/")
                    ctx.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
