"""The validated model every page is rendered from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.citations.verify import Located
from macros.model.schema import Source
from macros.problems.problem import Problem
from macros.seeds.article import Seed
from macros.seeds.matching import normalized_text


@dataclass
class Project:
    """The validated model every page is rendered from."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    seeds: dict[str, Seed] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> id -> entry
    located: dict[tuple[str, str], Located] = field(default_factory=dict)  # passage key -> place
    to_fill: list[Problem] = field(default_factory=list)  # fields a draft has still to fill (steps/to_fill.py)
    # passage key -> where the data cites it as a reader's comment (file, line, entry, field)
    comment_citations: dict[tuple[str, str], Problem] = field(default_factory=dict)

    def __getattr__(self, kind: str) -> dict[str, Any]:
        entries: dict[str, dict[str, Any]] = self.__dict__.get("entries", {})
        if kind in entries:
            return entries[kind]
        raise AttributeError(kind)

    def locate(self, source_id: str, quote: str) -> Located:
        """The place of an already verified citation."""
        return self.located[(source_id, normalized_text(quote))]
