"""Edits `hwbsite new` makes to an officer's existing YAML file, keeping its comments, key order,
quoting and layout.

ruamel.yaml reads the file as a round-trip document (comments and styles attached to its nodes) and
writes it back. It lays out every node with one indentation, so before any edit the file must come
back from a read and write byte for byte; a file laid out otherwise (hand-indented differently) is
not touched and the officer is told what to add. Every data file hwbsite writes, and all of the
first board's data, is laid out this way (tests/test_yamledit.py).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString


class NotEditable(Exception):
    """The file cannot be edited without changing more than the edit (its layout, its comments)."""


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 10**6                          # never re-wrap an officer's long line
    yaml.indent(mapping=2, sequence=4, offset=2)  # "key:\n  - item": the layout of every data file
    # a null written "null" stays "null" (ruamel's default writes nothing after the colon)
    yaml.representer.add_representer(type(None), lambda r, _d: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def dump(document: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(document, buffer)
    return buffer.getvalue()


def load(text: str) -> Any:
    """The round-trip document of ``text``; NotEditable when writing it back would change it."""
    try:
        document = _yaml().load(text)
    except YAMLError as exc:
        raise NotEditable(f"it is not valid YAML ({exc.__class__.__name__})") from exc
    if dump(document) != text:
        raise NotEditable("its layout is not the one hwbsite writes (indentation), so writing it back would "
                          "change lines you did not ask to change")
    return document


def edit(path: Path, change: Callable[[Any], None]) -> str:
    """Apply ``change`` to the round-trip document of ``path`` and write it back; the old text."""
    original = path.read_text(encoding="utf-8")
    document = load(original)
    change(document)
    path.write_text(dump(document), encoding="utf-8")
    return original


def quoted(text: str | None) -> Any:
    """A string written in double quotes, as hwbsite writes names and titles."""
    return None if text is None else DoubleQuotedScalarString(text)


def flow_list(values: list[Any]) -> CommentedSeq:
    """A list written on one line: [a, b]."""
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def agenda_item(document: Any, number: str) -> CommentedMap | None:
    """The agenda item numbered ``number`` (at any depth) of a meeting's round-trip document."""
    def walk(items: Any) -> CommentedMap | None:
        for item in items or []:
            if not isinstance(item, CommentedMap):
                continue
            if str(item.get("number")) == number:
                return item
            if (found := walk(item.get("items"))) is not None:
                return found
        return None
    agenda = document.get("agenda") if isinstance(document, CommentedMap) else None
    return walk(agenda.get("items")) if isinstance(agenda, CommentedMap) else None


def add_paper(document: Any, number: str, paper_id: str) -> None:
    """List ``paper_id`` under the agenda item's papers:, in the list's own style (block or [flow]);
    an item without papers: gets one after its title."""
    item = agenda_item(document, number)
    if item is None:
        raise NotEditable(f"it has no agenda item {number}")
    papers = item.get("papers")
    if isinstance(papers, CommentedSeq):
        papers.append(paper_id)
    elif papers is None and "papers" not in item:
        keys = list(item)
        after = keys.index("title") + 1 if "title" in keys else len(keys)
        item.insert(after, "papers", flow_list([paper_id]))
    else:
        raise NotEditable("its papers: is not a list")


def add_top_level_block(original: str, key: str, block: str, drop_comment: str = "") -> str:
    """``original`` with ``block`` (the text of a top-level ``key:``, its comments included) added at
    its end, and the comment line starting ``drop_comment`` (a note that says to add it) removed.
    ruamel reads both texts: the file must be a block mapping without ``key``, and the result must
    hold the original's every other value unchanged."""
    try:
        document = _yaml().load(original)   # only appended to: its own layout is not written again
    except YAMLError as exc:
        raise NotEditable(f"it is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(document, CommentedMap) or document.fa.flow_style():
        raise NotEditable("it is not a mapping written one key a line")
    if key in document:
        raise NotEditable(f"it already has {key}:")
    lines = original.split("\n")
    if drop_comment:
        lines = [line for line in lines if not line.startswith(drop_comment)]
    text = "\n".join(lines).rstrip("\n") + "\n" + block
    edited = _yaml().load(text)
    if key not in edited or any(edited.get(k) != v for k, v in document.items()):
        raise NotEditable(f"adding {key}: at its end would change what it says")
    return text
