"""The MkDocs plugin: one build of a cited explainer, from loading the evidence to checking the site.

Registered as `cited-explainer` (pyproject.toml, `mkdocs.plugins` entry
point) and listed under `plugins:` in mkdocs.yml. The page macros stay on
mkdocs-macros (`macros/mkdocs_adapter/page_macros.py`) and ask this plugin for the page's
footnotes. The order of a build:

- `on_config`: load and verify the project (data, seeds, every citation);
  any problem stops the build before anything is written.
- `on_files`: one generated archive page per seed.
- `on_pre_page` / `on_page_markdown`: each page gets its own footnote
  numbering; after the macros have run, hand-written citations are expanded
  and every footnote definition appended.
- `on_page_content`: the sentence check, footnotes in reading order, glossary links.
- `on_env`, last: every page is known, so the archive pages' placeholders are
  filled with their highlighted passages and back-links; then the problems
  collected while rendering fail the build, all of them at once.
- `on_post_build`: every internal link and anchor of the built site.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path

import yaml
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.checks.links import find_broken_links
from macros.checks.origin import data_origin, link_line, page_line, text_line
from macros.checks.uncited import reads_as_statement, uncited_sentences, unreadable
from macros.citations.footnotes import (
    ARCHIVE_META,
    CitingPage,
    PageFootnotes,
    archive_path,
    escape_markers,
    number_in_reading_order,
)
from macros.citations.page_syntax import parse_page, replace_references
from macros.citations.readers_comment import READERS_COMMENT_HINT, comment_shown_on_page
from macros.citations.verify import Located
from macros.html.glossary_links import link_terms
from macros.mkdocs_adapter import collector
from macros.mkdocs_adapter.deferred import defer
from macros.mkdocs_adapter.footnote_order import FootnoteOrderIndex
from macros.mkdocs_adapter.macros_git import prefetch as prefetch_git_info
from macros.mkdocs_adapter.preview import Preview
from macros.mkdocs_adapter.quiet_warnings import KeptWarnings
from macros.mkdocs_adapter.state import BuildState
from macros.model.load import Project, load_project
from macros.model.settings import Settings
from macros.opendata.annotations import ClaimsError
from macros.opendata.publish import BUNDLE, OpenData
from macros.pages.archive import passages_by_source, render_archive
from macros.pages.templates import render, use_overrides
from macros.pages.text import attr
from macros.problems.examples import citation_example, macro_example
from macros.problems.problem import ContributorError, Problem, quoted_line, to_fill_report
from macros.seeds.matching import MIN_QUOTE_WORDS

defer("requests")  # imported by mkdocs-macros (loaded after this plugin) for a check the site never makes

NAME = "cited-explainer"
log = logging.getLogger(f"mkdocs.plugins.{NAME}")
_PLACEHOLDER = '<div class="cited-archive-placeholder" data-source="{id}"></div>'
_PLACEHOLDER_RE = re.compile(r'<div class="cited-archive-placeholder" data-source="([^"]+)"></div>')
_ID = re.compile(r'\sid="([^"]+)"')
# Markdown extensions the engine's output needs; added when mkdocs.yml does not list them
# (by their last name, as Material's plugins test: `markdown.extensions.attr_list` is `attr_list`).
REQUIRED_EXTENSIONS = ("footnotes", "attr_list", "md_in_html", "pymdownx.details")
# The reader experience every project gets (macros/assets/): the stylesheet and the script, at these paths
# of the built site. A file of the same path in the project's docs_dir replaces the engine's.
ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSET_CSS = "assets/cited-explainer/cited-explainer.css"
ASSET_JS = "assets/cited-explainer/cited-explainer.js"


class ExplainerConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml, each with its default."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of the seed articles, relative to mkdocs.yml."""
    data_dir = c.Type(str, default="data")
    """Folder of the data files (sources.yml and the others)."""
    archive_dir = c.Type(str, default="sources")
    """Folder (under docs_dir, and in the site's URLs) of the generated archive pages."""
    min_quote_words = c.Type(int, default=MIN_QUOTE_WORDS)
    """The fewest words a quotation may have."""
    exempt_meta_key = c.Type(str, default="uncited")
    """Front matter key that exempts a site page (about, method) from the sentence check; its value is shown."""
    glossary_page = c.Optional(c.Type(str))
    """The glossary page (e.g. glossary.md): the first mention of each term elsewhere links to it."""
    fail_on_still_to_fill = c.Type(bool, default=False)
    """True before publishing: the build fails while any field is still to fill (a draft's build lists them)."""
    templates_dir = c.Optional(c.Type(str))
    """A folder beside mkdocs.yml whose files replace the engine's block templates of the same name."""
    assets = c.Type(bool, default=True)
    """False: the engine adds neither its stylesheet nor its script; the project styles the blocks itself."""


def settings_of(config: MkDocsConfig, options: ExplainerConfig | None) -> Settings:
    """The core's plain settings from mkdocs.yml and the plugin's options (defaults when not listed)."""
    root = Path(config.config_file_path or ".").resolve().parent
    if options is None:
        options = ExplainerConfig()
        options.load_dict({})
        options.validate()
    return Settings(root=root, docs_dir=Path(config.docs_dir), seeds_dir=options.seeds_dir, data_dir=options.data_dir,
                    archive_dir=options.archive_dir.strip("/"), min_quote_words=options.min_quote_words,
                    exempt_meta_key=options.exempt_meta_key, glossary_page=options.glossary_page,
                    fail_on_still_to_fill=options.fail_on_still_to_fill)


def plugin_of(config: MkDocsConfig) -> ExplainerPlugin:
    """This build's instance of the plugin, for the page macros."""
    for plugin in config.plugins.values():
        if isinstance(plugin, ExplainerPlugin):
            return plugin
    raise PluginError(f"the page macros need the `{NAME}` plugin: list it under `plugins:` in mkdocs.yml")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):  # type: ignore[no-untyped-call]
    settings: Settings
    _kept: KeptWarnings = KeptWarnings()
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
        source = page.file.content_string
        body = page.markdown or ""
        offset = source[:len(source) - len(body)].count("\n") if body and source.endswith(body) else 0
        at = line + offset if line is not None else None
        self.build.page_problems.append(Problem(
            self._shown(page), message, line=at, details=quoted_line(source, at),
            hint=("a page's template holds macro calls such as " + macro_example()
                  + "; to show {{ or {% as text, write {{ '{{' }} or put `render_macros: false` in the front matter")))

    def _report_comment(self, page: Page, located: Located) -> None:
        """A reader's comment a page would show: reported against the data entry that cites it, when one does."""
        shown = self._shown(page)
        where = self.project.comment_citations.get(located.key)
        message = comment_shown_on_page(located, shown)
        if where is None:
            self.report(page, message, READERS_COMMENT_HINT)
            return
        self.build.page_problems.append(Problem(where.file, message, line=where.line, entry=where.entry,
                                                field=where.field, hint=READERS_COMMENT_HINT))

    def _shown(self, page: Page) -> str:
        return self.settings.shown(self.settings.docs_path / page.file.src_uri)

    # --- events ---------------------------------------------------------------------
    def __init__(self) -> None:
        super().__init__()
        self.preview = Preview()  # under mkdocs serve, problems go in the page (preview.py)
        self._unloaded = False  # the project did not load: the pages are left blank under the problems

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview.serving = command == "serve"
        collector.build_started()  # before the other plugins' on_config, which allocate too

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
        """The preview rebuilds when a data file, a seed or a project's template changes, not only a page."""
        overrides = self.config.templates_dir
        for folder in (self.settings.data_path, self.settings.seeds_path,
                       *([self.settings.root / overrides] if overrides else [])):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        prefetch_git_info()  # mkdocs-macros' git commands run while the project loads (macros/mkdocs_adapter/macros_git.py)
        self._build = None
        self.preview.start()
        self.settings = settings_of(config, self.config)
        for extension in REQUIRED_EXTENSIONS:
            if not any(isinstance(e, str) and (e == extension or e.endswith("." + extension))
                       for e in config.markdown_extensions):
                config.markdown_extensions.append(extension)
        overrides = self.config.templates_dir
        if overrides and not (self.settings.root / overrides).is_dir():
            raise PluginError(f"mkdocs.yml: `templates_dir: {overrides}` names no folder beside mkdocs.yml")
        use_overrides(self.settings.root / overrides if overrides else None)
        if self.config.assets:  # before the project's own, which may override any rule
            if ASSET_CSS not in config.extra_css:
                config.extra_css.insert(0, ASSET_CSS)
            if not any(str(script) == ASSET_JS for script in config.extra_javascript):
                config.extra_javascript.insert(0, ASSET_JS)
        config.markdown_extensions.append(FootnoteOrderIndex())  # footnotes linear, not quadratic in their number
        collector.build_started()  # fewer full collections while the build runs (macros/mkdocs_adapter/collector.py)
        try:
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
        self._build = BuildState(project)
        self.opendata = OpenData(project, config.site_name)  # issue 10: the claims files and page JSON-LD
        self._kept = KeptWarnings()
        if config.strict:
            self._kept.start()  # under -q, MkDocs' own warnings would be neither shown nor counted
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        kept = list(files)
        if self.config.assets:
            for uri in (ASSET_CSS, ASSET_JS):
                if files.get_file_from_path(uri) is None:  # else the project's own file of that path
                    kept.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(uri).name)))
        for source in self.project.sources.values():
            # MkDocs and the theme treat a page's title as HTML (in <title>, the nav, the <h1>, the search index):
            # a headline is text, so its <, > and & are escaped; Markup(...).striptags() reads it back (`on_post_page`).
            title = html_escape(source.headline or source.label, quote=False)
            meta = {"title": title, ARCHIVE_META: source.id, "render_macros": False}
            content = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" \
                + _PLACEHOLDER.format(id=attr(source.id)) + "\n"
            kept.append(File.generated(config, archive_path(source.id, self.settings.archive_dir), content=content,
                                       inclusion=InclusionLevel.NOT_IN_NAV))
        return Files(kept)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.build.pages[page.file.src_uri] = PageFootnotes(page.file.src_uri, self.settings.archive_dir)
        return page

    @event_priority(-50)  # after mkdocs-macros has rendered the page's macros
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
            body = _with_page_note(body, str(note))
        if footnotes.order:
            body = body.rstrip() + "\n\n" + footnotes.definitions() + "\n"
        for located in footnotes.comments:
            self._report_comment(page, located)
        title = Markup(str(page.title or page.file.src_uri)).striptags()  # text, shown escaped on archive pages
        for located in footnotes.order:
            self.build.ledger.record(located, CitingPage(page.file.src_uri, page.url, title, footnotes.label_of(located)))
        return body

    @event_priority(100)  # before mkdocs-macros
    def _blank_when_unloaded(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return "" if self._unloaded else markdown

    on_page_markdown = CombinedEvent(_blank_when_unloaded, _expand_citations)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.meta.get(ARCHIVE_META):
            return html
        self.build.built_pages[page.file.dest_uri] = (self._shown(page), page.file.content_string)
        for element in sorted(set(unreadable(html))):
            source = page.file.content_string
            self.build.page_problems.append(Problem(
                self._shown(page), f"the page shows a {element}, whose text the sentence check cannot read",
                line=text_line(source, element[:-1]), hint="a page holds Markdown, macro calls and citation "
                "footnotes; see \"What a page may hold\" in CONTRIBUTING.md"))
        if not page.meta.get(self.settings.exempt_meta_key):
            title = str(page.title or "")
            # Shown in the navigation and the browser's tab (a title that is also the page's heading is read there).
            if reads_as_statement(title) and f">{html_escape(title, quote=False)}<" not in html:
                self.build.page_problems.append(self._title_problem(page, title))
            # Before linking glossary terms, so a sentence that is all term link is still checked.
            for sentence in uncited_sentences(html):
                self.build.uncited.append((page.file.dest_uri, sentence))
        html = number_in_reading_order(html)
        glossary = self.settings.glossary_page
        if glossary and page.file.src_uri != glossary:
            target = files.get_file_from_path(glossary)
            if target is None:
                docs = self.settings.shown(self.settings.docs_path)
                raise PluginError(f"mkdocs.yml: `glossary_page: {glossary}` names no page in {docs}/")
            html = link_terms(html, self.project, get_relative_url(target.url, page.url))
        # Each cited sentence anchored and recorded for data/claims.jsonld (macros/opendata/).
        html = self.opendata.mark_page(page.file.src_uri, page.url, str(page.title or ""), html, self.footnotes_of(page))
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= self.opendata.anchors(page.file.src_uri)
        # Last: every step above leaves the footnotes alone, and the placeholders are short to scan.
        return self._fill_footnotes(html, page, files)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.build.reading_order = {page.file.src_uri: i for i, page in enumerate(nav.pages)}
        return nav

    @event_priority(-100)  # last: every page has rendered, so every citing page is known
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self._raise_page_problems()
        # Back-links in reading order (the nav's), then by path: never in the order MkDocs happened to render.
        order = self.build.reading_order
        for pages in self.build.ledger.by_passage.values():
            pages.sort(key=lambda p: (order.get(p.src_uri, len(order)), p.src_uri))
        by_source = passages_by_source(self.project)
        for file in files.documentation_pages():
            page = file.page
            if page is None or not page.meta.get(ARCHIVE_META) or page.content is None:
                continue
            self._fill_archive(page, by_source)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """schema.org JSON-LD in the page's head (macros/opendata/schema_org.py)."""
        archive_of = page.meta.get(ARCHIVE_META)
        title = Markup(str(page.title or "")).striptags()  # the title's text: MkDocs holds it as HTML
        return self.opendata.head(page.file.src_uri, page.url, title, archive_of, output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        if self.preview.failed:  # serving: the pages get the problems, and nothing else is checked or written
            collector.build_ended()
            self._kept.stop()
            self.preview.write(site)
            return
        try:
            try:  # first, so that the Data page's links to the files are checked with the rest
                writing = self.opendata.write(site, self.build.reading_order)
            except (ClaimsError, OSError) as error:
                raise PluginError(f"data/claims.jsonld and data/claims.csv could not be produced: {error}") from None
            try:  # the zip is compressed in a thread meanwhile (zlib runs beside Python)
                broken = find_broken_links(site, frozenset({writing.bundle_path}))
            finally:
                try:
                    written = writing.finish()
                except OSError as error:
                    raise PluginError(f"data/{BUNDLE} could not be written: {error}") from None
        finally:
            collector.build_ended()
        log.info("data/claims.jsonld: %d annotations of %d citations", written.annotations, written.citations)
        warned = self._kept.messages
        self._kept.stop()
        parts = []
        if broken:
            parts.append("The built site has broken links.\n\n" + ContributorError(
                [self._link_problem(where, href, what) for where, href, what in broken]).report())
        if warned:
            parts.append(f"MkDocs found {len(warned)} problem(s), which `mkdocs build -q` does not show and --strict "
                         "does not pass:\n" + "\n".join(f"- {message}" for message in warned))
        if parts:
            self.preview.fail("\n\n".join(parts))
            self.preview.write(site)

    def on_build_error(self, *, error: Exception) -> None:
        collector.build_ended()
        self._kept.stop()

    # --- helpers ----------------------------------------------------------------------
    def _fill_footnotes(self, html: str, page: Page, files: Files) -> str:
        """Each footnote's body, as HTML, in place of the placeholder Markdown rendered."""
        archive_dir = self.settings.archive_dir
        urls: dict[str, str] = {}

        def link_of(source_id: str, anchor: str) -> str:
            if source_id not in urls:
                target = files.get_file_from_path(archive_path(source_id, archive_dir))
                if target is None:
                    raise PluginError(f"no archive page for source '{source_id}'")
                urls[source_id] = get_relative_url(target.url, page.url)
            return f"{urls[source_id]}#{anchor}"

        return self.footnotes_of(page).fill(html, self.project.sources, self.project.seeds, link_of)

    def _fill_archive(self, page: Page, by_source: dict[str, list[Located]]) -> None:
        def relative(url: str) -> str:
            href = get_relative_url(url, page.url)
            return href if href.endswith("/") else href + "/"

        def archive(match: re.Match[str]) -> str:
            return render_archive(self.project, match.group(1), self.build.ledger, relative,
                                  by_source.get(match.group(1), []))

        assert page.content is not None
        page.content = _PLACEHOLDER_RE.sub(archive, page.content)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= set(_ID.findall(page.content))

    def _title_problem(self, page: Page, title: str) -> Problem:
        """A title that reads as a statement, named where it is written: mkdocs.yml's nav, or the page."""
        config_file = self.settings.root / "mkdocs.yml"
        nav_text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
        line = text_line(nav_text, f"{title}:")
        file = "mkdocs.yml" if line is not None else self._shown(page)
        if line is None:
            line = text_line(page.file.content_string, title)
        return Problem(file, f"the title of {self._shown(page)} reads as a statement, which a title cannot cite: "
                             f"{title!r}", line=line,
                       hint="make the title a label that names what the page is about: no full stop, one phrase")

    def _uncited_problem(self, built: str, sentence: str, hint: str) -> Problem:
        """A sentence without a footnote, named where it was written (macros/checks/origin.py)."""
        shown, markdown = self.build.built_pages[built]
        quoted = ("sentence", f'"{sentence}"')
        line = page_line(markdown, sentence)
        if line is not None:
            return Problem(shown, "this sentence has no footnote", line=line, details=(quoted,), hint=hint)
        where = data_origin(self.settings, sentence, self.build.data_read)
        if where is not None:
            return Problem(message=f"this text is shown on {shown} as a sentence without a footnote",
                           details=(quoted,), **where,
                           hint="cite it (a `cite:` list with the passage that supports it), or, if it is a label, "
                                "make it one: no full stop, one phrase")
        return Problem(f"{built} (made by the engine for {shown})", "this sentence has no footnote",
                       details=(quoted,), hint="the engine's templates wrote this sentence: report it as a bug")

    def _link_problem(self, built: str, href: str, what: str) -> Problem:
        """A broken link, named on the page's line that has it, or on the built page when the engine made it."""
        shown, markdown = self.build.built_pages.get(built, ("", ""))
        found = link_line(markdown, href) if markdown else None
        if found is not None:
            line, target = found
            return Problem(shown, f"the link '{target}' points to {what}", line=line,
                           details=(("built", f"{built} links to '{href}'"),) + quoted_line(markdown, line),
                           hint="link to another page by its Markdown file (page.md), and to a heading or "
                                "entry by an id it has (page.md#an-id)")
        return Problem(built, f"link {href!r} points to {what}",
                       hint="the engine wrote this link (an archive page or a template): report it as a bug")

    def _raise_page_problems(self) -> None:
        """Every problem found while rendering, in one report, worded like the check's."""
        build = self.build
        if not build.page_problems and not build.uncited:
            return
        hint = ("every sentence on an explainer page ends with a citation footnote, e.g. [^1] and a line "
                + citation_example(self.project))
        problems = build.page_problems + [self._uncited_problem(built, sentence, hint) for built, sentence in build.uncited]
        if problems:
            self.preview.fail("The rendered pages have problems; the build stopped before writing them.\n\n"
                              + ContributorError(problems).report())


def _with_page_note(body: str, note: str) -> str:
    """The site page's note, as an admonition under its title."""
    box = render("page_note.html", note=note).strip()
    heading = re.search(r"^# .*$", body, re.M)
    at = heading.end() if heading else 0
    return body[:at] + "\n\n" + box + "\n\n" + body[at:]


__all__ = ["ExplainerConfig", "ExplainerPlugin", "plugin_of", "settings_of"]
