"""A paper's links keep working when the paper is printed inside its meeting's agenda pack."""

from __future__ import annotations

from hwbsite.pages.packs import relink

PACK = "meetings/2017-09-20/pack.md"


def test_a_link_to_a_paper_in_the_pack_goes_to_its_place_in_the_pack():
    here = {"papers/bcf-plan.md": "paper-bcf-plan"}
    assert relink("see the [plan](bcf-plan.md).", "papers/cover.md", PACK, here) == "see the [plan](#paper-bcf-plan)."


def test_other_relative_links_are_rewritten_for_the_pack_and_the_rest_left_alone():
    text = ("[a](other.md#s2) [b](../meetings/2017-07-05.md#minute-18) [c](https://example.org/x.md) [d](#top)\n"
            "[r]: other.md\n")
    assert relink(text, "papers/cover.md", PACK, {}) == (
        "[a](../../papers/other.md#s2) [b](../2017-07-05.md#minute-18) [c](https://example.org/x.md) [d](#top)\n"
        "[r]: ../../papers/other.md\n")
