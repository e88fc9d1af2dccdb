"""What one build learns as it goes: the project, what is derived from it once, each page's footnotes, who cites
what, what failed.

One `BuildState` lives on the plugin instance for one build; nothing here, and nothing the engine derives
from a project, is module-level, so two builds (or `mkdocs serve` rebuilds) never share state.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from macros.citations.footnote_html import DEFAULT_BACKLINK, BacklinkTitle
from macros.citations.footnotes import Ledger, PageFootnotes
from macros.html.glossary_links import TermIndex
from macros.model.load import Project
from macros.model.yamlfile import YamlDocument
from macros.opendata.anchors import CitationAnchors
from macros.problems.problem import Problem


@dataclass
class ProjectIndex:
    """What the passes look up in the project, each made once, when first asked for, and kept for the build."""

    project: Project

    @functools.cached_property
    def terms(self) -> TermIndex:
        """The glossary's spellings, for linking each page's first mentions."""
        return TermIndex.of(self.project)

    @functools.cached_property
    def anchors(self) -> CitationAnchors:
        """The anchor of each cited sentence of the data, and the entry each names."""
        return CitationAnchors.of(self.project)


@dataclass
class BuildState:
    project: Project
    index: ProjectIndex
    backlink: BacklinkTitle = DEFAULT_BACKLINK  # the footnotes' back-link title, as configured
    ledger: Ledger = field(default_factory=Ledger)
    pages: dict[str, PageFootnotes] = field(default_factory=dict)  # src_uri -> that page's footnotes
    uncited: list[tuple[str, str]] = field(default_factory=list)  # (built page, sentence)
    data_read: dict[str, YamlDocument | None] = field(default_factory=dict)  # data files read to name a problem
    built_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # built page -> (its Markdown file, text)
    page_problems: list[Problem] = field(default_factory=list)  # found while rendering, reported in on_env
    reading_order: dict[str, int] = field(default_factory=dict)  # src_uri -> place in the nav
