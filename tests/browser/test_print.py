"""The printable agenda pack (issue 14): Chromium prints one meeting's pack to PDF; every public
paper starts on a new page, nothing is printed twice, and there is no site navigation."""

from __future__ import annotations

import collections
import re
import subprocess

import pytest

from .tools import CHROMIUM, CHROMIUM_ARGS, require, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MEETING = "2017-09-20"
# The BCF plan's summary is a passage of its section 2.1: printed once, where the paper has it.
SUMMARY = ("The Better Care Fund (BCF) and Integrated Health and Social Care Place Plan provide us with an "
           "opportunity to further improve the lives")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&").replace("&para;", "").split())


@pytest.fixture(scope="module")
def printed(site, site_url, tmp_path_factory):
    require_chromium()
    try:
        import pypdf
    except ImportError:  # pragma: no cover - pypdf is in requirements.lock
        require(False, "pypdf is not installed (pip install -r requirements.lock)")
    pdf = tmp_path_factory.mktemp("print") / "pack.pdf"
    run = subprocess.run([CHROMIUM, "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer",
                          f"--print-to-pdf={pdf}", f"{site_url}meetings/{MEETING}/pack/"],
                         capture_output=True, text=True, timeout=240)
    assert pdf.exists(), f"Chromium wrote no PDF:\n{run.stderr[-2000:]}"
    pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(str(pdf)).pages]
    html = (site / f"meetings/{MEETING}/pack/index.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner md-typeset"'):html.index("</article>")]
    return pages, article


def test_each_paper_starts_a_new_page(printed):
    pages, article = printed
    titles = [_text(t) for t in re.findall(r'<h2 id="paper-[^"]+">(.*?)<a class="headerlink"', article)]
    assert len(titles) >= 5, titles
    starts = [i for i, text in enumerate(pages) for t in titles if text.startswith(t[:40])]
    assert len(starts) == len(titles), (f"{len(titles)} papers but {len(starts)} page(s) begin with a paper's "
                                        f"title:\n" + "\n".join(p[:80] for p in pages[:3]))
    assert len(pages) > len(titles) and sorted(starts) == starts
    print(f"\nthe pack of {MEETING} prints as {len(pages)} A4/Letter pages for {len(titles)} papers")


def test_nothing_is_printed_twice(printed):
    pages, article = printed
    everything = " ".join(pages)
    assert everything.count(SUMMARY) == 1
    # no section repeated: the same heading, under the same headings, with the same opening words.
    # (A paper may repeat a heading under different parents, as the CAMHS update does for each quarter.)
    sections = re.findall(r"<h([2-6]) id=\"[^\"]*\">(.*?)<a class=\"headerlink\".*?</h\1>(.{0,400})", article, re.S)
    path: list[tuple[int, str]] = []
    keys: collections.Counter = collections.Counter()
    for level, head, after in sections:
        path = [(lv, h) for lv, h in path if lv < int(level)] + [(int(level), _text(head))]
        keys[(tuple(h for _, h in path), _text(after)[:120])] += 1
    repeated = [k for k, n in keys.items() if n > 1]
    assert not repeated, f"sections printed twice: {repeated[:5]}"


def test_the_pack_prints_without_navigation(printed):
    pages, _ = printed
    first = pages[0]
    assert first.startswith("Agenda pack: Rotherham Health and Wellbeing Board")
    for nav in ("Skip to content", "Table of contents", "Back to top", "Accessibility statement"):
        assert nav not in first, nav
