"""Where the sources differ: substantive points first, each with why it matters; spellings in one table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.pages.templates import render, safe
from macros.pages.text import md_text

if TYPE_CHECKING:
    from macros.model.schema import Variant
    from macros.pages.render import Renderer


def _version(r: Renderer, variant: Variant) -> dict[str, object]:
    sources = list(dict.fromkeys(c.source for c in variant.cite))
    return {"sources": [r.project.sources[sid].label for sid in sources], **r.printed(variant.text, variant.cite)}


def differences(r: Renderer) -> str:
    items: list[dict[str, object]] = []
    compact: list[dict[str, object]] = []
    for diff in r.project.differences.values():
        entry: dict[str, object] = {"id": diff.id, "topic": safe(md_text(diff.topic)),
                 "versions": [_version(r, v) for v in diff.variants],
                 "why": safe(r.sentence(diff.why)) if diff.why else None}
        (compact if diff.compact else items).append(entry)
    return render("differences.md", items=items, compact=compact)
