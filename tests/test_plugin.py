"""The plugin's own promises: archive pages do not depend on MkDocs' file order, and build state is per build."""

from __future__ import annotations

from pathlib import Path

from conftest import BuiltSite, build_in_process, copy_project

REVERSE_FILES = '''
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files


@event_priority(-100)  # after every plugin: the archive pages now come first, before the pages citing them
def on_files(files, config):
    return Files(list(reversed(list(files))))
'''


def test_archive_pages_do_not_depend_on_the_order_of_files(site: BuiltSite, tmp_path: Path) -> None:
    """With MkDocs' file list reversed, every archive page (highlights and back-links) is byte for byte the same."""
    project = copy_project(tmp_path / "project")
    (project / "reverse_files.py").write_text(REVERSE_FILES, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - reverse_files.py\n", encoding="utf-8")
    result = build_in_process(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    archives = sorted((site.path / "sources").glob("*/index.html"))
    assert archives, "the site has archive pages"
    for page in archives:
        rebuilt = tmp_path / "site" / page.relative_to(site.path)
        assert rebuilt.read_bytes() == page.read_bytes(), f"{page.relative_to(site.path)} changed with the file order"


def test_two_builds_in_one_process_share_no_state(tmp_path: Path) -> None:
    """The second build of the same project gives the same pages: nothing is left over from the first (no
    module-level state), so back-links are not doubled and problems are not carried over."""
    project = copy_project(tmp_path / "project")
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_in_process(project, first).returncode == 0
    assert build_in_process(project, second).returncode == 0
    for page in sorted(first.rglob("*.html")):
        assert (second / page.relative_to(first)).read_bytes() == page.read_bytes(), page.relative_to(first)
