"""Load a board's data directory into validated, cross-referenced models.

Loaders know nothing about pages: they read files, validate them once, and
report every problem with its file:line:column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import blocks, buildcheck, checks, references, scaffold
from .errors import Problem, ProblemLog, Severity
from .models.board import Board
from .models.meetings import Meeting
from .models.papers import Paper
from .models.people import PeopleFile, Person, name_key
from .models.topics import Topic, TopicsFile
from .models.metrics import Metric, Registry
from . import metrics as metric_values
from . import strategy as strategy_data
from .tables import Table, load_tables
from .validate import load_yaml_model, validate
from .yamlsource import YamlProblem, parse_yaml, split_front_matter


@dataclass
class Project:
    """Everything a board publishes, validated and linked."""

    root: Path
    board: Board
    people: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)   # oldest first
    papers: dict[str, Paper] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)
    metrics: dict[str, Metric] = field(default_factory=dict)
    # table file -> the papers ("paper:<id>") and pages ("page:<path>") that show it
    table_users: dict[str, set[str]] = field(default_factory=dict)
    values: list = field(default_factory=list)               # metrics.Value, in file order
    plans: list = field(default_factory=list)                # models.strategy.Plan, by file name
    plan_updates: list = field(default_factory=list)         # models.strategy.PlanUpdate, by plan then date
    problems: list[Problem] = field(default_factory=list)    # warnings that did not stop the build
    source_files: dict[str, str] = field(default_factory=dict)  # model id -> data file (for edit links)
    content_pages: dict[str, str] = field(default_factory=dict)  # docs path -> hand-written Markdown
    texts: dict[str, str] = field(default_factory=dict)          # every file read, by relative path

    def __post_init__(self):
        self._by_name: dict[str, Person] = {}
        self._meetings = {m.id: m for m in self.meetings}

    def index(self) -> None:
        self._by_name = {}
        for person in self.people:
            for spelling in person.spellings:
                self._by_name.setdefault(name_key(spelling), person)
        self._meetings = {m.id: m for m in self.meetings}

    def person_named(self, name: str | None) -> Person | None:
        return self._by_name.get(name_key(name)) if name else None

    def meeting(self, meeting_id: str | dt.date) -> Meeting | None:
        return self._meetings.get(str(meeting_id))


def load_paper(path: Path, log: ProblemLog) -> Paper | None:
    rel = Path(log.rel(path))
    try:
        text = log.read(path)
    except YamlProblem as p:
        log.add(rel, p.line, p.column, "", p.message, p.hint)
        return None
    front, body, body_line = split_front_matter(text)
    if front is None and text.splitlines()[:1] == ["---"]:
        log.add(rel, 1, 1, "", "the front matter that starts here has no closing '---' line",
                "put a line with only --- after the paper's fields, before the body")
        return None
    if front is None:
        log.add(rel, 1, 1, "", "a paper needs YAML front matter between '---' lines",
                "start the file with ---, the paper's fields, then --- and the body")
        return None
    try:
        doc = parse_yaml(front, rel, line_offset=1)
    except YamlProblem as p:
        log.add(rel, p.line + 1, p.column, "", p.message, p.hint)
        return None
    paper = validate(doc, Paper, log)
    if paper is None:
        return None
    if paper.id != path.stem:
        log.error(paper.pos_of("id"), "id", f"paper id '{paper.id}' does not match the file name '{path.name}'",
                  f"rename the file to {paper.id}.md or set id: {path.stem}")
    paper.body = body
    paper.body_line = body_line
    paper.path = rel.as_posix()
    references.check_body(paper, log)
    return paper


def load_project(root: Path, data_dir: str = "data", content_dir: str = "content") -> tuple[Project | None, ProblemLog]:
    """Load and cross-check a board's data; the log holds every error and warning found."""
    root = Path(root)
    log = ProblemLog(root)
    data = root / data_dir
    content = root / content_dir
    board_file = data / "board.yml"
    if not board_file.exists():
        log.add(log.rel(board_file), 1, 1, "", "missing board settings file",
                "create data/board.yml with the board's name and council")
        return None, log
    board = load_yaml_model(board_file, Board, log)

    people: list[Person] = []
    people_file = data / "people.yml"
    if people_file.exists():
        loaded = load_yaml_model(people_file, PeopleFile, log)
        people = loaded.people if loaded else []

    meetings: list[Meeting] = []
    sources: dict[str, str] = {}
    for path in sorted((data / "meetings").glob("*.y*ml")):
        meeting = load_yaml_model(path, Meeting, log)
        if meeting is None:
            continue
        if path.stem != meeting.id:
            log.error(meeting.pos_of("date"), "date",
                      f"meeting date {meeting.id} does not match the file name '{path.name}'",
                      f"name the file {meeting.id}.yml")
            continue
        if f"meeting:{meeting.id}" in sources:  # e.g. 2026-12-09.yml and .yaml after a merge of two branches
            log.error(meeting.pos_of("date"), "date",
                      f"{sources[f'meeting:{meeting.id}']} already holds the meeting on {meeting.id}",
                      "keep one file per meeting: merge the two files' contents and delete this one")
            continue
        meetings.append(meeting)
        sources[f"meeting:{meeting.id}"] = log.rel(path)

    papers: dict[str, Paper] = {}
    for path in sorted((content / "papers").glob("*.md")):
        if path.name == "index.md":
            continue
        paper = load_paper(path, log)
        if paper is not None:
            papers[paper.id] = paper
            sources[f"paper:{paper.id}"] = log.rel(path)

    tables = load_tables(data / "tables", log)
    topics: list[Topic] = []
    if (data / "topics.yml").exists():
        loaded = load_yaml_model(data / "topics.yml", TopicsFile, log)
        topics = loaded.topics if loaded else []

    registry: dict[str, Metric] = {}
    registry_file = data / "metrics" / "registry.yml"
    if registry_file.exists():
        loaded = load_yaml_model(registry_file, Registry, log)
        for metric in (loaded.metrics if loaded else []):
            if metric.id in registry:
                log.error(metric.pos_of("id"), "id", f"metric id '{metric.id}' is used twice "
                          f"(first at line {registry[metric.id].src.line})")
            registry[metric.id] = metric
    values = metric_values.load_values(data / "metrics" / "values", registry, log)
    metric_values.check_values(registry, values, log)
    plans, plan_updates = strategy_data.load(data / "strategy", log)

    if board is None:
        return None, log
    project = Project(root=root, board=board, people=people,
                      meetings=sorted(meetings, key=lambda m: m.date), papers=papers,
                      tables=tables, topics=topics, metrics=registry, values=values, source_files=sources,
                      plans=plans, plan_updates=plan_updates, texts=log.texts)
    project.index()
    references.check(project, log)
    buildcheck.check_data(project, log)
    scaffold.check(project, log)
    strategy_data.check(project, log)
    _check_content_blocks(project, content, log)
    checks.run(project, log)  # warnings only: placeholders, impossible dates, agenda papers missing
    project.problems = log.problems
    return project, log


def _check_content_blocks(project: Project, content: Path, log: ProblemLog) -> None:
    """Every embedded block in papers and hand-written pages must refer to real data."""
    for paper in project.papers.values():
        blocks.check_page(paper.body, paper.path, paper.body_line, project, log)
        for name in blocks.table_files(paper.body):
            project.table_users.setdefault(name, set()).add(f"paper:{paper.id}")
    for path in sorted(content.rglob("*.md")):
        if path.parent == content / "papers":
            continue
        try:
            text = log.read(path)
        except YamlProblem as p:
            log.add(log.rel(path), p.line, p.column, "", p.message, p.hint)
            continue
        docs_path = path.relative_to(content).as_posix()
        project.content_pages[docs_path] = text
        project.source_files[f"page:{docs_path}"] = log.rel(path)
        blocks.check_page(text, log.rel(path), 1, project, log)
        for name in blocks.table_files(text):
            project.table_users.setdefault(name, set()).add(f"page:{log.rel(path)}")
        references.check_content_page(text, log.rel(path), log)
    for name, table in project.tables.items():
        if name not in project.table_users:
            log.add(table.path, 1, 1, "", "this table is not shown on any page, so it is not published",
                    "add a ```table block with file: " + name + " to a paper or page", Severity.WARNING,
                    code="unused-table")
