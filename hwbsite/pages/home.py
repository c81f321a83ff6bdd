"""The next-or-latest meeting panel used on the home page."""

from __future__ import annotations

from .. import dates, markup, urls
from .meetings import meeting_title, status_label


def next_or_latest(project, today):
    """The next meeting on or after today, else the most recent one."""
    upcoming = [m for m in project.meetings if m.date >= today and m.status != "cancelled"]
    if upcoming:
        return upcoming[0], True
    return (project.meetings[-1], False) if project.meetings else (None, False)


def meeting_panel(project, ctx, page: str) -> str:
    """Markdown for the home page: the next meeting, or the latest one, with its agenda headlines."""
    meeting, upcoming = next_or_latest(project, ctx.today)
    if meeting is None:
        return "No meetings have been published yet.\n"
    href = urls.relative(page, urls.meeting(meeting.id))
    heading = "Next meeting" if upcoming else "Latest meeting"
    lines = [f"## {heading} {{#next-meeting}}", "",
             f"**[{markup.text(meeting_title(project.board, meeting))}]({href})**", ""]
    details = [dates.long_date(meeting.date)]
    if meeting.time:
        details.append(dates.clock(meeting.time))
    if meeting.venue:
        details.append(meeting.venue)
    lines += [markup.text(", ".join(details)) + ".", "", f"Status: {markup.text(status_label(meeting))}.", ""]
    if meeting.agenda and meeting.agenda.items:
        substantive = [i for i in meeting.agenda.items if i.section or i.papers]
        shown = substantive or meeting.agenda.items
        lines += ["On the agenda:", ""]
        for item in shown:
            lines.append(f"- [{markup.text(item.number)}. {markup.text(item.title)}]({href}#{item.anchor})")
        lines.append("")
    lines += [f"[All meetings]({urls.relative(page, urls.MEETINGS)})", ""]
    return "\n".join(lines)
