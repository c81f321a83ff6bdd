"""The preview's error pages (hwbsite/preview.py), without MkDocs: every page the site had shows
every error, escaped, with a working link to the guide's section; a build still stops."""

from __future__ import annotations

import pytest

from conftest import REPO, build
from hwbsite import buildcheck, preview
from hwbsite.errors import Problem, Severity
from hwbsite.output import OutputItem

PROBLEMS = [
    Problem("data/meetings/2026-12-09.yml", 14, 7, Severity.ERROR, "pages", "expected <b>1-12</b> *pages*",
            "write pages: \"1-12\""),
    Problem("data/metrics/values/x.csv", 3, 45, Severity.ERROR, "value", "the number 1,045.2 is split in two",
            "put it in double quotes: \"1,045.2\""),
    Problem("data/meetings/2026-10-14.yml", 40, 9, Severity.ERROR, "attendance.present", "'Teri Roche' is not known"),
]
PREVIOUS = [OutputItem("index.md", "# Home\n"), OutputItem("meetings/2026-12-09.md", "# Meeting\n"),
            OutputItem("assets/hwbsite/hwbsite.css", "body{}")]


def test_every_page_lists_every_error_escaped_with_its_place():
    items = preview.error_output(PROBLEMS, PREVIOUS, REPO / "EDITING.md")
    # the pages the site had, and the page of each broken meeting (the one the officer has open)
    assert [i.path for i in items] == ["assets/hwbsite/hwbsite.css", "editing-guide.md", "index.md",
                                       "meetings/2026-10-14.md", "meetings/2026-12-09.md"]
    for page in ("index.md", "meetings/2026-12-09.md"):
        text = next(i.text for i in items if i.path == page)
        assert "data/meetings/2026-12-09.yml:14:7" in text and "data/metrics/values/x.csv:3:45" in text
        assert "&lt;b&gt;1-12&lt;/b&gt; \\*pages\\*" in text and "<b>" not in text
        assert "What to write instead: put it in double quotes: \"1,045.2\"" in text


def test_each_error_links_to_its_section_of_the_guide_and_every_link_resolves():
    items = preview.error_output(PROBLEMS, PREVIOUS, REPO / "EDITING.md")
    meeting = next(i.text for i in items if i.path == "meetings/2026-12-09.md")
    assert "Add a meeting](../editing-guide.md#add-a-meeting)" in meeting
    assert "Add a quarter of metric values](../editing-guide.md#add-a-quarter-of-metric-values)" in meeting
    assert "Publish minutes](../editing-guide.md#publish-minutes)" in meeting
    assert buildcheck.broken_links(items) == []


def test_without_a_guide_the_errors_still_show():
    items = preview.error_output(PROBLEMS[1:2])
    assert [i.path for i in items] == ["index.md"]
    assert "data/metrics/values/x.csv:3:45" in items[0].text and "editing-guide" not in items[0].text


def test_a_build_still_stops_at_the_errors(fixture_project, caplog):
    from mkdocs.exceptions import Abort
    root = fixture_project("minimal")
    meeting = root / "data/meetings/2026-01-14.yml"
    meeting.write_text(meeting.read_text().replace('pages: "1-12"', 'pages: "1 to 12"'))
    with pytest.raises(Abort):
        build(root)
    assert "nothing was built.\ndata/meetings/2026-01-14.yml:14:7: error:" in caplog.text
    assert not (root / "site" / "index.html").exists()


def test_the_nav_and_the_pages_the_broken_data_would_still_make_show_the_errors(real_data_copy):
    from hwbsite.project import load_project
    meeting = real_data_copy / "data/meetings/2017-07-05.yml"
    meeting.write_text(meeting.read_text().replace('{name: "Terri Roche"', '{name: "Terri Roche", chair: maybe'))
    project, log = load_project(real_data_copy)
    assert log.errors and project is not None
    import datetime as dt
    had = preview.pages_of(project, dt.date(2026, 11, 30))
    items = preview.error_output(log.errors, had, None, ["index.md", "dashboards/camhs.md"])
    paths = {i.path for i in items}
    assert {"meetings/2017-09-20.md", "dashboards/camhs.md", "index.md"} <= paths
    page = next(i.text for i in items if i.path == "meetings/2017-09-20.md")
    assert "data/meetings/2017-07-05.yml:27:" in page
    assert preview.nav_paths([{"Home": "index.md"}, {"Dashboards": [{"CAMHS": "dashboards/camhs.md"}]},
                              {"Site": "https://example.org/x.md"}]) == ["index.md", "dashboards/camhs.md"]
