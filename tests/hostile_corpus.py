"""Script payloads written into every kind of field and file an officer can edit.

One list drives two tests: tests/test_hostile.py (each payload is refused at its file:line or built
inert) and tests/browser/test_site_hostile.py (Chromium loads every page of the built site and
clicks every link and button: no payload may run). Every payload tries to set ``window.__pwned``.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "hostile"
FLAG = "__pwned"
JS = f"window.{FLAG}=1"

PAYLOADS: list[str] = [
    f"<script>{JS}</script>",
    f"<svg/onload={JS}>",
    f"<svg><script>{JS}</script></svg>",
    f"<img src=x onerror={JS}>",
    f'<img src=x onerror="{JS}">',
    f"[click](javascript:{JS})",
    f"[click](&#106;avascript:{JS})",
    f"[click](javascript&colon;{JS})",
    f"[click](JaVaScRiPt:{JS})",
    f"[click][r]\n\n[r]: &#x6A;avascript:{JS}",
    f"[click][r]\n\n[r]: javascript:{JS}",
    f"<javascript:{JS}>",
    f"![x](javascript:{JS})",
    f'<a href="javascript:{JS}">click</a>',
    f'<a href="&#x6A;avascript:{JS}">click</a>',
    f'<a href=" javascript:{JS}">click</a>',
    f'<a href="java&#x09;script:{JS}">click</a>',
    f'<a href="#" onclick="{JS}">click</a>',
    f'<a href="data:text/html,<script>parent.{FLAG}=1</script>">click</a>',
    f"<details open ontoggle={JS}><summary>x</summary>y</details>",
    f'<iframe src="javascript:{JS}"></iframe>',
    f'<iframe srcdoc="<script>parent.{FLAG}=1</script>"></iframe>',
    f'<object data="javascript:{JS}"></object>',
    f'<embed src="javascript:{JS}">',
    f"<body onload={JS}>",
    f'<style>@import "javascript:{JS}";</style>',
    f'<math><a xlink:href="javascript:{JS}">click</a></math>',
    f'<form><button formaction="javascript:{JS}">click</button></form>',
    f"<input autofocus onfocus={JS}>",
    f'<p onmouseover="{JS}">hover</p>',
    f'Some text\n{{: onclick="{JS}" }}',
    f'[click](#x){{: onclick="{JS}" }}',
    f"<<script>script>{JS}<</script>/script>",
    f"</textarea><script>{JS}</script>",
    f'"><script>{JS}</script>',
    f"'><img src=x onerror={JS}>",
    f"</script><script>{JS}</script>",
    f"<scr<script>ipt>{JS}</script>",
    f'<div style="background:url(javascript:{JS})">x</div>',
    f'<base href="javascript:{JS}//">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{JS}">',
    f'<noscript><p title="</noscript><img src=x onerror={JS}>">',
    f'<a href="javas\u0000cript:{JS}">click</a>'.replace("\u0000", "&#0;"),
    f"<div markdown>[click](javascript:{JS})</div>",
    f"<svg><a href=\"javascript:{JS}\"><text y=20>click</text></a></svg>",
    f"<img src=\"x\" alt=\"\" onerror=&#x77;indow.{FLAG}=1>",
    # a chart container written by hand: hwbsite.js hands this figure JSON to Plotly
    '<div class="hwb-chart__plot" data-figure=\'{"data":[{"type":"scatter","x":[1,2],"y":[1,2],'
    f'"text":["<img src=x onerror={JS}>","<a href=\\"javascript:{JS}\\">b</a>"],"hoverinfo":"text"}}],'
    f'"layout":{{"title":{{"text":"<a href=\\"javascript:{JS}\\">click</a>"}}}}}}\'></div>',
    # YAML escapes, written literally: a value HTML-escaped and then put in a double-quoted YAML string
    # was decoded back into markup (generated front matter: titles, descriptions, summaries)
    "\\x22\\x3e\\x3cscript\\x3e" + JS + "\\x3c/script\\x3e",
    "\\u0022\\u003e\\u003cimg src=x onerror=" + JS + "\\u003e",
    # a line of its own that closes front matter, then keys of the attacker's choosing
    f"x\n---\ntemplate: redirect.html\nlocation: javascript:{JS}\n---\n",
    # bare addresses: harmless as text, live as a reference-link definition another field uses
    f"javascript:{JS}",
    f"&#x6A;avascript:{JS}",
]

# Where each payload is written. YAML text fields are written as block scalars ("|-") so any
# payload fits; the loader reports a refused field at its key's line.
YAML_FIELDS = ["agenda-title", "agenda-presenter", "minute-body", "resolution", "action-text",
               "section-body", "person-name", "metric-title", "metric-description", "board-standing-item"]
FILE_FIELDS = ["paper-title", "paper-summary", "paper-body", "page", "page-title", "page-description",
               "csv-cell", "value-breakdown", "value-note", "board-name"]
# Slots outside the article: front-matter keys the theme prints or acts on, MultiMarkdown meta lines,
# a key given twice, files by type and name, board fields the footer prints, a reference definition
# that another field's [x][id] uses.
THEME_FIELDS = ["page-author", "page-status", "page-icon", "page-template", "page-meta-line",
                "page-duplicate-title", "file-upper-md", "file-fake-png", "split-reference",
                "board-phone", "board-address", "board-email", "board-website", "board-licence-name",
                "board-licence-url", "board-licence-exceptions"]
# How the public takes part (board.yml taking_part:, issue 27): printed on every meeting's page, the
# attend and question lines on a meeting to come (write_corpus adds one).
TAKING_PART_FIELDS = ["board-attend", "board-questions", "board-watch", "board-watch-url", "board-contact-name",
                      "board-contact-role", "board-contact-email", "board-contact-phone"]
# Loaded on their own: a symbolic link stops the load before anything else is read.
LINK_FIELDS = ["symlink"]
BOARD_FIELDS = ["board-name"] + [f for f in THEME_FIELDS if f.startswith("board-")] + TAKING_PART_FIELDS
FIELDS = YAML_FIELDS + FILE_FIELDS + THEME_FIELDS + TAKING_PART_FIELDS + LINK_FIELDS


@dataclass(frozen=True)
class Placed:
    field: str
    pid: int
    file: str        # relative to the project root
    first: int      # lines (1-based) where a refusal may be reported
    last: int
    also: tuple = ()  # files that refer to this one, where its refusal may be echoed ("unknown metric")


def _block(payload: str, indent: int) -> list[str]:
    pad = " " * indent
    return [pad + line if line else "" for line in payload.split("\n")]


class _Lines:
    """A file built line by line, remembering where each payload went."""

    def __init__(self, file: str):
        self.file, self.lines = file, []

    def add(self, *lines: str) -> int:
        self.lines.extend(lines)
        return len(self.lines)

    def block(self, key_line: str, payload: str, indent: int, field: str, pid: int, placed: list) -> None:
        first = self.add(key_line)
        last = self.add(*_block(payload, indent))
        placed.append(Placed(field, pid, self.file, first, last))

    def write(self, root: Path) -> None:
        path = root / self.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")


def write_corpus(root: Path, only: set[tuple[str, int]] | None = None) -> list[Placed]:
    """Write the payloads (all, or the (field, pid) pairs in ``only``) into the project at root."""
    want = lambda field, pid: only is None or (field, pid) in only  # noqa: E731
    placed: list[Placed] = []
    pids = range(len(PAYLOADS))

    meeting = _Lines("data/meetings/2026-02-11.yml")
    meeting.add("date: 2026-02-11", 'time: "10:00"', "status: held", "agenda:", "  items:")
    for pid in pids:
        for field, key in (("agenda-title", "title"), ("agenda-presenter", "presenter")):
            if want(field, pid):
                meeting.add(f'    - number: "{field[7]}{pid}"')
                if key != "title":
                    meeting.add("      title: An item")
                meeting.block(f"      {key}: |-", PAYLOADS[pid], 8, field, pid, placed)
    if len(meeting.lines) == 5:
        meeting.add('    - number: "1"', "      title: Apologies for absence")
    meeting.add("minutes:", "  status: approved", "  attendance:", "    present:",
                '      - {name: "Cllr A. Chair", chair: true}', "  declarations: {none_declared: true}", "  items:")
    number = 0
    for pid in pids:
        if want("split-reference", pid):
            # [x][id] in one minute, [id]: <payload> in another: each alone renders no link
            number += 1
            meeting.add(f"    - number: {number}", "      title: A minute", "      body: |-",
                        f"        See [the report][split{pid}].")
            number += 1
            meeting.add(f"    - number: {number}", "      title: Another minute")
            meeting.block("      body: |-", f"[split{pid}]: " + PAYLOADS[pid], 8, "split-reference", pid, placed)
        for field in ("minute-body", "resolution", "action-text", "section-body"):
            if not want(field, pid):
                continue
            number += 1
            meeting.add(f"    - number: {number}", "      title: A minute")
            if field == "minute-body":
                meeting.block("      body: |-", PAYLOADS[pid], 8, field, pid, placed)
            elif field == "resolution":
                meeting.add("      resolutions:", "        - number: 1")
                meeting.block("          text: |-", PAYLOADS[pid], 12, field, pid, placed)
            elif field == "action-text":
                meeting.add("      actions:", "        - owner: Bob Officer")
                meeting.block("          text: |-", PAYLOADS[pid], 12, field, pid, placed)
            else:
                meeting.add("      sections:", "        - heading: A section")
                meeting.block("          body: |-", PAYLOADS[pid], 12, field, pid, placed)
    if number == 0:
        meeting.add("    - number: 1", "      title: A minute")
    meeting.write(root)

    people = _Lines("data/people.yml")
    people.add("people:", "  - id: ann-chair", "    name: Councillor Ann Chair", '    aliases: ["Cllr A. Chair"]',
               "  - id: bob-officer", "    name: Bob Officer")
    for pid in pids:
        if want("person-name", pid):
            people.add(f"  - id: hostile-{pid}")
            people.block("    name: |-", PAYLOADS[pid], 6, "person-name", pid, placed)
    people.write(root)

    board = _Lines("data/board.yml")
    named = [pid for pid in pids if want("board-name", pid)]
    assert len(named) <= 1, "a site has one board: one board-name payload per load"
    if named:
        board.block("name: |-", PAYLOADS[named[0]], 2, "board-name", named[0], placed)
    else:
        board.add("name: Testshire Health and Wellbeing Board")
    board.add("council: Testshire County Council",
              "default_venue: County Hall", 'default_time: "10:00"')
    licence = []
    for field, key in (("board-phone", "contact_phone"), ("board-address", "contact_address"),
                       ("board-email", "contact_email"), ("board-website", "website"),
                       ("board-licence-name", "name"), ("board-licence-url", "url"),
                       ("board-licence-exceptions", "exceptions")):
        chosen = [pid for pid in pids if want(field, pid)]
        assert len(chosen) <= 1, f"a site has one board: one {field} payload per load"
        if not chosen:
            continue
        if field.startswith("board-licence-"):
            licence.append((field, key, chosen[0]))
        else:
            board.block(f"{key}: |-", PAYLOADS[chosen[0]], 2, field, chosen[0], placed)
    if licence:
        board.add("licence:")
        for field, key, pid in licence:
            board.block(f"  {key}: |-", PAYLOADS[pid], 4, field, pid, placed)
    taking_part = []
    for field in TAKING_PART_FIELDS:
        chosen = [pid for pid in pids if want(field, pid)]
        assert len(chosen) <= 1, f"a site has one board: one {field} payload per load"
        if chosen:
            taking_part.append((field, chosen[0]))
    if taking_part:
        board.add("taking_part:")
        contact = [(f, pid) for f, pid in taking_part if f.startswith("board-contact-")]
        for field, pid in taking_part:
            if not field.startswith("board-contact-"):
                board.block(f"  {field.removeprefix('board-').replace('-', '_')}: |-", PAYLOADS[pid], 4,
                            field, pid, placed)
        if contact:
            board.add("  contact:")
            for field, pid in contact:
                board.block(f"    {field.removeprefix('board-contact-')}: |-", PAYLOADS[pid], 6, field, pid, placed)
        # a meeting to come, whose page prints how to attend and ask a question
        (root / "data/meetings").mkdir(parents=True, exist_ok=True)
        (root / "data/meetings/2026-04-08.yml").write_text('date: 2026-04-08\ntime: "10:00"\nstatus: scheduled\n',
                                                           encoding="utf-8")
    chosen = [pid for pid in pids if want("board-standing-item", pid)]
    if chosen:
        board.add("standing_items:")
        for pid in chosen:
            board.block("  - |-", PAYLOADS[pid], 4, "board-standing-item", pid, placed)
    board.write(root)

    registry = _Lines("data/metrics/registry.yml")
    registry.add("metrics:")
    values = io.StringIO()
    out = csv.writer(values, lineterminator="\n")
    out.writerow(["metric", "period", "kind", "value", "unit", "breakdown", "note"])
    value_lines = 1
    charts = []
    for pid in pids:
        for field in ("metric-title", "metric-description", "value-breakdown", "value-note"):
            if not want(field, pid):
                continue
            metric = f"h-{field.split('-')[1]}-{pid}"
            registry.add(f"  - id: {metric}", "    unit: count")
            chart_page = f"content/hostile/chart-{field}-{pid}.md"
            if field == "metric-title":
                registry.block("    title: |-", PAYLOADS[pid], 6, field, pid, placed)
            else:
                registry.add("    title: A measure")
            if field == "metric-description":
                registry.block("    description: |-", PAYLOADS[pid], 6, field, pid, placed)
            if field in ("metric-title", "metric-description"):
                placed[-1] = Placed(field, pid, placed[-1].file, placed[-1].first, placed[-1].last, (chart_page,))
            first_value = value_lines + 1
            years = (("2016-17", 10), ("2017-18", 12)) if field.startswith("value-") else ()
            for year, value in years:
                row = [metric, year, "actual", value, "count", "", ""]
                if field == "value-breakdown":
                    row[5] = PAYLOADS[pid]
                if field == "value-note":
                    row[6] = PAYLOADS[pid]
                out.writerow(row)
                value_lines += 1 + PAYLOADS[pid].count("\n") * (field in ("value-breakdown", "value-note"))
            if field in ("value-breakdown", "value-note"):
                placed.append(Placed(field, pid, "data/metrics/values/hostile.csv", first_value, value_lines,
                                     (chart_page,)))
            charts.append((field, pid, metric))
    if len(registry.lines) > 1:
        registry.write(root)
        (root / "data/metrics/values").mkdir(parents=True, exist_ok=True)
        (root / "data/metrics/values/hostile.csv").write_text(values.getvalue(), encoding="utf-8")

    for field, pid, metric in charts:
        page = root / f"content/hostile/chart-{field}-{pid}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# Chart {pid}\n\n```chart\nmetric: {metric}\n```\n", encoding="utf-8")

    for pid in pids:
        if want("paper-title", pid) or want("paper-summary", pid) or want("paper-body", pid):
            for field in ("paper-title", "paper-summary", "paper-body"):
                if not want(field, pid):
                    continue
                paper_id = f"hostile-{field.split('-')[1]}-{pid}"
                paper = _Lines(f"content/papers/{paper_id}.md")
                paper.add("---", f"id: {paper_id}")
                if field == "paper-title":
                    paper.block("title: |-", PAYLOADS[pid], 2, field, pid, placed)
                else:
                    paper.add("title: A paper")
                if field == "paper-summary":
                    paper.block("summary: |-", PAYLOADS[pid], 2, field, pid, placed)
                paper.add("---", "", "## Purpose", "")
                if field == "paper-body":
                    first = paper.add("Some text first.", "") + 1
                    last = paper.add(*PAYLOADS[pid].split("\n"))
                    placed.append(Placed(field, pid, paper.file, first, last))
                else:
                    paper.add("Body text.")
                paper.write(root)
        if want("page", pid):
            page = _Lines(f"content/hostile/page-{pid}.md")
            first = page.add(f"# Page {pid}", "", "Some text first.", "") + 1
            last = page.add(*PAYLOADS[pid].split("\n"))
            placed.append(Placed("page", pid, page.file, first, last))
            page.write(root)
        for field, key in (("page-title", "title"), ("page-description", "description")):
            if want(field, pid):
                page = _Lines(f"content/hostile/{field}-{pid}.md")
                page.add("---")
                page.block(f"{key}: |-", PAYLOADS[pid], 2, field, pid, placed)
                page.add("---", "", f"# Page {pid}", "", "Some text.")
                page.write(root)
        for field, key in (("page-author", "author"), ("page-status", "status"), ("page-icon", "icon")):
            if want(field, pid):
                page = _Lines(f"content/hostile/{field}-{pid}.md")
                page.add("---", "title: A page")
                page.block(f"{key}: |-", PAYLOADS[pid], 2, field, pid, placed)
                page.add("---", "", f"# Page {pid}", "", "Some text.")
                page.write(root)
        if want("page-template", pid):
            page = _Lines(f"content/hostile/page-template-{pid}.md")
            page.add("---")
            first = page.add("template: redirect.html")
            last = page.add("location: |-", *_block(PAYLOADS[pid], 2))
            placed.append(Placed("page-template", pid, page.file, first, last))
            page.add("---", "", f"# Page {pid}")
            page.write(root)
        if want("page-meta-line", pid):
            # MkDocs reads key: value lines at the top of a page without --- fences as its meta-data
            page = _Lines(f"content/hostile/page-meta-line-{pid}.md")
            first = page.add("description: " + PAYLOADS[pid].split("\n")[0])
            page.add("", f"# Page {pid}", "", "Some text.")
            placed.append(Placed("page-meta-line", pid, page.file, first, first))
            page.write(root)
        if want("page-duplicate-title", pid):
            page = _Lines(f"content/hostile/page-duplicate-title-{pid}.md")
            first = page.add("---", "title: A harmless title") - 1
            page.block("title: |-", PAYLOADS[pid], 2, "page-duplicate-title", pid, placed)
            placed[-1] = Placed("page-duplicate-title", pid, page.file, first, placed[-1].last)
            page.add("---", "", f"# Page {pid}")
            page.write(root)
        if want("file-upper-md", pid):
            # not a page to MkDocs: it was copied to the site as written
            page = _Lines(f"content/hostile/upper-{pid}.MD")
            page.add(*PAYLOADS[pid].split("\n"))
            placed.append(Placed("file-upper-md", pid, page.file, 1, 1))
            page.write(root)
        if want("file-fake-png", pid):
            path = root / f"content/hostile/image-{pid}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(PAYLOADS[pid], encoding="utf-8")
            placed.append(Placed("file-fake-png", pid, f"content/hostile/image-{pid}.png", 1, 1))
        if want("symlink", pid):
            # a link to a file outside the project that holds the payload (a page, once published)
            outside = root.parent / f"{root.name}-outside" / f"payload-{pid}.html"
            outside.parent.mkdir(parents=True, exist_ok=True)
            outside.write_text(PAYLOADS[pid], encoding="utf-8")
            link = root / f"content/hostile/link-{pid}.html"
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(outside)
            placed.append(Placed("symlink", pid, f"content/hostile/link-{pid}.html", 1, 1))
        if want("csv-cell", pid):
            table = io.StringIO()
            csv.writer(table, lineterminator="\n").writerows([["Scheme", "Status"], [PAYLOADS[pid], "On track"]])
            path = root / f"data/tables/hostile-{pid}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(table.getvalue(), encoding="utf-8")
            placed.append(Placed("csv-cell", pid, f"data/tables/hostile-{pid}.csv", 2, 2 + PAYLOADS[pid].count("\n")))
            page = root / f"content/hostile/table-{pid}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# Table {pid}\n\n```table\nfile: hostile-{pid}.csv\ncaption: Table {pid}\n```\n",
                            encoding="utf-8")
    return placed


def fresh_project(dest: Path) -> Path:
    """A copy of the hostile fixture (the minimal site) to write payloads into."""
    from conftest import copy_project
    if dest.exists():
        shutil.rmtree(dest)
    return copy_project(FIXTURE, dest)


# The board file is read first: when it is refused nothing else is checked, so it is loaded alone;
# a site has one board name, so each board-name payload is a load of its own.
# Likewise a refused registry entry leaves every metric unknown, so metric values are a load apart.
GROUPS = [{(f, pid) for f in FIELDS if not f.startswith(("board-", "value-")) and f not in LINK_FIELDS
           for pid in range(len(PAYLOADS))},
          {(f, pid) for f in FIELDS if f.startswith("value-") for pid in range(len(PAYLOADS))},
          {("board-standing-item", pid) for pid in range(len(PAYLOADS))},
          {(f, pid) for f in LINK_FIELDS for pid in range(len(PAYLOADS))}] + \
         [{(f, pid) for f in BOARD_FIELDS} for pid in range(len(PAYLOADS))]


def classify(root: Path, placed: list[Placed], problems) -> tuple[set, set, list[str]]:
    """(refused pairs, accepted pairs, errors that belong to no payload) for one load of the corpus."""
    refused, stray, echoes = set(), [], []
    by_file: dict[str, list[Placed]] = {}
    for p in placed:
        by_file.setdefault(p.file, []).append(p)
    for problem in problems:
        if problem.severity.value != "error":
            continue
        owners = [p for p in by_file.get(problem.file, []) if p.first <= problem.line <= p.last]
        if len(owners) == 1 and problem.column >= 1:
            refused.add((owners[0].field, owners[0].pid))
        else:
            echoes.append(problem)
    # A refused registry entry leaves the whole registry unread, so the pages that chart its metrics
    # say "unknown metric": an echo of that refusal, not a fault of its own.
    refused_files = {p.file for p in placed if (p.field, p.pid) in refused}
    for problem in echoes:
        if not any(problem.file in p.also and p.file in refused_files for p in placed):
            stray.append(problem.format())
    accepted = {(p.field, p.pid) for p in placed} - refused
    return refused, accepted, stray


@dataclass
class Outcome:
    placed: int
    refused: set
    accepted: set
    stray: list


def load_corpus(dest: Path) -> Outcome:
    """Write every payload into every field (in GROUPS) and load: which are refused at their line."""
    from hwbsite.project import load_project
    everything = Outcome(0, set(), set(), [])
    for n, group in enumerate(GROUPS):
        root = fresh_project(dest / f"load-{n}")
        placed = write_corpus(root, group)
        _project, log = load_project(root)
        refused, accepted, stray = classify(root, placed, log.problems)
        everything.placed += len(placed)
        everything.refused |= refused
        everything.accepted |= accepted
        everything.stray += stray
    return everything


def one_board(accepted: set) -> set:
    """A site has one board file: of each board field, the first accepted payload."""
    keep = {(f, p) for f, p in accepted if f not in BOARD_FIELDS}
    for field in BOARD_FIELDS:
        pids = sorted(p for f, p in accepted if f == field)
        keep |= {(field, pid) for pid in pids[:1]}
    return keep


def generate_accepted(dest: Path, accepted: set) -> Path:
    """`hwbsite generate` of the fixture with every accepted payload, built by plain MkDocs (no
    hwbsite plugin, so no sanitiser at build time); returns the site directory."""
    import datetime as dt
    import subprocess
    import sys
    from hwbsite.generate import generate
    root = fresh_project(dest / "generate-project")
    write_corpus(root, one_board(accepted))
    out = dest / "generated"
    generate(root, out, dt.date(2026, 3, 1))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml")],
                   check=True, capture_output=True)
    return out / "site"


def build_accepted(dest: Path, accepted: set, site_url: str | None = None) -> Path:
    """Build the fixture with every payload the loader accepted; returns the site directory."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    root = fresh_project(dest / "site-project")
    accepted = one_board(accepted)
    write_corpus(root, accepted)
    extra = {"site_url": site_url} if site_url else {}
    config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site"), **extra)
    config.plugins["hwbsite"].config.build_date = "2026-03-01"
    mkdocs_build(config)
    return root / "site"
