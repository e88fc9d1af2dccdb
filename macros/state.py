"""State shared by the macros and the MkDocs hooks for one build."""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.citations.footnotes import Ledger, PageFootnotes
from macros.model.load import Project


@dataclass
class BuildState:
    project: Project | None = None
    ledger: Ledger = field(default_factory=Ledger)
    page: PageFootnotes | None = None
    uncited: list[tuple[str, str]] = field(default_factory=list)  # (page, sentence)
    page_problems: list[tuple[str, str]] = field(default_factory=list)  # (page, message)

    def reset(self) -> None:
        self.ledger.clear()
        self.page = None
        self.uncited.clear()
        self.page_problems.clear()


STATE = BuildState()
