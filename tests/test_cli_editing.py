"""EDITING.md: every example file in the officers' guide passes `hwbsite check` in a copy of the real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from hwbsite.cli import main
from hwbsite.project import load_project

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "EDITING.md"
FENCE = re.compile(r'^```(?P<lang>[\w-]*)(?P<attrs>[^\n]*)\n(?P<body>.*?)^```$', re.M | re.S)


def examples() -> list[tuple[str, str, str]]:
    """(language, file named in title="...", text) of every fenced block in EDITING.md."""
    out = []
    for m in FENCE.finditer(GUIDE.read_text(encoding="utf-8")):
        title = re.search(r'title="([^"]+)"', m.group("attrs"))
        out.append((m.group("lang"), title.group(1) if title else "", m.group("body")))
    return out


def file_examples() -> list[tuple[str, str]]:
    return [(name, text) for _lang, name, text in examples() if name]


def test_every_yaml_example_names_its_file():
    yaml_blocks = [(lang, name) for lang, name, _t in examples() if lang == "yaml"]
    assert len(yaml_blocks) >= 3
    assert all(name for _lang, name in yaml_blocks), "tag each ```yaml example with title=\"data/...\""
    names = [name for name, _t in file_examples()]
    assert len(names) == len(set(names)), "each example is a whole file, so each needs its own file name"


def test_the_guide_covers_the_officers_tasks():
    text = GUIDE.read_text(encoding="utf-8")
    for heading in ("## Add a meeting", "## Publish minutes", "## Update an action's RAG status",
                    "## Add a quarter of metric values", "## Preview the site on your computer",
                    "## Check your changes", "## Open a pull request", "## Autocomplete in your editor",
                    "## Statuses: what they mean and when to change them"):
        assert heading in text
    for command in ("make serve", "hwbsite check", "hwbsite new meeting", "hwbsite new paper", "make schema",
                    "hwbsite new update", "hwbsite new values", "hwbsite new minutes", "hwbsite check --changed-since"):
        assert command in text


@pytest.fixture
def project_copy(real_data_copy) -> Path:
    return real_data_copy


def test_every_example_passes_check_in_a_copy_of_the_real_data(project_copy):
    written = []
    for name, text in file_examples():
        path = project_copy / name
        assert not path.exists(), f"{name} would replace a real file; give the example a new name"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(name)
    project, log = load_project(project_copy)
    assert [p.format() for p in log.errors] == []
    assert [p.format() for p in log.problems if p.file in written] == []
    # and each example really was read
    assert project.meeting("2026-12-09") is not None and project.meeting("2026-10-14").minutes is not None
    assert "bcf-quarterly-update-2026-12" in project.papers
    assert any(str(u.as_at) == "2026-10-14" for u in project.plan_updates)
    assert sum(v.file.endswith("bcf-2018-19-actuals.csv") for v in project.values) == 2
    result = CliRunner().invoke(main, ["check", str(project_copy)])
    assert result.exit_code == 0, result.output


def test_the_check_output_shown_in_the_guide_is_real(project_copy):
    shown = next(text for lang, _n, text in examples() if lang == "text")
    path = project_copy / "data/meetings/2026-12-09.yml"
    path.write_text('date: 2026-12-09\ntime: "09:00"\nvenu: Town Hall\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(project_copy)])
    assert result.exit_code == 1
    section = result.output.split("== data/meetings/2026-12-09.yml")[1].split("\n\n")[0]
    assert "== data/meetings/2026-12-09.yml" + section in shown
