"""Meeting pages and the meetings index."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import citations, dates, lifecycle, markup, provenance, urls
from ..models.meetings import SCHEDULE_12A, Meeting
from ..models import takingpart
from ..publication import minute_exemption
from ..outputitem import OutputItem
from ..render import render
from . import links

AGENDA_STATUS = {"draft": "Draft: not yet published", "published": "Published"}


def meeting_title(board, meeting: Meeting) -> str:
    return f"{getattr(meeting, 'title', None) or board.name}, {dates.long_date(meeting.date)}"


def meeting_short_title(meeting: Meeting) -> str:
    """The page's title (the browser tab, and the header once the reader scrolls on a phone): the
    site's name already says which board, so repeating it would leave only "Example Health an…"."""
    return f"{getattr(meeting, 'title', None) or 'Meeting'}, {dates.long_date(meeting.date)}"


def status_label(project, meeting: Meeting) -> str:
    """The meeting's stage as the public view decided it (see lifecycle): never "upcoming" once the
    day has passed. Short, for a table column; the meeting's page gives the evidence too."""
    return lifecycle.stage_of(project, meeting).label


def minutes_status(project, meeting: Meeting) -> str:
    return lifecycle.stage_of(project, meeting).minutes


def meeting_updated(meeting: Meeting):
    """When the record last changed, from the data: an explicit date, else the latest dated event."""
    if meeting.updated:
        return meeting.updated
    dates_seen = [meeting.agenda.published if meeting.agenda else None,
                  meeting.minutes.approved_on if meeting.minutes else None,
                  meeting.date if meeting.status != "scheduled" or meeting.minutes else None]
    return max((d for d in dates_seen if d), default=None)


def exempt_reason(exempt) -> str:
    if exempt is None or exempt.paragraph is None:
        return ""
    return f"Paragraph {exempt.paragraph} covers: {SCHEDULE_12A[exempt.paragraph]}"


@dataclass
class ItemView:
    item: object
    presenter: object = ""
    papers: list = field(default_factory=list)
    paper_facts: dict = field(default_factory=dict)   # paper id -> "Report, 3,400 words"
    aims: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    minutes_link: bool = False
    exempt: object = None
    exempt_reason: str = ""
    children: list = field(default_factory=list)


@dataclass
class Block:
    section: str | None
    anchor: str
    level: int
    items: list


def _item_view(project, meeting, item, page, ctx) -> ItemView:
    view = ItemView(item=item, exempt=item.exempt, exempt_reason=exempt_reason(item.exempt))
    # The public view has already reduced an exempt item to its title: nothing to filter here.
    view.presenter = links.names_in(project, item.presenter, item.people, page) if item.presenter else ""
    view.papers = [project.papers[pid] for pid in provenance.for_project(project).printed_under(meeting, item)]
    view.paper_facts = {p.id: paper_facts(p) for p in view.papers}
    view.minutes_link = bool(item.minutes_of and project.meeting(item.minutes_of))
    view.aims = [a for n in item.aims if (a := ctx.aim_link(n))]
    view.topics = [ctx.topic(t) for t in item.topics]
    view.children = [_item_view(project, meeting, c, page, ctx) for c in item.items]
    return view


def _agenda_blocks(project, meeting, page, ctx) -> list[Block]:
    blocks: list[Block] = []
    for item in meeting.agenda.items:
        section = item.section
        if not blocks or blocks[-1].section != section:
            blocks.append(Block(section, urls.section_anchor(section, len(blocks)), 4 if section else 3, []))
        blocks[-1].items.append(_item_view(project, meeting, item, page, ctx))
    return blocks


def _minutes_view(project, meeting, page, ctx):
    mins = meeting.minutes
    att = mins.attendance
    person = lambda name: links.person(project, name, page)  # noqa: E731
    categories = []
    for key, label in att.CATEGORIES:
        people = getattr(att, key)
        if people:
            categories.append({"label": label, "people": [
                {"name_md": person(a.name), "role": a.role, "chair": a.chair,
                 "representing": a.representing, "representing_md": person(a.representing)}
                for a in people]})
    public = ""
    if att.public:
        public = att.public.text or (f"{'Approximately ' if att.public.approximate else ''}"
                                     f"{att.public.count} members of the public attended.")
    decl = mins.declarations
    items = []
    for minute in mins.items:
        exempt = minute_exemption(meeting, minute)
        blocks = [{"heading": None, "body": None, "resolutions": [], "actions": []}]
        res_index = 0

        def res_views(resolutions):
            nonlocal res_index
            out = []
            for r in resolutions:
                out.append({"res": r, "anchor": urls.resolution_anchor(minute.number, res_index, r.number)})
                res_index += 1
            return out

        def action_views(actions, start):
            return [{"action": a, "owner_md": person(a.owner), "anchor": urls.action_anchor(minute.number, start + i + 1)}
                    for i, a in enumerate(actions)]

        blocks[0]["resolutions"] = res_views(minute.resolutions)
        blocks[0]["actions"] = action_views(minute.actions, 0)
        n_actions = len(minute.actions)
        for s in minute.sections:
            blocks.append({"heading": s.heading, "body": s.body, "resolutions": res_views(s.resolutions),
                           "actions": action_views(s.actions, n_actions)})
            n_actions += len(s.actions)
        matters = []
        for ma in minute.matters_arising:
            href = urls.relative(page, urls.meeting(ma.minute.meeting)) + f"#minute-{ma.minute.number}" \
                if project.meeting(ma.minute.meeting) else ""
            matters.append({"matter": ma, "href": markup.Markup(href) if href else "#"})
        items.append({"minute": minute, "exempt": exempt, "exempt_reason": exempt_reason(exempt),
                      "blocks": blocks, "matters": [m for m in matters]})
    status_text = "Minutes status: " + minutes_status(project, meeting) + "."
    return {
        "status_text": status_text,
        "correction": mins.correction,
        "attendance": categories,
        "public": public,
        "declarations": [{"name_md": person(d.name), "item": d.item, "interest": d.interest, "kind": d.kind}
                         for d in (decl.entries if decl else [])],
        "declarations_none": "There were no declarations of interest." if decl and decl.none_declared
        else "No declarations of interest were recorded.",
        "items": items,
    }


def meeting_page(project, meeting: Meeting, ctx) -> OutputItem:
    page = urls.meeting(meeting.id)
    # identity, not equality: comparing pydantic models field by field is slow on a long archive
    idx = next(i for i, m in enumerate(project.meetings) if m is meeting)
    previous = project.meetings[idx - 1] if idx > 0 else None
    following = project.meetings[idx + 1] if idx + 1 < len(project.meetings) else None
    title = meeting_title(project.board, meeting)
    stage = lifecycle.stage_of(project, meeting)
    note = ""
    kind = "info"
    if meeting.status == "cancelled":
        note, kind = "This meeting was cancelled." + (f" {meeting.note}" if meeting.note else ""), "warning"
    elif meeting.status == "moved":
        note, kind = (f"This meeting has moved to {dates.long_date(meeting.moved_to)}."
                      + (f" {meeting.note}" if meeting.note else "")), "warning"
    view = {
        "title": title,
        "short_title": meeting_short_title(meeting),
        "description": f"Agenda{' and minutes' if meeting.minutes else ''} of the {title}.",
        "status_label": stage.sentence.removesuffix("."),
        "status_kind": kind,
        "status_note": markup.text(note) if note else "",
        "agenda_status": AGENDA_STATUS[meeting.agenda.status] if meeting.agenda else "Not available",
        "minutes_status": stage.minutes,
        "neighbours": neighbours(project, meeting, previous, following, page),
        "links": header_links(meeting, page, provenance.for_project(project).printed_under),
        "when": when_line(meeting),
        "agenda_blocks": _agenda_blocks(project, meeting, page, ctx) if meeting.agenda else [],
        "minutes": _minutes_view(project, meeting, page, ctx) if meeting.minutes else None,
        "taking_part": taking_part_view(project, meeting, stage),
    }
    md = render("meeting.md.j2", page, m=meeting, v=view, cite=citations.for_project(project).cite)
    return OutputItem(page, md, edit=project.source_files.get(f"meeting:{meeting.id}"),
                         updated=meeting_updated(meeting))


TAKING_PART_ANCHOR = "taking-part"


def taking_part_view(project, meeting: Meeting, stage) -> dict | None:
    """How the public can take part: board.yml's arrangements with the meeting's own over them.

    Nothing for a meeting that was cancelled or moved (its page says where it went). Once a
    meeting has taken place, attending and asking a question are past: the page keeps how to watch
    (a recording) and whom to contact. What neither file gives is named as not published here,
    never filled in with what boards usually do."""
    if meeting.status in ("cancelled", "moved"):
        return None
    arrangements = takingpart.for_meeting(project.board.taking_part, meeting.taking_part)
    contact = arrangements.contact if arrangements.contact and not arrangements.contact.empty() else None
    board = project.board
    fallback = None
    if contact is None and (board.contact_email or board.contact_phone or board.contact_address):
        fallback = {"email": board.contact_email, "phone": board.contact_phone, "address": board.contact_address}
    to_come = stage.upcoming
    missing = []
    if to_come and not arrangements.attend:
        missing.append("how to attend")
    if to_come and not arrangements.questions:
        missing.append("how to ask a question")
    if not (arrangements.watch or arrangements.watch_url):
        missing.append("whether it can be watched" if to_come else "whether a recording can be watched")
    if contact is None:
        missing.append("whom to contact about it")
    return {
        "anchor": TAKING_PART_ANCHOR,
        "heading": "Attend, ask a question or watch" if to_come else "Watch and contact",
        "to_come": to_come,
        "t": arrangements,
        "contact": contact,
        "fallback": fallback,
        "missing": _words(missing),
    }


def _words(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def neighbours(project, meeting, previous, following, page) -> list[str]:
    """Markdown lines for previous/next: the archive's neighbours, and the dates the papers name.

    The archive is not the board's full record: the meeting before 5 July 2017 in this archive
    is 11 February 2014, but the minutes of 5 July approve those of 31 May 2017.
    """
    lines = []
    named_prev = lifecycle.previous_named(meeting)
    named_next = lifecycle.next_named(meeting)
    if previous:
        href = urls.relative(page, urls.meeting(previous.id))
        lines.append(f"[Previous meeting in this archive: {dates.short_date(previous.date)}]({href})")
    if named_prev and (previous is None or named_prev != previous.date):
        in_archive = any(m.date == named_prev for m in project.meetings)
        lines.append(f"The papers of this meeting name the previous meeting as {dates.short_date(named_prev)}"
                     + ("." if in_archive else " (not in this archive)."))
    if following:
        href = urls.relative(page, urls.meeting(following.id))
        lines.append(f"[Next meeting in this archive: {dates.short_date(following.date)}]({href})")
    if named_next and (following is None or named_next != following.date):
        lines.append(f"The agenda gives the next meeting as {dates.short_date(named_next)}"
                     + (" (not in this archive)." if not any(m.date == named_next for m in project.meetings)
                        else "."))
    return [markup.Markup(line) for line in lines]


def paper_facts(paper) -> str:
    """What a reader needs before opening a paper: its kind and its length."""
    from .papers import type_label
    words = len(paper.body.split())
    return f"{type_label(paper.type)}, {words:,} word{'' if words == 1 else 's'}"


def header_links(meeting, page: str, printed_under=lambda meeting, item: item.papers) -> str:
    """The meeting's documents as links in one line: agenda, papers, minutes, pack, calendar.
    ``printed_under`` is the provenance record's (the papers the pack prints under an item)."""
    links = []
    items = list(meeting.agenda.walk()) if meeting.agenda else []
    if items:
        links.append("[Agenda](#agenda)")
        count = sum(len(printed_under(meeting, i)) for i in items)
        if count:
            links.append(f"{count} paper{'' if count == 1 else 's'} (listed under their items)")
    if meeting.minutes:
        links.append(f"[Minutes](#{urls.MINUTES_ANCHOR})")
    if items:
        links.append(f"[Printable agenda pack]({urls.relative(page, urls.meeting_pack(meeting.id))})")
    links.append(f"[Add to your calendar]({urls.relative(page, urls.meeting_calendar(meeting.id))}) (iCalendar)")
    return markup.Markup(" · ".join(links))


def when_line(meeting) -> str:
    """Date, time and place on one line (data escaped)."""
    text = f"**{markup.text(dates.long_date(meeting.date))}**"
    if meeting.time:
        text += f", {markup.text(dates.clock(meeting.time))}"
    if meeting.venue:
        text += f" · {markup.text(meeting.venue)}"
    return markup.Markup(text)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def calendar_rows(stages, page: str) -> list[dict]:
    """One line per year, newest first: each month with its meeting days, linked when the archive has them."""
    years: dict[int, dict[int, list[str]]] = {}
    for st in stages:
        months = years.setdefault(st.date.year, {})
        day = str(st.date.day)
        months.setdefault(st.date.month, []).append(
            day if st.announced_only else f"[{day}]({urls.relative(page, urls.meeting(st.meeting.id))})")
    return [{"year": y, "months": markup.Markup("; ".join(f"{MONTHS[m - 1]} {', '.join(days)}"
                                                         for m, days in sorted(years[y].items())))}
            for y in sorted(years, reverse=True)]


def calendar_page(project, ctx) -> OutputItem:
    """The meetings month by month: one table per year (newest first), a row for each of its twelve
    months, so a reader sees the months without a meeting as well as those with one. No script."""
    page = urls.MEETINGS_CALENDAR
    stages = sorted(project.stages.values(), key=lambda st: st.date)
    years: dict[int, dict[int, list[str]]] = {}
    for st in stages:
        day = f"{dates.long_date(st.date).rsplit(' ', 1)[0]}"   # "Wednesday 20 September"
        if st.meeting.time:
            day += f", {dates.clock(st.meeting.time)}"
        text = (markup.text(day) if st.announced_only
                else f"[{markup.text(day)}]({urls.relative(page, urls.meeting(st.meeting.id))})")
        years.setdefault(st.date.year, {}).setdefault(st.date.month, []).append(
            markup.Markup(f"{text}: {markup.text(st.label)}"))
    tables = [{"year": y, "months": [{"name": MONTHS[m - 1], "cell": markup.Markup("; ".join(years[y].get(m, [])) or "None in this archive")}
                                         for m in range(1, 13)]}
              for y in sorted(years, reverse=True)]
    md = render("meetings_calendar.md.j2", page, board=project.board, tables=tables)
    return OutputItem(page, md)


def meetings_index(project, ctx) -> OutputItem:
    page = urls.MEETINGS
    rows = []
    for meeting in sorted(project.meetings, key=lambda m: m.date, reverse=True):
        rows.append({
            "meeting": meeting,
            "title": meeting_title(project.board, meeting),
            "status": status_label(project, meeting),
            "agenda": "Yes" if meeting.agenda and meeting.agenda.items else "No",
            "minutes": minutes_status(project, meeting),
        })
    # Meetings the papers announce but the archive holds no file for: listed, never linked as if they had a page.
    for ann in lifecycle.announcements(project.meetings):
        st = lifecycle.stage_of(project, ann)
        by = ann.announced_by
        rows.append({
            "meeting": ann,
            "title": meeting_title(project.board, ann),
            "status": st.label,
            "announced_in": {"text": f"agenda of {dates.short_date(by.date)}",
                             "id": by.id},
            "agenda": "No",
            "minutes": st.minutes,
        })
    rows.sort(key=lambda r: r["meeting"].date, reverse=True)
    years = {}
    for row in rows:
        years.setdefault(row["meeting"].date.year, []).append(row)
    stages = sorted(project.stages.values(), key=lambda st: st.date)
    upcoming = [st for st in stages if st.upcoming]
    md = render("meetings_index.md.j2", page, board=project.board, years=years, today=ctx.today,
                upcoming=upcoming, latest=lifecycle.latest_in_archive(project.meetings, ctx.today),
                calendar=calendar_rows(stages, page))
    # "Last updated" is the newest date of what the page lists: a meeting's own date once it has come
    # (its agenda was out by then), or a later change the data records, never a date still to come
    latest = max((d for m in project.meetings for d in (meeting_updated(m), m.date) if d and d <= ctx.today),
                 default=None)
    return OutputItem(page, md, in_nav=True, updated=latest)
