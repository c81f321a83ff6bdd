"""The post-build pass (hwbsite/finish.py) on single pages: the policy, whose inline scripts it
trusts, and the mends it makes to the theme's markup."""

from __future__ import annotations

import pytest

from hwbsite import finish

MATERIAL = finish.theme_scripts()
SCOPE = ('__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
         '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
         '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}')
REDIRECT = 'window.location.replace(["{to}",window.location.search,window.location.hash].join(""))'


@pytest.mark.parametrize("base", [".", "..", "../../..", "/hwb/"])
def test_materials_scope_script_is_recognised_at_any_depth(base):
    assert MATERIAL.recognises(SCOPE.format(base=base))


@pytest.mark.parametrize("script", [
    SCOPE.format(base='",alert(1),"'),                 # a slot that leaves the string
    SCOPE.format(base="..") + ";alert(1)",              # something after the theme's text
    "alert(1);" + SCOPE.format(base=".."),
    REDIRECT.format(to="javascript:alert(1)"),          # Material's redirect page with a hostile location
    "alert(document.cookie)",
])
def test_anything_else_is_not_the_themes(script):
    assert not MATERIAL.recognises(script)


def test_a_redirect_to_a_page_of_the_site_is_the_themes():
    assert MATERIAL.recognises(REDIRECT.format(to="../meetings/"))


PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src *">
<title>T</title><script>{scope}</script>{head}</head>
<body>
<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">
<header><nav class="md-header__inner md-grid" aria-label="Header"><label for="__drawer">Menu</label>
<div class="md-header__source">repo</div></nav></header>
<form class="hwb-search-box" role="search" action="search/"><input type="search" name="q" autocomplete="off"></form>
<nav><label class="md-nav__link" for="__nav_2" tabindex="">Meetings</label><label class="md-nav__title" for="__toc">Contents</label>
<input type="checkbox" id="__nav_2"></nav>
<article class="md-content__inner md-typeset"><h1>T</h1></article>
<script>alert("slot")</script>{body}
</body></html>
"""


def finished(page="meetings/index.html", head="", body=""):
    return finish.finish_page(PAGE.format(scope=SCOPE.format(base=".."), head=head, body=body), page, MATERIAL)


def test_the_policy_is_the_first_element_of_the_head_and_the_only_one():
    out = finished()
    head = out[out.index("<head>") + len("<head>"):]
    assert head.lstrip().startswith('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'')
    assert out.count("Content-Security-Policy") == 1
    assert "script-src *" not in out


def test_only_the_themes_inline_scripts_are_hashed():
    out = finished()
    policy = out[out.index('content="default-src'):].split('"', 2)[1]
    scripts = next(d for d in policy.split(";") if d.split()[0] == "script-src").split()
    assert finish.sha256(SCOPE.format(base="..")) in scripts
    assert finish.sha256('alert("slot")') not in scripts
    assert "'unsafe-inline'" not in scripts


def test_only_the_page_that_loads_pagefind_may_compile_webassembly():
    assert "'wasm-unsafe-eval'" in finished("search/index.html", body='<script src="../assets/hwbsite/search.js"></script>')
    assert "'wasm-unsafe-eval'" not in finished("meetings/index.html", body='<script src="../assets/hwbsite/hwbsite.js"></script>')


def test_the_themes_html_errors_are_mended():
    out = finished()
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in out           # no autocomplete on a checkbox
    assert '<input type="search" name="q" autocomplete="off">' in out                 # kept where HTML allows it
    assert '<label class="md-nav__link" for="__nav_2">' in out                        # no tabindex=""
    assert '<label class="md-nav__title">' in out                                     # its control is not on the page
    assert '<label for="__drawer">' in out


def test_the_header_search_form_is_moved_into_the_header_bar():
    out = finished()
    header = out[out.index("<header>"):out.index("</header>")]
    assert header.index('<form class="hwb-search-box"') < header.index('<div class="md-header__source">')
    assert out.count('<form class="hwb-search-box"') == 1


def test_pages_search_leaves_out_are_marked_on_the_indexed_root():
    assert '<article class="md-content__inner md-typeset" data-pagefind-ignore="all">' in finished("404.html")
    assert '<article class="md-content__inner md-typeset">' in finished("meetings/index.html")


def test_lists_that_repeat_other_pages_are_skipped_by_search_and_nothing_else_is():
    out = finished("actions/index.html", body='<div class="hwb-cards hwb-search-skip"><p>An action</p></div>'
                                               '<div class="hwb-cards"><p>Its own page</p></div>')
    assert '<div class="hwb-cards hwb-search-skip" data-pagefind-ignore="index"><p>An action</p>' in out
    assert '<div class="hwb-cards"><p>Its own page</p>' in out
    assert finish.finish_page(out, "actions/index.html", MATERIAL) == out    # once, however often finished


def test_finishing_twice_changes_nothing_more():
    once = finished()
    assert finish.finish_page(once, "meetings/index.html", MATERIAL) == once


def test_a_page_without_a_head_is_refused():
    with pytest.raises(finish.FinishError, match="no <head>"):
        finish.finish_page("<p>hello</p>", "x.html", MATERIAL)
