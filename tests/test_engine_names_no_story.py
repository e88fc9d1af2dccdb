"""The engine names nothing of this story: no person, outlet, place or page of the El Salvador explainer.

The words are drawn from this story's own data (every spelling of every
person's name, every outlet and tag the sources print, every id), its pages
(every page path in mkdocs.yml's nav) and a short list of its places and
groups. They are looked for in every file under macros/ (code, templates,
assets, the new-project files) and in the JSON Schemas and the data-format
reference the engine generates for any project, so an example in a schema
description or a message cannot come from this story again.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml

from macros.commands.jsonschema import render_reference, render_schemas
from macros.model.schema import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "macros"
# Places, groups and institutions of this story that no data field lists by itself.
PLACES = ["El Salvador", "Salvadoran", "San Salvador", "MS-13", "Barrio 18", "18th Street", "El Faro", "Treasury",
          "Nuevas Ideas", "New Ideas", "Bukele"]
# Spellings in the data that are ordinary words ("the gang member"), not names.
NOT_NAMES = re.compile(r"^(the|a|an|one)\b", re.I)


def _data(name: str) -> list[dict[str, object]]:
    loaded = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
    return list(next(iter(loaded.values())))


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_pages(item)]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_pages(value)]
    return []


@functools.cache
def story_words() -> tuple[str, ...]:
    words = set(PLACES)
    for person in _data("people.yml"):
        words.add(str(person["id"]))
        for name in person.get("names", []):  # type: ignore[attr-defined]
            if not NOT_NAMES.match(name["name"]):
                words.add(name["name"])
    for source in _data("sources.yml"):
        words.add(str(source["id"]))
        for field in ("outlet", "tag", "byline"):
            if source.get(field):
                words.add(str(source[field]))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    generic = {"index.md", "glossary.md", "differences.md", "data.md", "sources/index.md"}
    words |= {page for page in _nav_pages(config["nav"]) if page not in generic}
    kinds = {name.removesuffix(".yml") for name in DATA_FILES}  # `people`, `sides`: the engine's own data kinds
    words |= {stem for page in _nav_pages(config["nav"]) if page not in generic
              if (stem := page.removesuffix(".md").split("/")[-1]) not in kinds}
    return tuple(sorted(w for w in words if len(w) >= 4))


@functools.cache
def _any_word() -> re.Pattern[str]:
    words = sorted(story_words(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w])")


def _found(text: str) -> list[str]:
    return sorted({match.group(1) for match in _any_word().finditer(text)})


def test_the_word_list_is_drawn_from_the_data() -> None:
    words = story_words()
    assert {"Osiris Luna Meza", "Marroquín", "VICE News", "osiris-luna-meza", "truces.md", "truces",
            "people/nayib-bukele.md", "El Faro"} <= set(words), words
    assert len(words) > 60


ENGINE_FILES = sorted(p for p in ENGINE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                      and p.suffix in {".py", ".html", ".md", ".txt", ".yml", ".svg", ".css", ".js", ".json", ""})


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda p: p.relative_to(ENGINE).as_posix())
def test_no_engine_file_names_the_story(path: Path) -> None:
    assert _found(path.read_text(encoding="utf-8")) == []


def test_the_generated_schemas_and_reference_name_nothing_of_the_story() -> None:
    for name, text in render_schemas().items():
        assert _found(text) == [], name
    assert _found(render_reference()) == []


def test_the_check_finds_a_story_word() -> None:
    """The test can fail: a description naming this story's people is found."""
    assert _found("e.g. `osiris-luna-meza`, 'What El Faro reported'") == ["El Faro", "osiris-luna-meza"]
