"""Agenda packs and the rule that a summary quoted from a paper's body is printed once (issue 14)."""

from __future__ import annotations

import re

from hwbsite.pages import packs
from hwbsite.pages.papers import repeats_summary

from test_build import main_text


def test_pack_has_the_agenda_then_every_public_paper_in_agenda_order(rotherham_site):
    html = (rotherham_site / "meetings/2017-09-20/pack/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="(paper-[^"]+)">', html)
    assert html.index('id="agenda"') < html.index(f'id="{ids[0]}"')
    assert "paper-bcf-plan-2017-19" in ids
    # a cover report comes before its appendix; each paper once
    assert ids.index("paper-bcf-plan-2017-19-cover") < ids.index("paper-bcf-plan-2017-19")
    assert len(ids) == len(set(ids))
    # a page break before every paper, and no paper's collapsed contents block
    assert html.count('<div class="hwb-page-break"></div>') == len(ids)
    assert "<details" not in html.split('id="agenda"')[1].split(ids[0])[0]
    assert "Contents of this paper" not in html
    # the agenda links each item's papers to their place in the pack
    assert '<a href="#paper-bcf-plan-2017-19">' in html


def test_pack_demotes_paper_headings_under_the_paper_title():
    assert packs.demote("## A\n\ntext\n### B\n```table\n# not a heading\n```\n") == \
        "### A\n\ntext\n#### B\n```table\n# not a heading\n```\n"


def test_summary_quoted_from_the_body_is_printed_once(rotherham_site):
    text = main_text(rotherham_site / "papers/bcf-plan-2017-19/index.html")
    passage = "The Better Care Fund (BCF) and Integrated Health and Social Care Place Plan provide us with an opportunity"
    assert text.count(passage) == 1
    assert 'id="summary"' not in (rotherham_site / "papers/bcf-plan-2017-19/index.html").read_text(encoding="utf-8")


def test_a_summary_of_its_own_is_still_shown():
    class Paper:
        summary = "The board is asked to note the report."
        body = "## 1. Introduction\n\nThis report sets out the plan."
    assert not repeats_summary(Paper)
    Paper.body = "Intro.\n\nThe board is *asked* to note the\nreport. More."
    assert repeats_summary(Paper)


def test_meetings_without_an_agenda_have_no_pack(rotherham_site):
    built = {p.parent.parent.name for p in rotherham_site.glob("meetings/*/pack/index.html")}
    assert "2017-09-20" in built
    for meeting in rotherham_site.glob("meetings/*/index.html"):
        if "Agenda" not in meeting.read_text(encoding="utf-8"):
            assert meeting.parent.name not in built
