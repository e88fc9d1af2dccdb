"""BLOCKS.md, the reference of every block a page can use, built example by example in new projects.

Each example is read from the reference's own text: the two articles and the shared data
(`<!-- block-file: PATH -->`), each block's files (`<!-- block-example: BLOCK PATH -->`), the examples whose
files it reuses (`<!-- block-uses: BLOCK OTHER -->`) and what a reader sees (`<!-- block-shows: BLOCK
SELECTOR, ... -->`). For each block a project is made with `cited-explainer new`, the files are written into
it, and it is built with `mkdocs build --strict`; the built page must hold every element the reference says
a reader sees. So the reference cannot drift from the engine: an example that no longer builds, or a block
that no longer shows what the reference says, fails here, and so does a block without an example.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_in_process

from macros.commands.main import main
from macros.model.page_macros import PAGE_MACROS

REFERENCE = Path(__file__).resolve().parent.parent / "BLOCKS.md"
_FENCE = r"\n```\w*\n(?P<body>.*?)\n```"
_FILE = re.compile(r"<!-- block-file: (?P<path>\S+) -->" + _FENCE, re.S)
_EXAMPLE = re.compile(r"<!-- block-example: (?P<block>\w+) (?P<path>\S+) -->" + _FENCE, re.S)
_USES = re.compile(r"<!-- block-uses: (?P<block>\w+) (?P<other>\w+) -->")
_SHOWS = re.compile(r"<!-- block-shows: (?P<block>\w+) (?P<selectors>[^>]+?) -->")

TEXT = REFERENCE.read_text(encoding="utf-8")
SHARED = {m["path"]: m["body"] + "\n" for m in _FILE.finditer(TEXT)}
EXAMPLES: dict[str, dict[str, str]] = {}
for _m in _EXAMPLE.finditer(TEXT):
    EXAMPLES.setdefault(_m["block"], {})[_m["path"]] = _m["body"] + "\n"
USES = {m["block"]: m["other"] for m in _USES.finditer(TEXT)}
SHOWS = {m["block"]: [s.strip() for s in m["selectors"].split(",")] for m in _SHOWS.finditer(TEXT)}


def test_every_block_has_an_example_and_says_what_a_reader_sees() -> None:
    assert sorted(EXAMPLES) == sorted(PAGE_MACROS)
    assert sorted(SHOWS) == sorted(PAGE_MACROS)
    for block, files in {**EXAMPLES, **{b: EXAMPLES[o] for b, o in USES.items()}}.items():
        assert "docs/index.md" in EXAMPLES[block], f"{block}: no page calls it"
        assert f"{block}(" in EXAMPLES[block]["docs/index.md"], block
        assert all(path.startswith(("data/", "docs/")) for path in files), files
    assert {"seeds/gazette.txt", "seeds/radio.txt", "data/sources.yml"} <= set(SHARED)


def _new_project(tmp_path: Path) -> Path:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(tmp_path), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["new", "example"])
    assert code == 0, out.getvalue() + err.getvalue()
    return tmp_path / "example"


@pytest.mark.parametrize("block", sorted(EXAMPLES))
def test_the_example_builds_in_a_new_project_and_shows_what_the_reference_says(tmp_path: Path, block: str) -> None:
    project = _new_project(tmp_path)
    files = {**SHARED, **EXAMPLES.get(USES.get(block, ""), {}), **EXAMPLES[block]}
    for path, text in files.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    result = build_in_process(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((project / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    content = page.select_one("article.md-content__inner")
    assert content is not None
    for selector in SHOWS[block]:
        assert content.select_one(selector) is not None, f"{block}: a reader does not see {selector}"
    # Every footnote a block makes is referenced from the text, and leads to its passage on the article's page.
    refs = {a["href"].removeprefix("#") for a in content.select("a.footnote-ref")}
    notes = {li["id"] for li in content.select(".footnote li[id]")}
    assert refs == notes, (refs, notes)
    assert all(link["href"].startswith("sources/") for link in content.select(".footnote a.cite-link"))
    assert page.select_one('link[href="assets/cited-explainer/cited-explainer.css"]') is not None
    assert page.select_one('script[src="assets/cited-explainer/cited-explainer.js"]') is not None


_OVERRIDE = re.compile(r'<!-- block-override: (?P<template>\S+) "(?P<old>[^"]+)" "(?P<new>[^"]+)" -->')


def test_a_project_replaces_a_blocks_words_with_its_own_template(tmp_path: Path) -> None:
    """As BLOCKS.md says: the block's template copied into `templates_dir:`, its words changed; the next project
    built in the same process has the engine's words again."""
    from macros.pages.templates import TEMPLATES

    found = _OVERRIDE.search(TEXT)
    assert found is not None
    template, old, new = found["template"], found["old"], found["new"]
    project = _new_project(tmp_path)
    for path, text in {**SHARED, **EXAMPLES["claims_table"]}.items():
        (project / path).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text, count = re.subn(r"^  - cited-explainer\b.*$", "  - cited-explainer:\n      templates_dir: overrides",
                          config.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count == 1
    config.write_text(text, encoding="utf-8")
    (project / "overrides").mkdir()
    engine = (TEMPLATES / template).read_text(encoding="utf-8")
    assert old in engine
    (project / "overrides" / template).write_text(engine.replace(old, new), encoding="utf-8")

    assert build_in_process(project, project / "site").returncode == 0
    page = BeautifulSoup((project / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [th.get_text() for th in page.select("table.claims-table thead th")]
    assert new in headings and old not in headings, headings

    (tmp_path / "other").mkdir()
    other = _new_project(tmp_path / "other")
    for path, text in {**SHARED, **EXAMPLES["claims_table"]}.items():
        (other / path).write_text(text, encoding="utf-8")
    assert build_in_process(other, other / "site").returncode == 0
    page = BeautifulSoup((other / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert old in [th.get_text() for th in page.select("table.claims-table thead th")]
