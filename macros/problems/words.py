"""Small helpers for the words of a problem: where in an entry, which spelling was meant, which value was given."""

from __future__ import annotations

import difflib
import typing
from typing import Any


def format_loc(loc: tuple[Any, ...]) -> str:
    """('names', 0, 'cite') -> 'names[0].cite'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def close_matches(word: str, choices: typing.Iterable[str], cutoff: float = 0.75) -> list[str]:
    """The choices that look like a misspelling of word, closest first."""
    return difflib.get_close_matches(word, list(choices), n=3, cutoff=cutoff)


def shown(value: Any) -> str:
    """A value as a contributor would recognise it in a message, cut short when long."""
    if isinstance(value, bool) or value is None:  # as YAML writes them, not as Python does
        return {True: "true", False: "false", None: "null"}[value]
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 120 else text[:117] + "..."
