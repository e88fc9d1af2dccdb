"""The sentence of a seed around a cited passage.

A footnote shows the whole sentence (or sentences) the quoted words stand in,
so that the speaker and the hedge ("the department alleged") are in view
even when the quote is a clause. Only the quoted words are verified; the
sentence around them is shown, not claimed.

Sentences are found with a plain rule, tuned to news copy: a sentence ends at
. ? or ! (with any closing quotation mark) followed by a space and a capital
letter, a digit or an opening quotation mark, unless the word before the
period is an abbreviation ("U.S.", "Sept.") or the break falls inside a
quotation. A sentence that is nothing but a quotation takes the sentence
before it too, which names who said it ("The president, however, tweeted on
the issue."). A passage in a bulleted list item also gets the list's lead-in
sentence (the last sentence of the paragraph before the list: a sentence
ending in a colon, or the claim the list supports), which says whose list it is:
`lead_in_span`.
"""

from __future__ import annotations

import re

from macros.seeds.article import Paragraph, Seed

ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "gen", "no", "jan", "feb", "mar", "apr", "aug",
                           "sept", "sep", "oct", "nov", "dec", "vs"})
_END = re.compile(r"[.?!][\"”’)]*(?=\s+[\"“‘A-Z0-9])")
_INITIALS = re.compile(r"(?:\b[A-Z]\.)+$")
_LEAD = re.compile(r"[\s•·*-]+")
OPENING, CLOSING = "“", "”"


def sentence_starts(seed: Seed, paragraph: Paragraph) -> tuple[int, ...]:
    """Offsets in the paragraph, after its start, where a new sentence begins: found once per paragraph (it
    holds several cited passages), kept on the seed."""
    found = seed.sentence_starts.get(paragraph.index)
    if found is None:
        found = seed.sentence_starts[paragraph.index] = _boundaries(seed.text, paragraph.start, paragraph.end)
    return found


def _boundaries(text: str, start: int, end: int) -> tuple[int, ...]:
    """Offsets in text[start:end] where a new sentence begins."""
    out: list[int] = []
    depth = 0
    straight_open = False
    pos = start
    for match in _END.finditer(text, start, end):
        for ch in text[pos:match.start() + 1]:
            if ch == OPENING:
                depth += 1
            elif ch == CLOSING:
                depth = max(0, depth - 1)
            elif ch == '"':
                straight_open = not straight_open
        closers = text[match.start() + 1:match.end()]
        depth = max(0, depth - closers.count(CLOSING))
        if '"' in closers:
            straight_open = not straight_open
        pos = match.end()
        if depth or straight_open:
            continue
        if text[match.start()] == ".":
            first = match.start()  # the word ending in this period: back to the space before it
            while first > start and not text[first - 1].isspace():
                first -= 1
            token = text[first:match.start() + 1]
            if _INITIALS.search(token) or token.rstrip(".").lower().lstrip("(\"“") in ABBREVIATIONS:
                continue
        nxt = match.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        out.append(nxt)
    return tuple(out)


def _is_bare_quotation(sentence: str) -> bool:
    s = sentence.strip()
    return s[:1] in ('"', OPENING) and s.rstrip(".?!")[-1:] in ('"', CLOSING)


def sentence_span(seed: Seed, start: int, end: int) -> tuple[int, int]:
    """The span of the whole sentence(s) of the seed holding text[start:end]."""
    paragraph = seed.paragraph_of(start)
    text = seed.text
    starts = [paragraph.start, *sentence_starts(seed, paragraph)]
    first = max((s for s in starts if s <= start), default=paragraph.start)
    after = [s for s in starts if s >= end]
    last = after[0] if after else paragraph.end
    if _is_bare_quotation(text[first:last]):
        earlier = [s for s in starts if s < first]
        if earlier:
            first = earlier[-1]
    lead = _LEAD.match(text, first)
    if lead and lead.end() <= start:
        first = lead.end()
    while last > end and text[last - 1].isspace():
        last -= 1
    return first, last


BULLET = "•"


def lead_in_span(seed: Seed, start: int) -> tuple[int, int] | None:
    """The lead-in sentence of the bulleted list that holds offset start, if it is in one."""
    paragraph = seed.paragraph_of(start)
    if not seed.text[paragraph.start:paragraph.end].lstrip().startswith(BULLET):
        return None
    for earlier in reversed(seed.paragraphs[:paragraph.index - 1]):
        text = seed.text[earlier.start:earlier.end].strip()
        if text.startswith(BULLET):
            continue
        starts = [earlier.start, *sentence_starts(seed, earlier)]
        end = earlier.end
        while end > earlier.start and seed.text[end - 1].isspace():
            end -= 1
        return starts[-1], end
    return None
