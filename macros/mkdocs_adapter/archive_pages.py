"""The archive pages: one generated page per seed, written as a placeholder and filled once every page is known.

`with_archive_pages` (at `on_files`) adds a page per source under the
archive folder, whose content is a placeholder; `fill` (at `on_env`, after
every page has rendered, so that every citing page is in the ledger) puts the
source's text in its place, each cited passage highlighted with its
back-links, in the nav's reading order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape as html_escape

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.citations.footnotes import ARCHIVE_META, Ledger, archive_path
from macros.citations.verify import Located
from macros.model.project import Project
from macros.pages.archive import passages_by_source, render_archive
from macros.pages.text import attr

_PLACEHOLDER = '<div class="cited-archive-placeholder" data-source="{id}"></div>'
_PLACEHOLDER_RE = re.compile(r'<div class="cited-archive-placeholder" data-source="([^"]+)"></div>')
_ID = re.compile(r'\sid="([^"]+)"')


def with_archive_pages(files: Files, config: MkDocsConfig, project: Project, archive_dir: str) -> Files:
    """The site's files and one generated archive page per source."""
    kept = list(files)
    for source in project.sources.values():
        # MkDocs and the theme treat a page's title as HTML (in <title>, the nav, the <h1>, the search index):
        # a headline is text, so its <, > and & are escaped; Markup(...).striptags() reads it back (`on_post_page`).
        title = html_escape(source.headline or source.label, quote=False)
        meta = {"title": title, ARCHIVE_META: source.id, "render_macros": False}
        content = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" \
            + _PLACEHOLDER.format(id=attr(source.id)) + "\n"
        kept.append(File.generated(config, archive_path(source.id, archive_dir), content=content,
                                   inclusion=InclusionLevel.NOT_IN_NAV))
    return Files(kept)


def passage_links(files: Files, page: Page, archive_dir: str) -> Callable[[str, str], str]:
    """`link_of(source_id, anchor)`: the URL of a passage on its source's archive page, relative to `page`."""
    urls: dict[str, str] = {}

    def link_of(source_id: str, anchor: str) -> str:
        if source_id not in urls:
            target = files.get_file_from_path(archive_path(source_id, archive_dir))
            if target is None:
                raise PluginError(f"no archive page for source '{source_id}'")
            urls[source_id] = get_relative_url(target.url, page.url)
        return f"{urls[source_id]}#{anchor}"

    return link_of


def fill(files: Files, project: Project, ledger: Ledger, reading_order: dict[str, int]) -> None:
    """Every archive page's text in place of its placeholder, with back-links in reading order (the nav's, then
    by path: never in the order MkDocs happened to render)."""
    for pages in ledger.by_passage.values():
        pages.sort(key=lambda p: (reading_order.get(p.src_uri, len(reading_order)), p.src_uri))
    by_source = passages_by_source(project)
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.meta.get(ARCHIVE_META) and page.content is not None:
            _fill_page(page, project, ledger, by_source)


def _fill_page(page: Page, project: Project, ledger: Ledger, by_source: dict[str, list[Located]]) -> None:
    def relative(url: str) -> str:
        href = get_relative_url(url, page.url)
        return href if href.endswith("/") else href + "/"

    def archive(match: re.Match[str]) -> str:
        return render_archive(project, match.group(1), ledger, relative, by_source.get(match.group(1), []))

    assert page.content is not None
    page.content = _PLACEHOLDER_RE.sub(archive, page.content)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= set(_ID.findall(page.content))
