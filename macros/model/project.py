"""The validated model every page is rendered from.

Each data kind is a typed attribute (`project.people: dict[str, Person]`), so
a misspelt kind or field fails mypy, not the build; tests/test_project_model.py
checks that these attributes and `DATA_FILES` name the same kinds and classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from macros.citations.verify import Located
from macros.model.schema import (
    Chart,
    Claim,
    Difference,
    Event,
    Figure,
    KeyFact,
    Panel,
    Period,
    Person,
    Point,
    Quote,
    Side,
    Source,
    Term,
)
from macros.model.types import Entry
from macros.problems.problem import Problem
from macros.seeds.article import Seed
from macros.seeds.matching import normalized_text

E = TypeVar("E", bound=Entry)


@dataclass
class Project:
    """The validated model every page is rendered from."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    seeds: dict[str, Seed] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> id -> entry
    located: dict[tuple[str, str], Located] = field(default_factory=dict)  # passage key -> place
    # macro name -> (docs path of each page that calls it, the call's string arguments), in path order
    block_pages: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    to_fill: list[Problem] = field(default_factory=list)  # fields a draft has still to fill (steps/to_fill.py)
    # passage key -> where the data cites it as a reader's comment (file, line, entry, field)
    comment_citations: dict[tuple[str, str], Problem] = field(default_factory=dict)

    def _of(self, kind: str, cls: type[E]) -> dict[str, E]:
        """The entries of one kind (`steps/data_files.py` fills `entries` from DATA_FILES with that class)."""
        return cast("dict[str, E]", self.entries.get(kind, {}))

    @property
    def sides(self) -> dict[str, Side]:
        return self._of("sides", Side)

    @property
    def periods(self) -> dict[str, Period]:
        return self._of("periods", Period)

    @property
    def people(self) -> dict[str, Person]:
        return self._of("people", Person)

    @property
    def events(self) -> dict[str, Event]:
        return self._of("events", Event)

    @property
    def quotes(self) -> dict[str, Quote]:
        return self._of("quotes", Quote)

    @property
    def claims(self) -> dict[str, Claim]:
        return self._of("claims", Claim)

    @property
    def figures(self) -> dict[str, Figure]:
        return self._of("figures", Figure)

    @property
    def charts(self) -> dict[str, Chart]:
        return self._of("charts", Chart)

    @property
    def terms(self) -> dict[str, Term]:
        return self._of("terms", Term)

    @property
    def differences(self) -> dict[str, Difference]:
        return self._of("differences", Difference)

    @property
    def facts(self) -> dict[str, KeyFact]:
        return self._of("facts", KeyFact)

    @property
    def points(self) -> dict[str, Point]:
        return self._of("points", Point)

    @property
    def panels(self) -> dict[str, Panel]:
        return self._of("panels", Panel)

    def page_of(self, macro: str, argument: str | None = None) -> str | None:
        """The docs path of the first page (by path) that calls the macro, with that first argument if given."""
        for page, args in self.block_pages.get(macro, []):
            if argument is None or args[:1] == (argument,):
                return page
        return None

    def locate(self, source_id: str, quote: str) -> Located:
        """The place of an already verified citation."""
        return self.located[(source_id, normalized_text(quote))]
