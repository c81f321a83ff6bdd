"""Lighthouse on three pages of the real site: a benchmark to read, not a test to pass.

    python -m tests.browser.lighthouse_bench [--preset mobile|desktop] [--json DIR]

Builds the site (as the browser tests do), serves it on 127.0.0.1 at a random
port and runs the pinned Lighthouse (tests/browser/node_modules) with Debian's
Chromium on the home page, the next meeting's page and the dashboard with the
most charts. Prints the performance, accessibility and best-practices scores
and the bytes transferred. Lighthouse's default is a throttled mobile profile:
its performance score is about a slow phone on a slow network, not localhost.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "browser"

from .tools import CHROMIUM, CHROMIUM_ARGS, LIGHTHOUSE, SiteServer, build_served_site  # noqa: E402

CATEGORIES = ["performance", "accessibility", "best-practices"]


def pick_pages(site: Path) -> list[tuple[str, str]]:
    pages = [("home", "")]
    home = (site / "index.html").read_text(encoding="utf-8")
    m = re.search(r'id="next-meeting".*?href="(meetings/[^"#]+/)"', home, re.S)
    meetings = sorted(p.parent.name for p in (site / "meetings").glob("*/index.html"))
    pages.append(("meeting", m.group(1) if m else f"meetings/{meetings[-1]}/"))
    charts = {p.parent.name: p.read_text(encoding="utf-8").count('class="hwb-chart"')
              for p in (site / "dashboards").glob("*/index.html")}
    if charts and max(charts.values()):
        pages.append(("dashboard", f"dashboards/{max(charts, key=charts.get)}/"))
    else:
        print("no dashboard page with charts in the built site: dashboards/ index instead", file=sys.stderr)
        pages.append(("dashboard", "dashboards/"))
    return pages


def lighthouse(url: str, preset: str) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    cmd = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    ap.add_argument("--json", type=Path, help="also keep each full Lighthouse report in this folder")
    args = ap.parse_args(argv)
    missing = [what for what, ok in [(f"Chromium at {CHROMIUM}", os.access(CHROMIUM, os.X_OK)),
                                     ("lighthouse (npm ci in tests/browser)", LIGHTHOUSE.exists())] if not ok]
    if missing:
        print("lighthouse benchmark not run: missing " + ", ".join(missing), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="hwb-lighthouse-") as tmp:
        dest = Path(tmp)
        with SiteServer(dest / "site", gzip=True) as server:   # compressed, as GitHub Pages serves it
            site = build_served_site(dest, server)
            print(f"Lighthouse {args.preset} ({'simulated slow 4G, mid-range phone' if args.preset == 'mobile' else 'desktop'}),"
                  f" site served gzip at {server.url}")
            print(f"{'page':<10} {'path':<32} {'perf':>5} {'a11y':>5} {'best':>5} {'bytes':>10}  "
                  f"{'LCP ms':>7} {'TBT ms':>7}")
            for name, path in pick_pages(site):
                report = lighthouse(server.url + path, args.preset)
                if args.json:
                    args.json.mkdir(parents=True, exist_ok=True)
                    (args.json / f"{name}.json").write_text(json.dumps(report))
                cats, audits = report["categories"], report["audits"]

                def score(c):
                    s = cats[c]["score"]
                    return "n/a" if s is None else str(round(s * 100))

                nbytes = audits["total-byte-weight"].get("numericValue", 0)
                lcp = audits.get("largest-contentful-paint", {}).get("numericValue")
                tbt = audits.get("total-blocking-time", {}).get("numericValue")
                print(f"{name:<10} {'/' + path:<32} {score('performance'):>5} {score('accessibility'):>5} "
                      f"{score('best-practices'):>5} {int(nbytes):>10,}  "
                      f"{'' if lcp is None else round(lcp):>7} {'' if tbt is None else round(tbt):>7}")
                failing = [a["id"] for c in ("accessibility", "best-practices") for ref in cats[c]["auditRefs"]
                           if (a := audits[ref["id"]]).get("score") is not None and a["score"] < 1
                           and ref.get("weight", 0) > 0]
                if failing:
                    print(f"{'':<10} below full marks: {', '.join(failing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
