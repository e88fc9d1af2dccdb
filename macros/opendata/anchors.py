"""Stable anchors for cited sentences.

A sentence rendered from data gets `KIND-ENTRY-FIELD...`: the data file's kind,
the entry's id, then the path of fields down to the sentence, a list position
counted from 1. The first sentence of the first section of the profile of the
person `PERSON` in data/people.yml is `people-PERSON-sections-1-text-1`; the
first line of that person's infobox's allegation is
`people-PERSON-infobox-allegation-1`; a quote block is
`quotes-QUOTE-ID`. It
changes only when the data is reordered or renamed, never with the page.

A hand-written sentence in docs/*.md gets `s-` and the first 8 hex digits of
the sha1 of its text as shown, whitespace collapsed (`s-1a2b3c4d`): it changes
when the sentence's wording changes, never when sentences around it move.

The renderer leaves an empty marker element carrying the data anchor just
before a sentence's footnote references (`marker`); the page pass
(`sentences.py`) turns it into the id of the sentence's element.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from macros.citations.verify import passage_key
from macros.model.fields import citations_in
from macros.model.project import Project
from macros.model.types import Citation

MARKER = '<span data-claim="{anchor}"></span>'
MARKER_RE = re.compile(r'<span data-claim="([^"]*)"></span>')
_SPACES = re.compile(r"\s+")
_NOT_ID = re.compile(r"[^a-z0-9-]+")


def text_anchor(text: str) -> str:
    """The anchor of a hand-written sentence: a hash of its text as shown."""
    normal = _SPACES.sub(" ", text).strip()
    return "s-" + hashlib.sha1(normal.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class CitationAnchors:
    """The anchor of every cited sentence of the data, worked out once per project (`CitationAnchors.of`), and the
    entry each anchor belongs to, recorded as the anchor is made: never read back out of the slug, where an id
    holding `-text-` would stop the reading early."""

    by_object: dict[int, str] = field(default_factory=dict)  # id(Citation) -> anchor
    by_passage: dict[tuple[str, str], str] = field(default_factory=dict)  # passage key -> anchor (quote blocks)
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)  # anchor -> (kind, entry id)

    @classmethod
    def of(cls, project: Project) -> CitationAnchors:
        anchors = cls()  # its dicts are filled here, then only read
        for kind, entries in project.entries.items():
            for entry_id, entry in entries.items():
                if kind == "quotes":  # a quote block cites the quote's context, built as it renders
                    key = passage_key(entry.source, entry.context)
                    anchors.by_passage[key] = anchors._made(kind, entry_id, _slug(f"{kind}-{entry_id}"))
                if not isinstance(entry, BaseModel):
                    continue
                for loc, citation, _ in citations_in(entry):
                    anchors.by_object[id(citation)] = anchors._made(kind, entry_id, data_anchor(kind, entry_id, loc))
        return anchors

    def _made(self, kind: str, entry_id: str, anchor: str) -> str:
        self.entries.setdefault(anchor, (kind, entry_id))  # the first entry to make it (slugs of two ids may meet)
        return anchor

    def marker(self, cite: Iterable[Citation]) -> str:
        """The marker naming the data sentence these citations support, or '' when they are not in the data."""
        for citation in cite:
            anchor = self.by_object.get(id(citation)) or self.by_passage.get(passage_key(citation.source, citation.quote))
            if anchor:
                return MARKER.format(anchor=anchor)
        return ""

    def entry_of(self, anchor: str | None) -> tuple[str, str] | None:
        """(kind, entry id) of the data entry a sentence's anchor was made for; None for any other anchor."""
        return self.entries.get(anchor) if anchor else None


def data_anchor(kind: str, entry_id: str, loc: tuple[Any, ...]) -> str:
    """The anchor of the sentence (or entry part) holding the citation at loc, as `citations_in` gives it:
    the list of citations belongs to what holds it, and list positions count from 1 here."""
    held = loc[:-2] if loc and isinstance(loc[-1], int) else loc[:-1]
    return _slug("-".join([kind, entry_id, *(str(part + 1) if isinstance(part, int) else str(part) for part in held)]))


def _slug(text: str) -> str:
    return _NOT_ID.sub("-", text.lower().replace("_", "-")).strip("-")
