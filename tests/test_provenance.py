"""Where a paper was published is one record (hwbsite/provenance.py): every citation of any of its
lines, its page, the papers index and the open data say the same, and only the papers a pack
prints are attached to its meeting."""

from __future__ import annotations

import datetime as dt
import json

from conftest import REPO
from exports_support import exports, load
from hwbsite import citations, provenance
from hwbsite.citations import _spans

TODAY = dt.date(2026, 12, 3)


def test_every_line_of_a_paper_is_cited_with_the_papers_one_provenance():
    view, _ = load(REPO, TODAY)
    cites = citations.for_project(view)
    where = provenance.for_project(view)
    for paper in view.papers.values():
        expected = where[paper.id].text
        for source in [paper.source, *(v.source for v in paper.versions)]:
            for file, start, end in _spans(source):
                for line in {start, end, (start + end) // 2}:
                    doc = cites.document(file, line)
                    if doc is not None and doc.title == paper.title:
                        assert doc.where == expected, (paper.id, file, line)
                        assert cites.cite(f"{file} lines {line}", False) == expected


def test_the_2014_template_says_which_version_was_in_the_pack_on_every_page():
    view, _ = load(REPO, TODAY)
    text = provenance.for_project(view)["bcf-planning-template-2014"].text
    assert text == ("signed version published separately, not in an agenda pack; its draft version is in "
                    "the agenda pack, 11 February 2014, item 3, pages 1–61")
    # a line of the signed copy (002) and one of the draft pack (003) cite the same record
    cites = citations.for_project(view)
    assert cites.cite("002 lines 25") == cites.cite("003 lines 514") == \
        f"Rotherham Better Care Fund – Planning template – Part 1 ({text})"


def test_a_document_in_no_pack_is_attached_to_no_meeting_in_any_output():
    view, _ = load(REPO, TODAY)
    record = provenance.for_project(view)["bcf-2017-19-narrative-summary"]
    assert record.pack is None and record.text == "published separately, not in an agenda pack"
    out = exports(REPO, TODAY)
    papers = {r["id"]: r for r in json.loads(out["data/papers.json"].text)}
    assert papers["bcf-2017-19-narrative-summary"]["meeting"] is None
    assert papers["bcf-2017-19-narrative-summary"]["published_in"] == record.text
    assert papers["bcf-plan-2017-19"]["meeting"] == "2017-09-20" and papers["bcf-plan-2017-19"]["item"] == "15"
    oparl = json.loads(out["oparl/paper/bcf-2017-19-narrative-summary.json"].text)
    assert "consultation" not in oparl
    for meeting in view.meetings:
        listed = {p for item in (meeting.agenda.walk() if meeting.agenda else []) for p in item.papers}
        assert "bcf-2017-19-narrative-summary" not in listed


def test_a_paper_listed_under_an_item_its_pack_does_not_print_is_a_data_warning(tmp_path):
    import shutil

    from hwbsite.project import load_project
    root = tmp_path / "rotherham"
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    meeting = root / "data/meetings/2017-09-20.yml"
    meeting.write_text(meeting.read_text().replace(
        "ccg-hwb-mapping-2017-19]", "ccg-hwb-mapping-2017-19, bcf-2017-19-narrative-summary]"))
    _project, log = load_project(root, today=TODAY)
    found = [p for p in log.problems if getattr(p, "code", "") == "paper-not-in-pack"]
    assert len(found) == 1 and "bcf-2017-19-narrative-summary" in found[0].message
    assert found[0].file.endswith("2017-09-20.yml")
