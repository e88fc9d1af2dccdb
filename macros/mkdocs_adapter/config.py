"""The project's settings as the build sees them, for the command line tools.

Reads mkdocs.yml with MkDocs' own loader, so `docs_dir` and the options of
the `cited-explainer` plugin mean exactly what they mean to `mkdocs build`.
A folder without mkdocs.yml gets the defaults.
"""

from __future__ import annotations

from pathlib import Path

from macros.model.settings import Settings
from macros.problems.problem import ContributorError, Problem


def project_settings(root: Path) -> Settings:
    """The settings of the project at root; ContributorError when its mkdocs.yml is not valid."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Settings(root.resolve())
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from macros.mkdocs_adapter.plugin import ExplainerPlugin, settings_of

    try:
        config = load_config(config_file=str(config_file))
    except (ConfigurationError, SystemExit) as exc:  # MkDocs exits on an invalid config
        raise ContributorError([Problem("mkdocs.yml", f"MkDocs cannot read it: {exc}",
                                        hint="run `mkdocs build --strict` to see MkDocs' own report")]) from None
    plugin = next((p for p in config.plugins.values() if isinstance(p, ExplainerPlugin)), None)
    return settings_of(config, plugin.config if plugin else None)
