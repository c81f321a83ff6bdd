"""Warnings about things an officer should look at before publishing.

None of these stop a build: the papers really say these things, and the site
publishes them as the source has them.  They point at

- template placeholders left in text ("<Name of Signatory>", "to add detail",
  "(insert time period)") in meetings, papers and tables;
- "TBC" left where a name belongs (a presenter, an action's owner, a venue);
- impossible or malformed dates in free text ("31.06.17", "31.01..18");
- agenda papers missing (an item with pages in the pack but no paper, or a paper
  for an item whose agenda does not list it).

Every warning carries the line (and column) where the words are, found by
scanning the file's own text so that comments are never reported.
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING, Iterator

import yaml

from . import dates, fences, lifecycle, names, perfile, placeholders
from .errors import ProblemLog, Severity
from .models.base import Model
from .yamlsource import LOADER as YAML_LOADER
from .yamlsource import split_front_matter
from . import patterns

if TYPE_CHECKING:  # pragma: no cover
    from .project import Project

# ---------------------------------------------------------------------------------------------
# Patterns

PLACEHOLDERS = placeholders.PATTERNS
TBC = placeholders.TBC

# Fields that hold a person's or a place's name: "TBC" there is a gap, not text.
NAME_FIELDS = ("name", "owner", "presenter", "people", "representing", "venue")

# d.m.yy with a dot or slash; the second separator may be doubled ("31.01..18").
DATE_TEXT = patterns.compile("checks.date_text", r"(?<![\d./])(\d{1,2})([./])(\d{1,2})([./]{1,3})(\d{4}|\d{2})(?![\d/]|\.\d)")



def find_placeholder(text: str) -> re.Match | None:
    return placeholders.find(text)


def bad_date(match: re.Match) -> tuple[str, str] | None:
    """("impossible"|"malformed", why) for a d.m.y date in free text; None for a real date or a non-date."""
    day, sep1, month, sep2, year = match.groups()
    day, month = int(day), int(month)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None  # a section number or a version, not a date
    y = int(year) + (2000 if len(year) == 2 else 0)
    last = calendar.monthrange(y, month)[1]
    if day > last:
        return "impossible", f"{dates.MONTH_NAMES[month - 1]} {y} has {last} days"
    if sep2 != sep1:
        return "malformed", f"'{sep2}' where '{sep1}' was expected between the month and the year"
    return None


# ---------------------------------------------------------------------------------------------
# Entry point


def run(project: "Project", log: ProblemLog) -> None:
    """Add every warning about placeholders, impossible dates, missing agenda papers and stale statuses.

    Statuses are judged on ``project.today``: the build's build_date, or the day `hwbsite check` runs.
    """
    today = project.today
    for meeting in project.meetings:
        for field, message, hint in lifecycle.stale_status(meeting, today):
            log.warn(meeting.pos_of(field), field, message, hint, code="meeting-status")
        rel = project.source_files.get(f"meeting:{meeting.id}")
        if rel in project.texts:
            perfile.run(log, _scan_yaml_text, project.texts[rel], rel, 0, True)
        _check_names(meeting, log)
    for paper in project.papers.values():
        text = project.texts.get(paper.path)
        if text is None:
            continue
        front, _body, _line = split_front_matter(text)
        if front is not None:
            perfile.run(log, _scan_yaml_text, front, paper.path, 1, False)
        perfile.run(log, _scan_body, paper.body, paper.path, paper.body_line)
        _check_names(paper, log)
    for table in project.tables.values():
        if table.path in project.texts:
            perfile.run(log, _scan_table, project.texts[table.path], table.path)
    _check_agenda_papers(project, log)
    _check_name_characters(project, log)


# ---------------------------------------------------------------------------------------------
# Text scanning


def _warn_placeholder(log: ProblemLog, file: str, line: int, column: int, field: str, m: re.Match) -> None:
    log.add(file, line, column, field, f"placeholder text left in: \"{m.group(0)}\"",
            "replace it with the real detail, or keep it only if the published paper says it",
            Severity.WARNING, code="placeholder")


def _warn_date(log: ProblemLog, file: str, line: int, column: int, field: str, m: re.Match,
               kind: str, why: str) -> None:
    log.add(file, line, column, field, f"{kind} date \"{m.group(0)}\" in the text: {why}",
            "it is published as the source has it; check the source and note the correction in a comment",
            Severity.WARNING, code="impossible-date")


def _scan_line(text: str, file: str, line: int, col0: int, field: str, log: ProblemLog, dates: bool) -> None:
    m = find_placeholder(text)
    if m:
        _warn_placeholder(log, file, line, col0 + m.start(), field, m)
    if dates:
        for dm in DATE_TEXT.finditer(text):
            found = bad_date(dm)
            if found:
                _warn_date(log, file, line, col0 + dm.start(), field, dm, *found)


def _scalars(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, raw source) of every scalar in a YAML text, comments excluded."""
    try:
        for token in yaml.scan(text, Loader=YAML_LOADER):
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark, token.end_mark
                yield start.line + 1, start.column + 1, text[start.index:end.index]
    except yaml.YAMLError:
        return  # a syntax error is reported by the loader


# The scans below read their arguments and nothing else: run() reuses their problems by them.
def _scan_yaml_text(text: str, file: str, line_offset: int, dates: bool, log: ProblemLog) -> None:
    for line, col, raw in _scalars(text):
        for i, part in enumerate(raw.split("\n")):
            _scan_line(part, file, line + line_offset + i, col if i == 0 else 1, "", log, dates)


def _scan_body(body: str, file: str, first_line: int, log: ProblemLog) -> None:   # (see _scan_yaml_text)
    # ```table / ```chart blocks hold settings, not published words
    for offset, text in fences.prose_lines(body):
        _scan_line(text, file, first_line + offset, 1, "body", log, dates=True)


def _scan_table(text: str, rel: str, log: ProblemLog) -> None:
    for number, text_line in enumerate(text.splitlines(), start=1):
        _scan_line(text_line, rel, number, 1, "", log, dates=False)


# ---------------------------------------------------------------------------------------------
# Names


def _walk(obj) -> Iterator[Model]:
    if isinstance(obj, Model):
        yield obj
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _walk(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _walk(item)


def _check_names(root: Model, log: ProblemLog) -> None:
    for obj in _walk(root):
        for name in NAME_FIELDS:
            if name not in type(obj).model_fields:
                continue
            value = getattr(obj, name)
            for text in (value if isinstance(value, list) else [value]):
                if isinstance(text, str) and (m := TBC.search(text)):
                    pos = obj.pos_of(name)
                    said = f"\"{text}\"" if text.strip() == m.group(0) else f"\"{m.group(0)}\" in \"{text}\""
                    log.add(pos.file, pos.line, pos.column, name,
                            f"{said} left where a name belongs",
                            "write the name once it is confirmed", Severity.WARNING, code="placeholder")


# Every field that holds a person's name (or a list of them): read for characters that make a name
# look like another (names.py).
PERSON_FIELDS = ("name", "aliases", "owner", "presenter", "people", "representing", "lead", "leads", "sponsor")


def _check_name_characters(project: "Project", log: ProblemLog) -> None:
    # the board's usual arrangements too: the clerk's name is printed just before the email link,
    # which a bidi control in it would show reversed
    roots = [*project.people, *project.meetings, *project.papers.values(), *project.plans,
             *project.plan_updates, *([project.board.taking_part] if project.board.taking_part else [])]
    for root in roots:
        for obj in _walk(root):
            for name in PERSON_FIELDS:
                if name not in type(obj).model_fields:
                    continue
                value = getattr(obj, name)
                for text in (value if isinstance(value, list) else [value]):
                    if not isinstance(text, str):
                        continue
                    for index, what in names.problems(text):
                        pos = obj.pos_of(name)
                        line, column = _locate(project.texts.get(pos.file), pos, text[index])
                        log.add(pos.file, line, column, name, f"the name \"{names.visible(text)}\" has {what}",
                                "retype the name: it should not look like, and be read as, another one",
                                Severity.WARNING, code="name-characters")


def _locate(text: str | None, pos, ch: str) -> tuple[int, int]:
    """The line and column of the character in the file, at or after the field's key (a list's
    values may be on the lines below it); the key's position when it cannot be found."""
    if text is None:
        return pos.line, pos.column
    lines = text.split("\n")
    for n in range(pos.line - 1, min(len(lines), pos.line + 50)):
        at = lines[n].find(ch, pos.column - 1 if n == pos.line - 1 else 0)
        if at >= 0:
            return n + 1, at + 1
    return pos.line, pos.column


# ---------------------------------------------------------------------------------------------
# Agenda papers


def _check_agenda_papers(project: "Project", log: ProblemLog) -> None:
    for_item: dict[tuple[str, str], list] = {}
    for paper in project.papers.values():
        if paper.meeting and paper.item is not None:
            for_item.setdefault((paper.meeting.isoformat(), paper.item), []).append(paper)
    reported_to = {u.meeting for u in project.plan_updates}
    from . import provenance
    packs = provenance.pack_files(project.meetings)
    where = {pid: provenance.of(project.meetings, p, packs) for pid, p in project.papers.items()}
    for paper in project.papers.values():   # a written record the agendas or sources contradict
        for field, message, hint in provenance.check_written(project.meetings, paper, packs):
            written = paper.published_in
            pos = written.pos_of(field) if written is not None and field != "published_in" \
                else paper.pos_of("published_in")
            name = "published_in" if field == "published_in" else f"published_in.{field}"
            if field == "pack" and written is not None:   # a meeting file that failed to load is the cause
                log.missing(pos, name, f"meeting:{written.pack.isoformat()}", message, hint)
            else:
                log.error(pos, name, message, hint)
    for meeting in project.meetings:
        if not meeting.agenda:
            continue
        for item in meeting.agenda.walk():
            listed = set(item.papers)
            for paper_id in item.papers:  # a paper moved to another meeting, still listed here
                paper = project.papers.get(paper_id)
                if paper is not None and paper.meeting and paper.meeting.isoformat() != meeting.id:
                    log.warn(item.pos_of("papers"), "papers",
                             f"paper '{paper_id}' says it is for the meeting of {paper.meeting}"
                             + (f", item {paper.item}" if paper.item else "") + ", not this one",
                             f"remove it from this item's papers:, or set meeting: {meeting.id} in "
                             f"{paper.path}", code="paper-moved")
            if (item.pages and not listed and item.minutes_of is None and item.exempt is None
                    and (meeting.id, item.number) not in for_item
                    and not (item.aims and meeting.date in reported_to)):
                log.warn(item.pos_of("pages"), "pages",
                         f"agenda item {item.number} has pages {item.pages} in the agenda pack but no paper",
                         f"add it with: hwbsite new paper <id> --meeting {meeting.id} --item {item.number}, "
                         "then list it under papers:", code="agenda-paper-missing")
            for paper_id in item.papers:   # listed, but the pack does not print it
                paper = project.papers.get(paper_id)
                if paper is not None and where.get(paper_id) is not None and where[paper_id].pack is not meeting:
                    log.warn(item.pos_of("papers"), "papers",
                             f"paper '{paper_id}' is listed under item {item.number} but its text "
                             f"({paper.source}) is not in this meeting's agenda pack ({meeting.source})",
                             "list under an item only what the pack prints; a document published "
                             "separately has no meeting: or item: (its page says where it was published)",
                             code="paper-not-in-pack")
            for paper in for_item.get((meeting.id, item.number), []):
                parent = paper.appendix_of
                if paper.id not in listed and parent not in listed and not paper.confidential:
                    log.warn(paper.pos_of("item"), "item",
                             f"paper '{paper.id}' is for item {item.number} of {meeting.id}, "
                             "but that agenda item does not list it",
                             f"add {paper.id} to papers: of item {item.number} in "
                             f"{project.source_files.get(f'meeting:{meeting.id}', 'the meeting file')}",
                             code="agenda-paper-missing")


# ---------------------------------------------------------------------------------------------
# Money

