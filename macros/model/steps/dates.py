"""Every date a block shows is a date its sources print, or is marked as inferred with its basis cited.

A dated entry (any data class with a `date:` field: timeline events, key
facts) passes when one of these holds:

- the passages it cites (anywhere in the entry, `date_cite:` included) print
  the date: its year, the month's name (or its usual abbreviation) when a
  month is given, and the day's number when a day is given;
- an article it cites prints that year and month as its own date (the
  source's `date:`, verbatim in the seed, which every footnote shows); a day
  must still be printed in a passage, since a report dated the 9th may tell
  of "Wednesday";
- the entry marks the date as inferred (`date_basis:`, a cited sentence on why
  the date is what it is, shown to readers beside the date).

Otherwise the check refuses the date, naming the file, line, entry and field.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from macros.model.context import LoadContext
from macros.model.fields import citations_in
from macros.model.types import MONTH_NAMES
from macros.problems.problem import Problem
from macros.seeds.matching import normalized_text

# Month names as articles print them, and their usual abbreviations.
_MONTHS: dict[int, tuple[str, ...]] = {i: (name, name[:3]) for i, name in enumerate(MONTH_NAMES, 1)}
_MONTHS[9] = (*_MONTHS[9], "Sept")
_MONTH_WORDS = {i: tuple(w.lower() for w in words) for i, words in _MONTHS.items()}


def check_dates(ctx: LoadContext) -> None:
    for kind, entries in ctx.project.entries.items():
        for entry in entries.values():
            date = getattr(entry, "date", None)
            if not isinstance(date, str) or not isinstance(entry, BaseModel) or kind == "sources":
                continue
            if getattr(entry, "date_basis", None) is not None:
                continue  # marked as inferred, its basis cited and shown
            citations = [c for _, c, _ in citations_in(entry)]
            passages = " ".join(normalized_text(c.quote) for c in citations)
            printed = [ctx.project.sources[c.source].date for c in citations if c.source in ctx.project.sources]
            if printed_in(date, passages) or any(d and printed_in(date, normalized_text(d), day=False) for d in printed):
                continue
            ctx.problems.add(Problem(
                ctx.file_of(kind), f"the date {date} is printed in none of the passages this entry cites",
                line=ctx.line_of(kind, entry, ("date",)), entry=getattr(entry, "id", None), field="date",
                details=(("wanted", _wanted(date)),), hint=_hint(entry)))


def printed_in(date: str, text: str, *, day: bool = True) -> bool:
    """True when text (normalized, as seeds are) prints the date: year, month name, and day when asked."""
    year, *rest = date.split("-")
    text = text.lower()
    if not re.search(rf"(?<!\d){year}(?!\d)", text):
        return False
    if rest and not any(re.search(rf"\b{re.escape(word)}\b", text) for word in _MONTH_WORDS[int(rest[0])]):
        return False
    return not (len(rest) == 2 and day and not re.search(rf"(?<!\d){int(rest[1])}(?!\d)", text))


def _wanted(date: str) -> str:
    year, *rest = date.split("-")
    parts = [f"the year {year}"]
    if rest:
        parts.append(f"the month ({_MONTHS[int(rest[0])][0]})")
    if len(rest) == 2:
        parts.append(f"the day ({int(rest[1])})")
    return ", ".join(parts) + " in a cited passage"


def _hint(entry: BaseModel) -> str:
    fields = type(entry).model_fields
    ways = ["cite a passage that prints the date"]
    if "date_cite" in fields:
        ways.append("add `date_cite:` with the passage (a dateline, say) that prints it")
    if "date_basis" in fields:
        ways.append("when the date is worked out (\"last month\" in a report of a known date), mark it inferred "
                    "with `date_basis:`, one cited sentence on how it is worked out, shown beside the date")
    return "; or ".join(ways) + "; or correct the date"
