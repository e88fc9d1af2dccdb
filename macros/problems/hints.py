"""Hints about ids: what an entry of a kind is called, and which ids a contributor may have meant."""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.model.schema import DATA_FILES
from macros.problems.words import close_matches


def singular(kind: str) -> str:
    """What one entry of a kind is called in a message: 'people' -> 'person', 'facts' -> 'key fact'."""
    for key, cls in DATA_FILES.values():
        if key == kind:
            return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()
    return kind


def data_file_of(kind: str, data_dir: str = "data") -> str:
    """The data file that holds a kind's entries, as a contributor sees it."""
    for filename, (key, _) in DATA_FILES.items():
        if key == kind:
            return f"{data_dir}/{filename}"
    return kind


def ids_hint(ids: Iterable[str], value: str, kind: str, data_dir: str = "data") -> str:
    """'did you mean ...?' when an id is close, else the ids there are to choose from."""
    known = sorted(ids)
    close = close_matches(value, known, 0.6)
    if close:
        return f"did you mean '{close[0]}'?" + (f" (or: {', '.join(close[1:])})" if close[1:] else "")
    if not known:
        return f"{data_file_of(kind, data_dir)} has no entries yet: add the {singular(kind)} there first"
    listed = ", ".join(known[:12]) + (f", and {len(known) - 12} more" if len(known) > 12 else "")
    return f"use an id from {data_file_of(kind, data_dir)}: {listed}"
