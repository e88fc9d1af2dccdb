"""A person's quotation as a block quote, with a caption naming who said it and where it is quoted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.model.types import Citation
from macros.pages.templates import render, safe
from macros.pages.text import md_text, sentence_case

if TYPE_CHECKING:
    from macros.pages.render import Renderer


def quote_block(r: Renderer, quote_id: str) -> str:
    quote = r.project.quotes[quote_id]
    speaker = r.project.people[quote.speaker]
    source = r.project.sources[quote.source]
    ref = r.refs([Citation(source=quote.source, quote=quote.context, readers_comment=False)])
    # Plain Markdown (no nested HTML blocks), so footnotes number in reading order.
    return render("quote.md", text=safe(md_text(quote.text)), ref=safe(ref),
                  speaker=safe(r.person_name(speaker, md_text(sentence_case(speaker.name)))),
                  about=safe(md_text(quote.about)) if quote.about else None,
                  source=safe(md_text(source.label))).strip("\n")
