"""Publication edges (issue 29): business reported to a meeting whose agenda is a draft stays
private whatever record holds it, and embargoes are judged on the build date in Europe/London."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURES, build, copy_project
from hwbsite import publication
from hwbsite.project import load_project
from hwbsite.publication import london_today, public_view
from pagefind_index import fragments, readable_bytes

MARKERS = (b"ZZRAGDRAFT", b"ZZRAGSOURCE", b"ZZDRAFTITEM")


def _view(root, day=dt.date(2017, 12, 20)):
    project, log = load_project(root, today=day)
    assert project is not None and not log.errors, [p.format() for p in log.errors]
    return public_view(project, day)


def test_a_rag_update_reported_to_a_draft_agenda_is_private():
    view = _view(FIXTURES / "draft-rag")
    assert [u.as_at for u in view.plan_updates] == [dt.date(2017, 6, 14), dt.date(2017, 9, 20)]


def test_the_same_update_is_public_once_the_agenda_is_published(tmp_path):
    root = copy_project(FIXTURES / "draft-rag", tmp_path / "published")
    meeting = root / "data/meetings/2017-12-13.yml"
    meeting.write_text(meeting.read_text().replace("  status: draft\n", "  status: published\n"))
    assert dt.date(2017, 12, 13) in [u.as_at for u in _view(root).plan_updates]


def test_a_public_paper_carries_an_update_reported_to_a_draft_agenda(tmp_path):
    root = copy_project(FIXTURES / "draft-rag", tmp_path / "carried")
    (root / "content/papers").mkdir(parents=True, exist_ok=True)
    (root / "content/papers/progress-report.md").write_text(
        "---\nid: progress-report\ntitle: Progress report\ndate: 2017-12-01\n---\n\nPublished progress.\n")
    update = root / "data/strategy/updates/2017-12-13--tiny-plan.yml"
    update.write_text(update.read_text().replace("meeting: 2017-12-13\n", "meeting: 2017-12-13\npaper: progress-report\n"))
    assert dt.date(2017, 12, 13) in [u.as_at for u in _view(root).plan_updates]


@pytest.fixture(scope="module")
def draft_rag_site(tmp_path_factory):
    root = copy_project(FIXTURES / "draft-rag", tmp_path_factory.mktemp("draft-rag"))
    return build(root, build_date="2017-12-20")


@pytest.mark.slow
def test_no_output_byte_carries_the_draft_updates_text(draft_rag_site):
    files = [p for p in draft_rag_site.rglob("*") if p.is_file()]
    assert any(p.name == "feed.xml" for p in files) and any(p.suffix == ".csv" for p in files)
    leaks = [(p.relative_to(draft_rag_site).as_posix(), m) for p in files for m in MARKERS
             if m in readable_bytes(p)]
    assert leaks == []
    indexed = " ".join(str(f) for f in fragments(draft_rag_site))
    assert "Partnership met in May" in indexed or "Plans aligned" in indexed   # the index holds updates
    assert not any(m.decode() in indexed for m in MARKERS)


# --------------------------------------------------------------------------- the date in London

UTC = dt.timezone.utc


def test_today_is_londons_date_not_the_machines():
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): an embargo until 1 July has lifted
    assert london_today(dt.datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == dt.date(2026, 7, 1)
    # in winter London keeps UTC: 23:30 UTC on 31 December is still 31 December there
    assert london_today(dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == dt.date(2026, 12, 31)
    # a machine in New York at 20:00 on 30 June: in London it is already 1 July
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert london_today(dt.datetime(2026, 6, 30, 20, 0, tzinfo=new_york)) == dt.date(2026, 7, 1)


def test_every_default_build_date_is_londons(monkeypatch, tmp_path):
    # the machine's clock says 30 June (local); London says 1 July: the check and the build judge 1 July
    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2026, 6, 30, 23, 30, tzinfo=UTC).astimezone(tz) if tz else dt.datetime(2026, 6, 30, 23, 30)

    monkeypatch.setattr(publication.dt, "datetime", Clock)
    root = copy_project(FIXTURES / "minimal", tmp_path / "site")
    project, _log = load_project(root)
    assert project.today == dt.date(2026, 7, 1)


def test_no_module_asks_the_machine_for_its_local_date():
    from pathlib import Path
    import hwbsite
    package = Path(list(hwbsite.__path__)[0])
    found = [f"{p.name}:{n}" for p in sorted(package.rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if "date.today(" in line or "datetime.now()" in line]
    assert found == []
