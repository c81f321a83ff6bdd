"""The publication rule, as a property: whatever is marked private, no trace of it is published.

tests/fixtures/publication holds a small board whose every record carries its own token (QQITEM2A,
QQP5BODY, topic-qqmin1 ...). Hypothesis marks random items, minutes, papers and agendas exempt,
confidential, unpublished, embargoed or draft; an oracle written here, independently of
hwbsite/publication.py, says which tokens are private; and no output item (page Markdown,
download, table file, path) may contain one. Public papers must still be published.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from hwbsite.models.meetings import Exempt
from hwbsite.output import build_output
from hwbsite.project import load_project
from hwbsite.publication import public_view

BUILD_DATE = dt.date(2026, 1, 1)
MEETING_A, MEETING_B = "2026-01-14", "2026-02-11"
ITEMS = {"1": None, "2": None, "2A": "2", "3": None}           # number -> parent (meeting A)
ITEM_PAPERS = {"1": ["p1"], "2": [], "2A": ["p2a"], "3": ["p3", "p7"]}
MINUTES = {1: "1", 2: "2A", 3: "3"}                              # minute -> agenda item (meeting A)
PAPERS = ["p1", "p2a", "p3", "p4", "p5", "p6", "p7"]
APPENDIX_OF = {"p5": "p3", "p6": "p5"}
PAPER_ITEM = {"p1": (MEETING_A, "1"), "p2a": (MEETING_A, "2A"), "p3": (MEETING_A, "3"), "p4": (MEETING_B, "1")}
PAPER_FLAGS = ("confidential", "unpublished", "exempt", "embargoed", "embargo-lifted")


@pytest.fixture(scope="module")
def project():
    loaded, log = load_project(FIXTURES / "publication")
    assert log.errors == []
    return loaded


def _ancestors(number):
    while ITEMS[number] is not None:
        number = ITEMS[number]
        yield number


def private_tokens(exempt_items, exempt_minutes, paper_flags, draft_a, draft_b) -> set[str]:
    """The oracle: the tokens of everything the rules in publication.py's docstring make private."""
    private_items = {n for n in ITEMS if draft_a or n in exempt_items or set(_ancestors(n)) & exempt_items}
    tokens = set()
    for number in private_items:
        # an exempt item's own title is published; everything else about it is not
        if draft_a or number not in exempt_items:
            tokens.add(f"QQITEM{number}")
        tokens.add(f"topic-qqitem{number.lower()}")
    if draft_b:
        tokens |= {"QQBITEM1", "topic-qqbitem1"}
    if "2A" in private_items:
        tokens.add("Qqitem2a")    # the presenter named only by item 2A
    for minute, item in MINUTES.items():
        if draft_a or minute in exempt_minutes or item in private_items:
            tokens |= {f"QQMIN{item}BODY", f"topic-qqmin{item.lower()}"}
            if draft_a or (minute not in exempt_minutes and item not in exempt_items):
                tokens.add(f"QQMIN{item}")
            if minute == 1:
                tokens.add("QQRES1")
            if minute == 2:
                tokens.add("QQACT2A")

    listed_by_private = {p for n in private_items for p in ITEM_PAPERS[n]}
    private_papers = set()
    for paper in PAPERS:
        chain, current = [], paper
        while current is not None:
            chain.append(current)
            current = APPENDIX_OF.get(current)
        for member in chain:
            flags = paper_flags.get(member, set())
            meeting, item = PAPER_ITEM.get(member, (None, None))
            if (flags - {"embargo-lifted"} or member in listed_by_private
                    or (meeting == MEETING_A and (draft_a or item in private_items))
                    or (meeting == MEETING_B and draft_b)):
                private_papers.add(paper)
    for paper in private_papers:
        up = paper.upper()
        tokens |= {f"QQ{up}", f"QQ{up}BODY", f"topic-qq{paper}"}
        if paper == "p3":
            tokens.add("QQTABLEP3")
        if paper == "p2a":
            tokens.add("Qqp2a")   # the author named only by that paper
    return tokens


def apply_marks(project, exempt_items, exempt_minutes, paper_flags, draft_a, draft_b):
    project = copy.deepcopy(project)
    meeting_a, meeting_b = project.meeting(MEETING_A), project.meeting(MEETING_B)
    for item in meeting_a.agenda.walk():
        if item.number in exempt_items:
            item.exempt = Exempt(paragraph=3)
    for minute in meeting_a.minutes.items:
        if minute.number in exempt_minutes:
            minute.exempt = Exempt(paragraph=1)
    meeting_a.agenda.status = "draft" if draft_a else "published"
    meeting_b.agenda.status = "draft" if draft_b else "published"
    for paper_id, flags in paper_flags.items():
        paper = project.papers[paper_id]
        paper.confidential = "confidential" in flags
        paper.published = "unpublished" not in flags
        paper.exempt = Exempt(paragraph=1) if "exempt" in flags else None
        if "embargoed" in flags:
            paper.embargoed_until = BUILD_DATE + dt.timedelta(days=1)
        elif "embargo-lifted" in flags:
            paper.embargoed_until = BUILD_DATE      # lifts on the build date itself
    return project


marks = st.fixed_dictionaries({
    "exempt_items": st.sets(st.sampled_from(sorted(ITEMS))),
    "exempt_minutes": st.sets(st.sampled_from(sorted(MINUTES))),
    "paper_flags": st.dictionaries(st.sampled_from(PAPERS), st.sets(st.sampled_from(PAPER_FLAGS), max_size=2)),
    "draft_a": st.booleans(),
    "draft_b": st.booleans(),
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(m=marks)
def test_no_private_token_reaches_any_output_item(project, m):
    items = build_output(public_view(apply_marks(project, **m), BUILD_DATE))
    forbidden = private_tokens(**m)
    leaks = sorted({(item.path, token) for item in items if item.path.split("/")[0] != "assets"
                    for token in forbidden
                    if token in item.path or token in item.read_bytes().decode("utf-8", "replace")})
    assert leaks == []
    # and the rule hides nothing that is public: every public paper has its page
    paths = {i.path for i in items}
    public_papers = {p for p in PAPERS if f"QQ{p.upper()}BODY" not in forbidden}
    assert {f"papers/{p}.md" for p in public_papers} <= paths
    assert not any(f"papers/{p}.md" in paths for p in set(PAPERS) - public_papers)


def test_the_oracle_is_not_empty_handed():
    # a guard on the test itself: with nothing marked, nothing is private; with item 2 exempt,
    # its sub-item, the sub-item's paper, minute and presenter are.
    assert private_tokens(set(), set(), {}, False, False) == set()
    tokens = private_tokens({"2"}, set(), {}, False, False)
    assert {"QQITEM2A", "QQP2ABODY", "QQMIN2ABODY", "Qqitem2a", "topic-qqitem2"} <= tokens
    assert "QQITEM2" not in tokens   # the exempt item's own title stays public


def test_the_build_date_decides_an_embargo_not_the_clock(project):
    marked = apply_marks(project, set(), set(), {"p1": {"embargoed"}}, False, False)
    embargoed_until = marked.papers["p1"].embargoed_until
    before = {i.path for i in build_output(public_view(marked, embargoed_until - dt.timedelta(days=1)))}
    on_the_day = {i.path for i in build_output(public_view(marked, embargoed_until))}
    assert "papers/p1.md" not in before
    assert "papers/p1.md" in on_the_day


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=marks, then=marks)
def test_an_incremental_rebuild_leaks_nothing_and_equals_a_cold_one(project, first, then):
    # What one build leaves in the process for the next (escaped text, field Markdown: issue 28)
    # must not carry a record made private in between, nor change a byte of the output.
    from hwbsite import htmlsafety, markup
    build_output(public_view(apply_marks(project, **first), BUILD_DATE))
    warm = build_output(public_view(apply_marks(project, **then), BUILD_DATE))
    markup._escaped.cache_clear()
    htmlsafety.field_markdown.cache_clear()
    cold = build_output(public_view(apply_marks(project, **then), BUILD_DATE))
    assert [(i.path, i.read_bytes()) for i in warm] == [(i.path, i.read_bytes()) for i in cold]
    forbidden = private_tokens(**then)
    assert not [(i.path, t) for i in warm if i.path.split("/")[0] != "assets" for t in forbidden
                if t in i.path or t in i.read_bytes().decode("utf-8", "replace")]
