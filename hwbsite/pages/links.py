"""Links to people, shared by every page that names someone."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup, urls


def person(project, name: str | None, page: str) -> Markup:
    """A published name, linked to the person's page when we know who it is."""
    if not name:
        return Markup("")
    who = project.person_named(name)
    if who is None:
        return markup.text(name)
    return Markup(f"[{markup.text(name)}]({urls.relative(page, urls.person(who.id))})")


def names_in(project, text: str | None, names: list[str], page: str) -> Markup:
    """Escape ``text`` and link each of ``names`` where it appears in it (else append the links)."""
    out = markup.text(text or "")
    missing = []
    for name in names:
        escaped = markup.text(name)
        linked = person(project, name, page)
        if escaped and escaped in out:
            out = Markup(out.replace(escaped, linked, 1))
        else:
            missing.append(linked)
    if missing:
        out = Markup(out + (" (" if out else "") + Markup(", ").join(missing) + (")" if out else ""))
    return out
