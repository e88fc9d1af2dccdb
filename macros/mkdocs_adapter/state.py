"""What one build learns as it goes: the project, each page's footnotes, who cites what, what failed.

One `BuildState` lives on the plugin instance for one build; nothing here is
module-level, so two builds (or `mkdocs serve` rebuilds) never share state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.citations.footnotes import Ledger, PageFootnotes
from macros.model.load import Project
from macros.model.yamlfile import YamlDocument
from macros.problems.problem import Problem


@dataclass
class BuildState:
    project: Project
    ledger: Ledger = field(default_factory=Ledger)
    pages: dict[str, PageFootnotes] = field(default_factory=dict)  # src_uri -> that page's footnotes
    uncited: list[tuple[str, str]] = field(default_factory=list)  # (built page, sentence)
    data_read: dict[str, YamlDocument | None] = field(default_factory=dict)  # data files read to name a problem
    built_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # built page -> (its Markdown file, text)
    page_problems: list[Problem] = field(default_factory=list)  # found while rendering, reported in on_env
    reading_order: dict[str, int] = field(default_factory=dict)  # src_uri -> place in the nav
