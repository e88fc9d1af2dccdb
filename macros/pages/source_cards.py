"""Source cards: each seed article described for what it is.

One card per entry of data/sources.yml: what the piece prints about itself
(its own words, shown verbatim), its genre and tag, and the cited sentences
on what shows its genre, what it says it rests on and which reporter it
shares with another source. The words around them live in
templates/source_cards.html.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.citations.footnotes import archive_path
from macros.pages.templates import render, safe

if TYPE_CHECKING:
    from macros.pages.render import Renderer

# Printed fields shown on a card, in this order; a field the article does not print is left out.
PRINTED = ("outlet", "byline", "date", "updated", "section", "subheadline")


def source_cards(r: Renderer) -> str:
    cards = []
    for source in r.project.sources.values():
        cards.append({
            "id": source.id,
            "source": source,
            "href": r.link(archive_path(source.id, r.footnotes.archive_dir)),
            "printed": [(name, getattr(source, name)) for name in PRINTED if getattr(source, name)],
            "genre_shown_by": safe(r.paragraph(source.genre_shown_by)),
            "rests_on": safe(r.paragraph(source.rests_on)),
            "shares_reporters": safe(r.paragraph(source.shares_reporters)),
        })
    return render("source_cards.html", cards=cards)
