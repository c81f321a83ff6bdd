"""The real site on three engines, held to one rule (issue 22): MkDocs 1.6.1 with our plugin (the
default, `make site`), ProperDocs with our plugin (`make site-properdocs`) and Zensical on
`hwbsite generate`'s tree (`make site-zensical`; it runs no MkDocs plugin).

Each build is styled (the board's colour in the header, Material's font in the article), has no
broken internal link or anchor (read from the built files by tests/linkcheck.py, not from the
engine's report: Zensical says "No issues found" over links it breaks), loads every page in
Chromium with no Content Security Policy violation, answers a Pagefind query, and shows on every
page the same article text as the default build. Each engine builds once per session; the engines
come from `make engines` (their own venvs, pinned by requirements-properdocs.lock and
requirements-zensical.lock).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
import yaml

from linkcheck import broken_links  # tests/linkcheck.py (tests/ is on the path: rootdir conftest)

from .test_site_csp import WATCH
from .tools import BUILD_DATE, SiteServer, html_pages, require, visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent                       # .venv: hwbsite generate, Pagefind, verify
PROPERDOCS = REPO / ".venv-properdocs" / "bin" / "properdocs"
ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"
ENGINES = ["mkdocs", "properdocs", "zensical"]
# Words of the minutes of 5 July 2017 found on no other page (as tests/browser/test_site_search.py)
PHRASE = "signposting to already overstretched"
MEETING = "meetings/2017-07-05/"


@dataclass(frozen=True)
class Built:
    engine: str
    root: Path
    url: str


def _run(cmd: list, cwd: Path | None = None, env: dict | None = None) -> None:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env={**os.environ, **(env or {})},
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def _properdocs(dest: Path, url: str) -> Path:
    """As `make site-properdocs`, on a copy whose plugin settings fix the build date the tests use."""
    from conftest import copy_project  # tests/conftest.py

    project = copy_project(REPO, dest / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    dated = text.replace("      data_dir: data\n", f'      data_dir: data\n      build_date: "{BUILD_DATE}"\n')
    assert dated != text, "mkdocs.yml no longer configures the hwbsite plugin as this test expects"
    config.write_text(dated, encoding="utf-8")
    _run([PROPERDOCS, "build", "--strict", "-f", config, "--site-dir", dest / "site"], env={"SITE_URL": url})
    return dest / "site"


def _zensical(dest: Path, url: str) -> Path:
    """As `make site-zensical`: generate, Zensical, then the post-build pass, Pagefind and the checks."""
    from conftest import copy_project  # tests/conftest.py

    # from a copy, as the default and ProperDocs builds are made: published dates come from Git
    # history where there is one (hwbsite/published.py), and the three must be compared alike
    project = copy_project(REPO, dest / "project")
    generated = dest / "generated"
    _run([BIN / "hwbsite", "generate", project, "--out", generated, "--build-date", BUILD_DATE], env={"SITE_URL": url})
    _run([ZENSICAL, "build", "--strict"], cwd=generated)
    (generated / "site").rename(dest / "site")
    # --finish applies the plugin's post-build pass (Content Security Policy, HTML mends) to a site
    # another engine built, trusting the inline scripts of Zensical's own templates; --index then
    # builds Pagefind's index over the finished pages; then every check runs.
    templates = subprocess.run([ZENSICAL.parent / "python", "-c", "import os, zensical; "
                                "print(os.path.join(os.path.dirname(zensical.__file__), 'templates'))"],
                               capture_output=True, text=True, check=True).stdout.strip()
    _run([BIN / "hwbsite", "verify", dest / "site", "--data", REPO, "--build-date", BUILD_DATE, "--finish",
          "--theme-dir", generated / "overrides", "--theme-dir", templates, "--index"])
    return dest / "site"


@pytest.fixture(scope="session", params=ENGINES)
def built(request, tmp_path_factory):
    """The real site built by one engine (once per session), served at its own address."""
    if request.param == "mkdocs":
        served = request.getfixturevalue("served_site")   # the browser suite's default build
        yield Built("mkdocs", served.root, served.url)
        return
    tool = PROPERDOCS if request.param == "properdocs" else ZENSICAL
    require(tool.exists(), f"{tool} is missing: run `make engines`")
    dest = tmp_path_factory.mktemp(request.param)
    with SiteServer(dest / "site") as server:
        build = _properdocs if request.param == "properdocs" else _zensical
        build(dest, server.url)
        yield Built(request.param, dest / "site", server.url)


def _article_texts(site: Path) -> dict[str, str]:
    """Each page's article text, whitespace normalised (what a reader reads, not the markup)."""
    texts = {}
    for rel in html_pages(site):
        file = site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
        doc = lxml.html.fromstring(file.read_bytes())
        texts[rel] = " ".join(" ".join(a.text_content().split()) for a in doc.iter("article"))
    return texts


def test_the_site_is_styled(built, browser, served_site):
    colour = yaml.safe_load((REPO / "data" / "board.yml").read_text(encoding="utf-8"))["colour"]
    rgb = "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))
    style = "() => [getComputedStyle(document.querySelector('.md-header')).backgroundColor, " \
            "getComputedStyle(document.querySelector('article')).fontFamily]"
    with visit(browser, served_site.url, 1366, 900) as (page, _):
        _, material_font = page.evaluate(style)
    assert "Helvetica" in material_font          # the default build itself has Material's font stack
    for width in (390, 1366):
        with visit(browser, built.url, width, 900) as (page, _):
            header, font = page.evaluate(style)
        assert (header, font) == (rgb, material_font), f"{built.engine} at {width} px"


def test_no_broken_internal_link_or_anchor(built):
    assert len(html_pages(built.root)) > 100
    problems = broken_links(built.root, built.url)
    assert problems == [], f"{built.engine}: {len(problems)} broken:\n" + "\n".join(problems[:30])


# the default build: tests/browser/test_site_csp.py, which also draws every chart
@pytest.mark.parametrize("built", ["properdocs", "zensical"], indirect=True)
def test_every_page_loads_with_no_csp_violation(built, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    found: list[str] = []
    try:
        page = context.new_page()
        page.add_init_script(WATCH)
        page.on("console", lambda m: "Content Security Policy" in m.text and found.append(f"console: {m.text}"))
        for rel in html_pages(built.root):
            page.goto(built.url + rel, wait_until="load")
            found += [f"{rel}: {v}" for v in page.evaluate("window.__csp || []")]
    finally:
        context.close()
    assert found == [], f"{built.engine}: {len(found)} CSP violation(s):\n" + "\n".join(found[:30])


def test_search_finds_the_meeting_by_a_phrase_of_its_minutes(built, browser):
    with visit(browser, built.url + "search/?q=" + PHRASE.replace(" ", "+"), 1366, 900) as (page, _):
        page.locator("#hwb-search-results li a").first.wait_for(state="visible", timeout=15_000)
        links = page.locator("#hwb-search-results li a").evaluate_all("as => as.map(a => a.href)")
    assert links == [built.url + MEETING], built.engine


@pytest.mark.parametrize("built", ["properdocs", "zensical"], indirect=True)   # the default is the reference
def test_every_article_reads_as_in_the_default_build(built, served_site):
    default = _article_texts(served_site.root)
    theirs = _article_texts(built.root)
    assert sorted(theirs) == sorted(default), built.engine
    differ = [rel for rel in default if theirs[rel] != default[rel]]
    assert differ == [], f"{built.engine}: {len(differ)} page(s) read differently, e.g. {differ[:10]}"
