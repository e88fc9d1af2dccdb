"""Linking the first mention of each glossary term in a rendered page to the glossary.

`link_terms` works on the page's content HTML as MkDocs hands it to the
`on_page_content` hook. It rewrites only text between tags, so the rest of the
page stays byte for byte as rendered. Text inside headings, links, footnotes,
code, SVG and buttons is never linked, nor an element a template marks
`data-glossary-skip` (the timeline's date line). Archive pages are not passed here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from macros.html.blocks import footnotes_start
from macros.model.load import Project
from macros.model.schema import Term
from macros.pages.text import attr

# Elements whose text is never linked, and the classes of blocks that Python-Markdown, Material or this linker
# make (the blocks of the engine's templates say so themselves, with `data-glossary-skip`).
SKIPPED_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style",
                "svg", "math", "button", "textarea", "select", "option", "label", "sup", "title", "q", "time",
                "summary"}  # a link in a <summary> is a control inside a control (axe: nested-interactive)
SKIPPED_CLASSES = {"footnote", "headerlink", "term", "md-source-file"}
RAW_TEXT = {"script", "style", "textarea", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}

TOKEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# The sentence does not end at an abbreviation's last dot ("U.S. Congress"): no dot right after ".X".
FIRST_SENTENCE = re.compile(r"^(.+?(?<!\.[A-Z])[.!?][\u201d\"'\u2019)]*)(?:\s|$)", re.S)


@dataclass(frozen=True)
class Spelling:
    text: str
    term: Term


def first_sentence(term: Term) -> str:
    """The plain text of the definition's first sentence, for the link's title."""
    text = term.definition[0].text if term.definition else term.term
    match = FIRST_SENTENCE.match(text)
    return (match.group(1) if match else text).strip()


def _pattern(spelling: str) -> str:
    parts = []
    for ch in spelling:
        if ch.isspace():
            parts.append(r"\s+")
        elif ch in "'\u2019":
            parts.append("['\u2019]")
        elif ch in "-\u2010\u2011":
            parts.append("[-\u2010\u2011]")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    # An all lower-case term ("tregua", "mano dura") may open a sentence; names and acronyms keep their case.
    if spelling == spelling.lower():
        body = f"(?i:{body})"
    return rf"(?<![\w-]){body}(?![\w])"


WORD = re.compile(r"(?<![\w-])\w+")


@dataclass(frozen=True)
class TermIndex:
    """Spellings by their first word, longest first: each text is scanned once, word by word. Built once per
    project (`TermIndex.of`); a single alternation of every spelling would grow with terms x text."""

    by_first_word: dict[str, list[tuple[re.Pattern[str], Spelling]]]
    # Any of those first words as a whole word, in lower case: a text without one is left as it is.
    any_first_word: re.Pattern[str] | None = None
    terms: int = 0  # how many terms: a page where all are linked is not scanned further

    @classmethod
    def of(cls, project: Project) -> TermIndex:
        spellings = [Spelling(s, term) for term in project.terms.values() for s in [term.term, *term.aliases]]
        spellings.sort(key=lambda s: -len(s.text))  # "Water Board of Riverton" wins over "Water Board"
        index: dict[str, list[tuple[re.Pattern[str], Spelling]]] = {}
        for spelling in spellings:
            first = WORD.search(spelling.text)
            if first:
                index.setdefault(first.group(0).lower(), []).append((re.compile(_pattern(spelling.text)), spelling))
        words = "|".join(re.escape(word) for word in sorted(index, key=len, reverse=True))
        return cls(index, re.compile(rf"(?<![\w-])(?:{words})(?!\w)") if index else None, len(project.terms))


def _classes(tag: str) -> set[str]:
    match = CLASS_ATTR.search(tag)
    if not match:
        return set()
    return set((match.group(1) or match.group(2) or match.group(3) or "").split())


def link_terms(html_text: str, index: TermIndex, glossary_href: str) -> str:
    """Wrap the first mention of each glossary term (or an alias) in a link to its entry.

    `glossary_href` is the glossary page's URL relative to this page, e.g.
    "../glossary/".
    """
    if not index.by_first_word:
        return html_text
    end = footnotes_start(html_text)  # footnotes are never linked: leave them as they are
    return _link_terms(html_text[:end], index, glossary_href) + html_text[end:]


@dataclass
class _Linker:
    """Links the first mention of each term in the text between tags, remembering which terms are linked."""

    index: TermIndex
    glossary_href: str
    linked: set[str] = field(default_factory=set)

    def link_text(self, segment: str) -> str:
        text = html.unescape(segment)
        lowered = text.lower()
        first_words = self.index.any_first_word
        if first_words is not None and len(lowered) == len(text):
            # Only the words a spelling starts with (same offsets in the lower-case text).
            words: Iterable[re.Match[str]] = first_words.finditer(lowered)
        else:
            words = WORD.finditer(text)
        pieces: list[str] = []
        last = 0
        changed = False
        for word in words:
            if word.start() < last:
                continue  # inside the term just linked
            match, spelling = self._match(text, word)
            if match is None or spelling is None:
                continue
            term = spelling.term
            if term.id in self.linked:
                last_seen = match.end()  # a later mention; the longest match still keeps shorter terms out of it
                pieces.append(html.escape(text[last:last_seen], quote=False))
                last = last_seen
                continue
            self.linked.add(term.id)
            changed = True
            pieces.append(html.escape(text[last:match.start()], quote=False))
            pieces.append(f'<a class="term" href="{attr(self.glossary_href)}#{attr(term.id)}" '
                          f'title="{attr(first_sentence(term))}">{html.escape(match.group(0), quote=False)}</a>')
            last = match.end()
        if not changed:
            return segment
        pieces.append(html.escape(text[last:], quote=False))
        return "".join(pieces)

    def _match(self, text: str, word: re.Match[str]) -> tuple[re.Match[str] | None, Spelling | None]:
        """The longest spelling starting at this word, if any."""
        for pattern, candidate in self.index.by_first_word.get(word.group(0).lower(), ()):
            match = pattern.match(text, word.start())
            if match:
                return match, candidate
        return None, None


@dataclass(frozen=True)
class _Tag:
    """What the linker needs to know of one tag's text (a page repeats most of its tags)."""

    name: str | None  # None: a comment, doctype or CDATA
    closing: bool
    opens: bool  # an element the text after it is inside of (not void, not self-closing)
    skipped: bool


_TAGS: dict[str, _Tag] = {}


def _tag(text: str) -> _Tag:
    found = _TAGS.get(text)
    if found is None:
        name_match = TAG_NAME.match(text)
        if name_match is None:
            found = _Tag(None, False, False, False)
        else:
            name = name_match.group(1).lower()
            closing = text.startswith("</")
            opens = not closing and name not in VOID and not text.endswith("/>")
            skipped = opens and (name in SKIPPED_TAGS or bool(_classes(text) & SKIPPED_CLASSES)
                                 or "data-glossary-skip" in text)
            found = _Tag(name, closing, opens, skipped)
        if len(_TAGS) < 20000:  # bounded: tags with ids and links are many and seldom repeat
            _TAGS[text] = found
    return found


def _link_terms(html_text: str, index: TermIndex, glossary_href: str) -> str:
    linker = _Linker(index, glossary_href)
    terms = index.terms
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, skipped)
    skip_depth = 0  # how many open elements are skipped ones
    pos = 0
    raw_until: str | None = None

    for token in TOKEN.finditer(html_text):
        start = token.start()
        if start > pos:
            text = html_text[pos:start]
            live = skip_depth == 0 and raw_until is None and len(linker.linked) < terms
            out.append(linker.link_text(text) if live else text)
        tag_text = token.group(0)
        pos = token.end()
        out.append(tag_text)
        tag = _tag(tag_text)
        name = tag.name
        if name is None:
            continue
        if raw_until is not None:
            if tag.closing and name == raw_until:
                raw_until = None
                skip_depth -= _close(stack, name)
            continue
        if tag.closing:
            skip_depth -= _close(stack, name)
            continue
        if not tag.opens:
            continue
        stack.append((name, tag.skipped))
        skip_depth += tag.skipped
        if name in RAW_TEXT:
            raw_until = name
    rest = html_text[pos:]
    if rest:
        out.append(linker.link_text(rest) if skip_depth == 0 and raw_until is None else rest)
    return "".join(out)


def _close(stack: list[tuple[str, bool]], name: str) -> int:
    """Pop up to and including the innermost open element of this name (tolerates unclosed <p>, <li>);
    the number of skipped elements popped."""
    for i in range(len(stack) - 1, -1, -1):
        if stack[i][0] == name:
            popped = sum(1 for _, skipped in stack[i:] if skipped)
            del stack[i:]
            return popped
    return 0
