"""The genres a source may have, with the label readers see for each.

The words are data (macros/templates/genres.yml), not Python: the schema's
`Genre` names the keys, and a test asserts that both list the same ones.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

GENRES_FILE = Path(__file__).resolve().parent.parent / "templates" / "genres.yml"


@dataclass(frozen=True)
class GenreInfo:
    key: str
    label: str  # what readers see
    what: str  # what the text shows when a piece is of this genre
    schema_org: str  # the piece's schema.org type


@functools.cache
def genres() -> dict[str, GenreInfo]:
    """Every genre, by its key, in the file's order."""
    data = yaml.safe_load(GENRES_FILE.read_text(encoding="utf-8"))
    return {key: GenreInfo(key, str(v["label"]), str(v["what"]), str(v["schema_org"])) for key, v in data.items()}


def genre_label(key: str) -> str:
    """The label readers see for a genre key (the schema has checked the key)."""
    return genres()[key].label
