"""Shared fixtures: the real site, built once per run into a temporary folder."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]

# The property tests (hypothesis): random examples locally, so that each run tries new ones; in CI (`CI` set,
# as .ci/run and most CI services do), the same examples on every run, so that a red run reproduces.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@dataclass
class BuiltSite:
    path: Path
    log: str
    seconds: float
    _parsed: dict[Path, BeautifulSoup] = field(default_factory=dict, repr=False)

    def page(self, url: str) -> BeautifulSoup:
        """The parsed HTML of a page, by its site URL ('' for home, 'people/x/'); parsed once, then
        shared, so a test must not change it (copy it first)."""
        file = self.path / url / "index.html" if not url.endswith(".html") else self.path / url
        if file not in self._parsed:
            self._parsed[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        return self._parsed[file]

    def html_files(self) -> list[Path]:
        return sorted(self.path.rglob("*.html"))


# The engine itself is not copied: the copy builds with the installed package (scripts/setup.sh).
COPIED = ("mkdocs.yml", "seeds", "data", "docs")


def copy_project(dest: Path) -> Path:
    """The parts of the project a build reads, copied so that a test can break them."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    for path in [dest, *dest.rglob("*")]:  # seeds are read-only in the checkout
        path.chmod(path.stat().st_mode | 0o200)
    return dest


def build_site(project: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(dest)],
                          capture_output=True, text=True, env=env, cwd=project)


class _Lines(logging.Handler):
    """Log records as the mkdocs command line prints them: 'LEVEL   -  message'."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(project: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` on a project, run in this process: the same code as the command, without the
    second or so a new interpreter takes to import MkDocs, Material and the engine. Its output is what the
    command prints at WARNING and above; anything but a clean result or MkDocs' own abort reaches the output
    as a traceback, as it would reach a contributor."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    handler = _Lines()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    code = 0
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(dest), strict=True)
        build(config)
    except (Abort, ConfigurationError) as exc:
        code = 1
        handler.lines.append(f"Aborted: {exc}")
    except BaseException as exc:  # a crash: shown to the test as the traceback a contributor would see
        code = 99
        handler.lines.append("Traceback (most recent call last): " + "".join(traceback.format_exception(exc)))
    finally:
        logger.removeHandler(handler)
    return subprocess.CompletedProcess(["mkdocs", "build", "--strict"], code, "", "\n".join(handler.lines))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    dest = tmp_path_factory.mktemp("site")
    started = time.perf_counter()
    result = build_site(ROOT, dest)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(dest, result.stdout + result.stderr, seconds)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """test_browser.py first, the rest in their usual order. scripts/test.sh runs the files with pytest-xdist's
    --dist loadfile --no-loadscope-reorder: each file's tests on one worker, the files in this order. So the
    browser and the session passes over every page (test_browser.py) are made once, not once per worker, and
    the longest file starts first instead of leaving one worker alone at the end. (--dist loadgroup would
    group by a mark, but pytest-xdist 3.8 on pytest 9.2 ignores the groups: pytest-xdist issue 1386.)"""
    items.sort(key=lambda item: item.path.name != "test_browser.py")  # a stable sort: the order is kept otherwise


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run: Playwright's sync API cannot start a second one inside the first's loop,
    so every test that drives a browser (test_browser.py, the bad-input cases with `browser:`) takes this one."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS, missing_tools

    missing = missing_tools()
    if missing:
        pytest.fail("the browser tests need: " + "; ".join(missing), pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
