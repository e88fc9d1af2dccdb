"""What the plugin tells the contributor about the pages it renders: the problems, and a site page's note."""

from __future__ import annotations

import re

from macros.mkdocs_adapter.state import BuildState
from macros.pages.templates import render
from macros.problems.examples import citation_example
from macros.problems.problem import Problem


def page_problems(build: BuildState) -> list[Problem]:
    """Every problem found while rendering, worded like the check's: the build reports them in one go."""
    hint = ("every sentence on an explainer page ends with a citation footnote, e.g. [^1] and a line "
            + citation_example(build.project))
    return build.page_problems + [
        Problem(page, "this sentence has no footnote", details=(("sentence", f'"{sentence}"'),), hint=hint)
        for page, sentence in build.uncited]


def with_page_note(body: str, note: str) -> str:
    """The site page's note, as an admonition under its title."""
    box = render("page_note.html", note=note).strip()
    heading = re.search(r"^# .*$", body, re.M)
    at = heading.end() if heading else 0
    return body[:at] + "\n\n" + box + "\n\n" + body[at:]
