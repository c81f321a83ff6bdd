"""hwbsite's own errors: what stops a build after the data loaded is an HwbsiteError, which the
command line reports in a sentence (no traceback) before writing anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hwbsite import errors
from hwbsite.cli import main

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def clash(tmp_path) -> Path:
    """A board whose hand-written page sits where hwbsite writes the decisions register."""
    root = tmp_path / "board"
    shutil.copytree(MINIMAL, root)
    (root / "content" / "decisions").mkdir()
    (root / "content" / "decisions" / "index.md").write_text("# Decisions\n", encoding="utf-8")
    return root


def test_check_reports_two_outputs_at_one_path(clash):
    result = CliRunner().invoke(main, ["check", str(clash)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "the site cannot be built: two outputs would be written to decisions/index.md" in result.output


def test_generate_reports_two_outputs_at_one_path_and_writes_nothing(clash, tmp_path):
    # it stopped with a traceback before the error had a type of its own
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", str(clash), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "the site cannot be built: two outputs would be written to decisions/index.md" in result.output
    assert not out.exists()


def test_the_hierarchy():
    assert issubclass(errors.OutputConflict, errors.OutputError)
    assert issubclass(errors.BlockError, errors.OutputError)
    assert issubclass(errors.OutputError, errors.HwbsiteError)
    assert not issubclass(errors.HwbsiteError, ValueError)   # a bug's ValueError is not caught as one of ours
