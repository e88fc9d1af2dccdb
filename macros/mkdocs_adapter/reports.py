"""What the plugin tells the contributor about the pages it renders: each problem named where it was written,
and a site page's note."""

from __future__ import annotations

import re

from macros.checks.origin import data_origin, link_line, page_line, text_line
from macros.citations.readers_comment import READERS_COMMENT_HINT, comment_shown_on_page
from macros.citations.verify import Located
from macros.mkdocs_adapter.state import BuildState
from macros.model.project import Project
from macros.model.settings import Settings
from macros.pages.templates import render
from macros.problems.examples import citation_example, macro_example
from macros.problems.problem import ContributorError, Problem, quoted_line


def page_problems(build: BuildState, settings: Settings) -> list[Problem]:
    """Every problem found while rendering, worded like the check's: the build reports them in one go."""
    if not build.uncited:
        return list(build.page_problems)
    hint = ("every sentence on an explainer page ends with a citation footnote, e.g. [^1] and a line "
            + citation_example(build.project))
    return build.page_problems + [uncited_problem(build, settings, built, sentence, hint)
                                  for built, sentence in build.uncited]


def uncited_problem(build: BuildState, settings: Settings, built: str, sentence: str, hint: str) -> Problem:
    """A sentence without a footnote, named where it was written (macros/checks/origin.py)."""
    shown, markdown = build.built_pages[built]
    quoted = ("sentence", f'"{sentence}"')
    line = page_line(markdown, sentence)
    if line is not None:
        return Problem(shown, "this sentence has no footnote", line=line, details=(quoted,), hint=hint)
    where = data_origin(settings, sentence, build.data_read)
    if where is not None:
        return Problem(message=f"this text is shown on {shown} as a sentence without a footnote",
                       details=(quoted,), **where,
                       hint="cite it (a `cite:` list with the passage that supports it), or, if it is a label, "
                            "make it one: no full stop, one phrase")
    return Problem(f"{built} (made by the engine for {shown})", "this sentence has no footnote",
                   details=(quoted,), hint="the engine's templates wrote this sentence: report it as a bug")


def link_problem(build: BuildState, built: str, href: str, what: str) -> Problem:
    """A broken link, named on the page's line that has it, or on the built page when the engine made it."""
    shown, markdown = build.built_pages.get(built, ("", ""))
    found = link_line(markdown, href) if markdown else None
    if found is not None:
        line, target = found
        return Problem(shown, f"the link '{target}' points to {what}", line=line,
                       details=(("built", f"{built} links to '{href}'"),) + quoted_line(markdown, line),
                       hint="link to another page by its Markdown file (page.md), and to a heading or "
                            "entry by an id it has (page.md#an-id)")
    return Problem(built, f"link {href!r} points to {what}",
                   hint="the engine wrote this link (an archive page or a template): report it as a bug")


def title_problem(settings: Settings, shown: str, page_text: str, title: str) -> Problem:
    """A title that reads as a statement, named where it is written: mkdocs.yml's nav, or the page."""
    config_file = settings.root / settings.config_name  # the file this build read, as markdown_setup reads it
    nav_text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    line = text_line(nav_text, f"{title}:")
    file = settings.config_name if line is not None else shown
    if line is None:
        line = text_line(page_text, title)
    return Problem(file, f"the title of {shown} reads as a statement, which a title cannot cite: {title!r}", line=line,
                   hint="make the title a label that names what the page is about: no full stop, one phrase")


def comment_problem(project: Project, shown: str, located: Located) -> Problem:
    """A reader's comment a page would show: reported against the data entry that cites it, when one does."""
    where = project.comment_citations.get(located.key)
    message = comment_shown_on_page(located, shown)
    if where is None:
        return Problem(shown, message, hint=READERS_COMMENT_HINT)
    return Problem(where.file, message, line=where.line, entry=where.entry, field=where.field, hint=READERS_COMMENT_HINT)


def with_page_note(body: str, note: str) -> str:
    """The site page's note, as an admonition under its title."""
    box = render("page_note.html", note=note).strip()
    heading = re.search(r"^# .*$", body, re.M)
    at = heading.end() if heading else 0
    return body[:at] + "\n\n" + box + "\n\n" + body[at:]


def unreadable_problem(shown: str, page_text: str, element: str) -> Problem:
    """The page shows an element (as its tag, `<svg>`) whose text the sentence check cannot read."""
    return Problem(shown, f"the page shows a {element}, whose text the sentence check cannot read",
                   line=text_line(page_text, element[:-1]), hint="a page holds Markdown, macro calls and citation "
                   "footnotes; see \"What a page may hold\" in CONTRIBUTING.md")


def built_site_report(build: BuildState, broken: list[tuple[str, str, str]], warned: list[str]) -> str:
    """The built site's broken links, and MkDocs' own warnings that `-q` hides and --strict lets through."""
    parts = []
    if broken:
        parts.append("The built site has broken links.\n\n" + ContributorError(
            [link_problem(build, where, href, what) for where, href, what in broken]).report())
    if warned:
        parts.append(f"MkDocs found {len(warned)} problem(s), which `mkdocs build -q` does not show and --strict "
                     "does not pass:\n" + "\n".join(f"- {message}" for message in warned))
    return "\n\n".join(parts)


def render_problem(shown: str, source: str, body: str, message: str, line: int | None) -> Problem:
    """A page whose template failed to render: line is the template's (the page's body, after its front matter)."""
    offset = source[:len(source) - len(body)].count("\n") if body and source.endswith(body) else 0
    at = line + offset if line is not None else None
    return Problem(shown, message, line=at, details=quoted_line(source, at),
                   hint=("a page's template holds macro calls such as " + macro_example()
                         + "; to show {{ or {% as text, write {{ '{{' }} or put `render_macros: false` in the front matter"))

