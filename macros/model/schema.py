"""The data schema, declared once.

Every data file under data/ is a mapping with one key naming its entries
(`people:`, `events:`, ...) whose value is a list of entries. The classes here
validate those entries; the editor's JSON Schema and the data-format docs are
generated from them (see `jsonschema.py`).
"""

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from macros.model.types import (
    Cite,
    Entry,
    FigureId,
    OptionalPrinted,
    PartialDate,
    PeriodId,
    PersonId,
    Prose,
    QuoteId,
    SeedFileName,
    Sentence,
    SideId,
    Slug,
    SourceId,
    Text,
)
from macros.seeds.matching import normalized_text

# The keys of macros/templates/genres.yml, which holds the label readers see for each (a test keeps both alike).
Genre = Literal["news report", "analysis", "opinion", "editorial", "unsigned commentary", "official statement",
                "press release", "official report", "interview", "transcript", "court document"]


def _empty() -> list[Any]:
    """An empty list, as the default of a list field: a plain function, whose signature pydantic reads at once
    (that of the built-in `list` took ~0.1 ms to read, for each of 19 fields)."""
    return []


class Source(Entry):
    """One seed article, described only by what it prints."""

    id: Slug
    file: SeedFileName
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="The sha256 of the seed's bytes; the build fails if the file changes.")
    headline: OptionalPrinted = None
    subheadline: OptionalPrinted = None
    outlet: OptionalPrinted = None
    byline: OptionalPrinted = None
    date: OptionalPrinted = None
    updated: OptionalPrinted = None
    section: OptionalPrinted = None
    comments_begin: str | None = Field(None, description=(
        "The first words, as printed, of the paragraph where readers' comments begin; "
        "that paragraph and all after it are readers' comments, not the author's."))
    label: Text = Field(description="How the site names this source in short, e.g. 'the Gazette report'.")
    tag: Text | None = Field(None, description=(
        "The short name readers see first in every footnote citing this source, made only of words the seed "
        "prints (outlet, byline, date), e.g. the outlet's name, or the byline's surnames ('Ortiz and Lee'); "
        "null when the seed prints none of these, and the genre and headline then name it."))
    genre: Genre | None = Field(None, description=(
        "What kind of piece the text shows it is, one of the genres in CONTRIBUTING.md's table: 'news report', "
        "'analysis', 'opinion' (signed), 'editorial', 'unsigned commentary', 'official statement', 'press release', "
        "'official report', 'interview', 'transcript' or 'court document'. Readers see its label in every footnote "
        "and on the source's card. "
        "Null (as `add-source` writes it) until a contributor has read the piece: footnotes then name the "
        "source by its tag, or its label, alone."))
    genre_shown_by: Prose = Field(default_factory=_empty, description=(
        "Sentences, each cited, on what in the text shows its genre; shown on the source's card."))
    rests_on: Prose = Field(default_factory=_empty, description=(
        "Sentences, each cited, on what the piece says its reporting rests on (another outlet's reporting, "
        "an official statement); shown on the source's card."))
    shares_reporters: Prose = Field(default_factory=_empty, description=(
        "Sentences, each cited, naming a reporter whose byline this piece shares with another source."))

    verbatim_in_seed: ClassVar[tuple[str, ...]] = (
        "headline", "subheadline", "outlet", "byline", "date", "updated", "section", "comments_begin")


class Side(Entry):
    """Who makes a claim (a newspaper, an agency, the government, ...), and a kind of person named."""

    id: Slug
    label: Text = Field(description="The label of the 'Who makes it' cell, e.g. 'What the newspaper reported'.")
    group: Text | None = Field(None, description=(
        "The heading of the people of this kind on the 'Everyone named' page; none: no one is grouped here."))


class Name(Entry):
    """One spelling of a person's name, as printed in a seed."""

    name: Text
    cite: Cite
    verbatim_in_citations: ClassVar[tuple[str, ...]] = ("name",)


class Title(Entry):
    """A role or title exactly as a seed gives it."""

    title: Text
    cite: Cite
    verbatim_in_citations: ClassVar[tuple[str, ...]] = ("title",)


class Detail(Entry):
    """A collapsible block: closed, a reader sees only its summary line; open, its sentences and quotations."""

    summary: Text = Field(description="The line shown on the closed block, e.g. 'The quotations in full'.")
    text: Prose = Field(default_factory=_empty)
    quotes: list[QuoteId] = Field(default_factory=_empty, description="Ids of quotes in data/quotes.yml, each shown in full.")


CellProse = Annotated[list[Sentence], Field(min_length=1, description="One or more cited sentences.")]


class Infobox(Entry):
    """The box at the top of a profile: one cited line per field, shown only when given."""

    posts: CellProse = Field(description="The posts the person holds, as the seeds print them.")
    agency: Prose = Field(default_factory=_empty, description="The agency the person heads or works for.")
    sanctioned: Prose = Field(default_factory=_empty, description="Sanctioned by whom and when.")
    allegation: Prose = Field(default_factory=_empty, description="The allegation against the person, in one line.")
    response: Prose = Field(default_factory=_empty, description="The person's response, in one line.")


class Section(Entry):
    """One section of a profile, on one topic ('Who he is', 'What he is accused of', 'What he says')."""

    heading: Text = Field(description="The section's heading.")
    text: Prose = Field(default_factory=_empty)
    quotes: list[QuoteId] = Field(default_factory=_empty, description="Ids of quotes in data/quotes.yml, shown after the text.")
    details: list[Detail] = Field(default_factory=_empty, description="Further detail, collapsed at the end of the section.")


class Person(Entry):
    id: Slug
    name: Text = Field(description="The name shown in headings; one of the spellings under `names`.")
    side: SideId = Field(description="The id of the person's group in data/sides.yml, for the 'Everyone named' page.")
    profile: bool = Field(False, description="True when the person has a profile page under docs/people/.")
    role: Sentence | None = Field(None, description=(
        "What the person is, shown on the person's card, e.g. 'Former President' (cited)."))
    names: list[Name] = Field(min_length=1, description="Every spelling of the name the seeds use, each cited.")
    titles: list[Title] = Field(default_factory=_empty, description="Roles and titles as the seeds give them.")
    summary: Prose = Field(default_factory=_empty, description="Who the person is, on the 'Everyone named' page.")
    infobox: Infobox | None = Field(None, description="The box at the top of the person's profile.")
    sections: list[Section] = Field(default_factory=_empty, description="The profile's sections, by topic, in order.")


class Period(Entry):
    id: Slug
    label: Text = Field(description="The heading of this period on the timeline.")


class Event(Entry):
    """One entry of the timeline: an event, an allegation or a response, with a plain date."""

    id: Slug
    date: PartialDate
    date_basis: Sentence | None = Field(None, description=(
        "For an approximate or inferred date: why the date is what it is, cited; "
        "the date then shows a marker linking to this note."))
    kind: Literal["event", "allegation", "response"] = Field(description=(
        "What the entry is: something that happened, an allegation, or a response to one; shown as a label."))
    period: PeriodId = Field(description="The id of the period in data/periods.yml.")
    title: Text = Field(description="A short neutral heading for the entry.")
    people: list[PersonId] = Field(default_factory=_empty, description="Ids of people in data/people.yml.")
    text: Prose = Field(description="What a reader sees: one or two cited sentences.")
    details: list[Detail] = Field(default_factory=_empty, description="Further detail, collapsed under the entry.")


class Quote(Entry):
    """A person's own words, verbatim in a seed."""

    id: Slug
    speaker: PersonId = Field(description="The id of the person in data/people.yml.")
    source: SourceId
    text: Text = Field(description="The words exactly as the seed prints them.")
    when: Text | None = Field(None, description="When it was said, as the seed words it, or null if the seed does not say.")
    where: Text | None = Field(None, description="Where or how it was said, as the seed words it, or null.")
    about: Text | None = Field(None, description=(
        "What the words were about, shown in the caption after the speaker's name, e.g. "
        "'about the council's vote'; the context passage must support it."))
    context: Text = Field(description=(
        "A passage of the seed that contains the quotation and the `when` and `where` words; it is the citation."))



class Claim(Entry):
    """One row of the claims table: the claim, who makes it, the response, the evidence, the caveats."""

    id: Slug
    by: SideId = Field(description="The id of the group in data/sides.yml that makes the claim; its label heads the cell.")
    claim: CellProse = Field(description="The claim, attributed ('The newspaper reported that ...').")
    who: CellProse = Field(description="Who makes the claim and where it was published.")
    response: CellProse = Field(description="The response the articles report, or what they say about its absence.")
    evidence: CellProse = Field(description="What the articles say the claim rests on.")
    caveats: CellProse = Field(description="What the articles say limits the claim.")
    details: list[Detail] = Field(default_factory=_empty, description=(
        "Full quotations and further detail, collapsed below the table."))


class Figure(Entry):
    """A number a seed states."""

    id: Slug
    label: Text = Field(description="What the number counts, e.g. 'Households without water, March 2024'.")
    value: float = Field(description="The number itself, for charts.")
    as_printed: Text = Field(description=(
        "The number as the seed prints it, without its unit, e.g. '1,630' or '4.5 million'."))
    unit: Text = Field(description=(
        "What the number counts, shown after it ('1,630 homes'): never part of `as_printed` as well."))

    @field_validator("unit")
    @classmethod
    def _unit_once(cls, unit: str, info: ValidationInfo) -> str:
        printed = str(info.data.get("as_printed", ""))
        if printed and normalized_text(printed).lower().endswith(normalized_text(unit).lower()):
            raise ValueError(
                f"`as_printed` (\"{printed}\") already ends with the unit, which readers would see twice "
                f"(\"{printed} {unit}\"); leave the unit out of `as_printed`: the figure is shown as "
                "`as_printed`, a space, then `unit`")
        return unit
    cite: Cite
    verbatim_in_citations: ClassVar[tuple[str, ...]] = ("as_printed",)


class Chart(Entry):
    """A bar chart of named figures, titled with what it shows, with its cited table as text alternative."""

    id: Slug
    title: Text = Field(description="What the chart shows, e.g. 'Households without water, March and April 2024'.")
    note: Sentence = Field(description="Where the figures come from, cited; shown under the title.")
    figures: list[FigureId] = Field(min_length=1, description="Ids of figures in data/figures.yml, drawn as bars in this order.")
    bars: bool = Field(True, description="False: only the table, for figures that are not comparable as bars.")


class Term(Entry):
    id: Slug
    term: Text
    aliases: list[Text] = Field(default_factory=_empty, description="Other spellings that link to this term.")
    definition: Prose


class Variant(Entry):
    text: Text = Field(description="This source's version, verbatim in its citation.")
    cite: Cite
    verbatim_in_citations: ClassVar[tuple[str, ...]] = ("text",)


class Difference(Entry):
    """A point on which the seeds differ; each version is shown, cited."""

    id: Slug
    topic: Text
    variants: list[Variant] = Field(min_length=2)
    why: Sentence | None = Field(None, description=(
        "One cited line on why the difference matters, or how both versions can be true."))
    compact: bool = Field(False, description=(
        "True for a spelling, title or wording: shown as a row of the compact table at the end of the page."))


class DateSupport(Entry):
    """Passages that support a date shown as a label, when the main citation does not show it."""

    cite: Cite


class KeyFact(Entry):
    """A key fact on the home page: a number or date as printed, what it is, and when."""

    id: Slug
    date: PartialDate = Field(description=(
        "When the fact happened (not when an article was printed); key facts are shown in the file's order, "
        "which is this order."))
    date_cite: DateSupport | None = Field(None, description=(
        "Citations that support `date`, when the passages under `cite` do not show it (e.g. a dateline)."))
    date_basis: Sentence | None = Field(None, description=(
        "For a date worked out rather than printed (\"last month\" in a report of a known date): why the date is "
        "what it is, cited; the date then shows a marker linking to this note, under the key facts."))
    label: Text = Field(description="What the value is, in the site's words, attributed where it is an allegation.")
    value: Text = Field(description="The number or date as the seed prints it.")
    cite: Cite
    verbatim_in_citations: ClassVar[tuple[str, ...]] = ("value",)


class Point(Entry):
    """One bullet of the home page's short version: one or two cited sentences."""

    id: Slug
    text: Annotated[list[Sentence], Field(min_length=1, max_length=3, description=(
        "One to three sentences, each cited; attribute what is alleged."))]


class Panel(Entry):
    """One of the home page's panels (what the articles establish, what is disputed, what they do not tell us)."""

    id: Slug
    title: Text = Field(description="The panel's heading, e.g. 'What the articles do not tell us'.")
    items: Annotated[list[Sentence], Field(min_length=1, max_length=6, description=(
        "Short cited sentences, one bullet each. An item about a gap cites the passage that shows the gap."))]


# Each data file: its name, the key of its list, and the class of its entries.
DATA_FILES: dict[str, tuple[str, type[Entry]]] = {
    "sources.yml": ("sources", Source),
    "sides.yml": ("sides", Side),
    "periods.yml": ("periods", Period),
    "people.yml": ("people", Person),
    "events.yml": ("events", Event),
    "quotes.yml": ("quotes", Quote),
    "claims.yml": ("claims", Claim),
    "figures.yml": ("figures", Figure),
    "charts.yml": ("charts", Chart),
    "glossary.yml": ("terms", Term),
    "differences.yml": ("differences", Difference),
    "key_facts.yml": ("facts", KeyFact),
    "short_version.yml": ("points", Point),
    "panels.yml": ("panels", Panel),
}
