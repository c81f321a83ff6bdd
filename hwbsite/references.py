"""Cross-references between records, and what may be published.

Errors here are things that would publish a wrong or broken site (a paper
that names a meeting we do not have); warnings are things an officer should
look at but that the papers really say (a name we cannot match to a person).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ProblemLog
from .models.meetings import item_sort_key
from . import htmlsafety
from .suggest import did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from .models.papers import Paper
    from .project import Project


def check_body(paper: "Paper", log: ProblemLog) -> None:
    """A paper body the site's sanitiser would have to clean is an error at its own line."""
    found = htmlsafety.locate(paper.body)
    if found:
        log.add(paper.path, paper.body_line + found.line - 1, found.column, "body",
                htmlsafety.message(found.what), htmlsafety.hint(found.what))


def check_content_page(text: str, path: str, log: ProblemLog) -> None:
    """Hand-written pages: front matter within its allow-list (frontmatter.py), and simple HTML in the
    body, but nothing the site's sanitiser would remove."""
    from . import frontmatter
    checked = frontmatter.check_page(text, path, log)
    if checked is None:
        return
    body, body_line = checked
    found = htmlsafety.locate(body)
    if found:
        log.add(path, body_line + found.line - 1, found.column, "", htmlsafety.message(found.what),
                htmlsafety.hint(found.what))


def check(project: "Project", log: ProblemLog) -> None:
    _check_people(project, log)
    for topic, first in _repeats(project.topics, lambda t: t.slug):
        log.error(topic.pos_of("slug"), "slug", f"topic '{topic.slug}' is described twice (first at line {first.src.line})")
    for meeting in project.meetings:
        _check_meeting(project, meeting, log)
    _check_papers(project, log)
    _check_topics(project, log)


def _repeats(items, key):
    """(item, first item with the same key) for every item whose key was seen before."""
    seen = {}
    for item in items:
        k = key(item)
        if k in seen:
            yield item, seen[k]
        else:
            seen[k] = item


def _check_people(project: "Project", log: ProblemLog) -> None:
    from .models.people import name_key
    for person, first in _repeats(project.people, lambda p: p.id):
        log.error(person.pos_of("id"), "id", f"person id '{person.id}' is used twice (first at line {first.src.line})")
    seen: dict[str, str] = {}
    for person in project.people:
        for spelling in person.spellings:
            key = name_key(spelling)
            if key in seen and seen[key] != person.id:
                log.error(person.src, "aliases",
                          f"'{spelling}' names both '{seen[key]}' and '{person.id}'",
                          "a spelling may belong to one person only")
            seen.setdefault(key, person.id)


def _known_person(project, name, src, field, log) -> None:
    if project.person_named(name) is None:
        spellings = [s for person in project.people for s in person.spellings]
        suggestion = did_you_mean(name, spellings)
        hint = (f"{suggestion} Write the name as data/people.yml spells it; if the paper really spells it "
                f"'{name}', add that spelling to the person's aliases" if suggestion
                else "add them to data/people.yml, or add this spelling to their aliases")
        log.warn(src, field, f"'{name}' is not in the people file", hint, code="unknown-person")


def _check_meeting(project: "Project", meeting, log: ProblemLog) -> None:
    for evidence in meeting.held_evidence:
        if evidence.paper not in project.papers:
            log.error(evidence.pos_of("paper"), "paper", f"paper '{evidence.paper}' is not in content/papers/",
                      did_you_mean(evidence.paper, project.papers)
                      or f"create content/papers/{evidence.paper}.md or fix the id")
    agenda = meeting.agenda
    if agenda:
        for item, first in _repeats(agenda.walk(), lambda i: i.number):
            log.error(item.pos_of("number"), "number",
                      f"agenda item number '{item.number}' is used twice (first at line {first.src.line})")
        for item in agenda.walk():
            for paper_id in item.papers:
                if paper_id not in project.papers:
                    log.missing(item.pos_of("papers"), "papers", f"paper:{paper_id}",
                                f"paper '{paper_id}' is not in content/papers/",
                                did_you_mean(paper_id, project.papers)
                                or f"create content/papers/{paper_id}.md or fix the id")
            for name in item.people:
                _known_person(project, name, item.pos_of("people"), "people", log)
            if item.minutes_of and project.meeting(item.minutes_of) is None:
                log.warn(item.pos_of("minutes_of"), "minutes_of",
                         f"no meeting file for {item.minutes_of}, so its minutes cannot be linked",
                         did_you_mean(str(item.minutes_of), [m.id for m in project.meetings]))
            if item.exempt is not None and item.exempt.paragraph is None:
                log.warn(item.pos_of("exempt"), "exempt",
                         "exempt item cites no paragraph of Schedule 12A",
                         "add paragraph: N (1-7) saying which category of exempt information applies",
                         code="exempt-no-paragraph")
        if agenda.published is not None:
            clear_days = (meeting.date - agenda.published).days - 1
            if clear_days < 5:
                log.warn(agenda.pos_of("published"), "agenda.published",
                         f"agenda published {agenda.published} gives {max(clear_days, 0)} clear "
                         f"day{'' if clear_days == 1 else 's'} before the "
                         f"meeting; the Local Government Act 1972 s100B requires five",
                         code="late-agenda")
    minutes = meeting.minutes
    if not minutes:
        return
    att = minutes.attendance
    present = {}
    for category, _label in att.CATEGORIES:
        for person in getattr(att, category):
            _known_person(project, person.name, person.src, f"attendance.{category}", log)
            if person.representing:
                _known_person(project, person.representing, person.pos_of("representing"), "representing", log)
            key = project.person_named(person.name) or person.name
            if category != "apologies":
                present[getattr(key, "id", key)] = person
    for person in att.apologies:
        key = project.person_named(person.name) or person.name
        if getattr(key, "id", key) in present:
            log.error(person.src, "attendance.apologies",
                      f"'{person.name}' is listed both as attending and as sending apologies")
    for minute, first in _repeats(minutes.items, lambda m: m.number):
        log.error(minute.pos_of("number"), "number",
                  f"minute number {minute.number} is used twice (first at line {first.src.line})")
    for minute in minutes.items:
        numbered = [r for r in minute.all_resolutions() if r.number is not None]
        res_numbers = {r.number for r in numbered}
        for res, first in _repeats(numbered, lambda r: r.number):
            log.error(res.pos_of("number"), "number",
                      f"resolution ({res.number}) is numbered twice in minute {minute.number} "
                      f"(first at line {first.src.line})")
        for action in minute.all_actions():
            _known_person(project, action.owner, action.pos_of("owner"), "owner", log)
            if action.resolution is not None and action.resolution not in res_numbers:
                log.error(action.pos_of("resolution"), "resolution",
                          f"action follows resolution ({action.resolution}), which minute {minute.number} does not have")
        for matter in minute.matters_arising:
            _check_matter_arising(project, matter, log)
    if minutes.declarations:
        for decl in minutes.declarations.entries:
            _known_person(project, decl.name, decl.src, "declarations", log)


def _check_matter_arising(project: "Project", matter, log: ProblemLog) -> None:
    """See EDITING.md, "References that lead nowhere": which dangling references are errors."""
    ref = matter.minute
    cited = project.meeting(ref.meeting)
    if cited is None:
        # Older meetings than the data goes back to are normal; the text is shown without a link.
        log.warn(ref.pos_of("meeting"), "minute.meeting",
                 f"no meeting file for {ref.meeting}, so minute {ref.number} cannot be linked",
                 "add the meeting file, or check the date", code="matter-unknown-meeting")
    elif cited.minutes is None:
        # The page would link to a minute anchor that is not on the cited meeting's page.
        log.error(ref.pos_of("meeting"), "minute.meeting",
                  f"the meeting of {ref.meeting} has no minutes, so minute {ref.number} does not exist",
                  "add that meeting's minutes, or check the date and number")
    elif ref.number not in {m.number for m in cited.minutes.items}:
        log.error(ref.pos_of("number"), "minute", f"minute {ref.number} of {ref.meeting} does not exist",
                  "numbers: " + ", ".join(str(m.number) for m in cited.minutes.items))


def _check_papers(project: "Project", log: ProblemLog) -> None:
    for paper in project.papers.values():
        if paper.meeting:
            meeting = project.meeting(paper.meeting)
            if meeting is None:
                log.missing(paper.pos_of("meeting"), "meeting", f"meeting:{paper.meeting}",
                            f"no meeting on {paper.meeting} in data/meetings/",
                            did_you_mean(str(paper.meeting), [m.id for m in project.meetings])
                            or "check the date, or add the meeting file")
            elif paper.item is not None:
                items = {i.number for i in meeting.agenda.walk()} if meeting.agenda else set()
                if paper.item not in items:
                    log.error(paper.pos_of("item"), "item",
                              f"meeting {paper.meeting} has no agenda item '{paper.item}'",
                              "items: " + ", ".join(sorted(items, key=item_sort_key)) if items else "")
        if paper.appendix_of and paper.appendix_of not in project.papers:
            log.missing(paper.pos_of("appendix_of"), "appendix_of", f"paper:{paper.appendix_of}",
                        f"no paper with id '{paper.appendix_of}'", did_you_mean(paper.appendix_of, project.papers))
    _check_appendix_cycles(project, log)


def _check_appendix_cycles(project: "Project", log: ProblemLog) -> None:
    """appendix_of must lead to a main paper: a paper that is (through others) its own appendix is an error.

    Each paper names at most one parent, so following parents from any paper either ends or
    enters a cycle; every member of a cycle is reported at its own appendix_of line.
    """
    papers = project.papers
    reported: set[str] = set()
    for start in sorted(papers):
        path: list[str] = []
        seen: set[str] = set()
        current = start
        while current in papers and current not in seen and current not in reported:
            seen.add(current)
            path.append(current)
            current = papers[current].appendix_of
        if current not in seen:
            continue  # ends at a main paper, a missing id, or a cycle already reported
        cycle = path[path.index(current):]
        for member in cycle:
            reported.add(member)
            paper = papers[member]
            if len(cycle) == 1:
                text = f"paper '{member}' is given as an appendix of itself"
            else:
                at = cycle.index(member)
                ring = cycle[at:] + cycle[:at] + [member]
                text = "appendix_of goes round in a circle: " + " -> ".join(ring)
            log.error(paper.pos_of("appendix_of"), "appendix_of", text,
                      "appendix_of names the main paper this one is attached to; one of these must not have it")


def _check_topics(project: "Project", log: ProblemLog) -> None:
    """A topic id that data/topics.yml does not describe is most often a misspelling of one it does."""
    described = [t.slug for t in project.topics]
    if not described:
        return  # a board that describes no topics uses its ids as they are
    from .checks import _walk
    records = [*project.meetings, *project.papers.values()]
    for record in records:
        for obj in _walk(record):
            if "topics" not in type(obj).model_fields:
                continue
            for slug in obj.topics:
                if slug not in described:
                    log.warn(obj.pos_of("topics"), "topics", f"topic '{slug}' is not described in data/topics.yml",
                             did_you_mean(slug, described)
                             or "describe it in data/topics.yml (slug and title), or use an id listed there",
                             code="unknown-topic")
