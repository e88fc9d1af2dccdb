"""The MkDocs plugin: it wires MkDocs' events to the stages of a build, and holds nothing else.

Registered as `cited-explainer` (pyproject.toml, `mkdocs.plugins` entry
point) and listed under `plugins:` in mkdocs.yml. The page macros stay on
mkdocs-macros (`page_macros.py`) and ask this plugin for the page's
footnotes. The order of a build:

- `on_config`: load and verify the project (data, seeds, every citation);
  any problem stops the build before anything is written.
- `on_files`: one generated archive page per seed (`archive_pages.py`).
- `on_pre_page` / `on_page_markdown`: each page gets its own footnote
  numbering; after the macros have run, hand-written citations are expanded
  and every footnote definition appended.
- `on_page_content`: the HTML passes, in the order `CombinedEvent` lists them.
- `on_env`, last: every page is known, so the archive pages' placeholders are
  filled with their highlighted passages and back-links; then the problems
  collected while rendering fail the build, all of them at once.
- `on_post_build`: the open data, then every internal link and anchor of the built site.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.checks.links import find_broken_links
from macros.checks.uncited import read_content, reads_as_statement
from macros.citations.footnotes import (
    ARCHIVE_META,
    CitingPage,
    PageFootnotes,
    escape_markers,
    number_in_reading_order,
)
from macros.citations.page_syntax import parse_page, replace_references
from macros.html.glossary_links import link_terms
from macros.mkdocs_adapter import archive_pages, assets, markdown_setup, reports
from macros.mkdocs_adapter.config import NAME, ExplainerConfig, settings_of
from macros.mkdocs_adapter.preview import Preview
from macros.mkdocs_adapter.quiet_warnings import KeptWarnings
from macros.mkdocs_adapter.state import BuildState, ProjectIndex
from macros.model.gc_policy import BuildCollector, paused
from macros.model.load import Project, load_project
from macros.model.settings import Settings
from macros.opendata.anchors import CitationAnchors
from macros.opendata.annotations import ClaimsError
from macros.opendata.publish import BUNDLE, OpenData
from macros.pages.templates import use_overrides
from macros.problems.problem import ContributorError, Problem, to_fill_report

if TYPE_CHECKING:  # only `mkdocs serve` loads it (its watchdog import is 8 ms of every build)
    from mkdocs.livereload import LiveReloadServer

# Material's search leaves an element with this attribute out of its index (its "search exclusion" setting);
# the footnotes and the references carry it (PageFootnotes.fill).
SEARCH_EXCLUDE = "data-search-exclude"
log = logging.getLogger(f"mkdocs.plugins.{NAME}")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):  # type: ignore[no-untyped-call]
    """One build of a cited explainer: the project loaded in `on_config`, every page checked and rewritten."""

    settings: Settings
    opendata: OpenData
    _build: BuildState | None = None

    # --- the state of this build ------------------------------------------------------
    @property
    def build(self) -> BuildState:
        if self._build is None:
            raise PluginError(f"the `{NAME}` plugin has not loaded the project yet")
        return self._build

    @property
    def project(self) -> Project:
        return self.build.project

    @property
    def anchors(self) -> CitationAnchors:  # for the page macros
        return self.build.index.anchors

    def footnotes_of(self, page: Page) -> PageFootnotes:
        """The footnote numbering of the page being rendered."""
        pages = self.build.pages
        if page.file.src_uri not in pages:
            pages[page.file.src_uri] = PageFootnotes(page.file.src_uri, self.settings.archive_dir)
        return pages[page.file.src_uri]

    def report(self, page: Page, message: str, hint: str) -> None:
        """A problem found while rendering a page; the build fails with all of them in `on_env`."""
        self.build.page_problems.append(Problem(self._shown(page), message, hint=hint))

    def render_failed(self, page: Page | None, message: str, line: int | None) -> None:
        """The page's template failed to render (macros/mkdocs_adapter/render_errors.py); line is the template's."""
        if page is None:  # outside a page, nothing to collect the problem into: print it, then fail
            log.error("the macros plugin could not render a template: %s", message)
            raise PluginError(f"the macros plugin could not render a template: {message}")
        self.build.page_problems.append(reports.render_problem(self._shown(page), page.file.content_string,
                                                               page.markdown or "", message, line))

    def _shown(self, page: Page) -> str:
        return self.settings.shown(self.settings.docs_path / page.file.src_uri)

    # --- loading --------------------------------------------------------------------
    def __init__(self) -> None:
        super().__init__()
        self.preview = Preview()  # under mkdocs serve, problems go in the page (preview.py)
        self._kept = KeptWarnings()  # MkDocs' warnings under -q, counted by a strict build (quiet_warnings.py)
        self._unloaded = False  # the project did not load: the pages are left blank under the problems
        self.collector = BuildCollector()  # paused while loading and in the passes; the model frozen until the next load

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview.serving = command == "serve"

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
        """The preview rebuilds when a data file, a seed or a project's template changes, not only a page."""
        for folder in self.settings.watched_folders(self.config.templates_dir):
            server.watch(str(folder))
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._build = None
        self.preview.start()
        self.settings = settings_of(config, self.config)
        markdown_setup.configure(config)  # the extensions the engine's output needs; unsupported options fail here
        overrides = self.config.templates_dir
        if overrides and not (self.settings.root / overrides).is_dir():
            raise PluginError(f"mkdocs.yml: `templates_dir: {overrides}` names no folder beside mkdocs.yml")
        use_overrides(self.settings.root / overrides if overrides else None)
        if self.config.assets:  # before the project's own, which may override any rule
            assets.add_to_config(config)
        try:
            with self.collector.paused_while_loading():
                project = load_project(self.settings.root, self.settings)
            self._unloaded = False
        except ContributorError as error:
            self.preview.fail("The data, seeds or citations have problems; nothing was built.\n\n" + error.report())
            project, self._unloaded = Project(self.settings.root), True  # serving: blank pages under the problems
        if project.to_fill:
            report = to_fill_report(project.to_fill)
            if self.settings.fail_on_still_to_fill:
                self.preview.fail("Fields are still to fill, and mkdocs.yml sets `fail_on_still_to_fill: true` "
                                  "(publishing); nothing was built.\n\n" + report)
            else:
                log.info("%s", report)  # a draft builds; the check lists the same
        self._build = BuildState(project, ProjectIndex(project), markdown_setup.backlink_title(config))
        self.opendata = OpenData(project, self._build.index.anchors, config.site_name)  # the claims files and each page's JSON-LD
        self._kept = KeptWarnings()
        if config.strict:
            self._kept.start()  # under -q, MkDocs' own warnings would be neither shown nor counted
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        glossary = self.settings.glossary_page
        if glossary and files.get_file_from_path(glossary) is None:
            docs = self.settings.shown(self.settings.docs_path)
            raise PluginError(f"mkdocs.yml: `glossary_page: {glossary}` names no page in {docs}/")
        if self.config.assets:
            files = assets.add_to_files(files, config)
        return archive_pages.with_archive_pages(files, config, self.project, self.settings.archive_dir)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.build.pages[page.file.src_uri] = PageFootnotes(page.file.src_uri, self.settings.archive_dir)
        return page

    # --- Markdown -------------------------------------------------------------------
    @event_priority(-50)  # after mkdocs-macros has rendered the page's macros
    @paused
    def _expand_citations(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Expand hand-written citations, then append every footnote definition."""
        if page.meta.get(ARCHIVE_META):
            return markdown
        project, footnotes = self.project, self.footnotes_of(page)
        parsed = parse_page(markdown)
        mapping = {c.label: footnotes.ref(project.locate(c.source, c.quote)) for c in parsed.citations}
        body = replace_references(escape_markers(parsed.body), mapping)
        note = page.meta.get(self.settings.exempt_meta_key)
        if note:
            body = reports.with_page_note(body, str(note))
        if footnotes.order:
            body = body.rstrip() + "\n\n" + footnotes.definitions() + "\n"
        for located in footnotes.comments:
            self.build.page_problems.append(reports.comment_problem(self.project, self._shown(page), located))
        title = Markup(str(page.title or page.file.src_uri)).striptags()  # text, shown escaped on archive pages
        for located in footnotes.order:
            self.build.ledger.record(located, CitingPage(page.file.src_uri, page.url, title, footnotes.label_of(located)))
        return body

    @event_priority(100)  # before mkdocs-macros
    def _blank_when_unloaded(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return "" if self._unloaded else markdown

    on_page_markdown = CombinedEvent(_blank_when_unloaded, _expand_citations)

    # --- HTML: the passes over each page, in this order ---------------------------------
    @paused
    def _check_sentences(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Every sentence a reader sees has a footnote: read before the glossary links, so that a sentence that
        is all term link is still checked, and while the references are Python-Markdown's <sup>."""
        if page.meta.get(ARCHIVE_META):
            return html
        shown, source = self._shown(page), page.file.content_string
        self.build.built_pages[page.file.dest_uri] = (shown, source)
        exempt = page.meta.get(self.settings.exempt_meta_key)
        unread, sentences = read_content(html, sentences=not exempt)
        self.build.page_problems += [reports.unreadable_problem(shown, source, element) for element in sorted(set(unread))]
        if not exempt:
            title = str(page.title or "")
            # Shown in the navigation and the browser's tab (a title that is also the page's heading is read there).
            if reads_as_statement(title) and f">{html_escape(title, quote=False)}<" not in html:
                self.build.page_problems.append(reports.title_problem(self.settings, shown, source, title))
            self.build.uncited.extend((page.file.dest_uri, sentence) for sentence, cited in sentences if not cited)
        return html

    @paused
    def _renumber_footnotes(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return html if page.meta.get(ARCHIVE_META) else number_in_reading_order(html, self.build.backlink)

    @paused
    def _link_terms(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        glossary = self.settings.glossary_page
        if not glossary or page.file.src_uri == glossary or page.meta.get(ARCHIVE_META):
            return html
        target = files.get_file_from_path(glossary)
        assert target is not None  # on_files made sure of it
        return link_terms(html, self.build.index.terms, get_relative_url(target.url, page.url))

    @paused
    def _mark_claims(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Each cited sentence anchored and recorded for data/claims.jsonld (reads the references' ids)."""
        if page.meta.get(ARCHIVE_META):
            return html
        html = self.opendata.mark_page(page.file.src_uri, page.url, str(page.title or ""), html, self.footnotes_of(page))
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= self.opendata.anchors(page.file.src_uri)
        return html

    @paused
    def _fill_footnotes(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Each footnote's body in place of its placeholder, and the references' <sup> gone: last, because the
        passes above read the <sup> and are quicker over short placeholders."""
        if page.meta.get(ARCHIVE_META):
            return html
        link_of = archive_pages.passage_links(files, page, self.settings.archive_dir)
        return self.footnotes_of(page).fill(html, self.project.sources, self.project.seeds, link_of, SEARCH_EXCLUDE)

    on_page_content = CombinedEvent(_check_sentences, _renumber_footnotes, _link_terms, _mark_claims, _fill_footnotes)

    # --- the whole site -------------------------------------------------------------
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.build.reading_order = {page.file.src_uri: i for i, page in enumerate(nav.pages)}
        return nav

    @event_priority(-100)  # last: every page has rendered, so every citing page is known
    @paused
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        problems = reports.page_problems(self.build, self.settings)
        if problems:
            self.preview.fail("The rendered pages have problems; the build stopped before writing them.\n\n"
                              + ContributorError(problems).report())
        archive_pages.fill(files, self.project, self.build.ledger, self.build.reading_order)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """schema.org JSON-LD in the page's head (macros/opendata/schema_org.py)."""
        archive_of = page.meta.get(ARCHIVE_META)
        title = Markup(str(page.title or "")).striptags()  # the title's text: MkDocs holds it as HTML
        return self.opendata.head(page.file.src_uri, page.url, title, archive_of, output)

    @paused
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        if self.preview.failed:  # serving: the pages get the problems, and nothing else is checked or written
            self._kept.stop()
            self.preview.write(site)
            return
        try:  # first, so that the Data page's links to the files are checked with the rest
            written = self.opendata.write(site, self.build.reading_order)
        except (ClaimsError, OSError) as error:
            raise PluginError(f"data/claims.jsonld, data/claims.csv and data/{BUNDLE} could not be produced: {error}") from None
        log.info("data/claims.jsonld: %d annotations of %d citations", written.annotations, written.citations)
        broken = find_broken_links(site)
        warned = self._kept.messages
        self._kept.stop()
        if broken or warned:
            self.preview.fail(reports.built_site_report(self.build, broken, warned))
            self.preview.write(site)

    def on_build_error(self, *, error: Exception) -> None:
        self._kept.stop()


__all__ = ["NAME", "ExplainerConfig", "ExplainerPlugin", "settings_of"]
