"""JSON Schemas for every kind of data file, so that editors can autocomplete and check them.

``FILE_TYPES`` is the one registry of which model reads which files: add a row
here when a new kind of data file is added, then run ``hwbsite schema`` (or
``make schema``) and commit the files it writes.  The schemas are generated from
the pydantic models, so they say exactly what the loader accepts (keys, types,
allowed values); the loader still checks what a schema cannot (cross-references,
page ranges, dates that do not exist).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .models.base import Model
from .models.board import Board
from .models.meetings import Meeting
from .models.finance import ProgrammesFile
from .models.metrics import Registry, ValueRow
from .models.papers import Paper
from .models.people import PeopleFile
from .models.strategy import Plan, PlanUpdate
from .models.known_issues import KnownIssuesFile
from .models.topics import TopicsFile
from .models.blocks import ChartBlock, TableBlock

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class FileType:
    name: str            # schema file: schemas/<name>.schema.json
    glob: str            # which files, relative to the project root
    model: type[Model]
    yaml: bool = True    # False for Markdown front matter, which YAML editors do not validate
    title: str = ""


FILE_TYPES: list[FileType] = [
    FileType("board", "data/board.yml", Board, title="Board settings (data/board.yml)"),
    FileType("people", "data/people.yml", PeopleFile, title="People named in the papers (data/people.yml)"),
    FileType("topics", "data/topics.yml", TopicsFile, title="Topics (data/topics.yml)"),
    FileType("known-issues", "data/known-issues.yml", KnownIssuesFile,
             title="Warnings about the source the board has acknowledged (data/known-issues.yml)"),
    FileType("meeting", "data/meetings/*.yml", Meeting, title="A board meeting (data/meetings/YYYY-MM-DD.yml)"),
    FileType("paper", "content/papers/*.md", Paper, yaml=False,
             title="A paper's front matter (content/papers/<id>.md, between the --- lines)"),
    FileType("metrics-registry", "data/metrics/registry.yml", Registry,
             title="Metric registry (data/metrics/registry.yml)"),
    FileType("finance-programmes", "data/finance/programmes.yml", ProgrammesFile,
             title="Money programmes, their datasets and scheme codes (data/finance/programmes.yml)"),
    FileType("strategy-plan", "data/strategy/*.yml", Plan, title="Strategy action plan (data/strategy/<plan-id>.yml)"),
    FileType("strategy-update", "data/strategy/updates/*.yml", PlanUpdate,
             title="Strategy progress update (data/strategy/updates/<date>--<plan-id>.yml)"),
    # Not YAML files, but described the same way: for tools and for officers reading the rules.
    FileType("metric-value-row", "data/metrics/values/*.csv", ValueRow, yaml=False,
             title="One row of a metric values CSV (data/metrics/values/*.csv)"),
    FileType("table-block", "content/**/*.md", TableBlock, yaml=False,
             title="The options of a ```table block in a paper or page"),
    FileType("chart-block", "content/**/*.md", ChartBlock, yaml=False,
             title="The options of a ```chart block in a paper or page"),
]


def schema_for(file_type: FileType) -> dict:
    """The JSON Schema of one file type, as written to schemas/<name>.schema.json."""
    schema = file_type.model.model_json_schema(by_alias=True, mode="validation")
    # fields the loader sets (a paper's body) are not written by officers
    for name, info in file_type.model.model_fields.items():
        if info.exclude:
            schema.get("properties", {}).pop(info.alias or name, None)
            if name in schema.get("required", []):
                schema["required"].remove(name)
    out = {"$schema": JSON_SCHEMA_DIALECT}
    out.update(schema)
    if file_type.title:
        out["title"] = file_type.title
    out["x-hwbsite-files"] = file_type.glob
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generate() -> dict[str, str]:
    """File name -> text of every schema."""
    return {f"{t.name}.schema.json": render(schema_for(t)) for t in FILE_TYPES}


def vscode_settings(root: Path, out_dir: Path, existing: dict | None = None) -> dict:
    """VS Code settings mapping each YAML data file glob to its schema (for the YAML extension)."""
    settings = dict(existing or {})
    rel = Path(os.path.relpath(out_dir.resolve(), root.resolve())).as_posix()
    mapping = {f"./{rel}/{t.name}.schema.json": [t.glob] for t in FILE_TYPES if t.yaml}
    settings["yaml.schemas"] = mapping
    return settings


def write(root: Path, out_dir: Path) -> list[Path]:
    """Write every schema and .vscode/settings.json; remove schemas of file types that are gone."""
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = generate()
    written = []
    for name, text in texts.items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    for stale in out_dir.glob("*.schema.json"):
        if stale.name not in texts:
            stale.unlink()
    settings_file = root / ".vscode" / "settings.json"
    existing = {}
    if settings_file.exists():
        try:
            existing = json.loads(settings_file.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            existing = {}
    settings_file.parent.mkdir(exist_ok=True)
    settings_file.write_text(json.dumps(vscode_settings(root, out_dir, existing), indent=2) + "\n", encoding="utf-8")
    written.append(settings_file)
    return written


def stale(out_dir: Path) -> list[str]:
    """Schema files in out_dir that differ from the models (missing, changed or left over)."""
    texts = generate()
    problems = []
    for name, text in texts.items():
        path = out_dir / name
        if not path.exists():
            problems.append(f"{name} is missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{name} differs from the models")
    for path in sorted(out_dir.glob("*.schema.json")):
        if path.name not in texts:
            problems.append(f"{path.name} is for a file type that no longer exists")
    return problems
