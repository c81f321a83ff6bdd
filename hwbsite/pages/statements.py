"""The site's statements: the accessibility statement page and the facts the footer shows.

The statement follows the form UK public sector websites use (the GOV.UK model
accessibility statement for the Public Sector Bodies (Websites and Mobile
Applications) (No. 2) Accessibility Regulations 2018): who runs the site, how
accessible it is, feedback and contact, reporting a problem, the enforcement
procedure, compliance status, non-accessible content and how the statement was
prepared. Every board-specific fact comes from data/board.yml.
"""

from __future__ import annotations

from .. import urls
from ..outputitem import OutputItem
from ..render import render

ACCESSIBILITY = urls.ACCESSIBILITY
STATUS_WORDS = {
    "fully": "fully compliant",
    "partially": "partially compliant",
    "not": "not compliant",
}


def report_contact(board) -> dict:
    """How to reach the people who run the site: email, phone and address, whichever are given."""
    email = board.accessibility.contact_email or board.contact_email
    return {"email": email, "phone": board.contact_phone, "address": board.contact_address,
            "website": board.website}


def accessibility_page(project, ctx) -> OutputItem:
    board = project.board
    view = {
        "board": board,
        "a": board.accessibility,
        "status": STATUS_WORDS[board.accessibility.status],
        "contact": report_contact(board),
    }
    md = render("accessibility.md.j2", ACCESSIBILITY, v=view)
    return OutputItem(ACCESSIBILITY, md, edit=board.src.file,
                         updated=board.accessibility.reviewed or board.accessibility.prepared)


def footer_facts(board) -> dict:
    """What the footer (the footer block of hwbsite/theme/main.html) shows, as plain values for config.extra."""
    contact = report_contact(board)
    return {
        "board": board.name,
        "council": board.council,
        "email": contact["email"],
        "phone": contact["phone"],
        "address": contact["address"],
        "website": contact["website"],
        "licence_name": board.licence.name,
        "licence_url": board.licence.url,
        "licence_exceptions": board.licence.exceptions,
        "accessibility": urls.ACCESSIBILITY_URL,
    }
