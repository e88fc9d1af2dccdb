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
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from macros.citations.verify import passage_key
from macros.model.types import Citation

MARKER = '<span data-claim="{anchor}"></span>'
MARKER_RE = re.compile(r'<span data-claim="([^"]*)"></span>')
_SPACES = re.compile(r"\s+")
_NOT_ID = re.compile(r"[^a-z0-9-]+")

# project (by id) -> (a weak reference to it, id(Citation) -> anchor, passage key -> anchor)
_MAPS: dict[int, tuple[weakref.ref[Any], dict[int, str], dict[tuple[str, str], str]]] = {}


def text_anchor(text: str) -> str:
    """The anchor of a hand-written sentence: a hash of its text as shown."""
    normal = _SPACES.sub(" ", text).strip()
    return "s-" + hashlib.sha1(normal.encode("utf-8")).hexdigest()[:8]


def marker(project: Any, cite: Iterable[Citation]) -> str:
    """The marker naming the data sentence these citations support, or '' when they are not in the data."""
    by_object, by_passage = _maps(project)
    for citation in cite:
        anchor = by_object.get(id(citation)) or by_passage.get(passage_key(citation.source, citation.quote))
        if anchor:
            return MARKER.format(anchor=anchor)
    return ""


def _maps(project: Any) -> tuple[dict[int, str], dict[tuple[str, str], str]]:
    held = _MAPS.get(id(project))
    if held is not None and held[0]() is project:
        return held[1], held[2]
    by_object: dict[int, str] = {}
    by_passage: dict[tuple[str, str], str] = {}
    for kind, entries in project.entries.items():
        for entry_id, entry in entries.items():
            if kind == "quotes":  # a quote block cites the quote's context, built as it renders
                by_passage[passage_key(entry.source, entry.context)] = _slug(f"{kind}-{entry_id}")
            if not isinstance(entry, BaseModel):
                continue
            for loc, citation in _citations(entry, ()):
                by_object[id(citation)] = _slug("-".join([kind, str(entry_id), *loc]))
    for stale in [key for key, value in _MAPS.items() if value[0]() is None]:
        del _MAPS[stale]
    _MAPS[id(project)] = (weakref.ref(project), by_object, by_passage)
    return by_object, by_passage


def _citations(model: BaseModel, loc: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Citation]]:
    """Every Citation in model, with the path of the sentence (or entry part) holding it."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, list):
            for i, item in enumerate(value, start=1):
                if isinstance(item, Citation):
                    yield loc, item  # the list of citations belongs to what holds it
                elif isinstance(item, BaseModel):
                    yield from _citations(item, loc + (name, str(i)))
        elif isinstance(value, Citation):
            yield loc, value
        elif isinstance(value, BaseModel):
            yield from _citations(value, loc + (name,))


def _slug(text: str) -> str:
    return _NOT_ID.sub("-", text.lower().replace("_", "-")).strip("-")
