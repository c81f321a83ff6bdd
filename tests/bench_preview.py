"""Preview latency printed by `make bench`: how long after an officer saves one meeting file the
page in `mkdocs serve` shows the change, and the CPU time that rebuild costs. Figures, never
pass/fail.

    python tests/bench_preview.py               # the real site: serve --dirty (make serve) and a full rebuild
    python tests/bench_preview.py --years 20    # also the real site + 20 years of synthetic archive

Each run starts a real `mkdocs serve` on a free port over a copy of the project, waits for the
first build, then edits the title of one agenda item of the newest meeting (a change visible on
its page) and polls the page until it shows it. "visible" is wall time from the save, so it
includes MkDocs' file watcher, which polls every 0.5 s. "CPU" is the serve process's user +
system time (from /proc) from the save until MkDocs logs the end of the rebuild: the rebuild
itself plus the watcher's polling (the page is requested only after the rebuild).
"repainted" is what the officer sees: the page open in Chromium reloads by itself (MkDocs' live
reload, served as a file so the site's CSP allows it) and shows the change; wall time from the save.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ITEM = 'title: "Apologies for absence"'

from test_serve import fetch, free_port  # noqa: E402 - the serve tests' helpers (tests/ is on the path)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait(predicate, seconds: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def measure_preview(root: Path, dirty: bool = True, saves: int = 3, timeout: float = 900.0) -> dict:
    """Serve ``root`` (a copy: its newest meeting file is edited), save one meeting ``saves`` times
    and return the medians: {"first_build": s, "visible": s, "cpu": s, "rendered": "n of m"}."""
    meeting = sorted((root / "data/meetings").glob("*.yml"))[-1]
    original = meeting.read_text(encoding="utf-8")
    if ITEM not in original:
        raise SystemExit(f"{meeting} has no agenda item {ITEM}")
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's hwbsite, whatever the venv holds
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: [log.append(line) for line in proc.stdout], daemon=True).start()
    url = f"http://127.0.0.1:{port}/meetings/{meeting.stem}/"

    def built() -> int:
        return sum("Documentation built in" in line for line in log)
    try:
        if not _wait(lambda: built() >= 1 and "Apologies for absence" in fetch(url), timeout, 0.5):
            raise SystemExit(f"the preview of {root} did not start:\n{''.join(log[-30:])}")
        first = time.monotonic() - start
        visible, cpu, rendered = [], [], []
        for n in range(saves):
            marker = f"Apologies for absence (preview bench {n} {time.time_ns()})"
            time.sleep(1.0)  # the watcher has settled; the CPU before the save is the idle process's
            builds, before = built(), _cpu_seconds(proc.pid)
            saved = time.monotonic()
            meeting.write_text(original.replace(ITEM, f'title: "{marker}"', 1), encoding="utf-8")
            # watch the log, not the page, while it rebuilds: page requests would cost the server CPU
            if not _wait(lambda: built() > builds, timeout):
                raise SystemExit(f"the preview did not rebuild:\n{''.join(log[-30:])}")
            cpu.append(_cpu_seconds(proc.pid) - before)
            if not _wait(lambda: marker in fetch(url), timeout):
                raise SystemExit(f"the preview never showed the change:\n{''.join(log[-30:])}")
            visible.append(time.monotonic() - saved)
            counts = [m.group(0) for line in log if (m := re.search(r"\d+ of \d+ pages", line))]
            rendered.append(counts[-1] if counts else "all")
        return {"first_build": first, "visible": statistics.median(visible),
                "cpu": statistics.median(cpu), "rendered": rendered[-1]}
    finally:
        meeting.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def measure_repaint(root: Path, saves: int = 3, timeout: float = 900.0) -> dict:
    """Serve ``root`` as `make serve` does, open the newest meeting's page in Chromium, save the
    meeting file ``saves`` times and return the median seconds from each save until the open page
    shows the change by itself (the live reload under the site's CSP: hwbsite/preview.py), and
    how many CSP violations the page reported (0 expected)."""
    from playwright.sync_api import sync_playwright

    from browser.tools import CHROMIUM, CHROMIUM_ARGS

    meeting = sorted((root / "data/meetings").glob("*.yml"))[-1]
    original = meeting.read_text(encoding="utf-8")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty",
                             "-a", f"127.0.0.1:{port}"], cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: [log.append(line) for line in proc.stdout], daemon=True).start()
    url = f"http://127.0.0.1:{port}/meetings/{meeting.stem}/"
    repaint = []
    try:
        if not _wait(lambda: "Apologies for absence" in fetch(url), timeout, 0.5):
            raise SystemExit(f"the preview of {root} did not start:\n{''.join(log[-30:])}")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            violations: list[str] = []
            page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
            for n in range(saves):
                marker = f"Apologies for absence (repaint bench {n} {time.time_ns()})"
                with page.expect_request(lambda r: "/livereload/" in r.url, timeout=timeout * 1000):
                    page.goto(url, wait_until="load")
                time.sleep(1.0)   # the watcher has settled
                saved = time.monotonic()
                meeting.write_text(original.replace(ITEM, f'title: "{marker}"', 1), encoding="utf-8")
                page.get_by_text(marker).first.wait_for(timeout=timeout * 1000)
                repaint.append(time.monotonic() - saved)
            browser.close()
        return {"repaint": statistics.median(repaint), "csp_violations": len(violations)}
    finally:
        meeting.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, nargs="*", default=[],
                        help="also measure the real site plus N years of synthetic archive")
    parser.add_argument("--saves", type=int, default=3, help="saves per run (medians are printed)")
    parser.add_argument("--no-full", action="store_true", help="skip the full-rebuild comparison")
    args = parser.parse_args()

    from bench import synthetic_archive
    from conftest import copy_project

    rows = []
    for years in [0, *args.years]:
        with tempfile.TemporaryDirectory(prefix="hwb-preview-") as tmp:
            root = Path(tmp) / "site"
            if years:
                synthetic_archive(root, years)
            else:
                copy_project(REPO, root)
            label = "real site" if not years else f"real + {years} years"
            for dirty in ([True] if args.no_full else [True, False]):
                mode = "serve --dirty (make serve)" if dirty else "serve (full rebuild)"
                result = measure_preview(root, dirty=dirty, saves=args.saves)
                rows.append((label, mode, result))
                print(f"  {label}, {mode}: {result}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="hwb-repaint-") as tmp:
        repaint = measure_repaint(copy_project(REPO, Path(tmp) / "site"), saves=args.saves)
        print(f"  real site, open page repainted: {repaint}", file=sys.stderr, flush=True)

    print("\npreview: one meeting file saved; medians of", args.saves, "saves")
    print(f"| {'site':<16} | {'mode':<27} | first build | visible after save | rebuild CPU | pages rendered |")
    print(f"|{'-' * 18}|{'-' * 29}|-------------|--------------------|-------------|----------------|")
    for label, mode, r in rows:
        print(f"| {label:<16} | {mode:<27} | {r['first_build']:9.1f} s | {r['visible']:16.2f} s "
              f"| {r['cpu']:9.2f} s | {r['rendered']:>14} |")
    print(f"\nopen page in Chromium repainted by live reload {repaint['repaint']:.2f} s after the save "
          f"(median of {args.saves}; CSP violations: {repaint['csp_violations']})")


if __name__ == "__main__":
    main()
