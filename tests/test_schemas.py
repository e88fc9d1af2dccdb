"""The editor's JSON Schemas and the contributor guide agree with the typed classes and the data."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from macros.citations.page_syntax import parse_page
from macros.citations.verify import CitationFailure, verify_citation
from macros.commands import jsonschema
from macros.model.fields import citations_in
from macros.model.load import load_project
from macros.model.schema import DATA_FILES
from macros.model.yamlfile import read_yaml
from macros.seeds.article import Seed
from macros.seeds.matching import MIN_QUOTE_WORDS

GUIDE = ROOT / "CONTRIBUTING.md"
EXAMPLE = re.compile(r"<!-- example: (?P<file>\S+)(?: (?P<id>\S+))? -->\n```(?P<lang>\w+)\n(?P<body>.*?)\n```", re.S)


def data_of(filename: str) -> object:
    doc, problems = read_yaml(ROOT / "data" / filename, f"data/{filename}")
    assert doc is not None and not problems, problems
    return doc.data


def validator(filename: str) -> Draft202012Validator:
    schema = json.loads((ROOT / jsonschema.SCHEMA_DIR / jsonschema.schema_name(filename)).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def seeds() -> dict[str, Seed]:
    return load_project(ROOT).seeds


# --- the schemas ----------------------------------------------------------------------

def test_committed_schemas_are_current() -> None:
    """Regenerated in memory from macros/model/schema.py, every schema equals the committed file."""
    rendered = jsonschema.render_schemas()
    folder = ROOT / jsonschema.SCHEMA_DIR
    for name, text in rendered.items():
        path = folder / name
        assert path.is_file(), f"{path.name} is missing: run `python -m macros.commands.jsonschema`"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run `python -m macros.commands.jsonschema`"
    assert sorted(p.name for p in folder.glob("*.json")) == sorted(rendered), "a schema no data file uses"


def test_the_check_option_names_a_stale_schema_fails_and_writes_nothing(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """What the committed files are is asserted above; this is what `--check` says about them."""
    shutil.copytree(ROOT / jsonschema.SCHEMA_DIR, tmp_path / jsonschema.SCHEMA_DIR)
    shutil.copy(GUIDE, tmp_path / GUIDE.name)
    assert jsonschema.main(["--check", str(tmp_path)]) == 0
    stale = tmp_path / jsonschema.SCHEMA_DIR / jsonschema.schema_name("people.yml")
    text = stale.read_text(encoding="utf-8").replace('"description"', '"descripton"', 1)
    stale.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert jsonschema.main(["--check", str(tmp_path)]) == 1
    assert f"{jsonschema.SCHEMA_DIR}/{stale.name} is not current" in capsys.readouterr().err
    assert stale.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("filename", sorted(DATA_FILES))
def test_every_data_file_references_its_schema(filename: str) -> None:
    first_line = (ROOT / "data" / filename).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == jsonschema.schema_reference(filename)
    assert (ROOT / "data" / first_line.split("$schema=", 1)[1]).resolve().is_file()


@pytest.mark.parametrize("filename", sorted(DATA_FILES))
def test_schema_accepts_the_real_data(filename: str) -> None:
    errors = sorted(validator(filename).iter_errors(data_of(filename)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


MISTAKES = {
    "a misspelt field": lambda e: {**{k: v for k, v in e.items() if k != "cite"}, "cites": e["cite"]},
    "a missing field": lambda e: {k: v for k, v in e.items() if k != "unit"},
    "an id with capitals": lambda e: {**e, "id": "Homicides 2019"},
    "text where a number goes": lambda e: {**e, "value": "1,630"},
    "an empty citation list": lambda e: {**e, "cite": []},
    "a citation without a quote": lambda e: {**e, "cite": [{"source": "brigida-deals"}]},
}
VALID_FIGURE = {"id": "test-figure", "label": "Homicides, January to July 2019", "value": 1630, "as_printed": "1,630",
                "unit": "homicides", "cite": [{"source": "brigida-deals", "quote": "falling from 1,630 in January to July 2019"}]}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_schema_and_classes_reject_the_same_mistakes(mistake: str) -> None:
    key, cls = DATA_FILES["figures.yml"]
    check = validator("figures.yml")
    assert check.is_valid({key: [VALID_FIGURE]})
    cls.model_validate(VALID_FIGURE)
    wrong = MISTAKES[mistake](dict(VALID_FIGURE))
    assert not check.is_valid({key: [wrong]}), f"the JSON Schema accepts {mistake}"
    with pytest.raises(ValidationError):
        cls.model_validate(wrong)


@pytest.mark.parametrize("date, valid", [("2019", True), ("2019-06", True), ("2021-12-08", True),
                                         ("2019-13", False), ("December 8, 2021", False), ("19-06", False)])
def test_schema_checks_the_date_format(date: str, valid: bool) -> None:
    event = {"id": "test", "date": date, "kind": "event", "period": "p", "title": "t", "text": []}
    assert validator("events.yml").is_valid({"events": [event]}) is valid


# --- the contributor guide ------------------------------------------------------------------

def test_guide_reference_is_generated_from_the_classes() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert jsonschema.with_reference(text) == text, "run `python -m macros.commands.jsonschema` to update CONTRIBUTING.md"
    for _, (_key, cls) in DATA_FILES.items():
        for name in cls.model_fields:
            assert f"| `{name}` |" in text, f"{cls.__name__}.{name} is not documented"


def test_guide_names_the_commands_and_the_quote_rule() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for command in (".venv/bin/python -m macros.check", "bash scripts/test.sh", "bash scripts/build.sh serve",
                    "python -m macros.commands.jsonschema", "MIN_QUOTE_WORDS"):
        assert command in text, command
    words = {3: "three", 4: "four", 5: "five", 6: "six"}
    assert f"At least {words.get(MIN_QUOTE_WORDS, MIN_QUOTE_WORDS)} words" in text


def test_guide_examples_are_real_valid_entries(seeds: dict[str, Seed]) -> None:
    """Each worked example is an entry of the real data (by id), valid, and every citation in it verifies."""
    examples = list(EXAMPLE.finditer(GUIDE.read_text(encoding="utf-8")))
    assert {m.group("file") for m in examples} >= {"data/sources.yml", "data/people.yml", "data/events.yml",
                                                   "data/quotes.yml"}
    for match in examples:
        where = f"the example from {match.group('file')}"
        if match.group("lang") == "markdown":
            page = (ROOT / match.group("file")).read_text(encoding="utf-8")
            parsed = parse_page(match.group("body"))
            assert parsed.citations and not parsed.bad, where
            for line in match.group("body").splitlines():
                assert line in page, f"{where}: {line!r} is not on the page"
            for citation in parsed.citations:
                assert not isinstance(verify_citation(citation.source, citation.quote, seeds), CitationFailure), where
            continue
        filename = match.group("file").removeprefix("data/")
        key, cls = DATA_FILES[filename]
        block = yaml.safe_load(match.group("body"))
        assert list(block) == [key], where
        (entry,) = block[key]
        model = cls.model_validate(entry)
        assert model.id == match.group("id"), where
        assert model.id in {e["id"] for e in data_of(filename)[key]}, f"{where}: no entry '{model.id}' in the data"
        for _, citation, _ in citations_in(model):  # the engine's own walk, as the load checks them
            assert not isinstance(verify_citation(citation.source, citation.quote, seeds), CitationFailure), \
                f"{where}: {citation.quote!r}"

