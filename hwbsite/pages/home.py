"""The home page's meeting panel: when the next meeting is, or where the archive ends."""

from __future__ import annotations

from .. import dates, lifecycle, markup, urls
from .meetings import TAKING_PART_ANCHOR, meeting_title


def meeting_panel(project, ctx, page: str) -> str:
    """Markdown answering "when is the next meeting?" from the data and the build date.

    When the papers give no meeting on or after the build date, the panel says so and names
    the date at which the archive ends, rather than showing an old meeting as if it were next.
    """
    meetings = project.meetings
    if not meetings:
        return "No meetings have been published yet.\n"
    nxt = lifecycle.next_meeting(project)
    lines = []
    if nxt is not None:
        lines += ["## Next meeting {#next-meeting}", ""]
        lines += _meeting_lines(project, nxt, page)
        if nxt.announced_only:
            by = nxt.meeting.announced_by
            href = urls.relative(page, urls.meeting(by.id))
            lines += [f"The date was given in the [agenda of {dates.short_date(by.date)}]({href}#agenda). "
                      "No agenda has been published yet.", ""]
        shown = nxt.meeting
    else:
        latest = lifecycle.latest_in_archive(meetings, ctx.today) or meetings[-1]
        lines += ["## Latest meeting in this archive {#next-meeting}", ""]
        sentence = (f"No future meeting is known. This archive ends at the meeting of "
                    f"{dates.long_date(latest.date)}")
        later = [a for a in lifecycle.announcements(meetings) if a.date > latest.date]
        if later:
            sentence += (f"; its papers announced a meeting on {dates.long_date(later[-1].date)}, "
                         "of which this archive holds no record")
        lines += [markup.text(sentence + "."), ""]
        lines += _meeting_lines(project, lifecycle.stage_of(project, latest), page)
        shown = latest
    if not isinstance(shown, lifecycle.Announcement) and shown.agenda and shown.agenda.items:
        href = urls.relative(page, urls.meeting(shown.id))
        substantive = [i for i in shown.agenda.items if i.section or i.papers]
        lines += ["On the agenda:", ""]
        for item in substantive or shown.agenda.items:
            lines.append(f"- [{markup.text(item.number)}. {markup.text(item.title)}]({href}#{item.anchor})")
        lines.append("")
    if not isinstance(shown, lifecycle.Announcement) and shown.status not in ("cancelled", "moved"):
        # the meeting page's section on attending, asking a question, watching and whom to contact
        href = urls.relative(page, urls.meeting(shown.id))
        words = ("How to attend, ask a question or watch" if lifecycle.stage_of(project, shown).upcoming
                 else "Watch and contact")   # the section's own heading (meetings.taking_part_view)
        lines += [f"[{words}]({href}#{TAKING_PART_ANCHOR})", ""]
    lines += [f"[All meetings]({urls.relative(page, urls.MEETINGS)}) · "
              f"[Calendar]({urls.relative(page, urls.MEETINGS_CALENDAR)}) · "
              f"[Who sits on the board]({urls.relative(page, urls.MEMBERS)})", ""]
    return "\n".join(lines)


def _meeting_lines(project, stage, page: str) -> list[str]:
    meeting = stage.meeting
    title = markup.text(meeting_title(project.board, meeting))
    if stage.announced_only:
        lines = [f"**{title}**", ""]
    else:
        lines = [f"**[{title}]({urls.relative(page, urls.meeting(meeting.id))})**", ""]
    details = [dates.long_date(meeting.date)]
    if meeting.time:
        details.append(dates.clock(meeting.time))
    if meeting.venue:
        details.append(meeting.venue)
    lines += [markup.text(", ".join(details)) + ".", "", f"Status: {markup.text(stage.sentence)}", ""]
    if not stage.upcoming:
        lines += [f"Minutes: {markup.text(stage.minutes)}.", ""]
    return lines
