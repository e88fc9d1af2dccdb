"""Where the footnotes start in a page's content HTML.

Python-Markdown's footnotes extension appends one `<div class="footnote">`
at the end of the content; it holds most of a cited page's HTML. Checks and
rewrites that leave the footnotes alone can stop where they start.
"""

from __future__ import annotations

import re

from macros.citations.footnote_html import BLOCK_OPEN as _OPEN

_DIV = re.compile(r"<(/?)div\b", re.I)


def footnotes_start(html: str) -> int:
    """The offset of the footnote block when it closes the content (nothing but
    whitespace after it), else len(html): then there is none to leave out."""
    start = html.find(_OPEN)
    if start < 0:
        return len(html)
    depth = 0
    for tag in _DIV.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = html.find(">", tag.end())
            return start if end >= 0 and not html[end + 1:].strip() else len(html)
    return len(html)
