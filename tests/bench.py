"""Benchmarks printed by `make bench`: figures and ratios, never pass/fail.

    python tests/bench.py               # charts, then builds of the real site +0/+20/+40 years
    python tests/bench.py --quick       # +0 and +2 years
    python tests/bench.py --no-charts --years 0 20

Each archive re-dates the real meetings and their papers, 10 meetings a year, earlier than the
real ones. hwbsite is compared with plain Material building the SAME final Markdown (every page
as hwbsite hands it to MkDocs), the same static files and the same overrides; each build runs
in its own process, so its CPU time and peak memory are its own. Page weights are gzip bytes of
a first visit (see page_weights).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def timed(fn, repeat: int = 5) -> float:
    """Median seconds of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bench_charts() -> None:
    import plotly.graph_objects as go

    from hwbsite import charts, figures
    from hwbsite.project import load_project

    project, _ = load_project(REPO)
    metrics = list(project.metrics.values())
    by_metric = {m.id: figures.series_values(project.values, m.id) for m in metrics}

    def all_charts(times: int = 1):
        for _ in range(times):
            for m in metrics:
                charts.chart_html(m, by_metric[m.id], f"chart-{m.id}")

    n = len(metrics)
    one = timed(all_charts) / n
    ten = timed(lambda: all_charts(10), repeat=3)
    print(f"charts: {n} seed series; {one * 1000:.3f} ms per chart (dict figure + JSON + summary)")
    print(f"charts: 10x the seed ({10 * n} series): {ten:.3f} s in all")

    # The same figures through go.Figure, as the plotly docs would do it, for the ratio.
    def via_go():
        for m in metrics:
            fig = figures.figure(m, by_metric[m.id])
            go.Figure(fig).to_json()
    slow = timed(via_go, repeat=3) / n
    print(f"charts: go.Figure + to_json would take {slow * 1000:.3f} ms per chart ({slow / one:.0f}x slower)")

    # A dashboard page at 10x: the chart blocks of every metric, ten times over.
    class Scaled:
        pass
    scaled = Scaled()
    scaled.metrics = {}
    scaled.values = []
    scaled.meetings, scaled.papers = project.meetings, project.papers   # for the notes' citations
    for k in range(10):
        for m in metrics:
            mid = f"{m.id}-{k}"
            scaled.metrics[mid] = m.model_copy(update={"id": mid})
            scaled.values += [dataclasses.replace(v, metric=mid) for v in by_metric[m.id]]
    ids = list(scaled.metrics)
    page = timed(lambda: charts.chart_block(scaled, {"metrics": ids}, "dashboards/x.md"), repeat=3)
    print(f"dashboard: one page with {len(ids)} charts and tables: {page:.3f} s "
          f"({page / len(ids) * 1000:.3f} ms per chart)")


MEETINGS_A_YEAR = 10
BUILD_DATE = "2017-09-20"   # fixed "today" for both builds (which meeting is next, embargoes)


_UNSOURCED = re.compile(r"^source: .*\n", re.MULTILINE)
_SEPARATELY = re.compile(r"^  separately: true\n", re.MULTILINE)


def synthetic_archive(dest: Path, years: int) -> int:
    """The Rotherham project plus ``years`` earlier years of meetings, 10 a year: each a real
    meeting re-dated, with its papers copied under new ids (so the papers scale too).
    Returns the number of meetings added."""
    import datetime as dt

    from conftest import copy_project

    copy_project(REPO, dest)
    meetings = sorted((REPO / "data/meetings").glob("*.yml"))
    papers = {}
    for paper in sorted((REPO / "content/papers").glob("*.md")):
        meeting = re.search(r"^meeting: (\S+)", paper.read_text(encoding="utf-8"), re.MULTILINE)
        if meeting:
            papers.setdefault(meeting.group(1), []).append(paper)
    first_year = min(int(m.stem[:4]) for m in meetings)
    added = 0
    for k in range(years * MEETINGS_A_YEAR):
        template = meetings[k % len(meetings)]
        old = template.stem
        new = dt.date(first_year - 1 - k // MEETINGS_A_YEAR, 1 + k % MEETINGS_A_YEAR, 12).isoformat()
        own = papers.get(old, [])
        ids = sorted((p.stem for p in own), key=len, reverse=True)
        rename = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-]|\.csv)") if ids else None

        def redate(text: str) -> str:
            text = text.replace(old, new)
            return rename.sub(lambda m: f"{m.group(1)}-{new}", text) if rename else text

        # A copy cites no seed lines of its own: the seed files are the real meetings' (a pack file
        # belongs to one meeting, hwbsite/provenance.py), so a copy that claimed the same pack
        # would contradict its papers' written record ("and separately").
        meeting_yml = _UNSOURCED.sub("", redate(template.read_text(encoding="utf-8")))
        (dest / f"data/meetings/{new}.yml").write_text(meeting_yml)
        for paper in own:
            text = _SEPARATELY.sub("", redate(paper.read_text(encoding="utf-8")))
            (dest / f"content/papers/{paper.stem}-{new}.md").write_text(text)
        added += 1
    return added


def plain_material_copy(root: Path, dest: Path) -> None:
    """The baseline: plain Material (no hwbsite plugin) over the SAME final Markdown (every page
    as hwbsite hands it to MkDocs, blocks expanded), the same static files and the same overrides,
    extra CSS and JavaScript: exactly what `hwbsite generate` writes (the plain docs tree)."""
    import datetime as dt

    from hwbsite.generate import generate

    generate(root, dest, dt.date.fromisoformat(BUILD_DATE))


_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[1] + "/site")
if "hwbsite" in config.plugins:
    config.plugins["hwbsite"].config.build_date = sys.argv[2]
build(config)
if "hwbsite" not in config.plugins:
    # the plain tree's documented second step (README): its Pagefind index, as the plugin builds it
    import subprocess
    subprocess.run([sys.executable, "-m", "pagefind"], cwd=sys.argv[1], check=True, capture_output=True)
else:   # hwbsite's own CPU by phase (hwbsite/timings.py), for the breakdown
    import json
    from hwbsite import timings
    print("PHASES " + json.dumps(timings.report()))
# This process's own peak (VmHWM): the rusage maxrss a parent sees keeps the high-water mark of
# the memory the child was forked with (the bench's), which hid most of the difference.
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


@dataclasses.dataclass
class Run:
    cpu: float        # user + system seconds of the build process
    peak_mb: float    # its peak resident memory
    pages: int
    phases: dict      # hwbsite's own CPU seconds by phase (empty for plain Material)


def _build(root: Path) -> Run:
    """One build in its own process: CPU time and peak memory are that process's alone."""
    import subprocess

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-c", _BUILD, str(root), BUILD_DATE], stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if proc.returncode:
            raise SystemExit(f"build of {root} failed:\n{err.read().decode()[-3000:]}")
        lines = out.read().decode().split("\n")
        peak_kb = int(lines[-1] or lines[-2])
        phases = next((json.loads(line[7:]) for line in lines if line.startswith("PHASES ")), {})
    return Run(usage.ru_utime + usage.ru_stime, peak_kb / 1024,
               sum(1 for _ in (root / "site").rglob("index.html")), phases)


PHASES = ("load", "rules", "public view", "builders", "whole-page check", "finish", "search index", "verify")


def edit_one_meeting(root: Path) -> None:
    """What a pull request that edits one meeting changes: one agenda item's title of the newest."""
    meeting = sorted((root / "data/meetings").glob("*.yml"))[-1]
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace('title: "Apologies for absence"', 'title: "Apologies for absence (bench)"', 1),
                       encoding="utf-8")


def _gz(path: Path) -> int:
    import gzip
    return len(gzip.compress(path.read_bytes(), 6)) if path.exists() else 0


def page_weights(site: Path) -> dict[str, int]:
    """gzip bytes a first visit fetches, per page type: the page, the CSS and JavaScript it links,
    and plotly.js on a chart page (once its charts are scrolled into view). No search bytes: only
    the search page loads Pagefind, per query; "search index" is the whole index on disk (its
    index files are gzip already), which grows with the archive but is never fetched whole."""
    index = sum(_gz(p) if p.suffix in (".js", ".json", ".css") else p.stat().st_size
                for p in (site / "pagefind").rglob("*") if p.is_file())

    def first_visit(page: Path) -> int:
        if not page.exists():
            return 0
        html = page.read_text(encoding="utf-8")
        linked = set(re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html))
        total = _gz(page)
        for ref in linked:
            if "://" not in ref:
                total += _gz((page.parent / ref.split("?")[0]).resolve())
        if 'class="hwb-chart__plot"' in html:
            total += _gz(site / "assets/hwbsite/plotly-basic.min.js")
        return total

    meetings = sorted((site / "meetings").glob("*/index.html"))
    return {"search index": index, "home": first_visit(site / "index.html"),
            "meeting": first_visit(meetings[-1]) if meetings else 0,
            "CAMHS": first_visit(site / "dashboards/camhs/index.html")}


def bench_build(years: list[int]) -> None:
    rows = []
    for n in years:
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "hwbsite"
            added = synthetic_archive(root, n)
            plain_material_copy(root, Path(tmp) / "plain")
            ours = _build(root)   # cold: no .hwbsite-cache/ yet
            plain = _build(Path(tmp) / "plain")
            weights = page_weights(root / "site")
            edit_one_meeting(root)
            warm = _build(root)   # the cache from the cold build, one meeting changed
            rows.append((n, added, ours, plain, weights, warm))
            print(f"build +{n} years ({added} meetings added): hwbsite {ours.cpu:.1f} s CPU, {ours.peak_mb:.0f} MB; "
                  f"plain Material {plain.cpu:.1f} s, {plain.peak_mb:.0f} MB; {ours.pages} / {plain.pages} pages "
                  f"({(time.perf_counter() - start) / 60:.1f} min for this archive)", flush=True)
    print()
    print("| archive | pages | CPU hwbsite / plain | CPU ratio | peak MB hwbsite / plain | memory ratio "
          "| search index gz | home gz | meeting gz | CAMHS gz |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n, _added, ours, plain, w, _warm in rows:
        kb = {k: f"{v / 1024:.0f} KB" for k, v in w.items()}
        print(f"| +{n} years | {ours.pages} | {ours.cpu:.1f} / {plain.cpu:.1f} s | {ours.cpu / plain.cpu:.2f}x "
              f"| {ours.peak_mb:.0f} / {plain.peak_mb:.0f} | {ours.peak_mb / plain.peak_mb:.2f}x "
              f"| {kb['search index']} | {kb['home']} | {kb['meeting']} | {kb['CAMHS']} |")
    print("\nGoals (issue 15): CPU ratio <= 1.10x at every size; memory ratio <= 1.2x at +20 and +40 years.")
    print("\nWarm build (issue 28): .hwbsite-cache/ from the cold build, then one meeting edited and built again.")
    print("| archive | cold CPU | warm CPU | warm / cold | warm / plain |")
    print("|---|---|---|---|---|")
    for n, _added, ours, plain, _w, warm in rows:
        print(f"| +{n} years | {ours.cpu:.1f} s | {warm.cpu:.1f} s | {warm.cpu / ours.cpu:.0%} | {warm.cpu / plain.cpu:.2f}x |")
    print("Goal (issue 28): warm <= 15% of cold at +20 years.")
    print("\nWhere hwbsite's build CPU goes (s; hwbsite/timings.py; 'MkDocs + theme' is the rest of the process)")
    print("| archive | build | " + " | ".join(PHASES) + " | hwbsite in all | MkDocs + theme |")
    print("|---|---|" + "---|" * (len(PHASES) + 2))
    for n, _added, ours, _plain, _w, warm in rows:
        for label, run in (("cold", ours), ("warm", warm)):
            own = sum(run.phases.values())
            print(f"| +{n} years | {label} | " + " | ".join(f"{run.phases.get(k, 0.0):.2f}" for k in PHASES)
                  + f" | {own:.1f} | {run.cpu - own:.1f} |")
    if len(rows) > 1:
        (o0, p0), (o1, p1) = rows[0][2:4], rows[-1][2:4]
        pages = o1.pages - o0.pages
        if pages:
            print(f"per added page: hwbsite {(o1.cpu - o0.cpu) / pages * 1000:.0f} ms CPU, "
                  f"plain Material {(p1.cpu - p0.cpu) / pages * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="archives of +0 and +2 years only")
    parser.add_argument("--no-charts", action="store_true", help="skip the chart micro-benchmark")
    parser.add_argument("--years", type=int, nargs="*", help="archive sizes in years (default 0 20 40)")
    args = parser.parse_args()
    if not args.no_charts:
        bench_charts()
    bench_build(args.years or ([0, 2] if args.quick else [0, 20, 40]))


if __name__ == "__main__":
    main()
