"""The timeline: entries by period, each marked event, allegation or response, with plain dates.

Entries keep the order of data/events.yml, which says what came after what where a
date alone cannot ("September 2020" and "September 3, 2020"); tests/test_fidelity.py
checks that no date goes back in time.

An approximate or inferred date carries a marker linking to its cited note
under "About the dates" at the end of the timeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.pages.details import render_detail
from macros.pages.templates import date_label, render, safe
from macros.pages.text import md_text

if TYPE_CHECKING:
    from macros.pages.render import Renderer


def timeline(r: Renderer) -> str:
    periods = []
    notes = []
    for period in r.project.periods.values():
        events = [e for e in r.project.events.values() if e.period == period.id]  # data order: the sequence
        if not events:
            continue
        entries = []
        for event in events:
            people = [safe(r.person_name(r.project.people[p], md_text(r.project.people[p].name)))
                      for p in event.people]
            entries.append({
                "id": event.id, "kind": event.kind, "date": event.date, "date_label": date_label(event.date),
                "approximate": event.date_basis is not None, "title": event.title,
                "text": safe(r.paragraph(event.text)), "people": people,
                "details": [safe(render_detail(r, d, kind="note")) for d in event.details],
            })
            if event.date_basis is not None:
                notes.append({"id": event.id, "date_label": date_label(event.date), "title": event.title,
                              "text": safe(r.sentence(event.date_basis))})
        periods.append({"id": period.id, "label": safe(md_text(period.label)), "entries": entries})
    return render("timeline.md", periods=periods, notes=notes)

