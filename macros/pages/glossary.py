"""The glossary: each term's first cited sentence in view, the rest collapsed.

A reader looking up a word gets one sentence; what else the articles say
about it stays one tap away in a closed pymdownx.details block, never lost.
The words around the entries live in templates/glossary.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.pages.details import collapsible
from macros.pages.templates import render, safe

if TYPE_CHECKING:
    from macros.pages.render import Renderer


def glossary(r: Renderer) -> str:
    entries = []
    for term in sorted(r.project.terms.values(), key=lambda t: t.term.lower()):
        first, more = term.definition[:1], term.definition[1:]
        summary = render("glossary_more.txt", term=term.term).strip()
        entries.append({
            "id": term.id,
            "term": term.term,
            "aliases": term.aliases,
            "first": safe(r.paragraph(first)),
            "more": safe(collapsible(summary, r.sentence_list(more), kind="info")) if more else None,
        })
    return render("glossary.md", entries=entries)
