"""The fast reading of data files (macros/model/fastyaml.py) reads every text it accepts as PyYAML does.

PyYAML defines what a data file means. yaml-rs is used only where it is sure
to agree: for every text, `fast_load` either returns None (PyYAML reads it,
and reports any problem) or exactly the data PyYAML reads, with no problem.
Checked on the forms where YAML 1.1 and 1.2 differ, on generated documents,
and on the real files with a contributor's slips; and the real files do read
fast, or the check would be no faster.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.model.fastyaml import fast_load
from macros.model.load import load_project
from macros.model.schema import DATA_FILES
from macros.model.yamlfile import read_yaml

# Where YAML 1.1 (PyYAML) and 1.2 (yaml-rs) differ, or a text is broken in a way one of them might accept.
DIFFERENT = [
    "a: yes\n", "a: On\n", "a: OFF\n", "a: 017\n", "a: 0o17\n", "a: 0O17\n", "a: 1e3\n", "a: 1.5e3\n", "a: 1e3_1\n",
    "a: 1:30\n", "a: 190:20:30\n", "a: -.5\n", "a: .NaN\n", "a: =\n", "<<: {a: 1}\n", "1: x\n", "null: x\n", "yes: x\n",
    "[a]: 1\n", "? a\n: b\n", "a: &x 1\nb: *x\n", "a: !foo 5\n", "a: !!str 5\n", "a: 1\na: 2\n", "a: 1\n---\nb: 2\n",
    "%YAML 1.1\n---\na: 1\n", "\ufeffa: 1\n", "a: x\u0085y\n", "a: x\u2028y\n", "a: \x07\n", "a:\n\t- b\n", "a: 'x\ty'\n",
    "a: x\r\nb: 017\r\n", "- :\n", ":\n", "a: |\n", "title: >\n", "|\n  - a\n", "a: [x, 017]\n", "a: [x, yes]\n",
    "a: [x: y]\n", "a: {b: 017}\n", "a:\n  017\n", "- - 0x1F\n", "a: 0X1F\n", "a: 0B1\n",
]


def pyyaml_reading(text: str, tmp: Path) -> tuple[Any, bool]:
    """(data, read without problems) as PyYAML alone reads the text."""
    path = tmp / "x.yml"
    path.write_text(text, encoding="utf-8")
    doc, problems = read_yaml(path, "data/x.yml", fast=False)
    return (doc.data if doc else None), doc is not None and not problems


def same(a: Any, b: Any) -> bool:
    """Equal, with types (1 is not True, 1.0 is not 1), and NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def assert_agrees(text: str, tmp: Path) -> bool:
    """The fast reading is None or PyYAML's; True when it read the text."""
    fast = fast_load(text)
    if fast is None:
        return False
    data, clean = pyyaml_reading(text, tmp)
    assert clean, f"read fast, but PyYAML finds a problem in {text!r}"
    assert same(fast, data), f"{text!r}: fast {fast!r}, PyYAML {data!r}"
    return True


@pytest.mark.parametrize("text", DIFFERENT)
def test_where_the_specs_differ_the_fast_reading_steps_aside(text: str, tmp_path: Path) -> None:
    assert fast_load(text) is None


@pytest.mark.parametrize("filename", sorted(DATA_FILES))
def test_the_real_data_files_read_fast_and_alike(filename: str, tmp_path: Path) -> None:
    text = (ROOT / "data" / filename).read_text(encoding="utf-8")
    assert assert_agrees(text, tmp_path), f"data/{filename} is not read fast"


def test_a_problem_found_after_a_fast_reading_still_has_its_line(tmp_path: Path) -> None:
    """Lines are found only when a problem asks: the same line as PyYAML alone gives."""
    (tmp_path / "x.yml").write_text("people:\n  - id: a\n    name: A\n\n  - id: b\n    names:\n      - x\n", "utf-8")
    fast, _ = read_yaml(tmp_path / "x.yml", "data/x.yml")
    slow, _ = read_yaml(tmp_path / "x.yml", "data/x.yml", fast=False)
    assert fast is not None and slow is not None and fast.text is not None  # read fast: lines not read yet
    assert fast.line_of(("people", 1, "names", 0)) == slow.line_of(("people", 1, "names", 0)) == 7
    assert fast.lines == slow.lines


TRICKY = ["yes", "No", "on", "017", "0o17", "1e3", "1_000", "1:30", ".inf", "=", "<<", "2019-06", "2021-12-08",
          "12,000", "it's", 'say "x"', "a: b", "a #b", "- x", "[x]", "{y}", "&a", "*a", "!t", "? q", "| x", "> y",
          "% z", "@x", "`x", "x\ny", "x\n\ny", " lead", "trail ", "", "é ñ", "\u2028", "\x85", "\t", "0x1F", "+5", "~",
          "null", "true", "18th Street", "x: ", "#", "---", "...", "a\\b"]
texts = st.lists(st.sampled_from(TRICKY), min_size=1, max_size=3).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), texts,
                    st.text(max_size=12))
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["id", "text", "1", "yes", "null", "a b"]) | texts,
                                                 inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=documents, flow=st.sampled_from([False, None, True]), width=st.sampled_from([20, 80, 200]),
       unicode=st.booleans())
def test_generated_documents_read_alike(value: Any, flow: bool | None, width: int, unicode: bool,
                                        tmp_path: Path) -> None:
    text = yaml.safe_dump({"things": value}, default_flow_style=flow, width=width, allow_unicode=unicode)
    assert_agrees(text, tmp_path)


SLIPS = ['"', "'", ": ", " #", "\n", "  ", "- ", "yes", "017", "&a", "[", "]", "{", ":", "|", "\t", "? "]


@st.composite
def slipped(draw: st.DrawFn) -> str:
    """Part of a real data file with a few slips of the keyboard: characters lost, put in, lines moved."""
    lines = (ROOT / "data" / draw(st.sampled_from(sorted(DATA_FILES)))).read_text(encoding="utf-8").split("\n")
    top = next(i for i, line in enumerate(lines) if line.endswith(":") and not line.startswith((" ", "#")))
    dash = next(line[:line.index("-") + 2] for line in lines[top + 1:] if line.lstrip().startswith("- "))
    entries = [i for i, line in enumerate(lines) if line.startswith(dash)]
    start = draw(st.sampled_from(entries))  # the file's key, then whole entries from one on
    lines = [lines[top], *lines[start:start + draw(st.integers(1, 40))]]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        edit = draw(st.sampled_from(["insert", "delete", "indent", "dedent", "duplicate"]))
        where = draw(st.integers(0, len(line)))
        if edit == "insert":
            lines[at] = line[:where] + draw(st.sampled_from(SLIPS)) + line[where:]
        elif edit == "delete":
            lines[at] = line[:where] + line[where + 1:]
        elif edit == "indent":
            lines[at] = " " * draw(st.integers(1, 3)) + line
        elif edit == "dedent":
            lines[at] = line[draw(st.integers(1, 3)):]
        else:
            lines.insert(at, line)
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=slipped())
def test_real_files_with_slips_read_alike(text: str, tmp_path: Path) -> None:
    assert_agrees(text, tmp_path)


def test_the_project_loads_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every entry of the real project, read fast and read by PyYAML alone."""
    fast = load_project(ROOT)
    monkeypatch.setattr("macros.model.yamlfile.fast_load", lambda text, **options: None)
    slow = load_project(ROOT)
    assert {k: {i: e.model_dump() for i, e in v.items()} for k, v in fast.entries.items()} == \
        {k: {i: e.model_dump() for i, e in v.items()} for k, v in slow.entries.items()}
    assert fast.located == slow.located


def test_the_installed_yaml_rs_reads_as_fastyaml_expects() -> None:
    """What `fast_load` rests on, named by version: yaml-rs' options (dates kept as text, a duplicate key an error)
    and its reading of the real data files, equal to PyYAML's."""
    from importlib.metadata import version

    import yaml_rs

    named = f"yaml-rs {version('yaml-rs')} (fastyaml.py was written for 0.1.6)"
    assert yaml_rs.loads("a: 2021-12-08\n", parse_datetime=False,
                         duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error) == {"a": "2021-12-08"}, named
    with pytest.raises(Exception):  # noqa: B017 - any error: fast_load then leaves the file to PyYAML
        yaml_rs.loads("a: 1\na: 2\n", parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    for filename in DATA_FILES:
        text = (ROOT / "data" / filename).read_text(encoding="utf-8")
        fast = fast_load(text)
        assert fast is not None, f"data/{filename} is no longer read fast: {named}"
        doc, problems = read_yaml(ROOT / "data" / filename, f"data/{filename}", fast=False)
        assert doc is not None and not problems and same(fast, doc.data), f"data/{filename}: {named}"
