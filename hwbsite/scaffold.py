"""The words `hwbsite new` writes for officers to replace, and the rule that they never publish.

Each sentence below is written into a new file by `hwbsite new` and found again by `check`: text
left from a template is an error on anything that would publish (a paper not marked
``published: false``, a meeting whose agenda is not a draft, any RAG update), and a warning
while the record is still a draft.
"""

from __future__ import annotations

import functools

from typing import TYPE_CHECKING, Iterator

from .errors import ProblemLog, Severity
from .publication import agenda_is_draft

if TYPE_CHECKING:  # pragma: no cover
    from .project import Project

PAPER_PURPOSE = "Say in a sentence or two why the paper comes to the Board."
PAPER_BODY = "Write the paper here in Markdown: headings start with ##, lists with -, and tables use | columns |."
PAPER_RECOMMENDATIONS = "The recommendations are listed in the details above, so they appear on the paper's page."
UPDATE_PROGRESS = "Say what has changed since the last update."
MINUTE_BODY = "Say what the Board discussed."

TEMPLATE_SENTENCES = (PAPER_PURPOSE, PAPER_BODY, PAPER_RECOMMENDATIONS, UPDATE_PROGRESS, MINUTE_BODY)


def find(text: str, markdown_from: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(line, column, sentence) of each template sentence in a YAML text, or a Markdown file whose
    body starts at line ``markdown_from``. YAML comments are notes for officers, never published,
    so a sentence there is left alone."""
    for number, line in enumerate(text.splitlines(), start=1):
        for sentence in TEMPLATE_SENTENCES:
            at = line.find(sentence)
            if at < 0:
                continue
            in_yaml = markdown_from is None or number < markdown_from
            if in_yaml and _in_comment(line, at):
                continue
            yield number, at + 1, sentence


@functools.lru_cache(maxsize=1 << 13)   # pure: the preview asks again after every save for unchanged files
def _found(text: str, markdown_from: int | None) -> tuple[tuple[int, int, str], ...]:
    return tuple(find(text, markdown_from))


def _in_comment(line: str, at: int) -> bool:
    quote = None
    for i, ch in enumerate(line[:at]):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return True
    return False


def check(project: "Project", log: ProblemLog) -> None:
    for paper in project.papers.values():
        _report(project, paper.path, paper.body_line, not paper.published, "the paper", "published: false", log)
    for meeting in project.meetings:
        rel = project.source_files.get(f"meeting:{meeting.id}")
        draft = agenda_is_draft(meeting)
        _report(project, rel, None, draft, "the agenda", "status: draft", log)
    for update in project.plan_updates:
        _report(project, update.src.file, None, False, "the update", "", log)


def _report(project, rel: str | None, markdown_from: int | None, draft: bool, what: str, mark: str,
            log: ProblemLog) -> None:
    text = project.texts.get(rel or "")
    if not text:
        return
    for line, column, sentence in _found(text, markdown_from):
        message = f"template text left in: \"{sentence}\""
        if draft:
            log.add(rel, line, column, "", message, f"replace it before {what} is published",
                    severity=Severity.WARNING, code="template-text")
        else:
            hint = "replace it with your own words; template text is never published"
            if mark:
                hint += f". Until {what} is ready, mark it {mark}"
            log.add(rel, line, column, "", message, hint, code="template-text")


def update_skeleton(latest, plan, as_at, meeting, source_file: str | None, only=(), planned: bool = False) -> str:
    """A RAG update for ``as_at``: each action of the plan (or only those in ``only``) with the
    RAG of the latest state kept and its progress to write; the latest progress is shown in a
    comment. Nothing that belongs to the latest update's paper (source:, paper:) is carried over.
    An action left out keeps its latest rating (strategy.updates_for)."""
    import json
    named = " ".join(only)
    lines = [
        "# yaml-language-server: $schema=../../../schemas/strategy-update.schema.json",
        f"# Progress on the action plan '{plan.id}' as at {as_at.isoformat()}.",
        f"# Started with `hwbsite new update {as_at.isoformat()}{' ' + named if named else ''}`"
        + (f" from\n# {source_file}" if source_file else "") + ".",
        "# For each action, keep or change rag: (R, A, G, \"\" for a RAG left blank in the paper, or TBC)",
        "# and write progress:. An action not listed here keeps its latest rating and progress, so",
        "# remove the line of an action this update does not report; remove the # before a commented",
        "# action to report it.",
        f"plan: {plan.id}",
        f"as_at: {as_at.isoformat()}",
        *(["planned: true                  # written ahead: published from as_at; remove once it is reported"]
          if planned else []),
        (f"meeting: {meeting.isoformat()}            # the meeting the update is reported to" if meeting
         else "# meeting: YYYY-MM-DD         # the meeting the update is reported to"),
        "# paper: paper-id               # the paper that publishes it, once it is in content/papers/",
        "actions:",
    ]
    previous = latest.actions if latest else {}
    for action in plan.actions():
        if only and action.id not in only:
            continue
        before = previous.get(action.id)
        rag = before.rag if before else ""
        if before and before.progress:
            said = before.progress if len(before.progress) <= 90 else before.progress[:87] + "..."
            when = latest._rated_on.get(action.id, latest.as_at)
            lines.append(f"  # {when.isoformat()}: {before.rag or 'blank'}, {json.dumps(said, ensure_ascii=False)}")
        entry = f"{json.dumps(action.id)}: {{rag: {json.dumps(rag)}, progress: {json.dumps(UPDATE_PROGRESS)}}}"
        # An action the latest update left without a RAG is offered as a comment, not as a blank
        # (unless the officer named it).
        lines.append(f"  {entry}" if rag or only else f"  # {entry}")
    return "\n".join(lines) + "\n"


def minutes_skeleton(meeting, first_number: int) -> str:
    """A minutes: block for a meeting's file: one minute per agenda item, numbered on from the
    previous minutes, each with its body to write; attendance, resolutions and actions as notes."""
    import json
    lines = [
        "minutes:",
        "  status: draft                # draft until the Board agrees them; then approved, with approved_on:",
        "  attendance:",
        "    present: []                # e.g. - {name: \"Name\", role: \"Job title\", chair: true}",
        "    # officers:",
        "    #   - {name: \"Name\", role: \"Job title\"}   # names as data/people.yml spells them",
        "    # apologies:",
        "    #   - {name: \"Name\", role: \"Job title\"}",
        "  declarations: {none_declared: true}",
        "  items:",
    ]
    items = list(meeting.agenda.items) if meeting.agenda else []
    for offset, item in enumerate(items):
        lines += [
            f"    - number: {first_number + offset}",
            f"      title: {json.dumps(item.title, ensure_ascii=False)}",
            f"      agenda_item: {json.dumps(item.number)}",
        ]
        if item.exempt is not None:
            lines.append(f"      exempt: {{paragraph: {item.exempt.paragraph or 3}}}   # as on the agenda: never published")
        lines += [
            "      body: |",
            f"        {MINUTE_BODY}",
            "      # resolutions:",
            "      #   - {number: 1, text: \"That ...\"}",
            "      # actions:",
            "      #   - {owner: \"Name\", resolution: 1, text: \"...\", due: YYYY-MM-DD, status: open}",
        ]
    return "\n".join(lines) + "\n"
