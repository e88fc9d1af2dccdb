"""Rendering a block's Jinja template, where its reader-facing words live.

Templates are under macros/templates/, autoescaped: any text that reaches a
template as a plain string is escaped; Markdown the renderer has already made
safe (cited sentences, links) is passed in as `Markup`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from macros.pages.text import md_text, sentence_case

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
# `md`: data text shown as exactly its characters in Markdown, too (not only in HTML).
_ENV.filters["md"] = lambda value: Markup(md_text(str(value)))
_ENV.filters["sentence_case"] = lambda value: sentence_case(str(value))


def render(template: str, **context: Any) -> str:
    """The template's output, as Markdown (with HTML) for the page."""
    return _ENV.get_template(template).render(**context)


def safe(markdown: str) -> Markup:
    """Markdown that the renderer built from escaped text: not to be escaped again."""
    return Markup(markdown)


def render_inline(name: str, **context: Any) -> str:
    """The template's output on one line, as a footnote definition needs."""
    return re.sub(r"\s*\n\s*", " ", render(name, **context)).strip()
