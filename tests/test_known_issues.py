"""The warning baseline (data/known-issues.yml): acknowledged quirks of the source are counted,
not listed, so a clean checkout reports 0 new warnings and a new one stands out; an
acknowledgement that matches nothing is itself reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hwbsite.cli import main

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow   # each test checks a whole copy of the real data


def run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def real_copy(tmp_path) -> Path:
    root = tmp_path / "site"
    for name in ("data", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_a_clean_checkout_reports_no_new_warning(tmp_path):
    root = real_copy(tmp_path)
    result = run("check", str(root), "--fail-on-warnings", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["errors"], data["warnings"]) == (0, 0)
    listed = json.loads(run("check", str(root), "--all", "--format", "json").stdout)
    assert listed["warnings"] > 60   # the real site's quirks are acknowledged, each with its reason
    assert all(p["acknowledged"] for p in listed["problems"])


def test_a_new_misspelt_name_is_the_one_warning_shown_and_fails_the_pull_request_check(tmp_path):
    root = real_copy(tmp_path)
    meeting = root / "data/meetings/2017-09-20.yml"
    text = meeting.read_text(encoding="utf-8")
    name = next(line.split('"')[1] for line in text.splitlines() if "people: [" in line and '"' in line)
    meeting.write_text(text.replace(f'"{name}"', f'"{name}x"', 1), encoding="utf-8")
    result = run("check", str(root))
    assert result.exit_code == 0
    shown = [line for line in result.output.splitlines() if ": warning: " in line]
    assert len(shown) == 1 and f"'{name}x' is not in the people file" in shown[0]
    assert "0 errors and 1 warning in 1 file" in result.output
    assert run("check", str(root), "--fail-on-warnings").exit_code == 1


def test_a_stale_acknowledgement_is_reported(tmp_path):
    root = real_copy(tmp_path)
    update = root / "data/strategy/updates/2017-09-20--action-plan-2017-18.yml"
    update.write_text(update.read_text(encoding="utf-8").replace('"1.07": {rag: ""', '"1.07": {rag: A', 1),
                      encoding="utf-8")
    result = run("check", str(root), "--fail-on-warnings")
    assert result.exit_code == 1
    shown = [line for line in result.output.splitlines() if ": warning: " in line]
    assert len(shown) == 1
    assert shown[0].startswith("data/known-issues.yml:")
    assert "this acknowledgement matches no warning: no 'rag-blank' warning" in shown[0]
    assert '"action 1.07 has a blank RAG status"' in shown[0]


def test_an_acknowledgement_needs_a_reason(tmp_path):
    root = real_copy(tmp_path)
    known = root / "data/known-issues.yml"
    known.write_text(known.read_text(encoding="utf-8").replace("    reason: ", "    why: ", 1), encoding="utf-8")
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "data/known-issues.yml:" in result.output and "reason" in result.output
