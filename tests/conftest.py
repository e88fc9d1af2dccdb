"""Shared fixtures: the real site, built once per run into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class BuiltSite:
    path: Path
    log: str
    seconds: float

    def page(self, url: str) -> BeautifulSoup:
        """The parsed HTML of a page, by its site URL ('' for home, 'people/x/')."""
        file = self.path / url / "index.html" if not url.endswith(".html") else self.path / url
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.path.rglob("*.html"))


def build_site(project: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(dest)],
                          capture_output=True, text=True, env=env, cwd=project)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    dest = tmp_path_factory.mktemp("site")
    started = time.perf_counter()
    result = build_site(ROOT, dest)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(dest, result.stdout + result.stderr, seconds)
