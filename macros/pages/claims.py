"""The claims table: one row per claim, each cell cited; full quotations collapsed below it.

Columns and their headings live in templates/claims_table.html. On a phone
the table stacks, one claim after another, each cell under its heading
(cited-explainer.css), so the page never scrolls sideways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.pages.details import render_detail
from macros.pages.templates import render, safe

if TYPE_CHECKING:
    from macros.pages.render import Renderer

CELLS = ("claim", "who", "response", "evidence", "caveats")


def claims_table(r: Renderer, more: str = "") -> str:
    """The table; with `more` (the page that calls claims_details(), as a Markdown link target), each row
    with detail links to its claim's blocks there."""
    rows = []
    for claim in r.project.claims.values():
        cells = {name: safe(r.paragraph(getattr(claim, name))) for name in CELLS}
        rows.append({"id": claim.id, "by": r.project.sides[claim.by].label, "more": bool(claim.details), **cells})
    return render("claims_table.html", rows=rows, more=more)


def claims_details(r: Renderer) -> str:
    """Each claim's collapsed detail, in table order, each claim's blocks under its anchor (more-ID)."""
    out = []
    for n, claim in enumerate(r.project.claims.values(), start=1):
        if claim.details:
            out.append(render("claim_details.md", id=claim.id, row=n, by=r.project.sides[claim.by].label,
                              blocks=safe("\n".join(render_detail(r, detail) for detail in claim.details))))
    return "\n".join(out)

