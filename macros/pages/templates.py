"""Rendering a block's Jinja template, where its reader-facing words live.

Templates are under macros/templates/, autoescaped: any text that reaches a
template as a plain string is escaped; Markdown the renderer has already made
safe (cited sentences, links) is passed in as `Markup`.

Compiled templates are kept between builds in Jinja's bytecode cache, in the
user's own folder of the system's temporary directory (Jinja's default, made
private to the user): compiling the templates is otherwise about 50 ms of
every build. An entry is used only while its template's source is unchanged
(Jinja compares a checksum of the source); with no usable temporary folder
the templates are compiled as before.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from macros.model.genres import genre_label
from macros.pages.text import md_text, sentence_case

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


# The options that shape the compiled code (with the source, the key of a cached template).
_OPTIONS: dict[str, Any] = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    # Named by these options, so entries never mix with another environment's, or with these options changed.
    options = hashlib.sha256(repr(sorted(_OPTIONS.items())).encode()).hexdigest()[:16]
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"cited-explainer-{options}-%s.cache")
    except (OSError, RuntimeError):  # no private temporary folder: compile on each build
        return None


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,
    bytecode_cache=_bytecode_cache(),
    **_OPTIONS,
)


@functools.lru_cache(maxsize=4096)  # a pure function; a footnote repeats its source's tag, genre and headline
def _md(text: str) -> Markup:
    return Markup(md_text(text))


# `md`: data text shown as exactly its characters in Markdown, too (not only in HTML).
_ENV.filters["md"] = lambda value: _md(str(value))
_ENV.filters["sentence_case"] = lambda value: sentence_case(str(value))
# `genre`: the label readers see for a source's genre (macros/templates/genres.yml).
_ENV.filters["genre"] = lambda value: genre_label(str(value))


def use_overrides(folder: Path | None) -> None:
    """Templates in `folder` (a project's `templates_dir`) replace the engine's of the same name from now on;
    None: the engine's alone. Called once per build, before any page renders."""
    engine = jinja2.FileSystemLoader(TEMPLATES)
    _ENV.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder), engine]) if folder else engine


def render(template: str, **context: Any) -> str:
    """The template's output, as Markdown (with HTML) for the page."""
    return _ENV.get_template(template).render(**context)


def safe(markdown: str) -> Markup:
    """Markdown that the renderer built from escaped text: not to be escaped again."""
    return Markup(markdown)


def render_inline(name: str, **context: Any) -> str:
    """The template's output on one line, as a footnote definition needs."""
    return re.sub(r"\s*\n\s*", " ", render(name, **context)).strip()


def date_label(value: str) -> Markup:
    """A data date as readers see it ('2019-06' -> 'June 2019'), in the words of templates/date_label.txt."""
    year, month, day = (value.split("-") + ["", ""])[:3]
    return Markup(render_inline("date_label.txt", year=year, month=int(month) if month else None,
                                day=int(day) if day else None))
