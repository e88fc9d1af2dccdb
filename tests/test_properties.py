"""Properties of the quote matcher and the sentence splitter, and a fuzz of the loader.

The matcher's contract (macros/seeds/matching.py): typography may differ, nothing
else may. So a real passage with its quote marks, dashes, spaces and
ellipses swapped for their typographic variants is always found, at the same
place; and a quote changed in any other way, by one character, is found only
when the changed text really stands in the seed.

The loader's contract (macros/model/yamlfile.py, macros/model/load.py): whatever a data
file holds, loading ends in a project or in one ContributorError, never in
another exception.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from macros.checks.sentences import ABBREVIATIONS, MARKER, split_sentences
from macros.model.load import load_project
from macros.model.schema import DATA_FILES
from macros.model.yamlfile import read_yaml
from macros.problems.problem import ContributorError, Problem
from macros.seeds.article import Seed
from macros.seeds.matching import MIN_QUOTE_WORDS, find_quote, normalize, normalized_text

SEEDS = [Seed.read(path.stem, path) for path in sorted((ROOT / "seeds").glob("*.txt"))]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_examples_are_the_same_every_run_in_ci_and_new_every_run_here() -> None:
    """A red CI run reproduces (tests/conftest.py loads the `ci` profile when `CI` is set; .ci/run sets it)."""
    ci = bool(os.environ.get("CI"))
    assert settings.default.derandomize is ci and FAST.derandomize is ci


# What each plain character may be typed as, per the matcher's documentation.
VARIANTS = {
    "'": "'\u2018\u2019\u201a\u201b\u2032",
    '"': '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb',
    "-": "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    " ": [" ", "  ", "\u00a0", "\u2009", "\u202f", "\n", " \t", "\u2007"],
}
# Invisible in a seed: zero-width characters, the soft hyphen, direction marks, overrides and isolates.
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u2060\u00ad\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def fold(text: str) -> str:
    """The matcher's notion of sameness, written independently: typography folded, whitespace collapsed."""
    table = {ord(variant): plain for plain, variants in VARIANTS.items() if plain != " " for variant in variants}
    text = "".join(ch for ch in text if ch not in ZERO_WIDTH).translate(table).replace("\u2026", "...")
    return " ".join(text.split())


@st.composite
def passages(draw: st.DrawFn) -> tuple[Seed, str, int]:
    """A real passage of a seed: whole words within one paragraph, long enough to cite."""
    seed = draw(st.sampled_from(SEEDS))
    paragraphs = [p for p in seed.paragraphs if len(seed.text[p.start:p.end].split()) >= MIN_QUOTE_WORDS]
    paragraph = draw(st.sampled_from(paragraphs))
    words = list(re.finditer(r"\S+", seed.text[paragraph.start:paragraph.end]))
    first = draw(st.integers(0, len(words) - MIN_QUOTE_WORDS))
    last = draw(st.integers(first + MIN_QUOTE_WORDS - 1, min(len(words) - 1, first + 30)))
    start, end = paragraph.start + words[first].start(), paragraph.start + words[last].end()
    return seed, seed.text[start:end], start


def typographic_variant(draw: st.DrawFn, text: str) -> str:
    """The text with each quote mark, dash, space and ellipsis typed as one of its variants."""
    if draw(st.booleans()):
        text = text.replace("...", "\u2026")
    out = []
    for ch in text:
        plain = " " if ch.isspace() else fold(ch)
        if plain in VARIANTS:
            out.append(draw(st.sampled_from(list(VARIANTS[plain]))))
        elif ch == "\u2026":
            out.append(draw(st.sampled_from(["\u2026", "..."])))
        else:
            out.append(ch)
        if draw(st.integers(0, 40)) == 0:
            out.append(draw(st.sampled_from(ZERO_WIDTH)))
    return "".join(out)


# --- the quote matcher --------------------------------------------------------------------

@FAST
@given(st.data())
def test_typographic_variants_of_a_passage_always_match_in_place(data: st.DataObject) -> None:
    seed, passage, _start = data.draw(passages())
    variant = typographic_variant(data.draw, passage)
    found = seed.find(variant)
    original = seed.find(passage)
    assert found is not None, f"{variant!r} should match {passage!r}"
    assert original is not None and found.start == original.start
    assert fold(seed.text[found.start:found.end]) == fold(passage)


@FAST
@given(st.data())
def test_any_other_one_character_change_matches_only_where_the_result_stands(data: st.DataObject) -> None:
    seed, passage, _ = data.draw(passages())
    at = data.draw(st.integers(0, len(passage) - 1))
    kind = data.draw(st.sampled_from(["replace", "insert", "delete", "case"]))
    ch = data.draw(st.characters(codec="utf-8", exclude_categories=["Cs"]))
    if kind == "replace":
        changed = passage[:at] + ch + passage[at + 1:]
    elif kind == "insert":
        changed = passage[:at] + ch + passage[at:]
    elif kind == "delete":
        changed = passage[:at] + passage[at + 1:]
    else:
        changed = passage[:at] + passage[at].swapcase() + passage[at + 1:]
    assume(fold(changed) != fold(passage))  # a typographic change is the other property
    found = seed.find(changed)
    stands = fold(changed) in fold(seed.text) and fold(changed) != ""
    assert (found is not None) == stands, (passage, changed)
    if found is not None:
        assert fold(seed.text[found.start:found.end]) == fold(changed)


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_normalizing_is_the_documented_folding(text: str) -> None:
    normalized = normalize(text)
    assert normalized.text == fold(text) == normalized_text(text)
    offsets = [normalized.offset(i) for i in range(len(normalized.text))]
    assert offsets == sorted(set(offsets)) and all(0 <= at < len(text) for at in offsets)  # in order, each its own
    if normalized.text:
        start, end = normalized.span(0, len(normalized.text))
        assert fold(text[start:end]) == normalized.text


@FAST
@given(st.sampled_from(SEEDS), st.text(alphabet="abcdefghij ,.'\u2019-", min_size=1, max_size=12))
def test_a_quote_is_never_found_where_it_does_not_stand(seed: Seed, quote: str) -> None:
    found = find_quote(quote, seed.normalized)
    assert (found is not None) == (fold(quote) != "" and fold(quote) in fold(seed.text))


# --- the sentence splitter ----------------------------------------------------------------

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(
    lambda w: f"{w}." not in ABBREVIATIONS)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    body = draw(st.lists(words, min_size=1, max_size=8))
    first = body[0].capitalize()
    end = draw(st.sampled_from([".", "!", "?", "...", "\u2026"]))
    marker = MARKER * draw(st.integers(0, 2))
    return " ".join([first, *body[1:]]) + end + marker


@FAST
@given(st.lists(sentences(), min_size=1, max_size=6), st.sampled_from([" ", "  ", "\n", " \t "]))
def test_plain_sentences_split_where_they_end(parts: list[str], space: str) -> None:
    assert split_sentences(space.join(parts)) == parts


@FAST
@given(st.lists(st.sampled_from(list("Ab1 .!?\"'()\u201c\u201d\u2019\u2026\n") + [MARKER, "U.S.", "J.", "Sept."]),
                max_size=60).map("".join))
def test_splitting_loses_nothing_but_the_spaces_between(text: str) -> None:
    pieces = split_sentences(text)
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert " ".join(pieces).split() == text.split()


@FAST
@given(sentences(), st.sampled_from(sorted(a for a in ABBREVIATIONS if a[0].isalpha())), words)
def test_an_abbreviation_or_initial_does_not_end_a_sentence(first: str, abbreviation: str, word: str) -> None:
    text = f"{first} The {abbreviation} {word.capitalize()} said so. Then J. {word.capitalize()} left."
    assert split_sentences(text) == [first, f"The {abbreviation} {word.capitalize()} said so.",
                                     f"Then J. {word.capitalize()} left."]


# --- the loader, fed random YAML --------------------------------------------------------------

FIELD_NAMES = sorted({name for _, cls in DATA_FILES.values() for name in cls.model_fields} | {
    "source", "quote", "name", "title", "cites", "ids", "<<"})
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["brigida-deals", "2021-02-30", "2019", "nayib-bukele",
                                                           "President Nayib Bukele denied a report Friday", ""]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), inner, max_size=5)),
    max_leaves=25)


@st.composite
def broken_text(draw: st.DrawFn, original: str) -> str:
    """The real file with a few random edits a hurried contributor might make."""
    lines = original.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        edit = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "truncate", "swap"]))
        if edit == "delete" and lines:
            del lines[at]
        elif edit == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif edit == "indent" and lines:
            lines[at] = draw(st.sampled_from([" ", "  ", "\t"])) + lines[at]
        elif edit == "dedent" and lines:
            lines[at] = lines[at][draw(st.integers(1, 4)):]
        elif edit == "insert":
            lines.insert(at, draw(st.text(alphabet=st.sampled_from(list(" -:#'\"[]{}&*!|>%@`\tabc1\u00a0")), max_size=12)))
        elif edit == "truncate":
            lines = lines[:at]
        elif edit == "swap" and lines:
            position = draw(st.integers(0, len(lines[at])))
            character = draw(st.characters(codec="utf-8", exclude_categories=["Cs"]))
            lines[at] = lines[at][:position] + character + lines[at][position:]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz"))


def assert_loads_or_explains(project: Path) -> None:
    try:
        load_project(project)
    except ContributorError as error:
        assert error.problems
        for problem in error.problems:
            assert isinstance(problem, Problem) and problem.file and problem.message
        assert "Traceback" not in error.report()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_data_file_content_loads_or_raises_contributor_error(fuzz_project: Path, data: st.DataObject) -> None:
    filename = data.draw(st.sampled_from(sorted(DATA_FILES)))
    path = fuzz_project / "data" / filename
    original = (ROOT / "data" / filename).read_text(encoding="utf-8")
    key = DATA_FILES[filename][0]
    content = data.draw(st.one_of(
        broken_text(original),
        values.map(lambda v: yaml.safe_dump({key: [v]}, allow_unicode=True)),
        values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
        st.text(max_size=200),
    ))
    path.write_text(content, encoding="utf-8")
    try:
        assert_loads_or_explains(fuzz_project)
    finally:
        path.write_text(original, encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300),
                 st.lists(st.sampled_from(list("- :#'\"[]{}&*!|>%@`?,\n\t ab1") + ["&a ", "*a", "<<: ", "!!", "---\n"]),
                          max_size=80).map("".join),
                 values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))))
def test_read_yaml_never_raises(text: str) -> None:
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yml"
        path.write_text(text, encoding="utf-8")
        doc, problems = read_yaml(path, "data/x.yml")
    assert doc is not None or problems, "a file that cannot be read says why"
    for problem in problems:
        assert problem.format().startswith("data/x.yml")


def test_aliases_that_refer_to_themselves_or_explode_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("people: &a [*a]\n", encoding="utf-8")
    doc, problems = read_yaml(path, "data/people.yml")
    assert doc is None and "refers to a block that contains it" in problems[0].message
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
    path.write_text(laughs, encoding="utf-8")
    doc, problems = read_yaml(path, "data/people.yml")
    assert doc is None and "expand to too many values" in problems[0].message
