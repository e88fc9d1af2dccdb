"""What the loading steps share: the project being built, the problems found, and where each entry is.

A mistake is reported once, where it is: when a data file cannot be read,
or an entry is invalid, references to its entries are not reported again
(`known`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from macros.citations.verify import CitationFailure, Located
from macros.model.project import Project
from macros.model.settings import Settings
from macros.model.yamlfile import YamlDocument
from macros.problems.hints import data_file_of, ids_hint, singular
from macros.problems.problem import Problem, ProblemList
from macros.problems.words import format_loc


@dataclass
class LoadContext:
    settings: Settings
    project: Project
    problems: ProblemList = field(default_factory=ProblemList)
    docs: dict[str, YamlDocument] = field(default_factory=dict)  # kind -> its data file, as read
    positions: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, id) -> index in its file
    unreadable: set[str] = field(default_factory=set)  # kinds whose file could not be read as a whole
    invalid: dict[str, set[str]] = field(default_factory=dict)  # kind -> ids of entries that failed validation
    # (source, quote) -> its place or why it is not found, and its passage key
    verified: dict[tuple[str, str], tuple[Located | CitationFailure, tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def for_settings(cls, settings: Settings) -> LoadContext:
        return cls(settings, Project(settings.root))

    def file_of(self, kind: str) -> str:
        """The data file of a kind, as a contributor sees it (data/people.yml)."""
        return data_file_of(kind, self.settings.data_dir)

    def line_of(self, kind: str, entry: Any, loc: tuple[Any, ...] = ()) -> int | None:
        """The line of an entry's field in its data file, when known."""
        doc = self.docs.get(kind)
        index = self.positions.get((kind, getattr(entry, "id", "")))
        if doc is None or index is None:
            return None
        return doc.line_of((kind, index) + loc)

    def known(self, target: str, value: str) -> bool:
        """True when value names an entry of target, or one whose own problem is already reported."""
        return (value in self.project.entries.get(target, {}) or target in self.unreadable
                or value in self.invalid.get(target, set()))

    def ids_hint(self, target: str, value: str) -> str:
        return ids_hint(self.project.entries.get(target, {}), value, target, self.settings.data_dir)

    def ref(self, kind: str, entry: Any, loc: tuple[Any, ...], target: str, value: str) -> None:
        """A reference from an entry's field to an entry of target: a problem unless it is known."""
        if self.known(target, value):
            return
        self.problems.add(Problem(
            self.file_of(kind), f"there is no {singular(target)} with id '{value}' in {self.file_of(target)}",
            line=self.line_of(kind, entry, loc), entry=entry.id, field=format_loc(loc),
            hint=self.ids_hint(target, value)))
