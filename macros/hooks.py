"""MkDocs hooks: generated archive pages and the check on every rendered page.

The archive pages are generated from data/sources.yml and put last, so that
they render after every page that can cite them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from macros.checks.links import broken_links  # noqa: E402
from macros.checks.uncited import uncited_sentences  # noqa: E402
from macros.citations.footnotes import archive_path, number_in_reading_order  # noqa: E402
from macros.html.glossary_links import link_terms  # noqa: E402
from macros.state import STATE  # noqa: E402


def on_files(files: Files, config) -> Files:
    project = STATE.project
    assert project is not None, "the macros plugin must load the project first"
    pages = [f for f in files if not f.src_uri.startswith("sources/") or f.src_uri == "sources/index.md"]
    for source in project.sources.values():
        title = (source.headline or source.label).replace('"', '\\"')
        content = f'---\ntitle: "{title}"\nsource_archive: {source.id}\n---\n\n{{{{ archive_page("{source.id}") }}}}\n'
        pages.append(File.generated(config, archive_path(source.id), content=content))
    return Files(pages)


def on_page_content(html: str, page, config, files) -> str:
    if page.meta.get("source_archive"):
        return html
    if not page.meta.get("uncited"):
        # Before linking glossary terms, so a sentence that is all term link is still checked.
        for sentence in uncited_sentences(html):
            STATE.uncited.append((page.file.src_uri, sentence))
    html = number_in_reading_order(html)
    if page.file.src_uri != "glossary.md":
        html = link_terms(html, STATE.project, get_relative_url("glossary/", page.url))
    return html


def on_env(env, config, files):
    if STATE.page_problems:
        raise PluginError("\n\n".join(f"docs/{page}: {message}\n    hint:     check the spelling of the id in the page against data/*.yml"
                                       for page, message in STATE.page_problems))
    if STATE.uncited:
        lines = [f"docs/{page}: this sentence has no footnote:\n    \"{sentence}\"" for page, sentence in STATE.uncited]
        raise PluginError(
            f"{len(STATE.uncited)} sentence(s) without a footnote; every sentence on an explainer page must be cited.\n\n"
            + "\n\n".join(lines)
            + "\n\nhint: end the sentence with a citation footnote, e.g. [^1] and a line "
              '[^1]: brigida-deals: "denied the El Faro report"')
    return env


def on_post_build(config) -> None:
    broken = broken_links(Path(config.site_dir))
    if broken:
        raise PluginError(f"{len(broken)} broken link(s) in the built site:\n" + "\n".join(broken))
