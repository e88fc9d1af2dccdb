"""The home page's blocks: the short version, the three panels, the key facts.

Each is drawn from its data file (short_version.yml, panels.yml,
key_facts.yml) through its template; every sentence and fact carries its
footnotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.pages.templates import date_label, render, safe
from macros.pages.text import md_text

if TYPE_CHECKING:
    from macros.pages.render import Renderer


def short_version(r: Renderer, title: str | None = None) -> str:
    """The boxed short version, under its own heading: the template's ("The short version") by default, the
    page's `title` when given, none when `title` is ""."""
    points = [safe(r.paragraph(point.text)) for point in r.project.points.values()]
    return render("short_version.html", points=points, title=title)


def panels(r: Renderer) -> str:
    boxes = [{"id": panel.id, "title": panel.title, "items": [safe(r.sentence(item)) for item in panel.items]}
             for panel in r.project.panels.values()]
    return render("panels.html", panels=boxes)


def key_facts(r: Renderer) -> str:
    facts = []
    for fact in r.project.facts.values():  # data order, which says what came after what
        when = date_label(fact.date)
        facts.append({
            "id": fact.id,
            "date": fact.date,
            "when": when,
            "value": safe(md_text(fact.value)) if fact.value not in when else None,  # "May 1" in "May 1, 2021"
            "label": safe(md_text(fact.label)),
            # one run of footnotes after the whole fact, the value's then the date's, under the fact's own anchor
            "refs": safe(r.refs([*fact.cite, *(fact.date_cite.cite if fact.date_cite else [])], named_by=fact.cite)),
            "basis": safe(r.sentence(fact.date_basis)) if fact.date_basis else None,
        })
    return render("key_facts.html", facts=facts)
