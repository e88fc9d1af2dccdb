"""Where a project keeps its parts, and the few rules it may tune.

The core reads these plain values; the MkDocs plugin (`macros/mkdocs_adapter/plugin.py`)
fills them from its typed configuration in mkdocs.yml, and the command line
tools read the same configuration, so both see one project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.seeds.matching import MIN_QUOTE_WORDS


@dataclass(frozen=True)
class Settings:
    root: Path  # the folder holding mkdocs.yml
    docs_dir: Path | None = None  # MkDocs' docs_dir; root/"docs" when not given
    seeds_dir: str = "seeds"
    data_dir: str = "data"
    archive_dir: str = "sources"  # the URL folder of the generated archive pages
    min_quote_words: int = MIN_QUOTE_WORDS
    exempt_meta_key: str = "uncited"  # front matter key that exempts a site page from the sentence check
    glossary_page: str | None = None  # docs path of the glossary; terms are linked to it when set
    fail_on_still_to_fill: bool = False  # publishing: a field still to fill fails the build (and the check)
    config_name: str = "mkdocs.yml"  # the configuration file in root (`mkdocs build -f other.yml`: other.yml)

    @property
    def seeds_path(self) -> Path:
        return self.root / self.seeds_dir

    @property
    def data_path(self) -> Path:
        return self.root / self.data_dir

    @property
    def docs_path(self) -> Path:
        return self.docs_dir if self.docs_dir is not None else self.root / "docs"

    def watched_folders(self, templates_dir: str | None = None) -> list[Path]:
        """What a live preview watches besides the pages: the data, the seeds and a project's own templates."""
        folders = [self.data_path, self.seeds_path, *([self.root / templates_dir] if templates_dir else [])]
        return [folder for folder in folders if folder.is_dir()]

    def shown(self, path: Path) -> str:
        """A path as a contributor sees it: relative to the project folder, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
