"""The officer's preview: `mkdocs serve --dirty` (what `make serve` runs) rebuilds when a data file
is saved and survives bad data."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import FIXTURES, copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float = 90.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


SERVE = [sys.executable, "-m", "mkdocs", "serve", "--dirty"]   # as `make serve` runs it


@pytest.fixture
def server(tmp_path):
    root = copy_project(FIXTURES / "minimal", tmp_path / "p")
    port = free_port()
    proc = subprocess.Popen([*SERVE, "-a", f"127.0.0.1:{port}"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    reader = threading.Thread(target=lambda: [log.append(line) for line in proc.stdout], daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}/meetings/2026-01-14/"
    try:
        assert wait_for(lambda: "Joint strategy refresh" in fetch(url)), "".join(log)
        yield root, url, log, proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_saving_a_yaml_file_rebuilds_the_preview(server):
    root, url, log, _proc = server
    meeting = root / "data/meetings/2026-01-14.yml"
    meeting.write_text(meeting.read_text().replace("Joint strategy refresh", "Refreshed joint strategy"))
    start = time.monotonic()
    assert wait_for(lambda: "Refreshed joint strategy" in fetch(url)), "".join(log)
    print(f"preview rebuilt {time.monotonic() - start:.1f} s after the save")


@pytest.mark.slow
def test_bad_data_is_reported_and_the_server_keeps_running(server):
    root, url, log, proc = server
    meeting = root / "data/meetings/2026-01-14.yml"
    good = meeting.read_text()
    meeting.write_text(good.replace('pages: "1-12"', 'pages: "1 to 12"'))
    assert wait_for(lambda: any('data/meetings/2026-01-14.yml:14:7' in line for line in log)), "".join(log)
    assert proc.poll() is None
    meeting.write_text(good.replace("Joint strategy refresh", "Fixed strategy refresh"))
    assert wait_for(lambda: "Fixed strategy refresh" in fetch(url)), "".join(log)


@pytest.mark.slow
def test_the_preview_shows_the_error_on_every_page_and_comes_back_when_it_is_fixed(server):
    root, url, log, proc = server
    home = url.split("/meetings/")[0] + "/"
    meeting = root / "data/meetings/2026-01-14.yml"
    good = meeting.read_text()
    meeting.write_text(good.replace('pages: "1-12"', 'pages: "1 to 12"'))
    for page in (url, home):
        assert wait_for(lambda: "data/meetings/2026-01-14.yml:14:7" in fetch(page)), "".join(log)
    text = fetch(url)
    assert "The site cannot be built: 1 error in the data" in text
    assert "livereload" in text  # MkDocs reloads the page by itself after the next save
    meeting.write_text(good.replace("Joint strategy refresh", "Fixed strategy refresh"))
    assert wait_for(lambda: "Fixed strategy refresh" in fetch(url)), "".join(log)
    assert proc.poll() is None


@pytest.mark.slow
def test_a_preview_started_on_broken_data_shows_the_error_on_the_page_the_officer_opens(tmp_path):
    root = copy_project(FIXTURES / "minimal", tmp_path / "p")
    meeting = root / "data/meetings/2026-01-14.yml"
    good = meeting.read_text()
    meeting.write_text(good.replace('pages: "1-12"', 'pages: "1 to 12"'))
    port = free_port()
    proc = subprocess.Popen([*SERVE, "-a", f"127.0.0.1:{port}"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: [log.append(line) for line in proc.stdout], daemon=True).start()
    url = f"http://127.0.0.1:{port}/meetings/2026-01-14/"
    try:
        assert wait_for(lambda: "data/meetings/2026-01-14.yml:14:7" in fetch(url)), "".join(log)
        meeting.write_text(good)
        assert wait_for(lambda: "Joint strategy refresh" in fetch(url)), "".join(log)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_a_half_written_save_shows_where_it_stops_and_the_next_save_brings_the_page_back(server):
    root, url, log, proc = server
    meeting = root / "data/meetings/2026-01-14.yml"
    good = meeting.read_text()
    meeting.write_text(good[: good.index('Bob Officer"]') + 3])  # the editor saved mid-line
    assert wait_for(lambda: "data/meetings/2026-01-14.yml:13:16" in fetch(url)), "".join(log)
    assert "this quoted text is never closed" in fetch(url)
    meeting.write_text(good.replace("Joint strategy refresh", "Strategy refresh, saved whole"))
    assert wait_for(lambda: "Strategy refresh, saved whole" in fetch(url)), "".join(log)
    assert "cannot be built" not in fetch(url.split("/meetings/")[0] + "/")
    assert proc.poll() is None
