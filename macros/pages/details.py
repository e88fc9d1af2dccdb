"""Collapsible detail: a closed block that shows one summary line until opened.

Rendered with pymdownx.details (`??? quote "summary"`), which Material styles;
the content is indented under it, so any Markdown works inside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.model.schema import Detail
from macros.pages.quotes import quote_block
from macros.pages.templates import render, safe
from macros.pages.text import attr

if TYPE_CHECKING:
    from macros.pages.render import Renderer


def collapsible(summary: str, body: str, kind: str = "quote") -> str:
    """A closed pymdownx.details block around Markdown body."""
    inner = "\n".join(("    " + line) if line.strip() else "" for line in body.strip("\n").splitlines())
    return render("details.md", kind=kind, summary=safe(attr(summary)), body=safe(inner))


def render_detail(r: Renderer, detail: Detail, kind: str = "quote") -> str:
    """A Detail entry: its sentences as a list, then its quotations in full."""
    parts = []
    if detail.text:
        parts.append(r.sentence_list(detail.text))
    parts += [quote_block(r, qid) for qid in detail.quotes]
    return collapsible(detail.summary, "\n\n".join(parts), kind)
