"""Examples for hints, taken from the project's own data, so that any explainer's messages show its own ids."""

from __future__ import annotations

from macros.model.page_macros import PAGE_MACROS
from macros.model.project import Project


def citation_example(project: Project, label: str = "1") -> str:
    """A footnote citation as a page writes it, e.g. `[^1]: some-source: "words it prints"`: a verified passage
    of the project, of about seven words, or its first source with a stand-in quote when nothing is cited yet."""
    located = sorted(project.located.values(),
                     key=lambda p: (abs(len(p.quote.split()) - 7), p.source_id, p.quote))
    if located:
        return f'[^{label}]: {located[0].source_id}: "{located[0].quote.strip()}"'
    source = min(project.sources, default="source-id")
    return f'[^{label}]: {source}: "the passage, as the article prints it"'


def macro_example() -> str:
    """A macro call as a page writes it: the first macro that needs no id."""
    name = next((name for name, kind in PAGE_MACROS.items() if kind is None), "macro_name")
    return "{{ " + name + "() }}"
