"""Shared test helpers: build tiny sites from fixture projects in a temporary directory."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def copy_project(src: Path, dest: Path) -> Path:
    """Copy a project (mkdocs.yml, content/, data/, overrides/) into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        path = src / name
        if path.is_dir():
            shutil.copytree(path, dest / name)
        elif path.exists():
            shutil.copy(path, dest / name)
    (dest / "overrides").mkdir(exist_ok=True)
    return dest


# The real archive's build date: the day of its last record (the 20 September 2017 meeting, whose
# agenda pack carries the RAG update as at that date). The meeting is still upcoming on the day, and
# nothing in the archive is dated after it (future.py makes that an error).
REAL_BUILD_DATE = "2017-09-20"


def build(project_dir: Path, strict: bool = True, build_date: str | None = None) -> Path:
    """Build a project with MkDocs' own API; returns the site directory. Raises on failure.

    ``build_date`` fixes the site's "today"; by default the project's own (a fixture's mkdocs.yml
    sets one after its data), else the real archive's."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(project_dir / "mkdocs.yml"), strict=strict, site_dir=str(project_dir / "site"))
    plugin = config.plugins["hwbsite"].config
    if build_date is not None:
        plugin.build_date = build_date
    elif not plugin.build_date:
        plugin.build_date = REAL_BUILD_DATE
    mkdocs_build(config)
    return project_dir / "site"


# Fixtures that build, or hand a test to check or build, the whole Rotherham data: a test using one
# (directly or through another fixture) is slow. `hwbsite check` of the real data renders every page
# (about 7 s of CPU), more than the whole fast loop can spend on one test.
WHOLE_SITE_FIXTURES = {"rotherham_site", "site_2026", "real_data_copy"}


def pytest_collection_modifyitems(config, items):
    # Whatever builds or checks the whole Rotherham site is slow: `make test-fast` leaves it to `make test`.
    for item in items:
        if WHOLE_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


# The browser suite on two xdist workers (`make test`: pytest -n 2 --dist loadfile) shares ONE build of
# the real site: the controller serves a folder at one address for the whole run (the address is
# written into the build: Material's instant navigation matches links by scheme, host and port), and
# the first worker to need it builds it there (tests/browser/conftest.py, served_site). Serving an
# empty folder costs nothing, so runs that never build the site lose nothing.
SERVED_SITE = pytest.StashKey[dict]()


@pytest.hookimpl(optionalhook=True)   # pytest-xdist's hook, in the controller, once per worker
def pytest_configure_node(node):
    config = node.config
    if SERVED_SITE not in config.stash:
        from browser.tools import SiteServer  # tests/browser/tools.py, as the workers import it

        folder = Path(tempfile.mkdtemp(prefix="hwb-served-"))
        server = SiteServer(folder / "site").__enter__()
        config.stash[SERVED_SITE] = {"folder": str(folder), "url": server.url}

        def stop():
            server.__exit__(None, None, None)
            shutil.rmtree(folder, ignore_errors=True)
        config.add_cleanup(stop)
    node.workerinput["hwb_served_site"] = config.stash[SERVED_SITE]


@pytest.fixture
def fixture_project(tmp_path):
    """Copy tests/fixtures/<name> into a temp dir: fixture_project("minimal")."""
    def make(name: str) -> Path:
        return copy_project(FIXTURES / name, tmp_path / name)
    return make


def copy_real_project(dest: Path) -> Path:
    """A copy of the real Rotherham project (mkdocs.yml, data/, content/) to edit, at dest."""
    for name in ("data", "content"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


SUMMARY = "bcf-2017-19-narrative-summary"


def list_the_summary_under_item_15(root: Path, drop_record: bool = True) -> None:
    """The real data edited so the BCF narrative summary, a document published separately (its pack
    does not print it), is listed under item 15 of 20 September 2017; with ``drop_record`` its own
    written record of where it was published (published_in:) is taken away too."""
    if drop_record:
        summary = root / f"content/papers/{SUMMARY}.md"
        text = summary.read_text()
        start = text.index("published_in:")
        summary.write_text(text[:start] + text[text.index("# Inconsistencies", start):])
    meeting = root / "data/meetings/2017-09-20.yml"
    meeting.write_text(meeting.read_text().replace(
        "ccg-hwb-mapping-2017-19]", f"ccg-hwb-mapping-2017-19, {SUMMARY}]"))


@pytest.fixture
def real_data_copy(tmp_path) -> Path:
    """A copy of the real Rotherham data/ and content/ (no build)."""
    root = tmp_path / "rotherham"
    for name in ("data", "content"):
        shutil.copytree(REPO / name, root / name)
    return root


@pytest.fixture(scope="session")
def rotherham_site(tmp_path_factory) -> Path:
    """The real Rotherham site, built once per test session with --strict."""
    dest = copy_project(REPO, tmp_path_factory.mktemp("rotherham"))
    return build(dest)
