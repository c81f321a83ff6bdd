"""The one publication rule: what of a board's project may appear in any output.

``public_view(project, build_date)`` is computed once per build, from the build date (never the
clock). Every output (pages, downloads, search, feeds, exports) is built from the view it returns,
so no builder can reach a private record: private records are not filtered later, they are absent.

Privacy follows the structure. What sits under or is attached to private business is private:

- an agenda item is private when it or any item above it is exempt, or when its agenda is a
  draft; an exempt item keeps only its number, title, section and Schedule 12A paragraph, and
  loses its presenter, people, papers, topics, aims and sub-items;
- a draft agenda publishes nothing of its items (nor minutes): the meeting keeps its date, time,
  place and status; its own ``taking_part:`` (a webcast address, a clerk) is draft business too,
  so its page gives the board's usual arrangements (board.yml) until the agenda is published;
- a minute is private when it is exempt or records a private agenda item; it keeps its number,
  title and paragraph, and loses its text, resolutions, actions, sections and topics;
- a paper is private when it is not published, confidential, exempt, embargoed on the build date
  (a date in Europe/London: ``london_today`` when the build gives none),
  belongs to a private agenda item or to a meeting whose agenda is a draft, is listed by a private
  item, or is an appendix (at any depth) of a private paper; an appendix cycle is private;
- anything else reported to a meeting whose agenda is a draft (a RAG update with ``meeting:``
  such a meeting) is private unless a public paper carries it: the draft's business is not public
  yet, whatever record it is written in;
- a table is public when a public paper or a hand-written page shows it, unless it is a private
  paper's own table (``<paper id>--<what>.csv``); the money transcribed
  from a private paper (data/finance/) is private;
- a topic is public when a public record carries it, or when no record carries it at all;
- a person is public unless only private business names them.

Why one module of over 400 lines: it is the one home of the publication rule (issue 23;
``tests/test_one_publication_rule.py`` fails on a decision made anywhere else). Each clause above
depends on the others (a paper is private because its item is; a table because its paper is), so
the rule is read, reviewed and changed in one place, not spread across modules that could drift.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator
from zoneinfo import ZoneInfo

from . import lifecycle
from .models.meetings import Agenda, AgendaItem, Exempt, Meeting, Minute
from .models.papers import Paper
from .models.people import Person, RecordLookups

if TYPE_CHECKING:  # pragma: no cover
    from .boardrecords import BoardRecords
    from .errors import Problem
    from .finance import Finance
    from .lifecycle import Stage
    from .models.board import Board
    from .models.metrics import Metric
    from .models.strategy import PlanUpdate
    from .models.topics import Topic
    from .tables import Table


LONDON = ZoneInfo("Europe/London")


def london_today(now: dt.datetime | None = None) -> dt.date:
    """The build date when none is given: today in Europe/London, where the boards sit and their
    embargoes are set, not the machine's local date (a CI runner keeps UTC or another zone: from
    midnight to 1 am in summer its date is still yesterday's, and an embargo would lift an hour late
    or, on a machine east of London, early)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return now.astimezone(LONDON).date()


@dataclass
class PublicView(RecordLookups):
    """The part of a project that may be published on ``today``; shaped like ``Project``."""

    root: Path
    board: Board
    today: dt.date
    finance: Finance                                          # public papers' money only
    people: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)      # oldest first
    papers: dict[str, Paper] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)          # described topics that are public
    topic_slugs: set[str] = field(default_factory=set)         # every public topic, described or not
    metrics: dict[str, Metric] = field(default_factory=dict)
    values: list[Any] = field(default_factory=list)
    plans: list[Any] = field(default_factory=list)
    plan_updates: list[Any] = field(default_factory=list)
    content_pages: dict[str, str] = field(default_factory=dict)  # docs path -> hand-written Markdown
    content_images: dict[str, Path] = field(default_factory=dict)   # docs path -> image file content/ publishes (checked)
    table_users: dict[str, set[str]] = field(default_factory=dict)  # public table -> public users
    # Data-check warnings about published figures (metric values, public tables, public money), to
    # be shown beside the figure; warnings about anything else may quote private text.
    problems: list[Problem] = field(default_factory=list)
    table_finance: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # public table -> (dataset, key column)
    source_files: dict[str, str] = field(default_factory=dict)
    # meeting (or announced meeting) id -> lifecycle.Stage: each meeting's state decided once, from
    # the build date and the public evidence, for every page, feed, calendar and export.
    stages: dict[str, Stage] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index()
        self.stages = lifecycle.stages(self.meetings, self.today, self.papers)


# ---------------------------------------------------------------------------------------------
# The rule's questions about one record. Rules, checks and builders ask these; none repeats them.


def agenda_is_draft(meeting: Meeting) -> bool:
    """A draft agenda publishes nothing of its items, its papers or its meeting's minutes."""
    return meeting.agenda is not None and meeting.agenda.status == "draft"


def minutes_published(meeting: Meeting) -> bool:
    """The meeting's page will carry a #minutes section: it has minutes and its agenda is not a draft."""
    return meeting.minutes is not None and not agenda_is_draft(meeting)


def items_kept_whole(items: list[AgendaItem]) -> Iterator[AgendaItem]:
    """Agenda items (at any depth) the rule keeps whole: neither exempt nor under exempt business.
    (An exempt item keeps only its title; whether the agenda is a draft is the caller's question.)"""
    return (item for item, exempt in _walk_with_exemption(items) if exempt is None)


def minute_exemption(meeting: Meeting, minute: Minute) -> Exempt | None:
    """A minute is exempt when it says so or when the agenda item it records is exempt."""
    item = meeting.agenda_item(minute.agenda_item)
    return minute.exempt or (item.exempt if item else None)


def minutes_in_full(meeting: Meeting) -> list[Minute]:
    """The minutes whose text is shown (exempt ones keep only their number and title)."""
    return [m for m in meeting.minutes.items if minute_exemption(meeting, m) is None] if meeting.minutes else []


# ---------------------------------------------------------------------------------------------
# The view


def _reduced_exempt(exempt: Exempt) -> Exempt:
    # The officers' note on an exemption is private even when the item's title is public.
    return Exempt(paragraph=exempt.paragraph)


def _walk_with_exemption(items: list[AgendaItem], inherited: AgendaItem | None = None
                         ) -> Iterator[tuple[AgendaItem, AgendaItem | None]]:
    """(item, the exempt item that makes it private: itself or the nearest exempt item above it)."""
    for item in items:
        applies = item if item.exempt is not None else inherited
        yield item, applies
        yield from _walk_with_exemption(item.items, applies)


@dataclass
class _Private:
    """What the rule found private, by id; the view is built from the complement."""

    # (meeting, item number) -> the exempt item that makes it private (None: a draft agenda's item)
    items: dict[tuple[str, str], AgendaItem | None] = field(default_factory=dict)
    draft_agendas: set[str] = field(default_factory=set)
    papers: set[str] = field(default_factory=set)


def _find_private(project: "BoardRecords", today: dt.date) -> _Private:
    private = _Private()
    listed_by_private: set[str] = set()
    for meeting in project.meetings:
        agenda = meeting.agenda
        if agenda is None:
            continue
        draft = agenda_is_draft(meeting)
        if draft:
            private.draft_agendas.add(meeting.id)
        for item, exempt in _walk_with_exemption(agenda.items):
            if exempt is not None or draft:
                private.items[(meeting.id, item.number)] = exempt
                listed_by_private.update(item.papers)

    def own_reason(paper: Paper) -> bool:
        if not paper.published or paper.confidential or paper.exempt is not None:
            return True
        if paper.embargoed_until is not None and today < paper.embargoed_until:
            return True
        if paper.id in listed_by_private:
            return True
        if paper.meeting is not None:
            meeting_id = paper.meeting.isoformat()
            if meeting_id in private.draft_agendas:
                return True
            if paper.item is not None and (meeting_id, paper.item) in private.items:
                return True
        return False

    papers = project.papers
    for paper in papers.values():
        # Walk up the appendix chain: private if any paper on it is, or if it loops.
        seen: set[str] = set()
        current: Paper | None = paper
        while current is not None:
            if current.id in seen or own_reason(current):
                private.papers.add(paper.id)
                break
            seen.add(current.id)
            current = papers.get(current.appendix_of) if current.appendix_of else None
    return private


def _public_item(item: AgendaItem, meeting_id: str, private: _Private, public_papers: set[str]) -> AgendaItem:
    if item.exempt is not None:
        return AgendaItem(number=item.number, title=item.title, section=item.section,
                          pages=item.pages, exempt=_reduced_exempt(item.exempt))
    return item.model_copy(update={
        "papers": [p for p in item.papers if p in public_papers],
        "items": [_public_item(c, meeting_id, private, public_papers) for c in item.items],
    })


def _public_minute(minute: Minute, exempt: Exempt, title: str) -> Minute:
    return Minute(number=minute.number, title=title, agenda_item=minute.agenda_item,
                  exempt=_reduced_exempt(exempt))


def _public_meeting(meeting: Meeting, private: _Private, public_papers: set[str]) -> Meeting:
    update: dict[str, Any] = {}
    agenda = meeting.agenda
    if agenda is not None:
        if meeting.id in private.draft_agendas:
            # A draft agenda publishes only the meeting's date and place: no items, no signatory,
            # and none of the meeting's own arrangements for the public (the board's stand).
            update["agenda"] = Agenda(status="draft")
            if meeting.taking_part is not None:
                update["taking_part"] = None
        else:
            update["agenda"] = agenda.model_copy(update={
                "items": [_public_item(i, meeting.id, private, public_papers) for i in agenda.items]})
    if meeting.minutes is not None and not minutes_published(meeting):
        update["minutes"] = None  # minutes cannot be public while the agenda is not
    elif meeting.minutes is not None:
        items = []
        for minute in meeting.minutes.items:
            key = (meeting.id, minute.agenda_item)
            if key in private.items:
                # A minute of a sub-item of exempt business is shown under the exempt item's title:
                # the sub-item's own title is private.
                cause = private.items[key]
                # not None: a draft agenda's items (cause None) have no published minutes (above)
                assert cause is not None and cause.exempt is not None
                exempt = minute.exempt or cause.exempt
                title = cause.title if cause.number != minute.agenda_item else minute.title
                items.append(_public_minute(minute, exempt, title))
            elif minute.exempt is not None:
                items.append(_public_minute(minute, minute.exempt, minute.title))
            else:
                items.append(minute)
        update["minutes"] = meeting.minutes.model_copy(update={"items": items})
    if any(e.paper not in public_papers for e in meeting.held_evidence):
        # A private paper's words are no public evidence that the meeting was held.
        update["held_evidence"] = [e for e in meeting.held_evidence if e.paper in public_papers]
    return meeting.model_copy(update=update) if update else meeting


def _names_in_meeting(meeting: Meeting) -> set[str]:
    names: set[str] = set()
    agenda = meeting.agenda
    if agenda is not None:
        if agenda.signed_by:
            names.add(agenda.signed_by.name)
        for item in agenda.walk():
            names.update(item.people)
            if item.presenter:
                names.add(item.presenter)
    if meeting.minutes is not None:
        att = meeting.minutes.attendance
        for category, _label in att.CATEGORIES:
            for entry in getattr(att, category):
                names.add(entry.name)
                if entry.representing:
                    names.add(entry.representing)
        for minute in meeting.minutes.items:
            names.update(a.owner for a in minute.all_actions())
        if meeting.minutes.declarations:
            names.update(d.name for d in meeting.minutes.declarations.entries)
    return names


def _topics_in_meeting(meeting: Meeting) -> set[str]:
    slugs: set[str] = set()
    if meeting.agenda is not None:
        for item in meeting.agenda.walk():
            slugs.update(item.topics)
    if meeting.minutes is not None:
        for minute in meeting.minutes.items:
            slugs.update(minute.topics)
            for res in minute.all_resolutions():
                slugs.update(res.topics)
    return slugs


def table_owner(name: str) -> str:
    """The paper a table file belongs to by its name ("<paper id>--<what>.csv")."""
    return name.split("--", 1)[0] if "--" in name else ""


def is_private_papers_table(project: "BoardRecords", name: str, public_papers: "set[str] | dict[str, Any]") -> bool:
    """Whether ``name`` is the own table of a paper of the project that is not public: private,
    whichever page shows it."""
    owner = table_owner(name)
    return owner in project.papers and owner not in public_papers


def public_view(project: "BoardRecords", build_date: dt.date) -> PublicView:
    """The public part of ``project`` on ``build_date``."""
    private = _find_private(project, build_date)
    public_papers = {pid for pid in project.papers if pid not in private.papers}
    papers = {pid: p for pid, p in sorted(project.papers.items()) if pid in public_papers}
    meetings = [_public_meeting(m, private, public_papers) for m in project.meetings]

    # Tables: shown by a public paper or a hand-written page, and not the table of a private paper
    # (named "<paper id>--<what>.csv"): a hand-written page showing it would publish its figures.
    tables, table_users = {}, {}
    for name, table in sorted(project.tables.items()):
        users = {u for u in project.table_users.get(name, set())
                 if u.startswith("page:") or u.removeprefix("paper:") in public_papers}
        if users and not is_private_papers_table(project, name, public_papers):
            tables[name], table_users[name] = table, users

    # Topics and people: public when a public record carries them, private when only private ones do.
    public_topics: set[str] = set()
    all_topics: set[str] = set()
    public_names: set[str] = set()
    all_names: set[str] = set()
    for original, shown in zip(project.meetings, meetings):
        all_topics |= _topics_in_meeting(original)
        public_topics |= _topics_in_meeting(shown)
        all_names |= _names_in_meeting(original)
        public_names |= _names_in_meeting(shown)
    for paper in project.papers.values():
        authors = {a.name for a in paper.authors}
        all_topics.update(paper.topics)
        all_names |= authors
        if paper.id in public_papers:
            public_topics.update(paper.topics)
            public_names |= authors
    described = {t.slug for t in project.topics}
    topic_slugs = public_topics | (described - all_topics)
    topics = [t for t in project.topics if t.slug in topic_slugs]

    def person_ids(names: set[str]) -> set[str]:
        return {p.id for n in names if (p := project.person_named(n)) is not None}

    named_publicly, named_at_all = person_ids(public_names), person_ids(all_names)
    people = [p for p in project.people if p.id in named_publicly or p.id not in named_at_all]

    finance = _public_finance(project.finance, public_papers)
    table_finance = {name: source for name, source in project.table_finance.items()
                     if name in tables and source[0] in finance.files}

    figure_files = ({v.file for v in project.values} | {t.path for t in tables.values()}
                    | set(finance.files.values()))
    problems = [p for p in project.problems if p.severity.value == "warning" and p.file in figure_files]

    content_pages = dict(sorted(project.content_pages.items()))
    return PublicView(
        root=project.root, board=project.board, today=build_date, people=people, meetings=meetings,
        papers=papers, tables=tables, topics=topics, topic_slugs=topic_slugs, metrics=project.metrics,
        values=project.values, plans=project.plans,
        # a planned update is published from its as_at date (future.py)
        plan_updates=[u for u in project.plan_updates if _update_public(u, private, public_papers)
                      and not (u.planned and u.as_at > build_date)],
        content_pages=content_pages, content_images=dict(sorted(project.content_images.items())),
        table_users=table_users, finance=finance, table_finance=table_finance,
        problems=problems,
        source_files={k: v for k, v in project.source_files.items()
                      if not k.startswith("paper:") or k.removeprefix("paper:") in public_papers},
    )


def _update_public(update: "PlanUpdate", private: _Private, public_papers: set[str]) -> bool:
    """A RAG update read from a paper is as public as the paper; one with no paper is private while
    the meeting it was reported to has only a draft agenda."""
    if update.paper:
        return update.paper in public_papers
    return update.meeting is None or update.meeting.isoformat() not in private.draft_agendas


def _public_finance(finance: "Finance", public_papers: set[str]) -> "Finance":
    """The money the public may see: datasets transcribed from a private paper are left out."""
    from .finance import Finance
    private = {d.id for p in finance.programmes for d in p.datasets if d.paper and d.paper not in public_papers}
    if not private:
        return finance
    programmes = [p.model_copy(update={"datasets": [d for d in p.datasets if d.id not in private]})
                  for p in finance.programmes]
    return Finance(programmes=programmes, rows=[r for r in finance.rows if r.dataset not in private],
                   files={k: v for k, v in finance.files.items() if k not in private})


# ---------------------------------------------------------------------------------------------
# What the rule keeps out, as text: hwbsite verify looks for it in every output byte (verify.py).

MIN_PRIVATE_TEXT = 24   # characters: shorter strings ("Apologies", "Minutes") are not distinctive


def _strings(value: object, out: set[str], seen: set[int]) -> None:
    """Every string reachable from records (pydantic models, dataclasses, lists, dicts)."""
    if isinstance(value, str):
        out.add(value)
        return
    if value is None or isinstance(value, (int, float, bool)) or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, dict):
        for item in value.values():
            _strings(item, out, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _strings(item, out, seen)
    elif hasattr(value, "__pydantic_fields__"):
        for name in type(value).__pydantic_fields__:
            _strings(getattr(value, name, None), out, seen)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            _strings(getattr(value, name, None), out, seen)


RECORDS = ("meetings", "papers", "people", "plans", "plan_updates", "metrics", "values")


def private_texts(project: "BoardRecords", view: PublicView) -> list[tuple[str, str]]:
    """Text the publication rule (publication.py) keeps out of the public view: every string of the
    project's records that the view does not hold, as a distinctive line of it (its first line,
    at most 80 characters), unless that line is also public text."""
    everything: set[str] = set()
    public: set[str] = set()
    for name in RECORDS:
        _strings(getattr(project, name, None), everything, set())
        _strings(getattr(view, name, None), public, set())
    _strings(view.board, public, set())   # the board's own facts (council, venue) are printed on every page
    public_lines = {" ".join(line.split()) for text in public for line in text.splitlines()}
    public_blob = "\n".join(sorted(public_lines))
    out: dict[str, str] = {}
    for text in sorted(everything - public):
        line = next((" ".join(part.split()) for part in text.splitlines() if len(part.strip()) >= MIN_PRIVATE_TEXT), "")
        line = line[:80].rsplit(" ", 1)[0] if len(line) > 80 else line
        if len(line) >= MIN_PRIVATE_TEXT and line not in public_blob:
            out.setdefault(line, "private record")
    return sorted((what, text) for text, what in out.items())
