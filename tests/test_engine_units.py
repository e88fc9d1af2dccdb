"""Fast unit tests of the engine's pure parts: no build, no site, each in milliseconds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from macros.commands.scaffold import entry_yaml, required_to_fill, source_entry
from macros.model.load import load_project
from macros.model.schema import DATA_FILES, Event, Quote, Source
from macros.model.steps.references import references_in
from macros.pages.macro_calls import argument_problems
from macros.problems.examples import citation_example, macro_example
from macros.problems.hints import data_file_of, ids_hint, singular
from macros.problems.problem import entry_label, quoted_line

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    return load_project(ROOT)


def test_references_are_found_at_any_depth_with_their_kind() -> None:
    event = Event.model_construct(id="e", date="2019", period="p", title="T", text=[], people=["a", "b"])
    found = {(loc, kind, value) for loc, kind, value in references_in(event)}
    assert (("period",), "periods", "p") in found
    assert {(("people", 0), "people", "a"), (("people", 1), "people", "b")} <= found


def test_a_field_without_ref_is_not_a_reference() -> None:
    quote = Quote.model_construct(id="q", speaker="s", source="src", text="t", context="c")
    kinds = {kind for _, kind, _ in references_in(quote)}
    assert kinds == {"people", "sources"}, kinds


def test_every_kind_has_a_file_and_a_name_for_one_entry() -> None:
    for filename, (kind, cls) in DATA_FILES.items():
        assert data_file_of(kind) == f"data/{filename}"
        assert singular(kind) and singular(kind) == singular(kind).lower(), cls
    assert singular("people") == "person"


def test_ids_hint_suggests_the_closest_id_or_lists_them() -> None:
    assert ids_hint(["nayib-bukele", "mauricio-funes"], "nayib-bukel", "people") == "did you mean 'nayib-bukele'?"
    assert ids_hint([], "x", "people").startswith("data/people.yml has no entries yet")
    assert ids_hint(["a", "b"], "zzz", "people") == "use an id from data/people.yml: a, b"


class _Blocks:
    def one(self, person_id: str) -> str:
        return person_id

    def many(self, person_ids: list[str]) -> str:
        return ",".join(person_ids)


def test_macro_arguments_are_checked_for_shape_and_ids(project) -> None:  # type: ignore[no-untyped-def]
    blocks = _Blocks()
    known = next(iter(project.entries["people"]))
    assert argument_problems("many", "people", blocks.many, ([known],), {}, project) == []
    assert argument_problems("one", "people", blocks.one, (known,), {}, project) == []
    [(message, hint)] = argument_problems("many", "people", blocks.many, (known,), {}, project)
    assert message == f"many(...) takes a list of ids, not the single id '{known}'" and "square brackets" in hint
    [(message, _)] = argument_problems("one", "people", blocks.one, ("nobody-at-all",), {}, project)
    assert message == "one(...) names the person 'nobody-at-all', which data/people.yml does not have"
    [(message, _)] = argument_problems("one", "people", blocks.one, (), {}, project)
    assert "wrong arguments" in message


def test_examples_come_from_the_project(project) -> None:  # type: ignore[no-untyped-def]
    example = citation_example(project, "x")
    source, quote = example.removeprefix("[^x]: ").split(": ", 1)
    assert source in project.sources
    assert project.locate(source, quote.strip('"')) is not None
    assert macro_example().startswith("{{ ") and macro_example().endswith("() }}")


def test_entry_label_and_quoted_line() -> None:
    assert entry_label({"id": "abc"}, 0) == "abc"
    assert entry_label({"name": "x"}, 2) == "#3"
    assert entry_label("not a mapping", 0) == "#1"
    assert quoted_line("a\n  b  \n", 2) == (("line", "b"),)
    assert quoted_line("a\n\n", 2) == () and quoted_line("a", None) == () and quoted_line("a", 9) == ()


def test_a_new_source_entry_is_valid_once_the_required_fields_are_filled() -> None:
    written = yaml.safe_load(entry_yaml(source_entry("council-vote", "council-vote.txt", "0" * 64)))
    assert isinstance(written, list) and len(written) == 1
    entry = written[0]
    assert entry["headline"] is None and entry["label"] == "council vote" and "comments_begin" not in entry
    assert "\n    headline:\n" in entry_yaml(source_entry("x", "x.txt", "0" * 64)), "written empty: still to fill"
    for name in required_to_fill():
        entry[name] = "news report" if name == "genre" else "x"
    assert isinstance(Source.model_validate(entry), BaseModel)


def test_references_are_replaced_outside_code_only() -> None:
    from macros.citations.page_syntax import replace_references

    body = "Said so.[^a] See `[^a]` written out.\n```\n[^a]\n```\nAgain[^a], and [^b]."
    assert replace_references(body, {"a": "[^cite-1]"}) == (
        "Said so.[^cite-1] See `[^a]` written out.\n```\n[^a]\n```\nAgain[^cite-1], and [^b].")


def test_a_quote_made_only_of_the_headline_or_byline_is_named() -> None:
    from macros.citations.verify import masthead_part, stands_in

    printed = {"headline": "Bridge closed: the council votes", "byline": "By Ana Ruiz and Sam Ortiz"}
    assert masthead_part("By Ana Ruiz and Sam Ortiz", printed) == "byline"
    assert masthead_part("Bridge  closed:\n the council", printed) == "headline"  # forgiving typography (spaces)
    assert masthead_part("The town council voted on Monday", printed) is None
    assert masthead_part("Bridge closed", {"headline": None, "byline": None}) is None
    assert stands_in("Bridge closed: the council votes", 'The Gazette ran it as "Bridge closed: the council votes."')
    assert not stands_in("Bridge closed: the council votes", "The Gazette reported that the bridge closed.")


def test_a_citation_of_no_such_source_names_the_projects_own_sources_file(project) -> None:  # type: ignore[no-untyped-def]
    from macros.citations.verify import CitationFailure, verify_citation

    failure = verify_citation("no-such-source", "words enough to be a quote", project.seeds,
                              sources_file="content/sources.yml")
    assert isinstance(failure, CitationFailure) and failure.hint is not None
    assert failure.hint.startswith("use one of the ids in content/sources.yml: "), failure.hint


def test_a_title_problem_names_the_configuration_file_the_build_read(tmp_path: Path) -> None:
    """Under `mkdocs build -f other.yml`, a nav title is found, and named, in other.yml, not in mkdocs.yml."""
    from macros.mkdocs_adapter.reports import title_problem
    from macros.model.settings import Settings

    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    (tmp_path / "other.yml").write_text("site_name: A\nnav:\n  - The council lied.: index.md\n", encoding="utf-8")
    problem = title_problem(Settings(tmp_path, config_name="other.yml"), "docs/index.md", "# Home\n",
                            "The council lied.")
    assert (problem.file, problem.line) == ("other.yml", 3)
