"""Step 3: every id one entry gives of another (a person's side, an event's people ...) names an entry."""

from __future__ import annotations

from macros.model.context import LoadContext
from macros.problems.problem import Problem


def check_references(ctx: LoadContext) -> None:
    project = ctx.project
    for person in project.people.values():
        ctx.ref("people", person, ("side",), "sides", person.side)
        if person.name not in {n.name for n in person.names}:
            ctx.problems.add(Problem(
                ctx.file_of("people"), f"the display name '{person.name}' is not one of the spellings under `names`",
                line=ctx.line_of("people", person, ("name",)), entry=person.id, field="name",
                hint="use one of the printed spellings as the display name: "
                     + ", ".join(f"'{n.name}'" for n in person.names)))
    for event in project.events.values():
        ctx.ref("events", event, ("period",), "periods", event.period)
        for i, pid in enumerate(event.people):
            ctx.ref("events", event, ("people", i), "people", pid)
    for quote in project.quotes.values():
        ctx.ref("quotes", quote, ("speaker",), "people", quote.speaker)
        ctx.ref("quotes", quote, ("source",), "sources", quote.source)
    check_block_references(ctx)


def check_block_references(ctx: LoadContext) -> None:
    """Ids inside the page blocks: profile sections, charts, claims and their collapsed details."""
    project = ctx.project
    for person in project.people.values():
        for n, section in enumerate(person.sections):
            for q, qid in enumerate(section.quotes):
                ctx.ref("people", person, ("sections", n, "quotes", q), "quotes", qid)
            for d, detail in enumerate(section.details):
                for q, qid in enumerate(detail.quotes):
                    ctx.ref("people", person, ("sections", n, "details", d, "quotes", q), "quotes", qid)
    for chart in project.charts.values():
        for i, fid in enumerate(chart.figures):
            ctx.ref("charts", chart, ("figures", i), "figures", fid)
    for claim in project.claims.values():
        ctx.ref("claims", claim, ("by",), "sides", claim.by)
        for d, detail in enumerate(claim.details):
            for q, qid in enumerate(detail.quotes):
                ctx.ref("claims", claim, ("details", d, "quotes", q), "quotes", qid)
