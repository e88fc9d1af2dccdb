"""Turning data text into Markdown that shows exactly that text.

Text from data files is never interpreted: HTML, Markdown syntax and template
syntax (`{{ }}`, `{% %}`) are shown literally, as characters.
"""

from __future__ import annotations

import html
import re

# Characters that Markdown, its extensions or Jinja could read as syntax.
_MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~=^:%"}
_SPECIAL = re.compile("[" + re.escape("".join(_MARKDOWN_SPECIAL)) + "]")


def md_text(text: str) -> str:
    """Escape text so Markdown renders it as exactly these characters."""
    escaped = html.escape(text, quote=False)
    return _SPECIAL.sub(lambda m: _MARKDOWN_SPECIAL[m.group()], escaped)


def attr(text: str) -> str:
    """Escape text for an HTML attribute value."""
    return html.escape(text, quote=True)


def sentence_case(text: str) -> str:
    """The text with its first letter capitalised, as at the start of a line."""
    return text[:1].upper() + text[1:]
