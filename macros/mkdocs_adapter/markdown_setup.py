"""The Markdown the engine's output needs, set up once per build from mkdocs.yml.

The extensions its pages use are added when mkdocs.yml does not list them,
with Python-Markdown's footnotes indexed (`footnote_order.py`). The footnotes
extension's options are checked against the markup the engine reads
(`macros/citations/footnote_html.py`): an option that changes it stops the
build with one problem naming the option, its line in mkdocs.yml and what to
do, instead of hundreds of broken links or an empty claims file.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.citations.footnote_html import BacklinkTitle, unsupported_options
from macros.mkdocs_adapter.footnote_order import FootnoteOrderIndex
from macros.problems.problem import ContributorError, Problem

# Markdown extensions the engine's output needs; added when mkdocs.yml does not list them
# (by their last name, as Material's plugins test: `markdown.extensions.attr_list` is `attr_list`).
REQUIRED_EXTENSIONS = ("footnotes", "attr_list", "md_in_html", "pymdownx.details")
_FOOTNOTES = ("footnotes", "markdown.extensions.footnotes")


def configure(config: MkDocsConfig) -> None:
    """Check the footnotes' options, then add the required extensions and the footnote index."""
    problems = footnote_option_problems(config)
    if problems:
        raise PluginError("mkdocs.yml sets a footnotes option the engine cannot work with; nothing was built.\n\n"
                          + ContributorError(problems).report())
    for extension in REQUIRED_EXTENSIONS:
        if not any(isinstance(e, str) and (e == extension or e.endswith("." + extension))
                   for e in config.markdown_extensions):
            config.markdown_extensions.append(extension)
    config.markdown_extensions.append(FootnoteOrderIndex())  # footnotes linear, not quadratic in their number


def backlink_title(config: MkDocsConfig) -> BacklinkTitle:
    """The footnotes' back-link title as mkdocs.yml words it (BACKLINK_TITLE), Python-Markdown's by default."""
    options: dict[str, object] = {}
    for name in _FOOTNOTES:
        options.update(config.mdx_configs.get(name) or {})
    return BacklinkTitle.of(options)


def footnote_option_problems(config: MkDocsConfig) -> list[Problem]:
    text, shown = _text_of(config.config_file_path), Path(config.config_file_path or "mkdocs.yml").name
    problems = []
    for name in _FOOTNOTES:
        for option, value, supported in unsupported_options(config.mdx_configs.get(name) or {}):
            line = re.search(rf"^\s*{re.escape(option)}\s*:", text, re.M)
            problems.append(Problem(
                shown, f"the footnotes option {option}: {value!r} changes the footnote HTML the engine reads "
                f"and rewrites (footnote numbers, back-links, claims); it works only with {supported!r}",
                line=text.count("\n", 0, line.start()) + 1 if line else None,
                field=f"markdown_extensions.{name}.{option}",
                hint=f"remove {option} from the footnotes extension's options in mkdocs.yml"))
    return problems


def _text_of(path: str | None) -> str:
    try:
        return Path(path).read_text(encoding="utf-8") if path else ""
    except OSError:
        return ""
