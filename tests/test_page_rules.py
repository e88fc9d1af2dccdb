"""Issue 21 and 19: what a hand-written page may hold, the engine's own markers, failures that say where.

The bad-input cases (tests/cases/page-*.yml, marker-*.yml, uncited-*.yml) build the project in this
process; these tests hold what the cases cannot: the real command line under `-q`, and the markers'
escapes on their own.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import MKDOCS, ROOT, copy_project

from macros.checks.origin import link_line
from macros.citations.footnotes import PLACEHOLDER, PageFootnotes, escape_markers, render_footnotes
from macros.citations.page_syntax import fenced
from macros.model.load import load_project
from macros.model.steps.page_rules import page_rule_problems


def _quiet_build(project: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([*MKDOCS, "build", "-q", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(dest)],
                          capture_output=True, text=True, env=env, cwd=project)


def test_a_template_failure_is_named_under_build_quiet(tmp_path: Path) -> None:
    """mkdocs-macros alone ends `mkdocs build -q` with exit code 100 and no message: the build names the page."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n{{ no_such_variable }}\n", encoding="utf-8")
    line = text.count("\n") + 2
    result = _quiet_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert f"docs/index.md:{line}: the page's template names something that does not exist: " \
           "'no_such_variable' is undefined" in output, output


def test_no_typed_text_is_taken_for_a_footnote_body() -> None:
    typed = f"a{PLACEHOLDER}0\ufdd1 b\ufdd5"
    escaped = escape_markers(typed)
    assert PLACEHOLDER not in escaped and "\ufdd1" not in escaped and "\ufdd5" not in escaped
    assert escaped == "a&#xfdd0;0&#xfdd1; b&#xfdd5;"
    assert escape_markers("plain text") == "plain text"
    notes = PageFootnotes("x.md")
    assert notes.fill("<p>CITEDFOOTNOTEBODY99 and &#xfdd0;0&#xfdd1;</p>", {}, {}, lambda s, a: "") == \
        "<p>CITEDFOOTNOTEBODY99 and &#xfdd0;0&#xfdd1;</p>"


def test_the_footnote_separator_is_never_in_a_source_text() -> None:
    """Each footnote's body is its own even when a source's headline holds the separator's text."""
    project = load_project(ROOT)
    located = sorted(project.located.values(), key=lambda loc: loc.key)[:2]
    notes = []
    for i, loc in enumerate(located):
        source = project.sources[loc.source_id].model_copy(
            update={"headline": f"Headline {i} <!-- next footnote --> \x1f end"})
        notes.append((loc, source, project.seeds[loc.source_id], f"#p{i}"))
    bodies = render_footnotes(notes)
    assert len(bodies) == 2
    for i, body in enumerate(bodies):
        assert f"Headline {i} &lt;&#33;-- next footnote --&gt; \x1f end" in body and f'href="#p{i}"' in body


def test_page_rules_leave_code_and_comments_alone() -> None:
    markdown = ("Shown as code: `<script>x</script>` and\n\n```html\n<script>y</script>\n<p onclick=\"z\">\n```\n\n"
                "<!-- <style>a</style> -->\n<div class=\"next-steps\" data-cite-exempt=\"navigation\" markdown>\n")
    assert page_rule_problems("docs/x.md", markdown, {}, None, 0) == []
    refused = page_rule_problems("docs/x.md", "text\n<SCRIPT src=x></SCRIPT>\n", {}, None, 0)
    assert [(p.line, p.message.split(":")[0]) for p in refused] == [(2, "a page may not hold a <script>")]


def test_a_broken_link_is_traced_to_the_link_a_reader_sees_not_to_code() -> None:
    """The page rules and the broken-link report read a page's links alike (page_syntax.LINK_TARGET and
    blank_code): a link shown in fenced code, a code span or an HTML comment is not one, and a reference
    definition with a title is."""
    markdown = ("Example:\n\n```markdown\nSee [the report](../nowhere/).\n```\n\n"
                "Shown as `[x](../nowhere/)` and <!-- [y](../nowhere/) -->\n\n"
                "As [the report](../nowhere/) says.\n\n"
                "[ref]: ../gone/#part \"A title\"\n\n"
                "<a href='javascript:alert(1)'>z</a> and [w](javascript:alert(2))\n")
    assert link_line(markdown, "../nowhere/") == (9, "../nowhere/")
    assert link_line(markdown, "../gone/#part") == (11, "../gone/#part")
    assert link_line(markdown, "../elsewhere/") is None
    # A ~~~ fence holds ``` as text: what follows the ``` line is still code, to the closing ~~~.
    nested = "~~~\n```\n[a](../nowhere/)\n~~~\n\n[b](../nowhere/)\n"
    assert link_line(nested, "../nowhere/") == (6, "../nowhere/")
    assert fenced(nested.split("\n")) == [True, True, True, True, False, False, False]
    refused = page_rule_problems("docs/x.md", markdown, {}, None, 0)
    assert [(p.line, p.message) for p in refused] == [
        (13, 'a link may not run a script (`href="javascript:alert(1)"`)'),
        (13, "a link may not run a script (a `javascript:` address)")]


def test_mkdocs_warnings_stop_a_quiet_strict_build_and_are_shown(tmp_path: Path) -> None:
    """`-q` sets MkDocs' log to errors only, so --strict would count none of its warnings and pass what it
    stops without -q (here an absolute link): the build stops, and shows each warning."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[The timeline](/truces/)\n", encoding="utf-8")
    result = _quiet_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert "which `mkdocs build -q` does not show and --strict does not pass" in output, output
    assert "Doc file 'index.md' contains an absolute link '/truces/'" in output, output
