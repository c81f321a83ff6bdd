"""INTERIM, to be deleted when hwbsite/publication.py lands: a stand-in for the public view.

The exports are written against the public view (every private record already removed) and add
no privacy rule of their own.  Until the lead's publication.public_view exists, the plugin and
the export tests pass the project through this function so that nothing exempt, draft,
confidential or embargoed reaches an export.  It applies the rules that exist today
(references.is_public_paper through ctx.public_papers, ctx.public_tables, Meeting.exemption);
it does not define new ones.  LEAD: replace every call with the public view, then delete this file.
"""

from __future__ import annotations

import dataclasses


def interim_public_view(project, ctx):
    meetings = [_public_meeting(m) for m in project.meetings]
    view = dataclasses.replace(
        project,
        meetings=meetings,
        papers={k: p for k, p in project.papers.items() if k in ctx.public_papers},
        tables={k: t for k, t in project.tables.items() if k in ctx.public_tables},
        plan_updates=[u for u in project.plan_updates if u.paper is None or u.paper in ctx.public_papers],
    )
    view.index()
    return view


def _public_meeting(meeting):
    copy = meeting.model_copy(deep=True)
    exempt_numbers = set()
    if copy.agenda:
        for item in copy.agenda.walk():
            if item.exempt is not None:
                exempt_numbers.add(item.number)
                # Only the title and the Schedule 12A paragraph of exempt business are public.
                item.presenter, item.people, item.papers, item.topics, item.aims = None, [], [], [], []
                item.pages, item.minutes_of, item.items = None, None, []
                item.exempt = item.exempt.model_copy(update={"note": None})
    if copy.minutes:
        copy.minutes.items = meeting.model_copy(deep=True).public_minutes()
        if copy.minutes.declarations:
            copy.minutes.declarations.entries = [d for d in copy.minutes.declarations.entries
                                                 if d.item not in exempt_numbers]
    return copy
