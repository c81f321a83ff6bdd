"""Turn parsed YAML into typed models, translating every validation error to file:line:column."""

from __future__ import annotations


import datetime as dt
import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import parsecache, patterns
from .errors import ProblemLog
from .models.base import Model
from .yamlsource import Document, SourcePos, YamlProblem, format_path

_PLACEHOLDER_DATE = patterns.compile("validate.placeholder_date", r"YYYY|MM|DD")


def report_yaml_problems(doc: Document, log: ProblemLog) -> None:
    for p in doc.problems:
        log.add(doc.path, p.line + doc.line_offset, p.column, format_path(p.path), p.message, p.hint)


def validate(doc: Document, model_cls: type[Model], log: ProblemLog, context: dict | None = None):
    """Validate a document as ``model_cls``; log every problem; return the model or None."""
    report_yaml_problems(doc, log)
    if doc.data is None:
        line, col = doc.pos(())
        log.add(doc.path, line, col, "", "file is empty", f"a {model_cls.__name__.lower()} file needs its fields")
        return None
    try:
        obj = model_cls.model_validate(doc.data, context=context)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if any(loc[:i] in doc.bad_paths for i in range(len(loc) + 1)):
                continue  # already reported by the YAML reader
            _log_error(doc, model_cls, loc, err, log)
        return None
    attach_positions(obj, (), doc)
    return obj


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat(' ')})"
    return repr(value)


def _log_error(doc: Document, model_cls: type, loc: tuple, err: dict, log: ProblemLog) -> None:
    kind = err["type"]
    got = err.get("input")
    hint = ""
    field = format_path(loc)
    line, col = doc.pos(loc)
    if kind == "missing":
        line, col = doc.pos(loc[:-1])
        message = f"required field '{loc[-1]}' is missing"
        hint = f"add '{loc[-1]}:'"
    elif kind == "extra_forbidden":
        allowed = sorted(_fields_at(model_cls, loc[:-1]))
        message = f"unknown key '{loc[-1]}'"
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else ("allowed keys: " + ", ".join(allowed) if allowed else "")
    elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        message = f"expected a date written YYYY-MM-DD, got {_describe(got)}"
        if isinstance(got, str) and _PLACEHOLDER_DATE.search(got):
            hint = ("that is the template's placeholder: write the date (e.g. 2026-12-09), or put the # back "
                    "at the start of the line if it does not apply yet")
        elif isinstance(got, dt.datetime):
            hint = "write the date alone; a meeting's time goes in time: \"HH:MM\""
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        message = f"expected a whole number, got {_describe(got)}"
    elif kind in ("float_parsing", "float_type"):
        message = f"expected a number, got {_describe(got)}"
    elif kind in ("string_type",):
        message = f"expected text, got {_describe(got)}"
        if isinstance(got, int) and str(loc[-1]).endswith("time"):
            hint = 'write times in quotes, e.g. "09:30"; unquoted 9:30 is read as a number of minutes'
        else:
            hint = "put the value in quotes"
    elif kind in ("list_type",):
        message = f"expected a list, got {_describe(got)}"
        hint = "write each entry on its own line starting with '- '"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"expected a mapping of keys and values, got {_describe(got)}"
    elif kind in ("literal_error", "enum"):
        expected = err.get("ctx", {}).get("expected", "")
        message = f"expected one of {expected}, got {_describe(got)}"
    elif kind == "bool_type" or kind == "bool_parsing":
        message = f"expected true or false, got {_describe(got)}"
    elif kind == "value_error":
        message = err["msg"].removeprefix("Value error, ")
        ctx_err = err.get("ctx", {}).get("error")
        hint = getattr(ctx_err, "hint", "")
        if getattr(ctx_err, "field", ""):  # a check across fields names the field it is about
            field = format_path(loc + (ctx_err.field,))
            line, col = doc.pos(loc + (ctx_err.field,))
    else:
        message = f"{err['msg']}, got {_describe(got)}"
    log.add(doc.path, line, col, field, message, hint)


def _unwrap(tp: Any) -> list[Any]:
    """The model classes a type annotation can hold (through Optional, list, dict, Annotated)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [c for a in typing.get_args(tp) for c in _unwrap(a)]
    if origin in (list, tuple, set, frozenset):
        return [c for a in typing.get_args(tp) for c in _unwrap(a)]
    if origin is dict:
        return _unwrap(typing.get_args(tp)[1])
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return []


def _fields_at(model_cls: type, loc: tuple) -> set[str]:
    """Names of the keys allowed at a location, found by walking the model classes."""
    classes = [model_cls]
    for part in loc:
        if isinstance(part, int):
            continue
        nxt = []
        for cls in classes:
            for name, info in cls.model_fields.items():
                if part in (name, info.alias):
                    nxt.extend(_unwrap(info.annotation))
        if nxt:
            classes = nxt
        # a dict key (an id chosen by the officer) keeps the value type found above
    names: set[str] = set()
    for cls in classes:
        for name, info in cls.model_fields.items():
            names.add(info.alias or name)
    return names


def attach_positions(obj: Any, path: tuple, doc: Document) -> None:
    """Give every model object the file:line:column it came from, and its fields' positions."""
    file = doc.path.as_posix()
    if isinstance(obj, Model):
        line, col = doc.pos(path)
        obj._src = SourcePos(file, line, col)
        field_pos = {}
        for name, info in type(obj).model_fields.items():
            key = info.alias or name
            child = path + (key,)
            if child in doc.key_pos or child in doc.value_pos:
                line, col = doc.pos(child)
                field_pos[name] = SourcePos(file, line, col)
            attach_positions(getattr(obj, name), child, doc)
        obj._field_pos = field_pos
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            attach_positions(item, path + (i,), doc)
    elif isinstance(obj, dict):
        for key, item in obj.items():
            attach_positions(item, path + (key,), doc)


def load_yaml_model(path: Path, model_cls, log: ProblemLog):
    """Read one YAML file and validate it as ``model_cls``; every problem goes to the log, located."""
    rel = Path(log.rel(path))
    try:
        doc = parsecache.parse(log.read(path), rel)  # reused between preview rebuilds if unchanged
    except YamlProblem as p:
        log.add(rel, p.line, p.column, "", p.message, p.hint)
        return None
    return validate(doc, model_cls, log)
