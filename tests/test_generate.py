"""The site does not exist only inside the MkDocs plugin: 'hwbsite generate' writes the same site
as a plain docs tree, which MkDocs builds with no hwbsite plugin into identical pages."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import subprocess
import sys

import pytest

from conftest import REPO, copy_project
from hwbsite import htmlsafety
from hwbsite.generate import generate
from pagefind_index import fragments

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated")
    # a copy, as the rotherham_site fixture builds: the same build date and the same (no) Git
    # history, so What's new dates its entries alike (published.py)
    from conftest import copy_project
    generate(copy_project(REPO, tmp_path_factory.mktemp("copy")), out, dt.date(2017, 9, 20))
    import yaml
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    assert config["plugins"] == []   # no hwbsite plugin (and no Material search: Pagefind below)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml")],
                   check=True, capture_output=True)
    # the documented step after any engine's build (README): hwbsite's post-build pass (the CSP,
    # the HTML mends, search exclusions), the search index, then the same checks the plugin runs
    run = subprocess.run([sys.executable, "-m", "hwbsite.cli", "verify", "--finish", "--index", "site"],
                         cwd=out, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    return out / "site"


# the article's opening tag (data-pagefind-ignore on the pages search leaves out)
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>')


def comparable(html: str) -> tuple[str, str, str]:
    """The page around its article, exactly; the article as the site's allow-list cleans it (the
    plugin cleans every page's content with htmlsafety.sanitise, plain MkDocs does not: for checked
    data the two show the same, but the cleaner re-serialises, e.g. "&" as "&amp;")."""
    m = ARTICLE.search(html)
    if m is None:
        return html_lib.unescape(html), "", ""
    before, rest = html[:m.end()], html[m.end():]
    article, after = rest.split("</article>", 1)
    # around the article, as a browser reads it: the plugin escapes every value the theme prints
    # (slots.py), plain MkDocs prints front matter as written ("&#x27;" and "&#39;" are one "'")
    return html_lib.unescape(before), htmlsafety.sanitise(article), html_lib.unescape(after)


def test_plain_mkdocs_builds_every_page_identical_to_the_plugin(rotherham_site, plain_site):
    plugin_pages = sorted(p.relative_to(rotherham_site) for p in rotherham_site.rglob("*.html"))
    plain_pages = sorted(p.relative_to(plain_site) for p in plain_site.rglob("*.html"))
    assert len(plugin_pages) > 100
    assert plain_pages == plugin_pages
    different = [str(p) for p in plugin_pages if comparable((rotherham_site / p).read_text()) != comparable((plain_site / p).read_text())]
    assert different == []


def test_plain_build_has_the_same_downloads_and_search_entries(rotherham_site, plain_site):
    def files(site):
        return {p.relative_to(site): p.read_bytes() for p in site.rglob("*")
                if p.is_file() and p.suffix in (".csv", ".js", ".css") and "pagefind" not in p.parts}
    assert files(plain_site) == files(rotherham_site)

    def entries(site):   # every page Pagefind indexed: address, title and searchable text
        return sorted((f["url"], f["meta"]["title"], f["content"]) for f in fragments(site))
    assert len(entries(rotherham_site)) > 100
    assert entries(plain_site) == entries(rotherham_site)


def test_generate_refuses_bad_data_and_writes_nothing(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    meeting = project / "data/meetings/2017-09-20.yml"
    meeting.write_text(meeting.read_text().replace("date: 2017-09-20", "date: 2017-09-31", 1))
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "hwbsite.cli", "generate", str(project), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/meetings/2017-09-20.yml:" in result.stderr
    assert not out.exists()
