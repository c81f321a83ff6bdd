"""The interface's words: one catalogue of every fixed heading, label and sentence that the
converted builders write, under stable message ids (English only for now).

A Welsh or bilingual site is then a locale and a translated catalogue, not a fork: a builder asks
``text("opendata.heading")``, never writes the English itself (``tests/test_messages.py`` fails on
an interface string written in a converted builder). Plurals go through Babel's CLDR plural rules
(``Locale.plural_form``), because languages count differently: English has two forms, Welsh six.
``catalogue()`` gives the messages as a Babel ``Catalog``, so a translator's ``.po`` file can be
written from it (``babel.messages.pofile.write_po``) and read back into the same ids.

Converted so far: the Data page (exports/opendata.py), the People pages (pages/people.py and their
templates), the decisions register and the lists' filters (pages/registers.py) and the theme's
templates (hwbsite/theme/: they read config.extra.hwbsite_text, see theme_text()). Page templates
call t()/tn()/text() (hwbsite/render.py). Not yet: meetings, papers, packs, strategy, the action
log, statements, the metric, money and home pages.
"""

from __future__ import annotations

from babel import Locale
from babel.messages.catalog import Catalog
from markupsafe import Markup

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

    # People: the people index, the members page and each person's page (hwbsite/pages/people.py).
    "people.title": "People",
    "people.description": "Members, officers and presenters of the {board}.",
    "people.intro": "Board members, officers and everyone who has presented to the board, with their roles and attendance.",
    "people.who_sits": "[Who sits on the board]({members}): {what}.",
    "people.has_members": "the members, their roles, terms and attendance",
    "people.no_members": "no member of the board is recorded yet",
    "people.none": "No people are listed yet.",
    "people.roles": "Roles",
    "people.role_not_stated": "Role not stated",
    "people.seat": "a seat on the board: [{seat}]({members})",
    "people.role_from": "from {start}",
    "people.role_from_to": "from {start} to {end}",
    "people.role_until": "until {end}",
    "people.so_named_in": "so named in {source}",
    "people.so_named_in_papers_of": "so named in the papers of ",
    "people.aliases": "Also written in the papers as: {aliases}.",
    "people.attendance": "Attendance",
    "people.attendance_header": "| Meeting | Attendance | Note |",
    "people.no_attendance": "No attendance is recorded in the published minutes.",
    "people.presented": "Agenda items presented",
    "people.item": "{date}, item {number}: {title}",
    "people.actions": "Actions",
    "people.minute": "{date}, minute {number}: {title}",
    "people.action_status": "status: {status}",
    "people.declarations": "Declarations of interest",
    "people.declaration_item": "item {item}",
    "people.category.present": "Present",
    "people.category.report_presenters": "Presented a report",
    "people.category.officers": "Attended as an officer",
    "people.category.observers": "Observer",
    "people.category.apologies": "Apologies",
    "people.category.represented": "Represented",
    "people.membership.chair": ("Chair", "Chairs"),
    "people.membership.vice-chair": ("Vice-chair", "Vice-chairs"),
    "people.membership.member": ("Member", "Members"),
    "people.membership.substitute": ("Substitute", "Substitutes"),
    "people.former.chair": ("Former chair", "Former chairs"),
    "people.former.vice-chair": ("Former vice-chair", "Former vice-chairs"),
    "people.former.member": ("Former member", "Former members"),
    "people.former.substitute": ("Former substitute", "Former substitutes"),
    "people.term_from_to": "{start} to {end}",
    "people.term_from": "from {start}",
    "people.term_until": "until {end}",
    "people.not_stated": "not stated in the papers",
    "people.no_counted_minutes": "No published minutes with an attendance list fall in this term",
    "people.present_at": ("Present at {present} of {n} meeting since {since}",
                          "Present at {present} of {n} meetings since {since}"),
    "people.attended": ("Attended {present} of {n} meeting since {since}",
                        "Attended {present} of {n} meetings since {since}"),
    "people.substitute_attended": "a substitute attended {n}",
    "people.apologies_for": "apologies for {n}",
    "members.title": "Board members",
    "members.description": "Who sits on the {board}: role, organisation, term and attendance.",
    "members.intro": (
        "Who sits on the {board}, as the board's papers record it: each member's role on the board, "
        "the organisation they come from, their term, and how many meetings they attended."),
    "members.counted_from": "Attendance is counted from the published minutes that list who was present",
    "members.counted": ("{n} meeting", "{n} meetings"),
    "members.not_counted": "a meeting without such minutes is not counted either way.",
    "members.organisation": "Organisation: {organisation}.",
    "members.term": "Term: {term}.",
    "members.none": "No member of the board is recorded yet.",
    "members.everyone": "[Everyone named in the papers]({people}), with each person's roles and attendance.",
    "list.and": " and ",

    # Registers: the decisions register and the filters of every filtered list (pages/registers.py).
    "registers.all": "All",
    "registers.year_title.decisions": "Decisions from meetings in {year}",
    "registers.topic_title.decisions": "Decisions on {topic}",
    "registers.year_title.actions": "Actions from meetings in {year}",
    "registers.topic_title.actions": "Actions on {topic}",
    "decisions.title": "Decisions register",
    "decisions.nav_title": "Decisions",
    "decisions.description": "Every resolution of the board, newest first, with a permanent link.",
    "decisions.view_description": (
        "{view}: each resolution of the board, newest first, with a link to its place in the minutes."),
    "decisions.intro": (
        "Every resolution recorded in the board's published minutes, newest first. Each links to its "
        "place in the minutes."),
    "decisions.part_of_year": (
        "Part of the [decisions register]({register}): the resolutions of the board's meetings in "
        "{year}, newest first. Each links to its place in the minutes."),
    "decisions.part_of_topic": (
        "Part of the [decisions register]({register}): the resolutions tagged with the topic "
        "[{topic}]({topic_page}), newest first. Each links to its place in the minutes."),
    "decisions.filter": "Filter the decisions",
    "decisions.count": ("{n} decision.", "{n} decisions."),
    "decisions.heading": "{date}, minute {minute}",
    "decisions.resolution": ", resolution {number}",
    "decisions.in_the_minutes": "In the minutes",
    "decisions.none": "No decisions have been published yet.",
    "decisions.no_match": "No decisions match this filter.",
    "filters.actions": "Filter the actions",
    "filters.all": "Show",
    "filters.status": "RAG status",
    "filters.overdue": "Due date",
    "filters.aim": "Aim",
    "filters.lead": "Lead",
    "filters.year": "Year",
    "filters.topic": "Topic",

    # The theme's templates (hwbsite/theme/), through config.extra.hwbsite_text (theme_text()).
    "theme.search": "Search",
    "theme.search_site": "Search this site",
    "theme.site_search": "Site search",
    "theme.search_papers": "Search this site's papers, minutes and decisions",
    "theme.search_for": "Search for",
    "theme.search_needs_js": (
        "Search needs JavaScript, which is off in this browser. Every meeting, paper and decision "
        "is also listed on the {meetings}, {papers} and {decisions} pages."),
    "theme.meetings": "Meetings",
    "theme.papers": "Papers",
    "theme.decisions": "Decisions",
    "theme.more_results": "More results",
    "theme.not_found": "Page not found",
    "theme.not_found_text": "There is no page at this address. It may have moved, or the address may be mistyped.",
    "theme.or_go_to": "Or go to",
    "theme.feed_title": "{site}: what's new",
    "theme.calendar_title": "{site}: meetings calendar",
    "theme.subscribe": "Subscribe and download",
    "theme.keep_up": "Keep up to date:",
    "theme.calendar_link": "meetings calendar (iCalendar)",
    "theme.feed_link": "Atom feed",
    "theme.whats_new": "What's new",
    "theme.open_data": "Open data",
    "theme.hosted_by": "{board}, hosted by {council}.",
    "theme.contact": "Contact:",
    "theme.council_page": "the council's page for the board",
    "theme.licence_intro": "All content and data are available under the",
    "theme.licence_except": ", except {exceptions}",
    "theme.licence_except_default": ", except where otherwise stated",
    "theme.site_information": "Site information",
    "theme.accessibility": "Accessibility statement",
    "theme.licence": "Licence",
}

# What the theme reads from config.extra (hwbsite/theme/ prints config.extra.hwbsite_text.<key>).
THEME_PREFIX = "theme."


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


def theme_text() -> dict[str, str]:
    """The theme's messages for config.extra.hwbsite_text, by their key after "theme.".

    A theme template cannot call Python (Zensical's templates have no plugin): it reads these as
    values and fills a {field} with Jinja's replace filter. hwbsite/slots.py escapes them for HTML
    as every value of extra: is, but keeps the apostrophe ("What's new" prints as it is written):
    the theme prints them only as element text or inside double-quoted attributes, where an
    apostrophe ends nothing (tests/test_messages.py holds the templates to that)."""
    return {key[len(THEME_PREFIX):]: value for key, value in ENGLISH.items()
            if key.startswith(THEME_PREFIX) and isinstance(value, str)}


def markdown(message_id: str, **fields: object) -> Markup:
    """A message as Markdown for a page template: the catalogue's words are trusted Markdown (they
    may hold a link), the fields are data and are escaped for Markdown (markup.text)."""
    from . import markup
    return Markup(text(message_id, **{k: markup.text(v) for k, v in fields.items()}))


def markdown_plural(message_id: str, n: int, **fields: object) -> Markup:
    """A counted message as Markdown for a page template (see markdown())."""
    from . import markup
    return Markup(plural(message_id, n, **{k: markup.text(v) for k, v in fields.items()}))


def catalogue() -> Catalog:
    """The messages as a Babel catalogue, ids as msgids and the English as translations."""
    catalog = Catalog(locale=LOCALE, domain="hwbsite", project="hwbsite")
    for message_id, message in sorted(ENGLISH.items()):
        if isinstance(message, str):
            catalog.add(message_id, message)
        else:
            catalog.add((message_id, message_id + ".other"), message)
    return catalog
