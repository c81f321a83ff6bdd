"""Field types shared by the data models, each with the message an officer needs."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from .. import htmlsafety


class FieldError(ValueError):
    """A validation message with a hint for the officer."""

    def __init__(self, message: str, hint: str = "", field: str = ""):
        super().__init__(message)
        self.hint = hint
        self.field = field  # for a model-level check: the field the message is about


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise FieldError(f'expected an id of lowercase letters, digits and hyphens, got "{value}"',
                         "for example better-care-fund")
    return value


_PAGES = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?$")


def _pages(value: str) -> str:
    m = _PAGES.match(value)
    if not m:
        raise FieldError(f'expected "N-M" page range, got "{value}"', 'write it like "14-23"')
    if m.group(2) and int(m.group(2)) < int(m.group(1)):
        raise FieldError(f'page range "{value}" ends before it starts')
    return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)


_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _time(value: str) -> str:
    if not _TIME.match(value):
        raise FieldError(f'expected a 24-hour time "HH:MM", got "{value}"', 'for example "09:30" or "14:00"')
    return value


def _number_text(value):
    """Agenda item numbers are labels ("15A"); accept 15 written without quotes."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    return value


def check_markdown(value: str) -> str:
    """Officers' text, rendered as the site renders it, must need no cleaning by the site's sanitiser."""
    found = htmlsafety.markdown_dangers(value)
    if found:
        raise FieldError(htmlsafety.message(found[0]), htmlsafety.hint(found[0]))
    return value


def _template_text(value: str) -> str:
    problem = htmlsafety.template_text_problem(value)
    if problem:
        raise FieldError(problem, "write it without < > or \" (for example 'and' for '&', or single quotes)")
    return value


def _web_address(value: str) -> str:
    problem = htmlsafety.web_address_problem(value)
    if problem:
        raise FieldError(problem, "for example https://www.example.gov.uk/")
    return value


def _email(value: str) -> str:
    local, at, domain = value.partition("@")
    if not (local and at and "." in domain) or any(c in value for c in ' <>"()[],;:\\'):
        raise FieldError(f"expected an email address, got {value[:60]!r}", "for example hwb@example.gov.uk")
    return value


# The patterns also go into the JSON Schemas, so an editor flags a bad value as it is typed.
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": _SLUG.pattern})]
PageRange = Annotated[str, BeforeValidator(_number_text), AfterValidator(_pages),
                      Field(json_schema_extra={"pattern": r"^\d+(\s*-\s*\d+)?$"})]
Time = Annotated[str, AfterValidator(_time), Field(json_schema_extra={"pattern": _TIME.pattern})]
Label = Annotated[str, BeforeValidator(_number_text)]
Markdown = Annotated[str, AfterValidator(check_markdown)]
Text = Annotated[str, AfterValidator(check_markdown)]
# Text the theme (not our templates) prints unescaped: the board's name becomes MkDocs' site_name.
TemplateText = Annotated[str, AfterValidator(check_markdown), AfterValidator(_template_text)]
WebAddress = Annotated[str, AfterValidator(_web_address)]
Email = Annotated[str, AfterValidator(_email)]
