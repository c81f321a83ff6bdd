"""Read YAML safely while remembering where every key and value came from.

Only the safe YAML subset is accepted (no Python tags).  Each scalar is
constructed on its own so that an impossible value (``2017-06-31``) is reported
at its own line instead of aborting the whole file.
"""

from __future__ import annotations


from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import limits, patterns

Path_ = tuple  # a path into the document: ("agenda", "items", 8, "pages")

MAX_BYTES = 2_000_000  # officers' files are small; a huge file is a mistake, not data
# Bounds on what one YAML file may expand to. The largest real file has ~1,600 values nested 8 deep;
# an alias bomb (nine levels of nine aliases) expands to 387 million values and would hang the
# build, and 500 levels of nesting would exhaust Python's recursion limit.
MAX_VALUES = 100_000
MAX_DEPTH = 50
# Python-Markdown reads "[" (a possible link) in time that grows with the square of their number
# in a paragraph: 4,000 in one paragraph take 13 s, 20,000 several minutes, in the check and the
# build alike. The real files have at most ~100 in a whole file.
MAX_BRACKETS = 5_000


@dataclass(frozen=True)
class SourcePos:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class Document:
    """A parsed YAML file: plain data plus the position of every node in it."""

    path: Path
    data: Any
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0  # for YAML front matter inside a Markdown file
    # values that could not be constructed: reported once here, ignored by validation
    problems: list["YamlProblem"] = field(default_factory=list)
    bad_paths: set = field(default_factory=set)

    def pos(self, path: Path_) -> tuple[int, int]:
        """Best position for a path: its key if it has one, else its value, else its parent's."""
        path = tuple(path)
        while True:
            if path in self.key_pos:
                line, col = self.key_pos[path]
                return line + self.line_offset, col
            if path in self.value_pos:
                line, col = self.value_pos[path]
                return line + self.line_offset, col
            if not path:
                return 1 + self.line_offset, 1
            path = path[:-1]


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str, hint: str = "", path: Path_ = ()):
        self.line, self.column, self.message, self.hint, self.path = line, column, message, hint, path
        super().__init__(f"{line}:{column}: {message}")


def format_path(path: Path_) -> str:
    """('agenda', 'items', 8, 'pages') -> 'agenda.items[8].pages'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


# "authors: []" or "present: {}" as a template leaves it, with a trailing comment or none
_EMPTY_FLOW = patterns.compile("yamlsource.empty_flow",
                               r"^(?P<indent> *+)(?:- )?(?P<key>[A-Za-z_][\w-]*+): *+(?P<empty>\[\]|\{\}) *+(?:#.*+)?$")


def _empty_above(lines: list[str], line: int, line_offset: int = 0) -> str:
    """The hint for entries written under a key the template left empty ("authors: []" and then
    "  - name: ..." below it): the [] already closed the list, so YAML finds no key for them."""
    for number in range(min(line, len(lines)) - 1, 0, -1):   # the content lines above the error, nearest first
        above = lines[number - 1]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        m = _EMPTY_FLOW.match(above)
        if m is None:
            return ""
        kind = "an empty list" if m.group("empty") == "[]" else "an empty mapping"
        return (f"line {number + line_offset} says '{m.group('key')}: {m.group('empty')}', {kind}, so the lines below it "
                f"cannot belong to it: delete the {m.group('empty')} and keep the entries below "
                f"'{m.group('key')}:'")
    return ""


def _hint_for(problem: str) -> str:
    if "\\t" in problem or "tab" in problem.lower():
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return 'put text that contains ": " in quotes'
    if "could not find expected ':'" in problem:
        return "each line of a mapping needs 'key: value'"
    if "found undefined tag" in problem or "could not determine a constructor" in problem:
        return "tags such as !!python/object are not allowed in data files"
    return ""


def read_text(path: Path) -> str:
    """Read an officer's file as UTF-8, failing clearly on size or encoding."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise YamlProblem(1, 1, f"file is {len(raw):,} bytes; data files must be under {MAX_BYTES:,} bytes",
                          "split the file, or check that it is the file you meant")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(line, col, f"file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                          "save the file as UTF-8") from None
    if text.count("[") > MAX_BRACKETS:
        at = -1
        for _ in range(MAX_BRACKETS + 1):
            at = text.index("[", at + 1)
        line = text.count("\n", 0, at) + 1
        raise YamlProblem(line, at - (text.rfind("\n", 0, at) + 1) + 1,
                          f"more than {MAX_BRACKETS:,} '[' characters in one file; Markdown would take "
                          "minutes to read it", "split the file, or check that it is the file you meant")
    if found := limits.long_line(text):
        raise YamlProblem(*found, "break it into shorter lines or paragraphs")
    # Markdown files; in YAML, where the file's own indentation is not Markdown's, each text field is
    # checked on its own (htmlsafety.markdown_dangers); a CSV cell is never read as blocks
    if path.suffix.lower() == ".md" and (found := limits.deep_markdown(text)):
        raise YamlProblem(*found, "nest lists, quotes and blocks a few levels at most; Markdown this deep "
                          "takes seconds to render and then fails")
    return text


# "while parsing a flow sequence" -> what the officer opened, and what closes it
_OPENED = {"flow sequence": ("list", "[", "]"), "flow mapping": ("mapping", "{", "}"),
           "quoted scalar": ("quoted text", "quote", "closing quote")}


def _unclosed(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem | None:
    """A [ ], { } or quote left open: report where it was opened, not where the parser gave up."""
    opened = next((v for k, v in _OPENED.items() if k in (exc.context or "")), None)
    ctx, mark = exc.context_mark, exc.problem_mark
    if not opened or ctx is None or mark is None or (ctx.line, ctx.column) == (mark.line, mark.column):
        return None
    what, opener, closer = opened
    problem = exc.problem or ""
    if "end of stream" in problem or "stream end" in problem or mark.index >= len(text.rstrip()):
        return YamlProblem(ctx.line + 1, ctx.column + 1, f"YAML syntax error: this {what} is never closed",
                           f"add the {closer}" if what == "quoted text" else f"close the {opener} with {closer}")
    where = f"line {ctx.line + 1}, column {ctx.column + 1}"
    hint = (f"the {opener} at {where} needs its {closer}" if what == "quoted text"
            else f"the {opener} at {where} needs a {closer}, or its entries need commas between them")
    return YamlProblem(mark.line + 1, mark.column + 1, f"YAML syntax error: {problem}", hint)


# libyaml's parser is ~25x faster than the pure-Python one and gives the same nodes and marks.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_bounds(text: str) -> None:
    """Refuse YAML that nests too deeply or whose aliases expand to too many values.

    Runs over libyaml's event stream (a loop, not recursion) before anything is built, so a
    hostile file costs one pass over its text. Syntax errors are left for the parser proper.
    Raises YamlProblem at the alias or the collection where a bound is crossed.
    """
    loader = LOADER(text)
    open_anchors: list = []        # anchors of the collections we are inside
    sizes: dict[str, int] = {}     # anchor -> values it expands to
    stack: list[list] = []         # [anchor, values so far] per open collection
    total = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            mark = event.start_mark
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(mark.line + 1, mark.column + 1,
                                      f"YAML is nested more than {MAX_DEPTH} levels deep",
                                      "data files are a few levels deep; check the indentation")
                stack.append([event.anchor, 1])
                open_anchors.append(event.anchor)
                total += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                anchor, size = stack.pop()
                open_anchors.pop()
                if anchor:
                    sizes[anchor] = size
                if stack:
                    stack[-1][1] += size
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                if isinstance(event, yaml.AliasEvent):
                    if event.anchor in open_anchors:
                        raise YamlProblem(mark.line + 1, mark.column + 1,
                                          f"the YAML alias *{event.anchor} refers to the value that contains it",
                                          "an alias may only repeat a value that is complete")
                    size = sizes.get(event.anchor, 1)
                else:
                    size = 1
                    if event.anchor:
                        sizes[event.anchor] = 1
                total += size
                if stack:
                    stack[-1][1] += size
                if total > MAX_VALUES:
                    what = "YAML aliases expand" if isinstance(event, yaml.AliasEvent) else "the file expands"
                    raise YamlProblem(mark.line + 1, mark.column + 1,
                                      f"{what} to more than {MAX_VALUES:,} values",
                                      "anchors (&name) and aliases (*name) repeat values; "
                                      "write the values out, or split the file")
    except yaml.YAMLError:
        return  # reported, with its position and hint, by parse_yaml
    finally:
        loader.dispose()


def parse_yaml(text: str, path: Path, line_offset: int = 0) -> Document:
    """Parse YAML text into a Document; raises YamlProblem (1-based positions, before offset)."""
    check_bounds(text)
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        unclosed = _unclosed(exc, text)
        if unclosed:
            raise unclosed from None
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or str(exc)
        lines = text.splitlines()
        here = lines[line - 1][col - 1:col] if 0 < line <= len(lines) else ""
        hint = _empty_above(lines, line, line_offset) or _hint_for("tab" if here == "\t" else problem)
        raise YamlProblem(line, col, f"YAML syntax error: {problem}", hint) from None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors (control characters)
        raise YamlProblem(1, 1, f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    doc = Document(path=path, data=None, line_offset=line_offset)
    if node is None:
        return doc
    doc.data = _convert(node, (), doc, loader)
    return doc


def _short_tag(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' -> '!!python/object', as the officer wrote it."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


_SAFE_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


def _convert(node: yaml.Node, path: Path_, doc: Document, loader: yaml.SafeLoader) -> Any:
    doc.value_pos[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in _SAFE_TAGS:
        doc.problems.append(YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1,
                                        f"the YAML tag '{_short_tag(node.tag)}' is not allowed",
                                        "tags such as !!python/object are not allowed in data files", path=path))
        doc.bad_paths.add(path)
        return None
    if isinstance(node, yaml.MappingNode):
        own = {id(k) for k, _v in node.value if k.tag != "tag:yaml.org,2002:merge"}
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<) the way safe_load does
        result: dict = {}
        merged: set = set()  # keys copied in by <<: the mapping's own keys override them
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                  "a key must be plain text")
            key = _scalar(key_node, loader)
            # keys as written: "yes" stays yes (not true), an unquoted 1.10 stays 1.10 (not 1.1)
            key = key if isinstance(key, str) else str(key_node.value)
            child = path + (key,)
            if key in merged:
                merged.discard(key)
                result.pop(key)
            elif key in result:
                doc.problems.append(YamlProblem(
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    f"duplicate key '{key}' in the same mapping",
                    "each key may appear once; remove or rename one of them", path=child))
                doc.bad_paths.add(child)
                continue
            if id(key_node) not in own:
                merged.add(key)
            doc.key_pos[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _convert(value_node, child, doc, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), doc, loader) for i, item in enumerate(node.value)]
    try:
        return _scalar(node, loader)
    except YamlProblem as problem:
        problem.path = path
        doc.problems.append(problem)
        doc.bad_paths.add(path)
        return None


def _scalar(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        problem = exc.problem or str(exc)
        raise YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1, problem,
                          _hint_for(problem)) from None
    except ValueError as exc:
        # e.g. 2017-06-31: YAML recognises a date but the calendar has no such day
        from .dates import why_impossible
        raise YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1,
                          f"impossible date '{node.value}': {why_impossible(node.value) or exc}",
                          "check the day and month (YYYY-MM-DD)") from None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split '---\\nyaml\\n---\\nbody' into (yaml, body, line number where the body starts)."""
    if not text.startswith("---"):
        return None, text, 1
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1:]), i + 2
    return None, text, 1
