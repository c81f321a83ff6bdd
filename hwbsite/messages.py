"""The interface's words: one catalogue of every fixed heading, label and sentence that the
converted builders write, under stable message ids (English only for now).

A Welsh or bilingual site is then a locale and a translated catalogue, not a fork: a builder asks
``text("opendata.heading")``, never writes the English itself (``tests/test_messages.py`` fails on
an interface string written in a converted builder). Plurals go through Babel's CLDR plural rules
(``Locale.plural_form``), because languages count differently: English has two forms, Welsh six.
``catalogue()`` gives the messages as a Babel ``Catalog``, so a translator's ``.po`` file can be
written from it (``babel.messages.pofile.write_po``) and read back into the same ids.

Converted so far: the Data page (exports/opendata.py). The theme's templates (hwbsite/theme/) are
next: MkDocs escapes what ``extra:`` gives a template, and an apostrophe would print as ``&#39;``,
so they need a Jinja-side path that keeps the output's bytes.
"""

from __future__ import annotations

from babel import Locale
from babel.messages.catalog import Catalog

LOCALE = "en_GB"

# id -> the English text; a tuple is (one, other) for a count. Fields in {braces} are filled by
# text()/plural(): a translation must keep them.
ENGLISH: dict[str, str | tuple[str, str]] = {
    "opendata.heading": "# Open data",
    "opendata.intro": (
        "Everything this site publishes is also here as data, to download and reuse: "
        "each dataset as CSV (for spreadsheets) and JSON (for programs), described by one "
        "[Frictionless Data Package](datapackage.json) that gives every column's type and meaning "
        "and how the datasets link to each other."),
    "opendata.licence": "Licence: {licence}.",
    "opendata.as_printed": (
        "The figures are exactly as the papers printed them. Business taken in private, drafts and "
        "embargoed papers are not included."),
    "opendata.also": (
        "Also available: the [meetings calendar](../calendar.ics), the [Atom feed](../feed.xml) "
        "and an [OParl 1.1 interface](../oparl/system.json), the open standard council information "
        "systems use to exchange meetings, papers and people."),
    "opendata.rows": ("{n} row", "{n} rows"),
    "opendata.no_rows": "no rows (the files hold the column headings only)",
    "opendata.columns_header": "| Column | Type | Meaning |",
    "opendata.tables_heading": "## Tables of figures from the papers {#tables}",
    "opendata.tables_intro": "Each table printed in a published paper, cell by cell as printed.",
}


def text(message_id: str, **fields: object) -> str:
    """The message in the site's language, with its fields filled."""
    message = ENGLISH[message_id]
    if not isinstance(message, str):
        raise TypeError(f"{message_id} counts something: use plural()")
    return message.format(**fields) if fields else message


def plural(message_id: str, n: int, **fields: object) -> str:
    """The form of a counted message that the locale's plural rule picks for n."""
    message = ENGLISH[message_id]
    if isinstance(message, str):
        raise TypeError(f"{message_id} counts nothing: use text()")
    one, other = message
    return (one if Locale.parse(LOCALE).plural_form(n) == "one" else other).format(n=n, **fields)


def catalogue() -> Catalog:
    """The messages as a Babel catalogue, ids as msgids and the English as translations."""
    catalog = Catalog(locale=LOCALE, domain="hwbsite", project="hwbsite")
    for message_id, message in sorted(ENGLISH.items()):
        if isinstance(message, str):
            catalog.add(message_id, message)
        else:
            catalog.add((message_id, message_id + ".other"), message)
    return catalog
