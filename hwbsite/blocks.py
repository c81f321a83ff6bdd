"""Fenced blocks that officers put in Markdown pages to embed data.

    ```table                 ```chart                  ```next-meeting
    file: name.csv           metric: some-metric-id    ```
    caption: Table 8         ```
    ```

The loader checks every block (so ``hwbsite check`` reports a bad one at its
line); the plugin expands them into Markdown/HTML when pages are rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from . import markup, urls

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)[ \t]*(?P<kind>table|chart|next-meeting|tiles)[ \t]*\n"
                   r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
KINDS = ("table", "chart", "next-meeting", "tiles")


@dataclass
class Block:
    kind: str
    options: dict
    line: int          # line of the opening fence within the page
    start: int
    end: int
    error: str = ""
    hint: str = ""


TABLE_KEYS = {"file", "caption", "display"}
CHART_KEYS = {"metric", "metrics", "breakdown", "title", "kinds"}
TILES_KEYS = {"metrics"}   # without it: one tile per metric charted on the same page


def find_blocks(text: str) -> list[Block]:
    blocks = []
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        block = Block(m.group("kind"), {}, line, m.start(), m.end())
        try:
            options = yaml.safe_load(m.group("body")) or {}
        except yaml.YAMLError as exc:
            block.error = f"the {block.kind} block is not valid YAML: {getattr(exc, 'problem', exc)}"
            blocks.append(block)
            continue
        if not isinstance(options, dict):
            block.error = f"the {block.kind} block needs 'key: value' lines"
        else:
            block.options = options
        blocks.append(block)
    return blocks


def table_files(text: str) -> list[str]:
    """CSV files that a page's table blocks show."""
    return [b.options["file"] for b in find_blocks(text)
            if b.kind == "table" and not b.error and isinstance(b.options.get("file"), str)]


def check_block(block: Block, project) -> None:
    """Fill in block.error when the block refers to something that does not exist."""
    if block.error:
        return
    opts = block.options
    allowed = {"table": TABLE_KEYS, "chart": CHART_KEYS, "next-meeting": set(), "tiles": TILES_KEYS}[block.kind]
    unknown = set(opts) - allowed
    if unknown:
        block.error = f"unknown key '{sorted(unknown)[0]}' in the {block.kind} block"
        block.hint = "allowed keys: " + ", ".join(sorted(allowed)) if allowed else "this block takes no keys"
        return
    if block.kind == "table":
        name = opts.get("file")
        if not name:
            block.error, block.hint = "the table block needs 'file:'", "file: name-of-table.csv (in data/tables/)"
        elif name not in project.tables:
            block.error = f"no table '{name}' in data/tables/"
        elif opts.get("display", "table") not in ("table", "download"):
            block.error = f"display must be table or download, got '{opts.get('display')}'"
    elif block.kind == "tiles":
        ids = opts.get("metrics") or []
        if not isinstance(ids, list):
            block.error, block.hint = "metrics must be a list", "metrics: [metric-id, other-metric-id]"
            return
        for metric_id in ids:
            if metric_id not in getattr(project, "metrics", {}):
                block.error = f"unknown metric '{metric_id}'"
                block.hint = "see data/metrics/registry.yml for the ids"
                break
    elif block.kind == "chart":
        ids = opts.get("metrics") or ([opts["metric"]] if opts.get("metric") else [])
        if not ids:
            block.error, block.hint = "the chart block needs 'metric:'", "metric: a metric id from the registry"
        for metric_id in ids:
            if metric_id not in getattr(project, "metrics", {}):
                block.error = f"unknown metric '{metric_id}'"
                block.hint = "see data/metrics/registry.yml for the ids"
                break


def check_page(text: str, path: str, first_line: int, project, log) -> None:
    for block in find_blocks(text):
        check_block(block, project)
        if block.error:
            log.add(path, first_line + block.line - 1, 1, block.kind, block.error, block.hint)


def render_table(table, caption: str | None, page: str, display: str = "table") -> str:
    href = urls.relative(page, urls.table_download(table.name))
    cap = markup.text(caption or table.stem.split("--")[-1].replace("-", " ").capitalize())
    if display == "download":
        return (f"**{cap}**: [download the data as CSV]({href}) "
                f"({len(table.rows)} rows; columns: {markup.text(', '.join(table.header))}).\n")
    lines = [f"**{cap}**", "{: .hwb-table-caption }", "",
             "| " + " | ".join(markup.cell(h) or "&nbsp;" for h in table.header) + " |",
             "|" + "---|" * len(table.header)]
    for row in table.rows:
        lines.append("| " + " | ".join(markup.cell(c) for c in row) + " |")
    lines += ["", f"[Download this table as CSV]({href})", ""]
    return "\n".join(lines)


@dataclass
class Expander:
    """Expands blocks for one page; chart and panel renderers are supplied by the plugin."""

    project: object
    renderers: dict = field(default_factory=dict)

    def expand(self, text: str, page: str) -> str:
        blocks = find_blocks(text)
        if not blocks:
            return text
        out, pos = [], 0
        charted = [m for b in blocks if b.kind == "chart" and not b.error
                   for m in (b.options.get("metrics") or [b.options.get("metric")]) if m]
        for block in blocks:
            check_block(block, self.project)
            if block.error:
                raise ValueError(f"{page}:{block.line}: {block.error}")
            if block.kind == "tiles" and not block.options.get("metrics"):
                block.options = {**block.options, "metrics": list(dict.fromkeys(charted))}
            out.append(text[pos:block.start])
            out.append(self._render(block, page))
            pos = block.end
        out.append(text[pos:])
        return "".join(out)

    def _render(self, block: Block, page: str) -> str:
        if block.kind == "table":
            table = self.project.tables[block.options["file"]]
            return render_table(table, block.options.get("caption"), page, block.options.get("display", "table"))
        return self.renderers[block.kind](block.options, page)
