"""Builds: after a data or template edit the next build, and the next `mkdocs serve` rebuild, show the edit.

The engine keeps compiled templates between builds (Jinja's bytecode cache, in the temporary folder, and
its in-memory cache within one process, as `mkdocs serve` runs). An entry is used only for the same
template source (the bytecode cache compares a checksum) and a new loader per build (`use_overrides`),
never by a file's time, so an edit that keeps the file's time shows too.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import build_in_process, copy_project

from macros.pages.templates import TEMPLATES


def _texts(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")
    return soup.get_text(" ")


def _edit_keeping_time(path: Path, old: str, new: str) -> None:
    """The worst case for a cache keyed by time: the same size and modification time, other words."""
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old) == len(new)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _with_templates_dir(project: Path) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - cited-explainer:\n" in text
    config.write_text(text.replace("  - cited-explainer:\n", "  - cited-explainer:\n      templates_dir: overrides\n", 1),
                      encoding="utf-8")
    (project / "overrides").mkdir()
    shutil.copy(TEMPLATES / "claims_table.html", project / "overrides" / "claims_table.html")
    return project / "overrides" / "claims_table.html"


def test_the_next_build_in_the_same_process_shows_a_data_and_a_template_edit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    template = _with_templates_dir(project)
    site = tmp_path / "site"
    assert build_in_process(project, site).returncode == 0
    before = _texts(site, "sides")
    assert "Who makes it" in before and "What El Faro reported" in before

    _edit_keeping_time(template, "Who makes it", "Who claims 1")
    _edit_keeping_time(project / "data" / "sides.yml", "What El Faro reported", "What El Faro asserted")
    result = build_in_process(project, site)
    assert result.returncode == 0, result.stderr
    after = _texts(site, "sides")
    assert "Who claims 1" in after and "Who makes it" not in after
    assert "What El Faro asserted" in after and "What El Faro reported" not in after


def test_serve_rebuilds_on_an_edit_of_data_seeds_or_templates(tmp_path: Path) -> None:
    """`mkdocs serve` watches docs/ and mkdocs.yml alone unless told: the plugin adds its folders to `watch`."""
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "project")
    _with_templates_dir(project)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    config = config.plugins.on_config(config)
    for folder in ("data", "seeds", "overrides"):
        assert str(project / folder) in config.watch, config.watch
