"""A static OParl 1.1 interface under /oparl/: the board's meetings, agenda items, papers and people
in the open standard council information systems speak (https://oparl.org/).

Every object's id is the URL it is published at, made from data ids (dates, slugs), so ids are
permanent.  Lists are OParl external lists: ``data``, ``pagination`` and ``links``, split into pages
of ``PAGE_SIZE``.  What maps to what, and what OParl cannot say, is in the README.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from zoneinfo import ZoneInfo

from .. import lifecycle, provenance, urls
from ..pages.meetings import meeting_title, meeting_updated
from ..outputitem import OutputItem
from . import addresses, clean
from .opendata import licence
from .. import patterns

ROOT = "oparl"
PAGE_SIZE = 50
LONDON = ZoneInfo("Europe/London")
SCHEMA = "https://schema.oparl.org/1.1/"
_SLUG = patterns.compile("exports.oparl.slug", r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", str(text).lower()).strip("-") or "x"


# An organisation's key is its name's slug, which an officer's text decides: at most this long (a
# name of 400 characters made a file name the build could not write, after `check` had passed it).
MAX_ORG_SLUG = 80


def _org_keys(names) -> dict[str, str]:
    """name -> the key of its Organization: the slug, unless that is too long, is the board's own
    ("board"), or is shared by another name ("A&B", "A B"); then a shortened slug and a hash of the
    name, so that no two organisations are written to one file and each key stays the same build
    after build."""
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(_slug(name), []).append(name)
    keys = {}
    for slug, group in by_slug.items():
        for name in group:
            plain = len(group) == 1 and len(slug) <= MAX_ORG_SLUG and slug != "board"
            keys[name] = slug if plain else (
                f"{slug[:MAX_ORG_SLUG - 9].rstrip('-')}-{hashlib.sha1(name.encode()).hexdigest()[:8]}")
    return keys


class _Ids:
    """The URL of every object and list; one place so references always resolve."""

    def __init__(self, site_url, organisations=()):
        self.site_url = site_url
        self.orgs = _org_keys(organisations)

    def path(self, kind: str, key: str | None = None) -> str:
        return f"{ROOT}/{kind}.json" if key is None else f"{ROOT}/{kind}/{key}.json"

    def url(self, kind: str, key: str | None = None) -> str:
        return addresses.file(self.site_url, self.path(kind, key))

    system = property(lambda self: self.url("system"))
    body = property(lambda self: self.url("body", "board"))
    board_org = property(lambda self: self.url("organization", "board"))

    def meeting(self, m):
        return self.url("meeting", m.id)

    def item(self, m, item):
        return self.url("agendaitem", f"{m.id}-{_slug(item.number)}")

    def paper(self, paper_id):
        return self.url("paper", paper_id)

    def person(self, person_id):
        return self.url("person", person_id)

    def org(self, name):
        return self.url("organization", self.orgs.get(name) or _slug(name))

    def membership(self, person_id, n):
        return self.url("membership", f"{person_id}-{n}")

    def consultation(self, paper_id):
        return self.url("consultation", paper_id)

    def file(self, key):
        return self.url("file", key)

    def term(self, key):
        return self.url("legislativeterm", key)

    def location(self, venue):
        return self.url("location", hashlib.sha1(venue.encode()).hexdigest()[:12])

    def list(self, name, page=1):
        return addresses.file(self.site_url, self.list_path(name, page))

    def list_path(self, name, page=1):
        return f"{ROOT}/{name}.json" if page == 1 else f"{ROOT}/{name}-page-{page}.json"


def _obj(kind: str, id_: str, **props) -> dict:
    out = {"id": id_, "type": SCHEMA + kind}
    for key, value in props.items():
        if value is None or value == [] or value == "":
            continue
        out[key] = clean(value) if isinstance(value, str) else value
    return out


def _start(meeting, time=None) -> str | None:
    """OParl's start (and end) is a date-time: given only when the data has a time (Europe/London offset)."""
    time = time or meeting.time
    if not time:
        return None
    hour, minute = (int(x) for x in time.split(":"))
    return dt.datetime.combine(meeting.date, dt.time(hour, minute), tzinfo=LONDON).isoformat()


def _modified(day) -> str | None:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone.utc).isoformat() if day else None


def _financial_year(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


class _Builder:
    def __init__(self, project, site_url):
        self.p = project
        self.ids = _Ids(site_url, [r.organisation for person in project.people for r in person.roles
                                   if r.organisation])
        self.site_url = site_url
        lic = licence(project.board)
        self.license = lic.get("path")
        self.decisions = {}   # (meeting id, agenda item number) -> resolution texts

    def web(self, md_path, anchor=""):
        return addresses.page(self.site_url, md_path, anchor)

    # --- objects -----------------------------------------------------------------------------
    def system(self):
        board = self.p.board
        return _obj("System", self.ids.system, oparlVersion="https://schema.oparl.org/1.1/",
                    body=self.ids.list("bodies"), name=board.name, license=self.license,
                    contactEmail=board.contact_email, website=board.website, web=addresses.base(self.site_url))

    def body(self):
        board = self.p.board
        return _obj("Body", self.ids.body, system=self.ids.system, name=board.name, shortName=board.short_name,
                    website=board.website, license=self.license, contactEmail=board.contact_email,
                    organization=self.ids.list("organizations"), person=self.ids.list("people"),
                    meeting=self.ids.list("meetings"), paper=self.ids.list("papers"),
                    agendaItem=self.ids.list("agendaitems"), consultation=self.ids.list("consultations"),
                    file=self.ids.list("files"), membership=self.ids.list("memberships"),
                    legislativeTermList=self.ids.list("legislativeterms"), locationList=self.ids.list("locations"),
                    legislativeTerm=self.terms(), mainOrganization=self.ids.board_org,
                    classification="Health and Wellbeing Board", web=addresses.base(self.site_url))

    def terms(self):
        years = sorted({_financial_year(m.date) for m in self.p.meetings})
        return [_obj("LegislativeTerm", self.ids.term(f"{y}-{(y + 1) % 100:02d}"), body=self.ids.body,
                     name=f"{y}/{(y + 1) % 100:02d}", startDate=f"{y}-04-01", endDate=f"{y + 1}-03-31",
                     keyword=["financial-year"])
                for y in years]

    def organizations(self):
        board = self.p.board
        orgs = [_obj("Organization", self.ids.board_org, body=self.ids.body, name=board.name,
                     shortName=board.short_name, organizationType="committee",
                     classification="Health and Wellbeing Board", meeting=self.ids.list("meetings"),
                     web=addresses.base(self.site_url))]
        names = sorted({r.organisation for person in self.p.people for r in person.roles if r.organisation})
        for name in names:
            orgs.append(_obj("Organization", self.ids.org(name), body=self.ids.body, name=name,
                             organizationType="organisation",
                             membership=[self.ids.membership(person.id, n)
                                         for person in sorted(self.p.people, key=lambda x: x.id)
                                         for n, r in enumerate(person.roles, start=1) if r.organisation == name]))
        return orgs

    def memberships(self, person):
        return [_obj("Membership", self.ids.membership(person.id, n), person=self.ids.person(person.id),
                     organization=self.ids.org(role.organisation) if role.organisation else None,
                     role=role.title, startDate=role.start.isoformat() if role.start else None,
                     endDate=role.end.isoformat() if role.end else None)
                for n, role in enumerate(person.roles, start=1)]

    def person(self, person):
        return _obj("Person", self.ids.person(person.id), body=self.ids.body, name=person.name,
                    membership=self.memberships(person), web=self.web(urls.person(person.id)))

    def location(self, venue):
        return _obj("Location", self.ids.location(venue), description=venue)

    def file(self, key, name, access, mime, **extra):
        return _obj("File", self.ids.file(key), name=name, accessUrl=access, mimeType=mime,
                    fileLicense=self.license, **extra)

    def agenda_item(self, meeting, item, order):
        if item.exempt is not None:
            # Business taken in private: its title and that it is not public are all OParl gets.
            return _obj("AgendaItem", self.ids.item(meeting, item), meeting=self.ids.meeting(meeting),
                        number=item.number, order=order, name=item.title, public=False,
                        web=self.web(urls.meeting(meeting.id), item.anchor))
        papers = provenance.for_project(self.p).printed_under(meeting, item)
        resolutions = self.decisions.get((meeting.id, item.number), [])
        return _obj("AgendaItem", self.ids.item(meeting, item), meeting=self.ids.meeting(meeting),
                    number=item.number, order=order, name=item.title, public=True,
                    consultation=self.ids.consultation(papers[0]) if papers else None,
                    resolutionText="\n\n".join(resolutions) or None,
                    keyword=list(item.topics), web=self.web(urls.meeting(meeting.id), item.anchor))

    def meeting(self, meeting):
        items = list(meeting.agenda.walk()) if meeting.agenda else []
        participants = []
        if meeting.minutes:
            att = meeting.minutes.attendance
            for category in ("present", "report_presenters", "officers", "observers"):
                for entry in getattr(att, category):
                    person = self.p.person_named(entry.name)
                    if person and self.ids.person(person.id) not in participants:
                        participants.append(self.ids.person(person.id))
        page = urls.meeting(meeting.id)
        invitation = (self.file(f"agenda-{meeting.id}", f"Agenda: {meeting_title(self.p.board, meeting)}",
                                self.web(page, "agenda"), "text/html", date=(meeting.agenda.published or meeting.date).isoformat(),
                                meeting=[self.ids.meeting(meeting)])
                      if meeting.agenda and meeting.agenda.status == "published" else None)
        protocol = (self.file(f"minutes-{meeting.id}", f"Minutes: {meeting_title(self.p.board, meeting)}",
                              self.web(page, "minutes"), "text/html", meeting=[self.ids.meeting(meeting)])
                    if meeting.minutes else None)
        calendar = self.file(f"calendar-{meeting.id}", "Calendar entry",
                             addresses.file(self.site_url, urls.meeting_calendar(meeting.id)), "text/calendar",
                             meeting=[self.ids.meeting(meeting)])
        # meetingState and cancelled are the stage the public view decided (lifecycle), as every page says,
        # in OParl's recommended words (lifecycle.OPARL_STATES), never the pages' English.
        stage = lifecycle.stage_of(self.p, meeting)
        return _obj("Meeting", self.ids.meeting(meeting), name=meeting_title(self.p.board, meeting),
                    meetingState=stage.oparl_state, cancelled=stage.cancelled or None,
                    start=_start(meeting), end=_start(meeting, meeting.end_time) if meeting.end_time and meeting.time else None,
                    location=self.location(meeting.venue) if meeting.venue else None,
                    organization=[self.ids.board_org], participant=participants,
                    invitation=invitation, resultsProtocol=protocol, auxiliaryFile=[calendar],
                    agendaItem=[self.agenda_item(meeting, item, n) for n, item in enumerate(items, start=1)],
                    keyword=[f"moved-to:{meeting.moved_to.isoformat()}"] if meeting.moved_to else [],
                    modified=_modified(meeting_updated(meeting)), web=self.web(page))

    def consultation(self, paper):
        # the meeting whose agenda pack printed the paper (provenance), as every page says
        record = provenance.for_project(self.p)[paper.id]
        meeting, item = record.pack, record.item
        return _obj("Consultation", self.ids.consultation(paper.id), paper=self.ids.paper(paper.id),
                    meeting=self.ids.meeting(meeting) if meeting else None,
                    agendaItem=self.ids.item(meeting, item) if item else None,
                    organization=[self.ids.board_org])

    def paper(self, paper):
        appendices = sorted(p.id for p in self.p.papers.values() if p.appendix_of == paper.id)
        main = self.file(f"paper-{paper.id}", paper.title, self.web(urls.paper(paper.id)), "text/html",
                         date=paper.date.isoformat() if paper.date else None, paper=[self.ids.paper(paper.id)])
        tables = [self.file(f"table-{_slug(t.stem)}", f"Table: {t.stem}",
                            addresses.file(self.site_url, urls.table_download(name)), "text/csv",
                            paper=[self.ids.paper(paper.id)])
                  for name, t in sorted(self.p.tables.items()) if f"paper:{paper.id}" in self.p.table_users.get(name, ())]
        parent = [self.ids.paper(paper.appendix_of)] if paper.appendix_of in self.p.papers else []
        return _obj("Paper", self.ids.paper(paper.id), body=self.ids.body, name=paper.title, reference=paper.id,
                    date=paper.date.isoformat() if paper.date else None, paperType=paper.type,
                    superordinatedPaper=parent, subordinatedPaper=[self.ids.paper(a) for a in appendices],
                    mainFile=main, auxiliaryFile=tables,
                    consultation=[self.consultation(paper)] if provenance.for_project(self.p)[paper.id].pack else [],
                    keyword=list(paper.topics), modified=_modified(paper.updated), web=self.web(urls.paper(paper.id)))

    # --- the tree ----------------------------------------------------------------------------
    def build(self, page_size):
        from .. import records
        for d in records.decisions(self.p):
            if d.minute.agenda_item:
                self.decisions.setdefault((d.meeting.id, d.minute.agenda_item), []).append(clean(d.resolution.text))
        meetings = [self.meeting(m) for m in self.p.meetings]
        papers = [self.paper(p) for p in sorted(self.p.papers.values(), key=lambda p: p.id)]
        people = [self.person(p) for p in sorted(self.p.people, key=lambda p: p.id)]
        body = self.body()
        lists = {
            "bodies": [body],
            "organizations": self.organizations(),
            "people": people,
            "memberships": [m for p in people for m in p.get("membership", [])],
            "meetings": meetings,
            "agendaitems": [i for m in meetings for i in m.get("agendaItem", [])],
            "papers": papers,
            "consultations": [c for p in papers for c in p.get("consultation", [])],
            "files": _unique([f for m in meetings for f in (m.get("invitation"), m.get("resultsProtocol"),
                                                            *m.get("auxiliaryFile", [])) if f]
                             + [f for p in papers for f in (p["mainFile"], *p.get("auxiliaryFile", []))]),
            "legislativeterms": body.get("legislativeTerm", []),
            "locations": _unique([m["location"] for m in meetings if "location" in m]),
        }
        files = [self._out(self.system()), self._out(body)]
        for name, items in lists.items():
            if name != "bodies":
                files += [self._out(obj) for obj in items]
            files += self._pages(name, items, page_size)
        return files

    def _out(self, obj):
        path = obj["id"].removeprefix(addresses.base(self.site_url))
        return OutputItem(path, _dump(obj))

    def _pages(self, name, items, page_size):
        total = max(1, -(-len(items) // page_size))
        out = []
        for page in range(1, total + 1):
            links = {"self": self.ids.list(name, page), "first": self.ids.list(name, 1),
                     "last": self.ids.list(name, total)}
            if page > 1:
                links["prev"] = self.ids.list(name, page - 1)
            if page < total:
                links["next"] = self.ids.list(name, page + 1)
            body = {"data": items[(page - 1) * page_size: page * page_size],
                    "pagination": {"totalElements": len(items), "elementsPerPage": page_size,
                                   "currentPage": page, "totalPages": total},
                    "links": links}
            out.append(OutputItem(self.ids.list_path(name, page), _dump(body)))
        return out


def _unique(objs):
    seen, out = set(), []
    for obj in objs:
        if obj["id"] not in seen:
            seen.add(obj["id"])
            out.append(obj)
    return out


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def oparl_files(project, ctx, site_url: str | None, page_size: int = PAGE_SIZE) -> list[OutputItem]:
    return _Builder(project, site_url).build(page_size)
