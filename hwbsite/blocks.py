"""Fenced blocks that officers put in Markdown pages to embed data.

    ```table                 ```chart                  ```next-meeting
    file: name.csv           metric: some-metric-id    ```
    caption: Table 8         ```
    ```

A table whose figures are money adds ``finance: <dataset>``: its CSV keeps the words and leaves
the money cells empty, and the cells are filled from data/finance/<dataset>.csv (matching the
row's ``key`` column, by default the first, to the finance rows' item, and the heading to their
column), so that each figure is held in one file.

The loader checks every block (so ``hwbsite check`` reports a bad one at its
line); the plugin expands them into Markdown/HTML when pages are rendered.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from . import markup, tiles, urls, yamlsource
from .figures import MARKER
from .errors import BlockError
from .models.blocks import BLOCK_MODELS
from .suggest import did_you_mean
from .validate import validate
from .yamlsource import YamlProblem, parse_yaml
from . import patterns

# A block's opening line ("```table") and its closing line (the same indent and fence alone). Blocks
# are found line by line (_scan), not by one pattern over the page: "^...(?P<body>.*?)^(?P=fence)"
# reads on to the end of the page from every opening line that is never closed, so a page of many
# unclosed openings took quadratic time.
OPENING = patterns.compile("blocks.opening",
                           r"^(?P<indent>[ \t]*+)(?P<fence>```++|~~~++)[ \t]*+(?P<kind>table|chart|next-meeting|tiles)[ \t]*+")
_CLOSING = patterns.compile("blocks.closing", r"^[ \t]*+(?:```++|~~~++)")
KINDS = ("table", "chart", "next-meeting", "tiles")


@dataclass
class Block:
    kind: str
    options: dict
    line: int          # line of the opening fence within the page
    start: int
    end: int
    body: str = ""
    error: str = ""
    hint: str = ""


# libyaml's loader where PyYAML was built with it (the wheels are): the same result, ~10x faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def find_blocks(text: str) -> list[Block]:
    """The page's blocks, each a fresh Block (callers fill in .error)."""
    if "```" not in text and "~~~" not in text:  # most pages and papers have no fence at all
        return []
    return [Block(kind, dict(options) if isinstance(options, dict) else {}, line, start, end, body, error)
            for kind, options, line, start, end, body, error in _scan(text)]


@functools.lru_cache(maxsize=4)
def _scan(text: str) -> tuple:
    """Every block of a text, parsed once: the loader checks a page and then lists its tables,
    one call after the other (so a tiny cache is enough, and holds no archive in memory)."""
    lines = text.split("\n")          # "\n" only, as the pattern's ^ and $ saw lines
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    closings: dict[str, list[int]] = {}   # indent + fence -> the lines that close such a block
    for i, line in enumerate(lines):
        fence = line.rstrip(" \t")
        if _CLOSING.fullmatch(fence):
            closings.setdefault(fence, []).append(i)
    found = []
    i = 0
    while i < len(lines) - 1:             # an opening line is followed by a line end
        m = OPENING.fullmatch(lines[i])
        after = closings.get(m.group("indent") + m.group("fence"), []) if m else []
        k = bisect.bisect_right(after, i)
        if not m or k == len(after):
            i += 1
            continue
        j = after[k]
        kind = m.group("kind")
        body = text[starts[i + 1]:starts[j]]
        options, error = _options(kind, body)
        found.append((kind, options, i + 1, starts[i], starts[j] + len(lines[j]), body, error))
        i = j + 1
    return tuple(found)


@functools.lru_cache(maxsize=2048)
def _options(kind: str, body: str) -> tuple[dict | None, str]:
    """A block's YAML, parsed once per distinct body (a page's text and the paper body inside it
    hold the same block); too large or too deep to read is an error before any parsing."""
    try:
        yamlsource.check_bounds(body)
    except yamlsource.YamlProblem as exc:
        return None, f"the {kind} block: {exc.message}"
    try:
        options = yaml.load(body, Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        return None, f"the {kind} block is not valid YAML: {getattr(exc, 'problem', exc)}"
    if not isinstance(options, dict):
        return None, f"the {kind} block needs 'key: value' lines"
    return options, ""


def finance_tables(text: str) -> list[tuple[str, str, str | None]]:
    """(table file, finance dataset, key column) of the table blocks that read their figures from data/finance/."""
    return [(b.options["file"], b.options["finance"], b.options.get("key")) for b in find_blocks(text)
            if b.kind == "table" and not b.error and isinstance(b.options.get("file"), str)
            and isinstance(b.options.get("finance"), str)]


def table_files(text: str) -> list[str]:
    """CSV files that a page's table blocks show."""
    return [b.options["file"] for b in find_blocks(text)
            if b.kind == "table" and not b.error and isinstance(b.options.get("file"), str)]


def missing_reference(kind: str, options, project) -> tuple[str, str, str] | None:
    """(field, message, hint) when valid options name a table or metric the project does not have."""
    if kind == "table" and options.file not in project.tables:
        return "file", f"no table '{options.file}' in data/tables/", did_you_mean(options.file, project.tables)
    if kind == "table" and options.finance is not None and options.finance not in project.finance.files:
        return ("finance", f"no finance dataset '{options.finance}' in data/finance/",
                "finance: the name of a CSV file in data/finance/, without .csv")
    if kind == "table" and options.key is not None and options.key not in project.tables[options.file].header:
        return "key", f"no column '{options.key}' in {options.file} to use as the key", ""
    if kind in ("chart", "tiles"):
        for metric_id in options.ids:
            if metric_id not in project.metrics:
                return ("metrics" if options.metrics else "metric", f"unknown metric '{metric_id}'",
                        did_you_mean(metric_id, project.metrics) or "see data/metrics/registry.yml for the ids")
    return None


def check_block(block: Block, project) -> None:
    """Fill in block.error when the block's options are wrong or refer to something missing."""
    if block.error:
        return
    try:
        options = BLOCK_MODELS[block.kind].model_validate(block.options)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        block.error = f"{block.kind} block: {err['msg'].removeprefix('Value error, ')}"
        return
    found = missing_reference(block.kind, options, project)
    if found:
        block.error, block.hint = found[1], found[2]


def check_page(text: str, path: str, first_line: int, project, log) -> None:
    """Validate every block's options like a data file: each problem at the line of its option."""
    for block in find_blocks(text):
        fence_line = first_line + block.line - 1
        model = BLOCK_MODELS[block.kind]
        if block.error:   # too large or too deep to read: reported before any parsing
            log.add(path, fence_line, 1, block.kind, block.error, block.hint)
            continue
        if not block.body.strip():
            check_block(block, project)
            if block.error:
                log.add(path, fence_line, 1, block.kind, block.error, block.hint)
            continue
        try:
            doc = parse_yaml(block.body, Path(path), line_offset=fence_line)
        except YamlProblem as p:
            log.add(path, fence_line + p.line, p.column, block.kind,
                    f"the {block.kind} block is not valid YAML: {p.message}", p.hint)
            continue
        options = validate(doc, model, log)
        if options is None:
            continue
        found = missing_reference(block.kind, options, project)
        if found:
            log.error(options.pos_of(found[0]), found[0], found[1], found[2])


def render_table(table, caption: str | None, page: str, display: str = "table", cite=None) -> str:
    """A published table; its notes carry the site's note marker and cite the pack, not line numbers."""
    href = urls.relative(page, urls.table_download(table.name))
    cap = markup.text(caption or table.stem.split("--")[-1].replace("-", " ").capitalize())
    if display == "download":
        return (f"**{cap}**: [download the data as CSV]({href}) "
                f"({len(table.rows)} rows; columns: {markup.text(', '.join(table.header))}).\n")
    lines = [f"**{cap}**", "{: .hwb-table-caption }", "",
             "| " + " | ".join(markup.cell(h) or "&nbsp;" for h in table.header) + " |",
             "|" + "---|" * len(table.header)]
    # tables are named <paper id>--<table>: references into that paper need no citation on its page
    paper = getattr(cite, "papers", {}).get(table.name.split("--")[0]) if cite else None
    context = paper.source if paper else None
    note_cols = {i for i, h in enumerate(table.header) if h.strip().lower() in ("note", "notes")}
    for row in table.rows:
        cells = [cite.replace(c, context=context) if cite else c for c in row]
        cells = [f"{MARKER} {c}" if i in note_cols and c.strip() else c for i, c in enumerate(cells)]
        lines.append("| " + " | ".join(markup.cell(c) for c in cells) + " |")
    lines += ["", f"[Download this table as CSV]({href})", ""]
    return "\n".join(lines)


def _is_heading(line: str) -> bool:
    """An ATX heading line ("## Title")."""
    hashes = len(line) - len(line.lstrip("#"))
    return 1 <= hashes <= 6 and (len(line) == hashes or line[hashes] in " \t")


def _sole_heading(before: str, after: str, last: bool) -> int | None:
    """Where the heading of a section that holds nothing but this block starts in ``before`` (the text
    from the previous block to this one), or None: the last non-blank line before the block is a
    heading, and after it only blank lines lead to the next heading or (``last``: no block follows) the
    end of the page."""
    lines = before.rstrip().split("\n")
    if not _is_heading(lines[-1]) or lines[-1].startswith("# "):   # never the page's own title
        return None
    rest = after.lstrip()
    if not (_is_heading(rest.split("\n", 1)[0]) if rest else last):
        return None
    return len(before.rstrip()) - len(lines[-1])


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
        # A dashboard of many series shows compact rows (small multiples), each linking to its metric's
        # own page, where the full chart, notes and table are: not the rows and then every chart below them.
        small_multiples = any(tiles.compact(b.options.get("metrics") or charted)
                              for b in blocks if b.kind == "tiles" and not b.error)
        for n, block in enumerate(blocks):
            check_block(block, self.project)
            if block.error:
                raise BlockError(f"{page}:{block.line}: {block.error}")
            before = text[pos:block.start]
            if block.kind == "tiles":
                block.options = {**block.options, "metrics": block.options.get("metrics") or list(dict.fromkeys(charted)),
                                 "on_page": [] if small_multiples else charted}
            if block.kind == "chart" and small_multiples:
                last = n + 1 == len(blocks)
                heading = _sole_heading(before, text[block.end:len(text) if last else blocks[n + 1].start], last)
                out.append(before[:heading] if heading is not None else before)
                if heading is None:   # the section says more than its chart: it stays, linking to the chart
                    out.append(self.renderers["chart-link"](block.options, page))
                pos = block.end
                continue
            out.append(before)
            out.append(self._render(block, page))
            pos = block.end
        out.append(text[pos:])
        return "".join(out)

    def _render(self, block: Block, page: str) -> str:
        if block.kind == "table":
            table = self.project.tables[block.options["file"]]
            if block.options.get("finance"):
                from .finance import fill_table
                table = fill_table(table, self.project.finance, block.options["finance"], block.options.get("key"))
            from . import citations
            return render_table(table, block.options.get("caption"), page, block.options.get("display", "table"),
                                citations.for_project(self.project))
        return self.renderers[block.kind](block.options, page)
