"""A person's profile: the infobox, sections by topic, the timeline, and names as printed (collapsed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.model.schema import Person
from macros.pages.details import collapsible, render_detail
from macros.pages.quotes import quote_block
from macros.pages.templates import date_label, render, safe
from macros.pages.text import md_text

if TYPE_CHECKING:
    from macros.pages.render import Renderer

INFOBOX_FIELDS = ("posts", "agency", "sanctioned", "allegation", "response")


def infobox(r: Renderer, person_id: str) -> str:
    """The infobox alone, for a page other than the person's profile."""
    return _infobox(r, r.project.people[person_id])


def _infobox(r: Renderer, person: Person) -> str:
    if person.infobox is None:
        return ""
    rows = [(name, safe(r.paragraph(getattr(person.infobox, name))))
            for name in INFOBOX_FIELDS if getattr(person.infobox, name)]
    return render("infobox.html", name=person.name, rows=rows)


def profile(r: Renderer, person_id: str) -> str:
    person = r.project.people[person_id]
    sections = []
    for section in person.sections:
        parts = []
        if section.text:
            parts.append(r.paragraph(section.text))
        parts += [quote_block(r, qid) for qid in section.quotes]
        parts += [render_detail(r, detail, kind="note") for detail in section.details]
        sections.append({"heading": safe(md_text(section.heading)), "body": safe("\n\n".join(parts))})
    events = [e for e in r.project.events.values() if person.id in e.people]  # the timeline's order
    timeline = [{"date": date_label(e.date), "title": safe(md_text(e.title)), "href": r.timeline_href(e.id)} for e in events]
    printed = render("names_as_printed.md",
                     names=[r.printed(n.name, n.cite) for n in person.names],
                     titles=[r.printed(t.title, t.cite) for t in person.titles])
    return render("profile.md", infobox=safe(_infobox(r, person)), sections=sections, timeline=timeline,
                  printed=safe(collapsible(_printed_summary(), printed, kind="info")))


def _printed_summary() -> str:
    return render("names_as_printed_summary.txt").strip()
