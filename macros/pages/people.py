"""Person cards (name and what the person is) and the 'Everyone named' directory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.pages.details import collapsible
from macros.pages.templates import render, safe
from macros.pages.text import md_text

if TYPE_CHECKING:
    from macros.pages.render import Renderer


def person_card(r: Renderer, person_id: str) -> str:
    """The person's name, and what the person is: their cited role, or else their first title as printed."""
    person = r.project.people[person_id]
    title = person.titles[0] if person.titles and not person.role else None
    return render("person_card.md", name=safe(md_text(person.name)), href=r.person_href(person),
                  role=safe(r.sentence(person.role)) if person.role else None,
                  title=r.printed(title.title, title.cite) if title else None).strip("\n")


def people_cards(r: Renderer, person_ids: list[str]) -> str:
    return render("person_cards.md", cards=[safe(person_card(r, pid)) for pid in person_ids])


def directory(r: Renderer) -> str:
    groups = []
    for side in r.project.sides.values():
        members = [p for p in r.project.people.values() if p.side == side.id]
        if not members:
            continue
        people = []
        for person in members:
            more = [r.sentence_list(person.summary[1:])] if person.summary[1:] else []
            profile = r.profile_href(person)
            if person.titles and not profile:  # a profile shows them itself
                more.append(render("titles_as_printed.md", titles=[r.printed(t.title, t.cite) for t in person.titles]).strip())
            people.append({
                "id": person.id, "name": safe(md_text(person.name)),
                "role": safe(r.sentence(person.role)) if person.role else None,
                "first": safe(r.sentence(person.summary[0])) if person.summary else None,
                "more": safe(collapsible(render("more_about_person.txt").strip(), "\n\n".join(more), kind="note"))
                if more else None,
                "profile": profile,
            })
        groups.append({"id": side.id, "heading": safe(md_text(side.group or side.label)), "people": people})
    return render("directory.md", groups=groups)
