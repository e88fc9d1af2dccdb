"""mkdocs-macros entry point: glue only.

Loads and verifies the project once (`define_env`), gives each page its own
footnote numbering, turns hand-written citation footnotes into rendered ones,
and records which pages cite which passage.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.citations.footnotes import CitingPage, PageFootnotes
from macros.citations.page_syntax import REFERENCE, parse_page
from macros.model.load import load_project
from macros.pages.archive import render_archive
from macros.pages.registry import BLOCK_MODULES, PAGE_MACROS
from macros.pages.render import Renderer
from macros.pages.text import attr
from macros.problems.problem import ContributorError
from macros.state import STATE

__all__ = ["define_env", "on_post_page_macros", "on_pre_page_macros"]


def define_env(env) -> None:
    try:
        STATE.project = load_project(Path(env.project_dir))
    except ContributorError as error:
        raise PluginError("The data, seeds or citations have problems; nothing was built.\n\n" + error.report()) from None
    STATE.reset()

    def renderer() -> Renderer:
        assert STATE.project is not None and STATE.page is not None
        return Renderer(STATE.project, STATE.page)

    def macro(name: str):
        def call(*args, **kwargs):
            try:
                if name in BLOCK_MODULES:
                    block = getattr(importlib.import_module(BLOCK_MODULES[name]), name)
                    return block(renderer(), *args, **kwargs)
                return getattr(renderer(), name)(*args, **kwargs)
            except KeyError as missing:
                STATE.page_problems.append((env.page.file.src_uri, f"{name}(...) names the id {missing}, which no data file has"))
                return ""
        call.__name__ = name
        env.macro(call, name)

    for name in PAGE_MACROS:
        if name != "archive_page":
            macro(name)

    @env.macro
    def archive_page(source_id: str) -> str:
        return render_archive(STATE.project, source_id, STATE.ledger, env.page.url)


def on_pre_page_macros(env) -> None:
    STATE.page = PageFootnotes(env.page.file.src_uri)


def on_post_page_macros(env) -> None:
    """Expand hand-written citations, then append every footnote definition."""
    project, footnotes = STATE.project, STATE.page
    assert project is not None and footnotes is not None
    parsed = parse_page(env.markdown)
    mapping = {}
    for citation in parsed.citations:
        mapping[citation.label] = footnotes.ref(project.locate(citation.source, citation.quote))
    body = REFERENCE.sub(lambda m: mapping.get(m.group(1), m.group(0)), parsed.body)
    note = env.page.meta.get("uncited")
    if note:
        box = (f'<div class="admonition info site-page-note" data-cite-exempt="site page">'
               f'<p class="admonition-title">About this page</p><p>{attr(str(note))}</p></div>')
        heading = re.search(r"^# .*$", body, re.M)
        at = heading.end() if heading else 0
        body = body[:at] + "\n\n" + box + "\n\n" + body[at:]
    if footnotes.order:
        body = body.rstrip() + "\n\n" + footnotes.definitions(project.sources, project.seeds) + "\n"
    STATE.page_problems.extend((env.page.file.src_uri, problem) for problem in footnotes.problems)
    env.markdown = body
    title = env.page.title or env.page.file.src_uri
    for located in footnotes.order:
        STATE.ledger.record(located, CitingPage(env.page.file.src_uri, env.page.url, str(title), footnotes.label_of(located)))
