"""Where a seed's readers' comments seem to begin.

A seed saved from a web page often ends with the readers' comments under the
article. What a reader wrote is never the article's words, so a source whose
seed shows a comment section must record where it begins (`comments_begin`).
This finds the likely start: a heading such as "Comments" or "12 comments",
"Leave a reply", or a paragraph that opens with a name and "wrote:" /
"says:" / "commented:". It only proposes; the contributor confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.seeds.article import Seed

_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:readers?['’]?s?['’]?\s+)?(?:comments?|responses?|replies|discussion)(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:leave|add|post|show|view)\s+(?:a\s+|your\s+|all\s+)?(?:comment|reply|comments)s?\b.{0,30}$"
    r"|^comments\s+(?:are\s+)?(?:closed|open)\b.{0,30}$",
    re.IGNORECASE)
# A name (up to five words, no sentence before it) and a verb of writing, then a colon: "Jane Doe wrote:".
_SIGNED = re.compile(r"^[\w@.'’-]+(?:\s+[\w@.'’-]+){0,4}\s+(?:wrote|writes|says|said|commented|replied|posted)\s*:",
                     re.IGNORECASE)


@dataclass(frozen=True)
class CommentMarker:
    line: int  # 1-based line of the seed
    offset: int  # where the paragraph starts
    text: str  # the paragraph, as printed (cut short)
    begin: str  # the first words, unique in the seed: what `comments_begin` would be


def comment_marker(seed: Seed) -> CommentMarker | None:
    """The first paragraph that looks like the start of the readers' comments, with text after it; or None."""
    text = seed.text
    for i, paragraph in enumerate(seed.paragraphs[:-1]):  # a marker with nothing after it marks no comments
        words = text[paragraph.start:paragraph.end].strip()
        if _HEADING.match(words) or _SIGNED.match(words):
            line = text.count("\n", 0, paragraph.start) + 1
            return CommentMarker(line, paragraph.start, words[:120], _unique_start(seed, i))
    return None


def _unique_start(seed: Seed, index: int) -> str:
    """The first words from paragraph `index` on (four at least) whose first place in the seed is there."""
    at = seed.paragraphs[index].start
    words = re.findall(r"\S+", seed.text[at:])
    for count in range(min(4, len(words)), len(words) + 1):
        begin = " ".join(words[:count])
        found = seed.find(begin)
        if found is not None and found.start >= at:
            return begin
    return " ".join(words)
