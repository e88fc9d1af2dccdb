"""The citation syntax of hand-written Markdown pages.

A contributor cites with an ordinary Markdown footnote whose body names the
source id and quotes the passage:

    The council voted to close the bridge, the Gazette reported.[^vote]

    [^vote]: council-vote: "voted on Monday to close the old river bridge"

The build replaces each such footnote with the site's rendered citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$")
REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
BODY = re.compile(r'^(?P<source>[a-z0-9]+(?:-[a-z0-9]+)*):\s*["\u201c](?P<quote>.*)["\u201d]\s*$', re.S)
FENCE = re.compile(r"^\s*(```|~~~)")
# A link's target as a page writes it: inline, `[text](target "title")`, with or without <>; a reference
# definition, `[name]: target "title"`; or an HTML attribute, `href="target"`. One group each.
LINK_TARGET = re.compile(r"""\]\(\s*<?(?P<inline>[^)\s>]*)|^[ \t]*\[[^\]^][^\]]*\]:[ \t]*<?(?P<reference>[^\s>]*)"""
                         r"""|\bhref\s*=\s*["'](?P<href>[^"']*)["']""", re.M | re.I)
_HIDDEN = re.compile(r"<!--.*?-->|(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


@dataclass(frozen=True)
class FootnoteCitation:
    label: str
    source: str
    quote: str
    line: int  # 1-based line of the definition


@dataclass(frozen=True)
class BadFootnote:
    label: str
    line: int
    message: str


@dataclass
class ParsedPage:
    citations: list[FootnoteCitation]
    bad: list[BadFootnote]
    references: dict[str, int]  # label -> line of first use
    body: str  # the Markdown without the citation definitions


def parse_page(markdown: str) -> ParsedPage:
    """Split hand-written citation footnotes out of a page's Markdown."""
    lines = markdown.split("\n")
    citations: list[FootnoteCitation] = []
    bad: list[BadFootnote] = []
    references: dict[str, int] = {}
    kept: list[str] = []
    code = fenced(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if code[i]:
            kept.append(line)
            i += 1
            continue
        definition = DEFINITION.match(line)
        if definition:
            label, body = definition.group(1), definition.group(2)
            start = i
            i += 1
            while i < len(lines) and (lines[i].startswith("    ") or lines[i].startswith("\t")):
                body += " " + lines[i].strip()
                i += 1
            parsed = BODY.match(body.strip())
            if parsed:
                quote = parsed.group("quote").replace('\\"', '"')
                citations.append(FootnoteCitation(label, parsed.group("source"), quote, start + 1))
            else:
                bad.append(BadFootnote(label, start + 1,
                                       f"footnote [^{label}] is not a citation: its text must be a source id, "
                                       "a colon and the quoted passage"))
            continue
        for ref in REFERENCE.finditer(_strip_code_spans(line)):
            references.setdefault(ref.group(1), i + 1)
        kept.append(line)
        i += 1
    return ParsedPage(citations, bad, references, "\n".join(kept))


_CODE_SPAN = re.compile(r"`[^`]*`")


def _strip_code_spans(line: str) -> str:
    return _CODE_SPAN.sub("", line)


def replace_references(body: str, replacement: dict[str, str]) -> str:
    """Each `[^label]` of the page's text that names a citation, replaced; fenced code and code spans left as
    written, so a page can show the syntax itself."""
    out: list[str] = []
    lines = body.split("\n")
    for line, code in zip(lines, fenced(lines), strict=True):
        if code:
            out.append(line)
            continue
        pieces = []
        last = 0
        for span in _CODE_SPAN.finditer(line):
            pieces.append(_replace(line[last:span.start()], replacement))
            pieces.append(span.group(0))
            last = span.end()
        pieces.append(_replace(line[last:], replacement))
        out.append("".join(pieces))
    return "\n".join(out)


def _replace(text: str, replacement: dict[str, str]) -> str:
    return REFERENCE.sub(lambda m: replacement.get(m.group(1), m.group(0)), text)


def fenced(lines: list[str]) -> list[bool]:
    """For each line, whether it is fenced code or one of its fences: a fence opens with ``` or ~~~ and closes
    at the next line that starts with the same three characters."""
    flags = []
    fence = None
    for line in lines:
        opened = FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)
            flags.append(True)
        else:
            flags.append(fence is not None)
            if fence is not None and line.strip().startswith(fence):
                fence = None
    return flags


def blank_code(markdown: str) -> str:
    """The page's Markdown with fenced code, code spans and HTML comments blanked, each line and column where it
    was: what a reader sees as code, or not at all, is not read as markup (a link shown as code is not a link)."""
    lines = markdown.split("\n")
    text = "\n".join("" if code else line for line, code in zip(lines, fenced(lines), strict=True))
    return _HIDDEN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
