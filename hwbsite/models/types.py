"""Field types shared by the data models, each with the message an officer needs."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from .. import htmlsafety
from .. import patterns


class FieldError(ValueError):
    """A validation message with a hint for the officer."""

    def __init__(self, message: str, hint: str = "", field: str = ""):
        super().__init__(message)
        self.hint = hint
        self.field = field  # for a model-level check: the field the message is about


_SLUG = patterns.compile("models.types.slug", r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def written_as(pattern: re.Pattern[str], expected: str, hint: str) -> Callable[[str], str]:
    """A validator of a value that must be written in a pattern's form: the value as written, or
    the officer's message 'expected <expected>, got "<value>"' with a hint (one rule for every id,
    time and reference kept in a fixed form)."""
    def check(value: str) -> str:
        if not pattern.match(value):
            raise FieldError(f'expected {expected}, got "{value[:80]}"', hint)
        return value
    return check


# An id names a folder of the site (people/<id>/): past 255 bytes the build could not write it,
# after `check` had passed the id. The real ids are at most 57 characters.
MAX_SLUG = 100
_slug_form = written_as(_SLUG, "an id of lowercase letters, digits and hyphens", "for example better-care-fund")


def _slug(value: str) -> str:
    _slug_form(value)
    if len(value) > MAX_SLUG:
        raise FieldError(f"an id of {len(value)} characters is too long (at most {MAX_SLUG}): it names a "
                         "folder of the site", "shorten it, for example better-care-fund")
    return value


_PAGES = patterns.compile("models.types.pages", r"^(\d++)(?:\s*+-\s*+(\d++))?$")


def _pages(value: str) -> str:
    m = _PAGES.match(value)
    if not m:
        raise FieldError(f'expected "N-M" page range, got "{value}"', 'write it like "14-23"')
    if m.group(2) and int(m.group(2)) < int(m.group(1)):
        raise FieldError(f'page range "{value}" ends before it starts')
    return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)


_TIME = patterns.compile("models.types.time", r"^([01]\d|2[0-3]):([0-5]\d)$")


_time = written_as(_TIME, 'a 24-hour time "HH:MM"', 'for example "09:30" or "14:00"')


def _number_text(value: Any) -> Any:
    """Agenda item numbers are labels ("15A"); accept 15 written without quotes."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    return value


def check_markdown(value: str) -> str:
    """Officers' text, rendered as the site renders it, must need no cleaning by the site's sanitiser."""
    as_shown = htmlsafety.field_markdown(value)   # as the page holds it (markup.markdown)
    found = htmlsafety.markdown_dangers(as_shown)
    if found:
        raise FieldError(htmlsafety.message(found[0]), htmlsafety.hint(found[0]))
    # A field is one part of a page: a definition here would give its address to a [text][id]
    # written in another field (or take one from it), which no check of this field alone can see.
    defined = htmlsafety.reference_definitions(as_shown)
    if defined:
        raise FieldError(f"a reference-style link definition ([{defined[0]}]: ...) is not allowed in a field",
                         "write the link in place: [text](https://...)")
    return value


def _template_text(value: str) -> str:
    problem = htmlsafety.plain_text_problem(value)
    if problem:
        raise FieldError(problem, "write it as plain text, without < > or \" (for example single quotes)")
    return value


def _web_address(value: str) -> str:
    problem = htmlsafety.web_address_problem(value)
    if problem:
        raise FieldError(problem, "for example https://www.example.gov.uk/")
    return value


# An address the site prints as a mailto: link. Besides letters and digits, only the characters
# real addresses use: in a mailto: link "?", "&", "=", "#" and "%" would add headers (?bcc=,
# &subject=, %0A) and "/" or "\\" a path; controls, spaces and invisible or bidi characters would
# make the address shown differ from the one mailed. No regular expression: a scan of each character.
_EMAIL_LOCAL = frozenset(".-_+'")
MAX_EMAIL = 254   # RFC 5321's longest path


def _email_problem(value: str) -> bool:
    local, at, domain = value.partition("@")
    labels = domain.split(".")
    return (not (local and at and len(labels) >= 2) or len(value) > MAX_EMAIL
            or any(not (c.isalnum() or c in _EMAIL_LOCAL) for c in local)
            or any(not label or any(not (c.isalnum() or c == "-") for c in label) for label in labels))


def _email(value: str) -> str:
    if _email_problem(value):
        from ..names import visible
        raise FieldError(f"expected an email address, got {visible(value[:60])!r}",
                         "for example hwb@example.gov.uk: letters, digits and . - _ + ' before the @, "
                         "no ? & = # % (a mailto: link would read them as extra headers such as ?bcc=)")
    return value


# An agenda item's number names a file of the OParl interface (oparl/agendaitem/<date>-<number>.json):
# a number of hundreds of characters made a file name the build could not write, after `check`.
MAX_LABEL = 40


def _label(value: str) -> str:
    if len(value) > MAX_LABEL:
        raise FieldError(f"an item number of {len(value)} characters is too long (at most {MAX_LABEL})",
                         'write the number as the agenda prints it, for example "15A"')
    return value


# The patterns also go into the JSON Schemas, so an editor flags a bad value as it is typed.
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": _SLUG.pattern,
                                                                      "maxLength": MAX_SLUG})]
PageRange = Annotated[str, BeforeValidator(_number_text), AfterValidator(_pages),
                      Field(json_schema_extra={"pattern": r"^\d+(\s*-\s*\d+)?$"})]
Time = Annotated[str, AfterValidator(_time), Field(json_schema_extra={"pattern": _TIME.pattern})]
Label = Annotated[str, BeforeValidator(_number_text), AfterValidator(_label),
                  Field(json_schema_extra={"maxLength": MAX_LABEL})]
Markdown = Annotated[str, AfterValidator(check_markdown)]
Text = Annotated[str, AfterValidator(check_markdown)]
# Text the theme (not our templates) prints unescaped: the board's name becomes MkDocs' site_name,
# the footer prints the contact and licence. Plain text after YAML decoding: no markup, no controls.
TemplateText = Annotated[str, AfterValidator(_template_text)]
WebAddress = Annotated[str, AfterValidator(_web_address)]
Email = Annotated[str, AfterValidator(_email)]
# unambiguous (a hyphen starts each subtag), so linear as written; no possessive quantifier, because the
# editors' JSON schema repeats this pattern and JavaScript has none
_LANGUAGE = patterns.compile("models.types.language", r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _language(value: str) -> str:
    if not _LANGUAGE.match(value):
        raise FieldError(f"expected a language tag such as en or en-GB, got {value[:40]!r}", "for example en")
    return value


Language = Annotated[str, AfterValidator(_language), Field(json_schema_extra={"pattern": _LANGUAGE.pattern})]
