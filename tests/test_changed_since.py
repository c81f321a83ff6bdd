"""`hwbsite check --changed-since REF`: the warnings an officer's change brings, and every error."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from hwbsite.changes import parse_diff
from hwbsite.cli import main

DIFF = """diff --git a/data/meetings/2017-07-05.yml b/data/meetings/2017-07-05.yml
--- a/data/meetings/2017-07-05.yml
+++ b/data/meetings/2017-07-05.yml
@@ -27 +27 @@ minutes:
-      - {name: "Terri Roche"}
+      - {name: "Teri Roche"}
@@ -40,0 +41,3 @@ minutes:
+a
+b
+c
@@ -50,2 +53,0 @@
-gone
-gone
diff --git a/old.yml b/old.yml
deleted file mode 100644
--- a/old.yml
+++ /dev/null
@@ -1 +0,0 @@
-x
"""


def test_parse_diff_keeps_added_and_changed_lines():
    assert parse_diff(DIFF) == {"data/meetings/2017-07-05.yml": {27, 41, 42, 43}}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.email=o@example.org", "-c", "user.name=Officer", *args],
                   check=True, capture_output=True)


def test_only_warnings_on_changed_lines_are_shown_and_errors_always(real_data_copy):
    root = real_data_copy
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "archive")
    # the archive's own warnings (acknowledged in data/known-issues.yml: --all lists them)
    full = CliRunner().invoke(main, ["check", str(root), "--all"])
    assert full.exit_code == 0 and " warnings in " in full.output
    git(root, "switch", "-qc", "add-minutes")
    meeting = root / "data/meetings/2017-07-05.yml"
    lines = meeting.read_text().splitlines()
    number = next(n for n, t in enumerate(lines, 1) if '{name: "Terri Roche"' in t)
    lines[number - 1] = lines[number - 1].replace("Terri Roche", "Teri Roche")
    meeting.write_text("\n".join(lines) + "\n")
    git(root, "commit", "-qam", "attendance")
    (root / "data/metrics/values/new.csv").write_text("metric,period,kind,value\nno-such-metric,2017/18,actual,1\n")

    result = CliRunner().invoke(main, ["check", str(root), "--changed-since", "main", "--all"])
    shown = [line for line in result.output.splitlines() if ": warning: " in line or ": error: " in line]
    assert shown == [   # files with errors first
        "data/metrics/values/new.csv:2:1: error: metric: unknown metric 'no-such-metric' (hint: add it to "
        "data/metrics/registry.yml)",
        f"data/meetings/2017-07-05.yml:{number}:9: warning: attendance.present: 'Teri Roche' is not in the people "
        "file (hint: did you mean 'Terri Roche'? Write the name as data/people.yml spells it; if the paper really "
        "spells it 'Teri Roche', add that spelling to the person's aliases)",
    ]
    assert result.exit_code == 1
    assert "on lines not changed since main not shown" in result.output

    github = CliRunner().invoke(main, ["check", str(root), "--changed-since", "main", "--format", "github"])
    assert [line.split(" ")[0] for line in github.output.splitlines() if line.startswith("::")] == [
        "::error", "::warning"]


def test_an_unknown_revision_is_a_clear_error(real_data_copy):
    git(real_data_copy, "init", "-q")
    result = CliRunner().invoke(main, ["check", str(real_data_copy), "--changed-since", "no-such-branch"])
    assert result.exit_code == 1
    assert "--changed-since no-such-branch:" in result.output
