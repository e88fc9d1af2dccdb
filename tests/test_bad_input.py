"""Every mistake a contributor can make, caught, named and explained.

Each case is a small YAML file in tests/cases/: a description, the edits to
make to a copy of the project, the commands to run on the copy (`check` is
`python -m macros.check`, `build` is `mkdocs build --strict`), and the
fragments their output must contain. Adding a case means adding a file.

    description: A field name misspelt is named, with the field it should be.
    edits:
      - add_entry: data/figures.yml   # appended to the file's list, re-indented to match
        text: |
          - id: test-figure
            cites: ...
    commands: [check, build]           # the default
    problems: 1                        # how many problems the report lists
    expect:
      - "data/figures.yml:{line}, entry 'test-figure', field 'cites'"
      - "did you mean `cite:`?"

`{line}` is the first line of the added entry and `{line+2}` the line two
below it; an `add_entry` with `as: other` defines `{other}` instead. Edits
are `add_entry`, `append` (with `text`, `times` to repeat it), `replace`
(with `old`, `new`), `write` (with `text`), `truncate` (with `bytes`),
`grow` (to `bytes`, a sparse file), `symlink` (with `to`, relative to the
project unless absolute) and `delete`.

`bounds:` (`seconds`, `megabytes`) limit each command's time and the memory
Python allocates while it runs, loosely: a guard that fails within seconds,
not minutes. `separate_process: true` runs the check as a new interpreter,
for input that could crash one (a parser's own recursion).

Every failing command must exit non-zero, print no Python traceback, and
leave a previous build's site folder untouched when the mistake is in data,
seeds or citations (`before_build: false` for those the build finds later).
A case with `succeeds: true` builds and names what the built pages must show
(`html:`, with `shows` for text and `heading` for the exact <h1> and title); every built page is also
searched for scripts and `javascript:`
links that came from data, and `browser:` loads a page in Chromium. Every
built page's JSON-LD block must hold no `<`, `>` or `&` (JSON escapes them)
and parse; claims.jsonld must parse, and no cell of claims.csv may start as a
formula would. `published:` names texts that must come through whole:
`jsonld` (`page`, `values`: strings of the page's JSON-LD), `claims`
(sentences of claims.jsonld) and `csv` (cells of claims.csv, as written).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml
from browser_support import serve
from bs4 import BeautifulSoup
from conftest import ROOT, build_in_process, build_site, copy_project

from macros.commands import check

# BAD_INPUT_BUILD=command runs `mkdocs build` as a new process per case, exactly as typed (bench/bad_input.py
# compares the two); by default the build runs in this process, the same code without the start-up.
BUILD_COMMAND = os.environ.get("BAD_INPUT_BUILD") == "command"
CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))
# What data in the injection cases would set if any of it ran as script.
MARKER = "__pwned"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "data", "xlink:href"}
KNOWN_KEYS = {"description", "edits", "commands", "problems", "expect", "succeeds", "before_build", "html", "browser",
              "bounds", "separate_process", "published"}
# What a spreadsheet runs as a formula at the start of a cell (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@dataclass
class Case:
    name: str
    description: str
    edits: list[dict[str, Any]]
    commands: list[str]
    expect: list[str] = field(default_factory=list)
    problems: int | None = None
    succeeds: bool = False
    before_build: bool = True
    html: list[dict[str, Any]] = field(default_factory=list)
    browser: dict[str, Any] | None = None
    bounds: dict[str, float] = field(default_factory=dict)
    separate_process: bool = False
    published: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Case:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(raw) - KNOWN_KEYS
        assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
        return cls(name=path.stem, description=raw["description"], edits=raw.get("edits", []),
                   commands=raw.get("commands", ["check", "build"]), expect=raw.get("expect", []),
                   problems=raw.get("problems"), succeeds=raw.get("succeeds", False),
                   before_build=raw.get("before_build", True), html=raw.get("html", []), browser=raw.get("browser"),
                   bounds=raw.get("bounds", {}), separate_process=raw.get("separate_process", False),
                   published=raw.get("published", {}))


def _add_entry(path: Path, text: str) -> int:
    """Append an entry (written at column 0) to the file's list; return its first line."""
    content = path.read_text(encoding="utf-8")
    content = re.sub(r"^(\w+):[ \t]*\[\][ \t]*$", r"\1:", content, count=1, flags=re.M)
    items = re.findall(r"^([ \t]*)- ", content, flags=re.M)
    indent = items[0] if items else "  "
    if not content.endswith("\n"):
        content += "\n"
    first = content.count("\n") + 1
    body = "\n".join(indent + line if line.strip() else line for line in text.rstrip("\n").split("\n"))
    path.write_text(content + body + "\n", encoding="utf-8")
    return first


def apply_edits(project: Path, edits: list[dict[str, Any]]) -> dict[str, int]:
    """Make the case's edits to the copy; return the placeholders they define."""
    places: dict[str, int] = {}
    for edit in edits:
        if "add_entry" in edit:
            places[edit.get("as", "line")] = _add_entry(project / edit["add_entry"], edit["text"])
        elif "append" in edit:
            path = project / edit["append"]
            content = path.read_text(encoding="utf-8")
            places[edit.get("as", "line")] = content.count("\n") + (1 if content.endswith("\n") else 2)
            path.write_text(content + ("" if content.endswith("\n") else "\n") + edit["text"] * edit.get("times", 1),
                            encoding="utf-8")
        elif "replace" in edit:
            path = project / edit["replace"]
            content = path.read_text(encoding="utf-8")
            assert edit["old"] in content, f"the case expects {edit['old']!r} in {edit['replace']}"
            path.write_text(content.replace(edit["old"], edit["new"], edit.get("count", 1)), encoding="utf-8")
        elif "write" in edit:
            path = project / edit["write"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit.get("text", ""), encoding="utf-8")
        elif "truncate" in edit:
            path = project / edit["truncate"]
            path.write_bytes(path.read_bytes()[:edit["bytes"]])
        elif "grow" in edit:
            os.truncate(project / edit["grow"], edit["bytes"])
        elif "symlink" in edit:
            link = project / edit["symlink"]
            link.unlink(missing_ok=True)
            link.symlink_to(edit["to"] if os.path.isabs(edit["to"]) else project / edit["to"])
        elif "delete" in edit:
            path = project / edit["delete"]
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        else:
            raise AssertionError(f"unknown edit {edit}")
    return places


def fill(fragment: str, places: dict[str, int]) -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(1) not in places:
            return match.group(0)
        return str(places[match.group(1)] + int(match.group(2) or 0))
    return re.sub(r"\{([a-z_]+)(?:\+(\d+))?\}", value, fragment)


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """`python -m macros.check` on the copy, run in this process: the same code, without the start-up."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = check.main([str(project)])
        except BaseException as exc:  # anything but a clean exit would reach the contributor as a traceback
            code = 99
            err.write("Traceback (most recent call last): " + "".join(traceback.format_exception(exc)))
    return subprocess.CompletedProcess(["python", "-m", "macros.check"], code, out.getvalue(), err.getvalue())


def run_check_command(project: Path) -> subprocess.CompletedProcess[str]:
    """The real command line, in a new interpreter, as a contributor types it."""
    return subprocess.run([sys.executable, "-m", "macros.check"], capture_output=True, text=True,
                          cwd=project, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def site_snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case_file", [
    pytest.param(path, id=path.stem,
                 marks=[pytest.mark.browser] if "browser:" in path.read_text(encoding="utf-8") else [])
    for path in CASES])
def test_bad_input(case_file: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    case = Case.load(case_file)
    project = copy_project(tmp_path / "project")
    places = apply_edits(project, case.edits)
    expected = [fill(f, places) for f in case.expect]
    for command in case.commands:
        started = time.perf_counter()
        if case.bounds.get("megabytes"):
            tracemalloc.start()
        if command == "check":
            result = run_check_command(project) if case.separate_process else run_check(project)
        elif command == "build":
            site = tmp_path / "site"
            site.mkdir(exist_ok=True)
            (site / "index.html").write_text("<p>the previous build</p>\n", encoding="utf-8")
            (site / "people").mkdir(exist_ok=True)
            (site / "people" / "index.html").write_text("<p>a page of the previous build</p>\n", encoding="utf-8")
            before = site_snapshot(site)
            result = (build_site if BUILD_COMMAND else build_in_process)(project, site)
        else:
            raise AssertionError(f"unknown command {command}")
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20 if tracemalloc.is_tracing() else 0.0
        tracemalloc.stop()
        output = result.stdout + result.stderr
        shown = f"\n--- {command} output ---\n{output}"
        assert seconds <= case.bounds.get("seconds", float("inf")), f"{command} took {seconds:.1f} s" + shown
        assert peak <= case.bounds.get("megabytes", float("inf")), f"{command} allocated {peak:.0f} MB" + shown
        assert "Traceback" not in output, shown
        if case.succeeds:
            assert result.returncode == 0, shown
            if command == "build":
                check_built_site(site, case, request)
            continue
        assert result.returncode != 0, shown
        for fragment in expected:
            assert fragment in output, f"missing {fragment!r}" + shown
        if case.problems is not None:
            count = f"{case.problems} problem{'s' if case.problems != 1 else ''} found"
            assert count in output, f"expected {count!r}" + shown
        if command == "build" and case.before_build:
            assert site_snapshot(site) == before, "the failing build changed the previous build's site folder" + shown


def check_built_site(site: Path, case: Case, request: pytest.FixtureRequest) -> None:
    """What a reader sees: the data's text shown as text, nothing from data run as script."""
    for page in case.html:
        soup = BeautifulSoup((site / page["page"] / "index.html").read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article") or soup
        text = re.sub(r"\s+", " ", article.get_text())
        for shown in page.get("shows", []):
            assert shown in text, f"{page['page']} does not show {shown!r} as text"
        if "heading" in page:  # the page's <h1> and the start of its <title>, exactly
            h1 = soup.select_one("h1")
            assert h1 is not None and h1.get_text().strip() == page["heading"], f"{page['page']}: <h1> {h1}"
            assert soup.title is not None and soup.title.get_text().startswith(page["heading"]), soup.title
    # Every built page read and parsed once (lxml, the parser BeautifulSoup uses here, without its tree of
    # Python objects), for both the scan below and check_published.
    pages = {file.relative_to(site).as_posix(): file.read_text(encoding="utf-8") for file in sorted(site.rglob("*.html"))}
    trees = {where: lxml.html.document_fromstring(raw) for where, raw in pages.items()}
    for where, tree in trees.items():
        for tag in tree.iter():
            if not isinstance(tag.tag, str):
                continue  # a comment or processing instruction: no attributes, never run
            if tag.tag == "script" and tag.get("type") != "application/ld+json":
                # (JSON-LD is data, not code: check_published holds it to JSON that nothing can end or alter)
                assert MARKER not in (tag.text or "") and MARKER not in (tag.get("src") or ""), \
                    f"{where}: a <script> from data: {lxml.html.tostring(tag, encoding='unicode')[:300]}"
            for name, value in tag.attrib.items():
                if name.lower().startswith("on"):
                    assert MARKER not in value, f"{where}: data became the handler {name} of <{tag.tag}>"
                if name.lower() in URL_ATTRIBUTES:
                    assert not re.match(r"\s*javascript:", value, re.I), f"{where}: <{tag.tag} {name}={value!r}>"
    check_published(site, case.published, pages, trees)
    if case.browser:
        check_in_browser(site, case.browser, request.getfixturevalue("browser"))


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def check_published(site: Path, published: dict[str, Any], pages: dict[str, str],
                    trees: dict[str, lxml.html.HtmlElement]) -> None:
    """The JSON-LD of every page (`pages`, each page's HTML by its path in the site, `trees` the same parsed),
    claims.jsonld and claims.csv: whole, parsed, and nothing in them live."""
    blocks: dict[str, list[Any]] = {}
    for where, raw in pages.items():
        found = _JSON_LD.findall(raw)
        assert raw.count("<script") == sum(1 for _ in trees[where].iter("script")), where
        for text in found:  # JSON escapes them: a text with </script>, <!-- or <script cannot end or alter it
            assert not re.search("[<>&]", text), f"{where}: a JSON-LD block holds HTML: {text[:300]}"
            blocks.setdefault(where.removesuffix("index.html"), []).append(json.loads(text))
    claims = json.loads((site / "data" / "claims.jsonld").read_text(encoding="utf-8"))
    with open(site / "data" / "claims.csv", encoding="utf-8-sig", newline="") as table:
        cells = [cell for row in csv.reader(table) for cell in row]
    formulas = [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert not formulas, f"claims.csv: cells a spreadsheet would run as formulas: {formulas[:5]}"
    for expected in published.get("jsonld", []):
        values = _strings(blocks.get(expected["page"], []))
        for value in expected["values"]:
            assert value in values, f"{expected['page']}: {value!r} is not a value of its JSON-LD: {values}"
    bodies = {item["body"]["value"] for item in claims["first"]["items"]}
    for sentence in published.get("claims", []):
        assert sentence in bodies, f"claims.jsonld has no sentence {sentence!r}"
    for cell in published.get("csv", []):
        assert cell in cells, f"claims.csv has no cell {cell!r}"


def check_in_browser(site: Path, options: dict[str, Any], browser: Any) -> None:
    """Load the page in Debian's Chromium (the run's one browser, from conftest) and prove that nothing from data ran."""
    with serve(site) as base_url:
        context = browser.new_context()
        try:
            page = context.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(base_url + options["page"], wait_until="load")
            page.wait_for_timeout(300)  # give any injected handler (onerror, onload) its chance
            assert page.evaluate(f"typeof window.{MARKER}") == "undefined", "a script from data ran"
            assert not dialogs, f"a dialog opened: {dialogs}"
            for shown in options.get("shows", []):
                assert page.get_by_text(shown, exact=False).count() > 0, f"the page does not show {shown!r}"
            links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
            assert not [h for h in links if h.lower().startswith("javascript:")], "a javascript: link"
        finally:
            context.close()


def test_every_case_is_described() -> None:
    """A case that explains nothing does not teach the next contributor what it guards."""
    assert CASES, "tests/cases/ holds the bad-input cases"
    for path in CASES:
        case = Case.load(path)
        assert case.description.strip(), path.name
        assert case.succeeds or case.expect, f"{path.name}: a failing case names the message it expects"


def test_check_command_reports_every_problem_in_one_run(tmp_path: Path) -> None:
    """Several mistakes in several files: one run of the real command names each, once, without a traceback."""
    project = copy_project(tmp_path / "project")
    for case in ("unknown-field", "seed-edited", "page-citation-undefined", "date-impossible"):
        apply_edits(project, Case.load(Path(__file__).parent / "cases" / f"{case}.yml").edits)
    result = run_check_command(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert output.startswith("4 problems found:"), output
    for fragment in ("did you mean `cite:`?", "no longer matches its recorded sha256",
                     "[^test-nowhere] is used but never defined",
                     "February 2021 has no day 30"):
        assert output.count(fragment) == 1, f"{fragment!r} once\n{output}"


def test_check_command_passes_on_the_real_project() -> None:
    """The real data passes the check, which needs no site build."""
    result = run_check_command(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: "), result.stdout


def test_check_outside_the_project_says_so(tmp_path: Path) -> None:
    result = run_check(tmp_path)
    assert result.returncode == 2
    assert "this is not the project folder" in result.stderr and "Traceback" not in result.stderr
