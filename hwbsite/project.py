"""Load a board's data directory into validated, cross-referenced models.

Loaders know nothing about pages: they read files, validate them once, and
report every problem with its file:line:column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import baseline, blocks, contentfiles, parsecache, perfile, references, rules, timings
from . import finance as finance_data
from .errors import Problem, ProblemLog
from .models.board import Board
from .publication import london_today
from .models.meetings import Meeting
from .models.papers import Paper
from .models.people import PeopleFile, Person, RecordLookups
from .models.topics import Topic, TopicsFile
from .models.metrics import Metric, Registry
from . import metrics as metric_values
from . import strategy as strategy_data
from .tables import Table, load_tables
from .validate import load_yaml_model, validate
from .yamlsource import YamlProblem, split_front_matter


@dataclass
class Project(RecordLookups):
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
    finance: finance_data.Finance = field(default_factory=finance_data.Finance)  # data/finance/: money as published
    # table file -> (finance dataset, key column) for tables whose money cells are filled from data/finance/
    table_finance: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)    # warnings that did not stop the build
    source_files: dict[str, str] = field(default_factory=dict)  # model id -> data file (for edit links)
    content_pages: dict[str, str] = field(default_factory=dict)  # docs path -> hand-written Markdown
    content_images: dict[str, Path] = field(default_factory=dict)  # docs path -> an image content/ publishes
    texts: dict[str, str] = field(default_factory=dict)          # every file read, by relative path
    today: dt.date = field(default_factory=london_today)         # the date rules judge statuses on

    def __post_init__(self):
        self.index()


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
        doc = parsecache.parse(front, rel, line_offset=1)  # reused between preview rebuilds if unchanged
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


def load_project(root: Path, data_dir: str = "data", content_dir: str = "content",
                 today: dt.date | None = None) -> tuple[Project | None, ProblemLog]:
    """Load and cross-check a board's data; the log holds every error and warning found.

    ``today`` is the build date the date-dependent checks use (a past meeting still 'scheduled').
    """
    root = Path(root)
    perfile.new_load()   # per-file scans the last load used are kept for this one (perfile.py)
    log = ProblemLog(root)
    data = root / data_dir
    content = root / content_dir
    board_file = data / "board.yml"
    # A symbolic link would publish whatever it points at: nothing is read until there is none.
    if contentfiles.report_symlinks(root, [data, content], log):
        return None, log
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
            log.failed.setdefault(f"meeting:{path.stem}", log.rel(path))
            continue
        if path.stem != meeting.id:
            log.error(meeting.pos_of("date"), "date",
                      f"meeting date {meeting.id} does not match the file name '{path.name}'",
                      f"name the file {meeting.id}.yml")
            log.failed.setdefault(f"meeting:{path.stem}", log.rel(path))
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
        if paper is None:
            log.failed.setdefault(f"paper:{path.stem}", log.rel(path))
        else:
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
    plans, plan_updates = strategy_data.load(data / "strategy", log)
    finance = finance_data.load(data / "finance", log, load_yaml_model)
    content_pages = _load_content_pages(content, log, sources)
    # Pages are published only through the output list (cleaned, private business left out); of the
    # other files in content/, only images that really are images (contentfiles.py).
    content_images = contentfiles.scan(content, log)

    # Which pages show each table: a table is published only when a public page does.
    table_users: dict[str, set[str]] = {}
    for paper in papers.values():
        for name in blocks.table_files(paper.body):
            table_users.setdefault(name, set()).add(f"paper:{paper.id}")
    for docs_path, text in content_pages.items():
        for name in blocks.table_files(text):
            table_users.setdefault(name, set()).add(f"page:{sources[f'page:{docs_path}']}")
    # Tables whose money cells are read from data/finance/ (one place for each figure).
    table_finance: dict[str, tuple[str, str | None]] = {}
    for text in [*(p.body for p in papers.values()), *content_pages.values()]:
        for name, dataset, key in blocks.finance_tables(text):
            if name in tables and dataset in finance.files:
                table_finance.setdefault(name, (dataset, key))

    if board is None:
        return None, log
    project = Project(root=root, board=board, people=people,
                      meetings=sorted(meetings, key=lambda m: m.date), papers=papers,
                      tables=tables, topics=topics, metrics=registry, values=values, source_files=sources,
                      plans=plans, plan_updates=plan_updates, texts=log.texts, content_pages=content_pages,
                      content_images=content_images,
                      table_users=table_users, finance=finance, table_finance=dict(sorted(table_finance.items())),
                      today=today or london_today())
    with timings.phase("rules"):
        rules.run(project, log)
    baseline.apply(data / baseline.FILE, log)   # the warnings the board has acknowledged
    project.problems = log.problems
    return project, log


def _load_content_pages(content: Path, log: ProblemLog, sources: dict[str, str]) -> dict[str, str]:
    """Hand-written pages (everything in content/ but papers), by docs path."""
    pages: dict[str, str] = {}
    for path in sorted(content.rglob("*.md")):
        if path.parent == content / "papers" or path.is_symlink():
            continue
        try:
            text = log.read(path)
        except YamlProblem as p:
            log.add(log.rel(path), p.line, p.column, "", p.message, p.hint)
            continue
        docs_path = path.relative_to(content).as_posix()
        # MkDocs reads files as 'utf-8-sig' with universal newlines; the page goes to it as text, so
        # do the same (a Windows checkout's "---\r\n" would otherwise not be front matter to MkDocs,
        # and a byte-order mark hid the front matter from the check while the plain MkDocs build of
        # `hwbsite generate`'s tree read it: template: redirect.html, unchecked)
        pages[docs_path] = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        sources[f"page:{docs_path}"] = log.rel(path)
    return pages
