"""Costly or dangerous YAML: whichever parser reads a file, the same data or the same problem, within bounds.

The bad-input cases (tests/cases/yaml-*.yml) run the check on each; here each text is read both ways
(`read_yaml(fast=True)`, where yaml-rs may read it, and `fast=False`, PyYAML alone) and compared.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from macros.model import fastyaml
from macros.model.yamlfile import read_yaml
from macros.opendata.annotations import csv_cell
from macros.opendata.schema_org import head_script

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True))
TEXTS = {
    "laughs": LAUGHS,
    "deep-block": "periods:\n" + "- " * 60_000 + "x\n",
    "deep-mapping": "periods:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 2_000)) + " " * 2_000 + "x: 1\n",
    "deep-flow": "periods: " + "[" * 200_000 + "\n",
    "just-deep-enough": "periods:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(50)) + "  " * 50 + "x: y\n",
    "nested-1000": "periods:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 1_000)),
    "python-tag": "periods:\n  - id: !!python/object/apply:os.system [\"true\"]\n",
    "python-tag-on-a-list": "periods: !!python/object/apply:os.system [\"true\"]\n",
    "booleans": "periods:\n  - id: no\n    label: on\n",
    "dates-and-numbers": "periods:\n  - id: a\n    label: 2021-12-08\n    other: 1_630\n    more: 0o17\n",
}


def _read(path: Path, fast: bool) -> tuple[object, list[tuple[str, int | None]]]:
    doc, problems = read_yaml(path, "data/periods.yml", fast=fast)
    return (doc.data if doc else None), [(p.message, p.line) for p in problems]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_either_parser_reads_it_the_same(name: str, tmp_path: Path) -> None:
    path = tmp_path / "periods.yml"
    path.write_text(TEXTS[name], encoding="utf-8")
    started = time.perf_counter()
    fast, slow = _read(path, True), _read(path, False)
    assert time.perf_counter() - started < 10, "read within seconds, not minutes"
    assert fast == slow


def test_the_depth_is_measured_without_parsing() -> None:
    assert fastyaml.too_deep(TEXTS["deep-block"]) == 2
    assert fastyaml.too_deep(TEXTS["deep-flow"]) == 1
    assert fastyaml.too_deep(TEXTS["just-deep-enough"]) is None


@pytest.mark.parametrize(("name", "message"), [
    ("laughs", "this YAML cannot be read: its aliases (*name) expand to too many values"),
    ("deep-block", "this YAML is nested too deeply to read"),
    ("deep-flow", "this YAML is nested too deeply to read"),
    ("nested-1000", "this YAML is nested too deeply to read"),
    ("python-tag", "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("python-tag-on-a-list", "could not determine a constructor for the tag"),
])
def test_refused_with_a_message(name: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "periods.yml"
    path.write_text(TEXTS[name], encoding="utf-8")
    data, problems = _read(path, True)
    assert data is None and len(problems) == 1 and message in problems[0][0], problems


def test_read_as_yaml_1_1_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "periods.yml"
    path.write_text(TEXTS["booleans"] + TEXTS["dates-and-numbers"].removeprefix("periods:\n"), encoding="utf-8")
    data, problems = _read(path, True)
    assert not problems
    assert data == {"periods": [{"id": False, "label": True},
                                {"id": "a", "label": "2021-12-08", "other": 1630, "more": "0o17"}]}


def test_a_file_too_large_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "periods.yml"
    with path.open("wb") as file:
        file.truncate(65 * 2**20)  # sparse: refused before a byte is read
    assert _read(path, True) == (None, [("the file is 65 MB; a data file may be at most 64 MB", None)])


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("'=x", "''=x"), ("'s fine", "'s fine"), ("plain", "plain"), ("", ""), (12, 12)])
def test_csv_cells_never_start_a_formula(value: str | int, cell: str | int) -> None:
    assert csv_cell(value) == cell


def test_json_ld_block_cannot_be_ended_or_altered() -> None:
    text = "</script><!--<script>&amp;"
    script = head_script({"headline": text})
    inner = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not set("<>&") & set(inner)
    assert json.loads(inner) == {"headline": text}
