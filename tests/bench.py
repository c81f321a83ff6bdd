"""Benchmarks printed by `make bench`: figures and ratios, never pass/fail.

    python -m tests.bench            # charts and build scaling
    python -m tests.bench --quick    # smaller archive sizes
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
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

    from hwbsite import charts
    from hwbsite.project import load_project

    project, _ = load_project(REPO)
    metrics = list(project.metrics.values())
    by_metric = {m.id: charts.series_values(project.values, m.id) for m in metrics}

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
            fig = charts.figure(m, by_metric[m.id])
            go.Figure(fig).to_json()
    slow = timed(via_go, repeat=3) / n
    print(f"charts: go.Figure + to_json would take {slow * 1000:.3f} ms per chart ({slow / one:.0f}x slower)")

    # A dashboard page at 10x: the chart blocks of every metric, ten times over.
    class Scaled:
        pass
    scaled = Scaled()
    scaled.metrics = {}
    scaled.values = []
    for k in range(10):
        for m in metrics:
            mid = f"{m.id}-{k}"
            scaled.metrics[mid] = m.model_copy(update={"id": mid})
            scaled.values += [dataclasses.replace(v, metric=mid) for v in by_metric[m.id]]
    ids = list(scaled.metrics)
    page = timed(lambda: charts.chart_block(scaled, {"metrics": ids}, "dashboards/x.md"), repeat=3)
    print(f"dashboard: one page with {len(ids)} charts and tables: {page:.3f} s "
          f"({page / len(ids) * 1000:.3f} ms per chart)")


def synthetic_archive(dest: Path, meetings: int) -> None:
    """The Rotherham project plus ``meetings`` copies of its 2017-09-20 meeting on other dates."""
    from conftest import copy_project
    import datetime as dt

    copy_project(REPO, dest)
    template = (REPO / "data/meetings/2017-07-05.yml").read_text()
    day = dt.date(1990, 1, 3)
    for _ in range(meetings):
        day += dt.timedelta(days=7)
        text = template.replace("date: 2017-07-05", f"date: {day.isoformat()}", 1)
        (dest / f"data/meetings/{day.isoformat()}.yml").write_text(text)


def plain_material_copy(root: Path, dest: Path) -> None:
    """The same pages as plain Markdown files, built by Material without hwbsite (the baseline)."""
    import yaml

    import datetime as dt

    from hwbsite.context import build_context
    from hwbsite.project import load_project
    from hwbsite.publication import public_view
    from hwbsite.site import build_pages

    project, _ = load_project(root)
    project = public_view(project, dt.date.today())
    ctx = build_context(project)
    docs = dest / "content"
    shutil.copytree(root / "content", docs, ignore=shutil.ignore_patterns("papers"))
    for page in build_pages(project, ctx):
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown)
    from mkdocs.utils.yaml import get_yaml_loader
    config = yaml.load((root / "mkdocs.yml").read_text(), Loader=get_yaml_loader())
    config["plugins"] = ["search"]
    config["theme"].pop("custom_dir", None)
    config["validation"] = {"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"},
                            "nav": {"omitted_files": "info", "not_found": "info"}}
    config["not_in_nav"] = "\n".join(["/meetings/*", "/papers/*", "/people/*", "/topics/*", "/metrics/*",
                                        "/strategy/*"])
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config))


def _build_seconds(root: Path, plugin: bool) -> tuple[float, int]:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    if plugin:
        config.plugins["hwbsite"].config.build_date = "2017-09-01"
    start = time.perf_counter()
    mkdocs_build(config)
    return time.perf_counter() - start, sum(1 for _ in (root / "site").rglob("index.html"))


def bench_build(sizes: list[int]) -> None:
    import logging
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "p"
            synthetic_archive(root, size)
            ours, pages = _build_seconds(root, plugin=True)
            plain_material_copy(root, Path(tmp) / "plain")
            plain, plain_pages = _build_seconds(Path(tmp) / "plain", plugin=False)
            results.append((size, pages, ours, plain))
            print(f"build: +{size} meetings: {pages} pages in {ours:.1f} s ({ours / pages * 1000:.1f} ms per page); "
                  f"plain Material, same {plain_pages} pages: {plain:.1f} s; ratio {ours / plain:.2f}")
    if len(results) > 1:
        (_s0, p0, t0, b0), (_s1, p1, t1, b1) = results[0], results[-1]
        added = (t1 - t0) / (p1 - p0) * 1000
        print(f"build: each added meeting page costs {added:.0f} ms with hwbsite, "
              f"{(b1 - b0) / (p1 - p0) * 1000:.0f} ms with plain Material")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    bench_charts()
    bench_build([0, 100] if args.quick else [0, 200, 800])


if __name__ == "__main__":
    main()
