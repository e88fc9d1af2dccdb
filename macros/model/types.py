"""The building blocks every data class shares: ids, references, dates, and the cited sentence.

Split from `schema.py` (which declares one class per kind of entry) so that each
stays one concern; `schema.py` re-exports these names.
"""

import calendar
import re
from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"), Field(
    description="A short id of lower-case letters, digits and single hyphens, e.g. `city-council-vote`.")]


@dataclass(frozen=True)
class Ref:
    """Marks a field that holds the id of an entry of `kind` (a kind of DATA_FILES): the loader checks every such
    id names an entry (macros/model/steps/references.py), however deep the field; nothing else needs listing."""

    kind: str


SourceId = Annotated[Slug, Ref("sources")]
SideId = Annotated[Slug, Ref("sides")]
PeriodId = Annotated[Slug, Ref("periods")]
PersonId = Annotated[Slug, Ref("people")]
QuoteId = Annotated[Slug, Ref("quotes")]
FigureId = Annotated[Slug, Ref("figures")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
# The months as English news copy prints them, for reading the seeds' dates and for the engine's messages:
# fixed, since `calendar.month_name` follows the process locale (LC_TIME). Readers' month names are words of
# the site, in macros/templates/date_label.txt.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
OptionalPrinted = Annotated[str | None, Field(
    description="Exactly as the article prints it, or null when the article does not print it (shown as 'not stated').")]


def _check_date(value: str) -> str:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        raise ValueError("a date is written YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-06 or 2021-12-08")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"there is no month {month:02d}; months run 01 to 12")
    if day is not None and month is not None and year is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{MONTH_NAMES[month - 1]} {year} has no day {day}; it has {last} days")
    return value


def _check_seed_file(value: str) -> str:
    """A seed is named by its file name alone: nothing that could leave the seeds folder (`..`, a folder, a drive)."""
    if not value or value in (".", "..") or any(mark in value for mark in ("/", "\\", "\0")) or ":" in value[:2]:
        raise ValueError("a seed's `file:` is the name of a file in the seeds folder, alone: no folder, no `..`, "
                         "no `/` or `\\`")
    return value


SeedFileName = Annotated[str, AfterValidator(_check_seed_file), Field(
    description="The name of the seed's file in the seeds folder, alone: no folder, `..`, `/` or `\\`.")]

PartialDate = Annotated[str, AfterValidator(_check_date), Field(
    description="YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source is.")]


class Entry(BaseModel):
    """Base for every data class: unknown fields are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    # Fields whose text must stand verbatim inside every citation of the entry.
    verbatim_in_citations: ClassVar[tuple[str, ...]] = ()


class Citation(Entry):
    """A verbatim passage of one seed article that supports a sentence."""

    source: Slug = Field(description="The id of the source in data/sources.yml.")
    quote: str = Field(description="A passage copied exactly from that seed (only typography may differ).")
    readers_comment: bool = Field(False, description=(
        "True when the passage is a reader's comment under the article (after the source's `comments_begin`), "
        "not the article's own text. A reader's comment is never evidence: the build refuses to show such a "
        "citation on an explainer page; the comment stays on the article's archive page, labelled."))


Cite = Annotated[list[Citation], Field(min_length=1, description="One or more citations; every one is checked against its seed.")]


class Sentence(Entry):
    """One sentence a reader will see, with the passages that support it."""

    text: Text = Field(description="The sentence, attributed ('The newspaper reported ...'), ending in punctuation.")
    cite: Cite


Prose = Annotated[list[Sentence], Field(description="A list of sentences, each with its citations.")]
