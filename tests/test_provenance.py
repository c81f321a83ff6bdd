"""Where a paper was published is one record (hwbsite/provenance.py): every citation of any of its
lines, its page, the papers index and the open data say the same, and only the papers a pack
prints are attached to its meeting."""

from __future__ import annotations

import datetime as dt
import json

from conftest import REPO, copy_real_project, list_the_summary_under_item_15
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
    from hwbsite.project import load_project
    root = copy_real_project(tmp_path / "rotherham")
    list_the_summary_under_item_15(root, drop_record=False)
    _project, log = load_project(root, today=TODAY)
    found = [p for p in log.problems if getattr(p, "code", "") == "paper-not-in-pack"]
    assert len(found) == 1 and "bcf-2017-19-narrative-summary" in found[0].message
    assert found[0].file.endswith("2017-09-20.yml")


def test_every_real_paper_has_a_written_record_and_every_output_follows_it():
    """The officer wrote where each Rotherham paper was published (published_in:, with the evidence
    line): the record every page and export uses is that one, and the meeting's papers are those it
    puts under the meeting's items."""
    view, _ = load(REPO, TODAY)
    where = provenance.for_project(view)
    out = exports(REPO, TODAY)
    papers = {r["id"]: r for r in json.loads(out["data/papers.json"].text)}
    items = json.loads(out["data/agenda_items.json"].text)
    for paper in view.papers.values():
        written, record = paper.published_in, where[paper.id]
        assert written is not None and written.evidence, paper.id
        assert (record.pack.date if record.pack else None) == written.pack, paper.id
        assert (record.item.number if record.item else None) == written.item, paper.id
        assert record.separately == written.separately and record.evidence == written.evidence
        assert papers[paper.id]["published_in"] == record.text
        assert papers[paper.id]["meeting"] == (written.pack.isoformat() if written.pack else None)
        oparl = json.loads(out[f"oparl/paper/{paper.id}.json"].text)
        assert ("consultation" in oparl) == (written.pack is not None), paper.id
    for row in items:   # an item's papers in the open data are exactly those whose record says so
        listed = set(row["papers"].split())
        assert listed == {pid for pid, p in view.papers.items() if p.published_in.pack
                          and p.published_in.pack.isoformat() == row["meeting"]
                          and p.published_in.item == row["number"]}, (row["meeting"], row["number"])


def test_a_written_record_the_agenda_contradicts_is_an_error_at_its_field(tmp_path):
    from hwbsite.project import load_project
    root = copy_real_project(tmp_path / "rotherham")
    paper = root / "content/papers/healthwatch-annual-report-2016-17.md"
    text = paper.read_text()
    paper.write_text(text.replace('  item: "13"\n  pages: "37-76"', '  item: "14"\n  pages: "77-106"'))
    line = paper.read_text().splitlines().index("published_in:   # where the papers say it was "
                                                "published (hwbsite/provenance.py)") + 1
    _project, log = load_project(root, today=TODAY)
    [error] = [p for p in log.errors if p.field.startswith("published_in")]
    assert error.file == "content/papers/healthwatch-annual-report-2016-17.md" and error.line == line
    assert ("is written as published in pack 2017-09-20, item 14, pages 77–106, but the agendas and "
            "source lines say pack 2017-09-20, item 13, pages 37–76") in error.message


def test_a_written_record_naming_no_such_pack_or_item_is_an_error(tmp_path):
    from hwbsite.project import load_project
    root = copy_real_project(tmp_path / "rotherham")
    paper = root / "content/papers/improved-bcf-2017-19.md"
    paper.write_text(paper.read_text().replace('  item: "15A"', '  item: "15B"'))
    other = root / "content/papers/jhws-2012-2015.md"
    other.write_text(other.read_text().replace("  pack: 2014-02-11", "  pack: 2014-02-12"))
    _project, log = load_project(root, today=TODAY)
    found = sorted((p.file, p.field, p.message) for p in log.errors)
    assert ("content/papers/improved-bcf-2017-19.md", "published_in.item",
            "the agenda of 2017-09-20 has no item '15B'") in found
    assert ("content/papers/jhws-2012-2015.md", "published_in.pack",
            "no meeting on 2014-02-12 with an agenda in data/meetings/") in found


def test_a_listed_paper_the_pack_does_not_print_is_not_counted_as_the_meetings_paper(tmp_path):
    """Without a written record, a paper an agenda lists but whose text is not in the pack is
    published separately: the meeting page's count, its item and the open data leave it out."""
    from hwbsite.exports.opendata import agenda_items
    from hwbsite.pages.meetings import header_links
    from hwbsite.project import load_project
    from hwbsite.publication import public_view
    root = copy_real_project(tmp_path / "rotherham")
    list_the_summary_under_item_15(root)
    project, log = load_project(root, today=TODAY)
    assert not log.errors
    view = public_view(project, TODAY)
    where = provenance.for_project(view)
    assert where["bcf-2017-19-narrative-summary"].pack is None
    m = view.meeting(dt.date(2017, 9, 20))
    item = next(i for i in m.agenda.walk() if i.number == "15")
    assert "bcf-2017-19-narrative-summary" in item.papers
    assert "bcf-2017-19-narrative-summary" not in where.printed_under(m, item)
    assert "12 papers" in header_links(m, "meetings/2017-09-20.md", where.printed_under)
    row = next(r for r in agenda_items(view).rows if r["meeting"] == "2017-09-20" and r["number"] == "15")
    assert "bcf-2017-19-narrative-summary" not in row["papers"]
