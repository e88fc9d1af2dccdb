"""Reader-facing wording and HTML live in Jinja templates under macros/templates/.

`render_template` fills one with values from the model. Autoescaping is on,
and the `md` filter escapes data text for Markdown too (see `text.md_text`),
so a value is always shown as the characters it holds.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from macros.pages.text import md_text, sentence_case

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = lambda value: Markup(md_text(str(value)))
    env.filters["sentence_case"] = lambda value: sentence_case(str(value))
    return env


def render_template(name: str, **values: Any) -> str:
    return environment().get_template(name).render(**values).strip()


def render_inline(name: str, **values: Any) -> str:
    """A template rendered onto one line, as a footnote definition or table cell needs."""
    return re.sub(r"\s*\n\s*", " ", render_template(name, **values))
