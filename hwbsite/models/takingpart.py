"""How the public can take part in a meeting: attend, ask a question, watch, and whom to contact.

``board.yml`` gives the board's usual arrangements under ``taking_part:``; a meeting's file may
give its own ``taking_part:``, whose fields replace the board's one by one (a meeting held
elsewhere, or webcast when others are not). Every field is optional: a field neither gives is
left out of the meeting's page, which then says the papers do not say, rather than guess.
"""

from __future__ import annotations

from .base import Model
from .types import Email, Text, WebAddress


class Contact(Model):
    """The clerk or officer for the board's meetings (democratic services)."""
    name: Text | None = None          # a person or a team: "Democratic Services"
    role: Text | None = None          # "Governance Adviser"
    email: Email | None = None
    phone: Text | None = None

    def empty(self) -> bool:
        return not (self.name or self.role or self.email or self.phone)


class TakingPart(Model):
    attend: Text | None = None        # how the public can attend (open to all? book a seat?)
    questions: Text | None = None     # how to ask a question, and by when
    watch: Text | None = None         # how to watch: a webcast, a recording
    watch_url: WebAddress | None = None
    contact: Contact | None = None

    def empty(self) -> bool:
        return not (self.attend or self.questions or self.watch or self.watch_url
                    or (self.contact and not self.contact.empty()))


FIELDS = ("attend", "questions", "watch", "watch_url", "contact")


def for_meeting(board_default: TakingPart | None, own: TakingPart | None) -> TakingPart:
    """The arrangements for one meeting: its own fields where it gives them, else the board's.

    The contact is replaced whole (a meeting's clerk is one person, never the board clerk's name
    with another officer's phone number)."""
    base = board_default or TakingPart()
    if own is None:
        return base
    return TakingPart(**{f: (getattr(own, f) if getattr(own, f) is not None else getattr(base, f))
                         for f in FIELDS})
