"""Where a problem that the built-site checks find was written: a page's Markdown line, or a data file's entry.

The checks read the HTML the build made; a contributor edits Markdown and
data. So a sentence without a footnote, or a broken link, is traced back:

- to the line of the hand-written page that has it (its words in order, once
  the page's markup, macro calls and link targets are set aside);
- else to the data file, line, entry and field whose text holds it;
- else it is the engine's own output (an archive page, a template), and the
  built page is named.

This runs only when a check has found a problem: it re-reads the data files.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from typing import Any

from macros.citations.page_syntax import DEFINITION, LINK_TARGET, blank_code
from macros.model.schema import DATA_FILES
from macros.model.settings import Settings
from macros.model.yamlfile import YamlDocument, read_yaml
from macros.problems.problem import Where, entry_label
from macros.problems.words import format_loc

KEY_WORDS = 8  # the first words of a sentence that find it
_WORD = re.compile(r"\w+")
# Not text a reader sees: template syntax, a link's target, a tag, a footnote reference, an attribute list.
_UNSEEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\]\([^)]*\)|<[^>]*>|\[\^[^\]]*\]|\{:?[ \t]*[.#\w][^{}]*\}",
                     re.S)


def page_line(markdown: str, sentence: str) -> int | None:
    """The line of the page's Markdown where the sentence starts; None when the page does not have it."""
    key = _words(sentence)[:KEY_WORDS]
    if not key:
        return None
    words: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(_visible(markdown).split("\n"), start=1):
        if DEFINITION.match(line):
            continue  # a citation's quote is the source's words, not the page's
        for word in _words(line):
            words.append(word)
            lines.append(number)
    for start in range(len(words) - len(key) + 1):
        if words[start:start + len(key)] == key:
            return lines[start]
    return None


def data_origin(settings: Settings, sentence: str, read: dict[str, YamlDocument | None] | None = None) -> Where | None:
    """The data file, line, entry and field whose text holds the sentence; None when no data text does.

    `read`: the data files read so far, kept between calls of one report."""
    key = _words(sentence)[:KEY_WORDS]
    if not key:
        return None
    read = {} if read is None else read
    for filename, (kind, _cls) in DATA_FILES.items():
        display = f"{settings.data_dir}/{filename}"
        if display not in read:
            read[display] = read_yaml(settings.data_path / filename, display)[0]
        doc = read[display]
        entries = doc.data.get(kind) if doc is not None and isinstance(doc.data, dict) else None
        if doc is None or not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            for loc, text in _strings(entry, ()):
                if _contains(_words(text), key):
                    return {"file": display, "line": doc.line_of((kind, index) + loc),
                            "entry": entry_label(entry, index), "field": format_loc(loc)}
    return None


def link_line(markdown: str, href: str) -> tuple[int, str] | None:
    """The line and the target as written of the page's link that became href in the built page; None when the
    page has no such link (the engine made it)."""
    wanted = _link_key(href)
    text = blank_code(markdown)
    for match in LINK_TARGET.finditer(text):
        target = html.unescape(match.group("inline") or match.group("reference") or match.group("href") or "")
        if target and _link_key(target) == wanted:
            return text.count("\n", 0, match.start()) + 1, target
    return None


def text_line(text: str, needle: str) -> int | None:
    """The first line of text that holds needle (case aside); None when none does."""
    at = text.lower().find(needle.lower())
    return None if at < 0 else text.count("\n", 0, at) + 1


def _link_key(target: str) -> tuple[str, str]:
    """A link's page (the last part of its path, as MkDocs turns `page.md` into `page/`) and fragment."""
    path, _, fragment = target.partition("#")
    path = path.partition("?")[0].strip("/")
    for ending in ("index.md", "index.html", ".md", ".html"):
        if path.endswith(ending):
            path = path[:-len(ending)].rstrip("/")
            break
    return posixpath.basename(path), fragment


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(html.unescape(text))]


def _contains(words: list[str], key: list[str]) -> bool:
    return any(words[i:i + len(key)] == key for i in range(len(words) - len(key) + 1))


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _unseen(match: re.Match[str]) -> str:
    """Blank, but for an image's alt text, which a reader sees where the image is not."""
    blank = _blank(match)
    alt = _ALT.search(match.group(0)) if match.group(0).startswith("<") else None
    if alt is None:
        return blank
    text = (alt.group(1) or alt.group(2) or "").replace("\n", " ")
    return text + blank[len(text):]


def _visible(markdown: str) -> str:
    """The page's text as a reader sees it, each word on the line where it was written."""
    return _UNSEEN.sub(_unseen, markdown)


def _strings(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,))
