"""The reader experience every project gets (macros/assets/): the engine's stylesheet and script.

Added to mkdocs.yml's extra_css and extra_javascript before the project's own
(which may override any rule), and to the site's files at these paths; a file
of the same path in the project's docs_dir replaces the engine's. The
`assets: false` option leaves both out.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSET_CSS = "assets/cited-explainer/cited-explainer.css"
ASSET_JS = "assets/cited-explainer/cited-explainer.js"


def add_to_config(config: MkDocsConfig) -> None:
    if ASSET_CSS not in config.extra_css:
        config.extra_css.insert(0, ASSET_CSS)
    if not any(str(script) == ASSET_JS for script in config.extra_javascript):
        config.extra_javascript.insert(0, ASSET_JS)


def add_to_files(files: Files, config: MkDocsConfig) -> Files:
    kept = list(files)
    for uri in (ASSET_CSS, ASSET_JS):
        if files.get_file_from_path(uri) is None:  # else the project's own file of that path
            kept.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(uri).name)))
    return Files(kept)
