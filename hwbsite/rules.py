"""Every rule over a loaded project, in one registered list.

A rule is a function ``(project, log)`` that reports problems at their file and line. Rules read
the project and the texts the loader kept (``project.texts``), never the disk, and never change
the project. ``hwbsite check`` and the build run the same list, so they cannot disagree.
"""

from __future__ import annotations

from . import blocks, buildcheck, checks, consistency, finance, future, references, scaffold, strategy
from . import metrics as metric_values
from .errors import ProblemLog, Severity


def embedded_blocks(project, log: ProblemLog) -> None:
    """Every ```table and ```chart block in papers and pages must be valid and refer to real data."""
    for paper in project.papers.values():
        blocks.check_page(paper.body, paper.path, paper.body_line, project, log)
    for docs_path, text in project.content_pages.items():
        blocks.check_page(text, project.source_files[f"page:{docs_path}"], 1, project, log)


def page_tables_of_papers(project, log: ProblemLog) -> None:
    """A hand-written page may not show the own table (``<paper id>--<what>.csv``) of a paper that
    publication.py keeps out of the site: the page would show nothing there."""
    from .publication import is_private_papers_table, public_view, table_owner

    shown = {name for text in project.content_pages.values() for name in blocks.table_files(text)}
    if not {table_owner(name) for name in shown} & set(project.papers):
        return
    view = public_view(project, project.today).papers
    for docs_path, text in project.content_pages.items():
        for block in blocks.find_blocks(text):
            name = block.options.get("file") if block.kind == "table" and not block.error else None
            if isinstance(name, str) and is_private_papers_table(project, name, view):
                log.add(project.source_files[f"page:{docs_path}"], block.line, 1, "file",
                        f"{name} is the table of paper '{table_owner(name)}', which is not public (exempt, "
                        "confidential, draft or embargoed): it cannot be shown on a page",
                        "remove the block, or show the table from the paper once the paper is public")


def content_page_html(project, log: ProblemLog) -> None:
    for docs_path, text in project.content_pages.items():
        references.check_content_page(text, project.source_files[f"page:{docs_path}"], log)


def unused_tables(project, log: ProblemLog) -> None:
    for name, table in project.tables.items():
        if name not in project.table_users:
            log.add(table.path, 1, 1, "", "this table is not shown on any page, so it is not published",
                    "add a ```table block with file: " + name + " to a paper or page", Severity.WARNING,
                    code="unused-table")


def money_adds_up(project, log: ProblemLog) -> None:
    """A stated total whose parts, as printed, do not add up to it (data/finance/), as a warning."""
    finance.check(project.finance, log)


def filled_tables(project, log: ProblemLog) -> None:
    """A paper table that reads its money from data/finance/ must not hold a copy of it."""
    for name, (dataset, key) in project.table_finance.items():
        finance.check_filled_table(project.tables[name], project.finance, dataset, key, log)


def metric_values_agree(project, log: ProblemLog) -> None:
    metric_values.check_values(project.metrics, project.values, log)


RULES = (
    references.check,       # cross-references: errors where the site would link to nothing
    buildcheck.check_data,  # what would fail a strict build, found from the data, at its line
    scaffold.check,         # template sentences left in anything that would be published
    strategy.check,         # the action plan and its RAG updates
    future.check,           # nothing dated after the build date shown as done or current (errors)
    embedded_blocks,
    page_tables_of_papers,
    content_page_html,
    unused_tables,
    filled_tables,
    money_adds_up,
    metric_values_agree,    # rates, totals and definition versions, as warnings
    checks.run,             # placeholders, impossible dates, agenda papers missing (warnings)
    consistency.run,        # papers that disagree with each other or with the board's calendar (warnings)
)


def run(project, log: ProblemLog) -> None:
    for rule in RULES:
        rule(project, log)
