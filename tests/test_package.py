"""The installable package: what `python -m build` makes, and a new board's site from it.

The wheel is installed into a fresh virtual environment outside this repository (so nothing here
can be imported by accident), then `hwbsite init`, `hwbsite new meeting` and `mkdocs build
--strict` run from it, as a new board would. pip takes the dependencies from its cache; the
versions are those of requirements.lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from hwbsite import __version__
from rotherham_words import hits

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return out


def wheel_of(dist: Path) -> Path:
    [wheel] = dist.glob("hwbsite-*.whl")
    return wheel


def test_build_makes_a_wheel_and_an_sdist_of_this_version(dist):
    assert wheel_of(dist).name == f"hwbsite-{__version__}-py3-none-any.whl"
    assert (dist / f"hwbsite-{__version__}.tar.gz").exists()


def test_the_wheel_carries_everything_a_build_needs(dist):
    names = set(zipfile.ZipFile(wheel_of(dist)).namelist())
    package = {p.relative_to(REPO).as_posix() for p in (REPO / "hwbsite").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert package <= names, sorted(package - names)   # every template, theme file, asset and skeleton file
    assert {"hwbsite/assets/vendor/plotly-basic.min.js", "hwbsite/assets/vendor/plotly-basic.LICENSE.txt",
            "hwbsite/theme/main.html", "hwbsite/theme/partials/subscribe.html", "hwbsite/skeleton/data/board.yml"} <= names
    assert not any(n.startswith(("data/", "content/", "tests/", "overrides/")) for n in names)


def test_neither_the_wheel_nor_the_sdist_holds_anything_of_rotherham(dist):
    found = {}
    archive = zipfile.ZipFile(wheel_of(dist))
    for name in archive.namelist():
        words = hits(archive.read(name).decode("utf-8", errors="replace"))
        if words:
            found[name] = words
    with tarfile.open(dist / f"hwbsite-{__version__}.tar.gz") as sdist:
        for member in sdist.getmembers():
            if member.isfile():
                words = hits(sdist.extractfile(member).read().decode("utf-8", errors="replace"))
                if words:
                    found[member.name] = words
    assert found == {}


def test_a_new_board_builds_from_the_wheel_in_a_fresh_environment(dist, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_ = venv / "bin"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": ""}
    env.pop("VIRTUAL_ENV", None)
    # the pinned dependencies first (the lock carries hashes, so pip checks every one), then the
    # wheel itself, which no lock can hash in advance
    for args in (["-r", str(REPO / "requirements.lock")], ["--no-deps", str(wheel_of(dist))]):
        install = subprocess.run([str(bin_ / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                  *args], capture_output=True, text=True, timeout=900, env=env, cwd=tmp_path)
        assert install.returncode == 0, install.stderr[-3000:]

    def run(*args: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess:
        return subprocess.run([str(bin_ / args[0]), *args[1:]], capture_output=True, text=True, timeout=600,
                              env=env, cwd=cwd)

    version = run("hwbsite", "--version")
    assert version.stdout.strip() == f"hwbsite, version {__version__}"
    where = run("python", "-c", "import hwbsite; print(hwbsite.__file__)")
    assert where.stdout.startswith(str(venv)), where.stdout     # the wheel's copy, not this checkout

    board = tmp_path / "newboard"
    made = run("hwbsite", "init", str(board), "--board", "Example Health and Wellbeing Board",
               "--council", "Example Council")
    assert made.returncode == 0, made.stderr
    meeting = run("hwbsite", "new", "meeting", "2027-01-20", "--root", str(board))
    assert meeting.returncode == 0, meeting.stderr
    assert (board / "data/meetings/2027-01-20.yml").exists()
    assert run("hwbsite", "check", cwd=board).returncode == 0
    site = run("mkdocs", "build", "--strict", cwd=board)
    assert site.returncode == 0, site.stderr[-3000:]
    assert "WARNING" not in site.stderr, site.stderr
    assert (board / "site/meetings/2027-01-20/index.html").exists()
    home = (board / "site/index.html").read_text(encoding="utf-8")
    assert "Example Health and Wellbeing Board, hosted by Example Council." in home
    assert hits(home) == []
