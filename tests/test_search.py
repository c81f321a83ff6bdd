"""Search (issue 15): what Pagefind indexes, and the search page, without a browser.

The browser half (a query finds a meeting, bytes per query, keyboard, axe) is
tests/browser/test_site_search.py.
"""

from __future__ import annotations

import pytest

from hwbsite import search
from pagefind_index import fragments

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Skip to content Meetings Papers</nav>
<article class="md-content__inner md-typeset"{attrs}><h1>{title}<a class="headerlink" href="#x" title="Link to this section">¶</a></h1>
<p>{text}</p></article><footer>Footer words</footer></body></html>"""


def write(site, path, title, text, attrs=""):
    file = site / path / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(PAGE.format(title=title, text=text, attrs=attrs), encoding="utf-8")


def test_the_index_holds_each_article_and_nothing_around_it(tmp_path):
    site = tmp_path / "site"
    write(site, "papers/a", "Care home fees", "The board agreed the quarterly uplift.")
    # the search page, as the post-build pass marks it (hwbsite/finish.py, search.excluded)
    write(site, "search", "Search", "Type words to search.", attrs=' data-pagefind-ignore="all"')
    search.build_index(site)
    [only] = fragments(site)
    assert only["url"] == "/papers/a/"
    assert only["meta"]["title"] == "Care home fees"           # no "¶" from the heading's permalink
    assert only["content"] == "Care home fees. The board agreed the quarterly uplift."
    # only what the search page loads ships: not Pagefind's unused ready-made interfaces
    shipped = sorted(p.name for p in (site / "pagefind").iterdir() if p.is_file())
    assert [n for n in shipped if n.endswith((".js", ".css"))] == ["pagefind-worker.js", "pagefind.js"]


def test_a_part_the_finish_pass_marks_for_skipping_is_not_searched_but_its_page_is(tmp_path):
    from hwbsite import finish
    site = tmp_path / "site"
    write(site, "actions", "Action log", f'Actions agreed.</p><div class="{search.SKIP_CLASS}"><p>Write to the providers.</div><p>')
    write(site, "meetings/m", "Meeting", "Write to the providers.")
    page = site / "actions/index.html"
    page.write_text(finish.finish_page(page.read_text(encoding="utf-8"), "actions/index.html", finish.ThemeScripts(())),
                    encoding="utf-8")
    search.build_index(site)
    found = {f["url"]: f["content"] for f in fragments(site)}
    assert found["/actions/"] == "Action log. Actions agreed."
    assert [u for u, text in found.items() if "providers" in text] == ["/meetings/m/"]


def test_the_not_found_page_the_search_page_and_packs_are_left_out_of_the_index():
    from hwbsite.finish import _Page
    search_form = _Page('<form data-hwb-search action="."></form>').tags
    assert search.excluded("404.html", [])
    assert search.excluded("meetings/2017-09-20/pack/index.html", [])
    assert search.excluded("search/index.html", search_form)
    assert not search.excluded("meetings/2017-09-20/index.html", [])
    assert not search.excluded("papers/pack/index.html", [])
    assert not search.excluded("index.html", _Page('<form class="hwb-search-box" action="search/"></form>').tags)


def test_a_failing_index_stops_with_pagefinds_words(tmp_path):
    with pytest.raises(RuntimeError, match="pagefind failed"):
        search.build_index(tmp_path / "no-such-site")


@pytest.mark.slow
def test_the_real_site_indexes_articles_not_packs_chrome_or_the_search_page(rotherham_site):
    indexed = {f["url"]: f for f in fragments(rotherham_site)}
    assert "/meetings/2017-07-05/" in indexed and "/papers/bcf-plan-2017-19/" in indexed
    assert [u for u in indexed if u.endswith("/pack/") or u in ("/search/", "/404.html")] == []
    assert [u for u, f in indexed.items() if "Skip to content" in f["content"] or "¶" in f["content"]] == []


@pytest.mark.slow
def test_every_page_has_the_header_search_form_and_the_search_page_works_without_a_plugin(rotherham_site):
    home = (rotherham_site / "index.html").read_text(encoding="utf-8")
    assert '<form class="hwb-search-box" role="search" aria-label="Site search" action="search/" method="get">' in home
    page = (rotherham_site / "search/index.html").read_text(encoding="utf-8")
    assert '<input class="hwb-search__input" id="hwb-search-q" type="search" name="q"' in page
    assert "<noscript>" in page and "Search needs JavaScript" in page
    assert '<script src="../assets/hwbsite/search.js"></script>' in page
    assert not (rotherham_site / "search/search_index.json").exists()   # Material's whole-site index is gone


@pytest.mark.slow
def test_search_finds_each_action_and_decision_once_on_the_real_site(rotherham_site):
    """The same action came up five times (its aim page, the plan's list, its RAG, aim, lead and
    overdue lists); a decision three times (its meeting, the register, its topic). Each now has one
    page search finds it on: a strategy action its aim page, a decision or action its meeting's."""
    import yaml
    from conftest import REPO
    pages = fragments(rotherham_site)
    words = [(f["url"], " ".join(f["content"].split())) for f in pages]

    def found(text: str) -> list[str]:
        text = " ".join(text.split())
        return [url for url, content in words if text in content]

    checked = 0
    for path in sorted((REPO / "data/strategy").glob("*.yml")):
        plan = yaml.safe_load(path.read_text(encoding="utf-8"))
        for aim in plan["aims"]:
            for action in aim["actions"]:
                part = f"(part of {action['parent']}) " if action.get("parent") else ""
                card = f"{action['id']} {part}{action['text']}"
                assert found(card) == [f"/strategy/{plan['id']}/aim-{aim['number']}/"], card
                checked += 1
    assert checked > 40
    # the board's one recorded action (minute 21 of 5 July 2017) and a decision on a topic page
    assert found("That Terri Roche feedback the concerns raised regarding the Randomised Controlled Trial") == [
        "/meetings/2017-07-05/"]
    assert found("That the Better Care Fund Executive Summary and Plan on a Page be noted.") == [
        "/meetings/2017-07-05/"]
    # the register pages themselves are still found, by what they are
    assert "/actions/overdue/" in found("Overdue actions") and "/decisions/" in found("Decisions register")
