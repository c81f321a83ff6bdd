"""The OParl 1.1 export: every object valid against the OParl schemas, ids that resolve, OParl lists."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import jsonschema
import pytest

from exports_support import FIXTURES, PRIVATE_MARKERS, REPO, SITE_URL, as_bytes, exports, load
from hwbsite.exports import oparl

# CI copies shared/ beside the checkout (../shared); OPARL_SCHEMAS points elsewhere (e.g. a worktree).
SCHEMAS = Path(os.environ.get("OPARL_SCHEMAS") or REPO.parent / "shared" / "oparl-1.1-schema")
if not (SCHEMAS / "Meeting.json").exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"the OParl 1.1 schemas are missing: expected {SCHEMAS}")
    pytest.skip(f"the OParl 1.1 schemas are not at {SCHEMAS} (set OPARL_SCHEMAS)", allow_module_level=True)

TYPES = ("System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "File",
         "Consultation", "LegislativeTerm", "Location")
PREFIX = "https://schema.oparl.org/1.1/"


def _date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    parsed = dt.datetime.fromisoformat(value)
    return "T" in value and parsed.tzinfo is not None


def validators():
    out = {}
    for name in TYPES:
        schema = json.loads((SCHEMAS / f"{name}.json").read_text())
        checker = jsonschema.FormatChecker()
        # "url" is OParl's own format name: check it as an absolute http(s) URL.
        checker.checks("url")(lambda v: not isinstance(v, str) or v.startswith(("https://", "http://")))
        # jsonschema checks date-time only with an optional extra package: check both here.
        checker.checks("date-time", raises=ValueError)(_date_time)
        checker.checks("date", raises=ValueError)(lambda v: not isinstance(v, str) or bool(dt.date.fromisoformat(v)))
        out[name] = jsonschema.Draft7Validator(schema, format_checker=checker)
    return out


def objects(value):
    """Every OParl object in a document, embedded ones included."""
    if isinstance(value, dict):
        if str(value.get("type", "")).startswith(PREFIX):
            yield value
        for v in value.values():
            yield from objects(v)
    elif isinstance(value, list):
        for v in value:
            yield from objects(v)


def tree(root, today, **kw):
    out = exports(root, today)
    return {p: json.loads(as_bytes(i)) for p, i in out.items() if p.startswith("oparl/")}


@pytest.fixture(scope="module")
def real():
    return tree(REPO, dt.date(2017, 9, 20))


@pytest.mark.parametrize("root,today", [(REPO, dt.date(2017, 9, 20)), (FIXTURES / "exports-edge", dt.date(2026, 7, 1)),
                                        (FIXTURES / "exempt", dt.date(2026, 2, 1))])
def test_every_object_validates_against_its_oparl_schema(root, today):
    check = validators()
    errors, seen = [], set()
    for path, doc in tree(root, today).items():
        for obj in objects(doc):
            kind = obj["type"].removeprefix(PREFIX)
            seen.add(kind)
            errors += [f"{path}: {kind} {e.json_path}: {e.message}" for e in check[kind].iter_errors(obj)]
    assert errors == []
    assert {"System", "Body", "Organization", "Person", "Meeting", "Paper", "File", "LegislativeTerm"} <= seen


def test_every_id_is_the_address_the_object_is_published_at(real):
    for path, doc in real.items():
        if "data" not in doc:
            assert doc["id"] == SITE_URL + path
    ids = {o["id"] for doc in real.values() for o in objects(doc)}
    missing = [i for i in ids if i.removeprefix(SITE_URL) not in real]
    assert missing == []


def test_references_between_objects_resolve(real):
    refs = []
    for doc in real.values():
        for obj in objects(doc):
            for key in ("meeting", "paper", "person", "organization", "agendaItem", "consultation", "body",
                        "superordinatedPaper", "subordinatedPaper", "participant", "membership"):
                value = obj.get(key)
                for v in value if isinstance(value, list) else [value]:
                    if isinstance(v, str):
                        refs.append(v)
    broken = sorted({r for r in refs if r.removeprefix(SITE_URL) not in real})
    assert broken == []


def test_one_agenda_item_per_public_agenda_item_and_one_meeting_per_meeting(real):
    view, _ = load(REPO, dt.date(2017, 9, 20))
    items = [i for m in view.meetings if m.agenda for i in m.agenda.walk()]
    listed = real["oparl/agendaitems.json"]
    assert listed["pagination"]["totalElements"] == len(items)
    assert len([p for p in real if p.startswith("oparl/agendaitem/")]) == len(items)
    assert real["oparl/meetings.json"]["pagination"]["totalElements"] == len(view.meetings)
    assert real["oparl/papers.json"]["pagination"]["totalElements"] == len(view.papers)
    assert real["oparl/people.json"]["pagination"]["totalElements"] == len(view.people)


def test_lists_are_paginated_the_oparl_way():
    view, ctx = load(FIXTURES / "exports-edge", dt.date(2026, 7, 1))
    out = {f.path: json.loads(f.text) for f in oparl.oparl_files(view, ctx, SITE_URL, page_size=2)}
    first = out["oparl/meetings.json"]
    assert first["pagination"] == {"totalElements": 4, "elementsPerPage": 2, "currentPage": 1, "totalPages": 2}
    assert first["links"]["next"] == SITE_URL + "oparl/meetings-page-2.json"
    assert "prev" not in first["links"]
    second = out["oparl/meetings-page-2.json"]
    assert second["links"]["prev"] == SITE_URL + "oparl/meetings.json" and "next" not in second["links"]
    assert [m["id"] for m in first["data"] + second["data"]] == [
        SITE_URL + f"oparl/meeting/{d}.json" for d in ("2026-03-11", "2026-04-08", "2026-06-10", "2026-10-28")]


def test_awkward_records_map_honestly():
    out = tree(FIXTURES / "exports-edge", dt.date(2026, 7, 1))
    no_time = out["oparl/meeting/2026-06-10.json"]
    assert "start" not in no_time and "location" not in no_time          # nothing invented
    april = out["oparl/meeting/2026-04-08.json"]
    assert april["start"] == "2026-04-08T10:00:00+01:00"
    assert april["location"]["description"] == "Room 1, Floor 2; Civic Centre\nHigh Street, Edgetown"
    assert out["oparl/meeting/2026-10-28.json"]["cancelled"] is True
    assert "membership" not in out["oparl/person/no-roles.json"]
    letter = out["oparl/paper/annual-letter.json"]
    assert letter["name"] == "An annual letter to no meeting" and "consultation" not in letter
    item = out["oparl/agendaitem/2026-04-08-2.json"]
    assert item["resolutionText"] == "That the report be noted; and the plan, agreed."
    assert item["consultation"] == SITE_URL + "oparl/consultation/care-report.json"


def test_private_business_is_only_a_title_marked_not_public():
    out = tree(FIXTURES / "exempt", dt.date(2026, 2, 1))
    raw = "".join(json.dumps(doc) for doc in out.values())
    assert [m for m in PRIVATE_MARKERS if m in raw] == []
    exempt = out["oparl/agendaitem/2026-01-14-3.json"]
    assert set(exempt) == {"id", "type", "meeting", "number", "order", "name", "public", "web"}
    assert exempt["public"] is False and exempt["name"] == "Care home contract award"
    assert sorted(p.removeprefix("oparl/paper/") for p in out if p.startswith("oparl/paper/")) == ["public-report.json"]
