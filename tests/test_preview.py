"""The live preview of a new project (`mkdocs serve`): problems in the browser page, in the terminal's words;
the page reloads when they are fixed; a data file's edit is followed; a published build never holds the panel."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_new_project import FIXTURE, new_project, run_here

PANEL = 'id="cited-explainer-problems"'
WRONG = "[^vote]: council-vote: \"voted on Monday to close the old railway bridge\"\n"
PAGE = "# The bridge\n\nThe town council voted to close the bridge, the Gazette reported.[^vote]\n\n" + WRONG
PROBLEM = "docs/index.md:5, field &#39;[^vote]&#39;: the quote is not in the seed of &#39;council-vote&#39;"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _until(what: Callable[[], bool], seconds: float = 30) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if what():
            return True
        time.sleep(0.25)
    return False


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    """A new project with one source and a page whose quote is wrong, under `mkdocs serve`."""
    project = new_project(tmp_path, run_here)
    shutil.copy(FIXTURE, project / "seeds" / "council-vote.txt")
    assert run_here(["-m", "macros", "add-source", "seeds/council-vote.txt", "--id", "council-vote"], project).returncode == 0
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        assert _until(lambda: bool(_get(url))), "mkdocs serve did not start"
        yield project, url, server
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except ValueError:  # the test read its output already
            server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


def test_a_failing_build_shows_its_problems_in_the_page_and_they_go_when_fixed(
        serving: tuple[Path, str, subprocess.Popen[str]]) -> None:
    project, url, server = serving
    page = _get(url)
    assert PANEL in page and PROBLEM in page, page[:2000]
    assert "nearest:  &#34;voted on Monday to close the old river bridge&#34;" in page
    index = project / "docs" / "index.md"
    index.write_text(PAGE.replace("railway", "river"), encoding="utf-8")
    assert _until(lambda: PANEL not in _get(url) and "The town council voted" in _get(url)), "the panel stayed"
    # A data file's edit rebuilds the preview (the plugin watches data/ and seeds/).
    archive = url + "sources/council-vote/"
    assert "<h1>council vote</h1>" in _get(archive)
    sources = project / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "    headline:\n", '    headline: "Bridge \\\\ closed: the council votes"\n'), encoding="utf-8")
    assert _until(lambda: "<h1>Bridge \\ closed: the council votes</h1>" in _get(archive)), _get(archive)[:500]
    server.terminate()
    terminal = server.communicate(timeout=10)[0]
    assert "ERROR    -  The data, seeds or citations have problems; nothing was built." in terminal
    assert "docs/index.md:5, field '[^vote]': the quote is not in the seed of 'council-vote'" in terminal


def test_a_published_build_fails_and_never_holds_the_panel(tmp_path: Path) -> None:
    project = new_project(tmp_path, run_here)
    shutil.copy(FIXTURE, project / "seeds" / "council-vote.txt")
    run_here(["-m", "macros", "add-source", "seeds/council-vote.txt", "--id", "council-vote"], project)
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    result = run_here(["-m", "mkdocs", "build", "--strict"], project)
    assert result.returncode == 1 and "the quote is not in the seed of 'council-vote'" in result.stderr, result.stderr
    (project / "docs" / "index.md").write_text(PAGE.replace("railway", "river"), encoding="utf-8")
    assert run_here(["-m", "mkdocs", "build", "--strict"], project).returncode == 0
    for html in (project / "site").rglob("*.html"):
        assert PANEL not in html.read_text(encoding="utf-8"), html


@pytest.mark.browser
def test_the_page_in_the_browser_reloads_by_itself_once_fixed(serving: tuple[Path, str, subprocess.Popen[str]],
                                                              browser) -> None:  # type: ignore[no-untyped-def]
    project, url, _ = serving
    page = browser.new_page()
    try:
        page.goto(url)
        panel = page.locator("#cited-explainer-problems")
        assert panel.is_visible()
        assert "the quote is not in the seed of 'council-vote'" in panel.inner_text()
        (project / "docs" / "index.md").write_text(PAGE.replace("railway", "river"), encoding="utf-8")
        panel.wait_for(state="detached", timeout=30_000)  # live reload, with no action of the test's
        assert "The town council voted" in page.locator("article").inner_text()
    finally:
        page.close()
