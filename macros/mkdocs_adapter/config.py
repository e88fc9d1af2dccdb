"""The plugin's options in mkdocs.yml, and the core's plain settings made from them.

`project_settings` reads mkdocs.yml with MkDocs' own loader, for the command
line tools, so `docs_dir` and the options of the `cited-explainer` plugin
mean exactly what they mean to `mkdocs build`. A folder without mkdocs.yml
gets the defaults.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from macros.model.settings import Settings
from macros.problems.problem import ContributorError, Problem
from macros.seeds.matching import MIN_QUOTE_WORDS


class ExplainerConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml, each with its default."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of the seed articles, relative to mkdocs.yml."""
    data_dir = c.Type(str, default="data")
    """Folder of the data files (sources.yml and the others)."""
    archive_dir = c.Type(str, default="sources")
    """Folder (under docs_dir, and in the site's URLs) of the generated archive pages."""
    min_quote_words = c.Type(int, default=MIN_QUOTE_WORDS)
    """The fewest words a quotation may have."""
    exempt_meta_key = c.Type(str, default="uncited")
    """Front matter key that exempts a site page (about, method) from the sentence check; its value is shown."""
    glossary_page = c.Optional(c.Type(str))
    """The glossary page (e.g. glossary.md): the first mention of each term elsewhere links to it."""
    fail_on_still_to_fill = c.Type(bool, default=False)
    """True before publishing: the build fails while any field is still to fill (a draft's build lists them)."""
    templates_dir = c.Optional(c.Type(str))
    """A folder beside mkdocs.yml whose files replace the engine's block templates of the same name."""
    assets = c.Type(bool, default=True)
    """False: the engine adds neither its stylesheet nor its script; the project styles the blocks itself."""


def settings_of(config: MkDocsConfig, options: ExplainerConfig | None) -> Settings:
    """The core's plain settings from mkdocs.yml and the plugin's options (defaults when not listed)."""
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    if options is None:
        options = ExplainerConfig()
        options.load_dict({})
        options.validate()
    return Settings(root=config_file.parent, config_name=config_file.name, docs_dir=Path(config.docs_dir),
                    seeds_dir=options.seeds_dir, data_dir=options.data_dir,
                    archive_dir=options.archive_dir.strip("/"), min_quote_words=options.min_quote_words,
                    exempt_meta_key=options.exempt_meta_key, glossary_page=options.glossary_page,
                    fail_on_still_to_fill=options.fail_on_still_to_fill)


def project_settings(root: Path) -> Settings:
    """The settings of the project at root; ContributorError when its mkdocs.yml is not valid."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Settings(root.resolve())
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(config_file=str(config_file))
    except (ConfigurationError, SystemExit) as exc:  # MkDocs exits on an invalid config
        raise ContributorError([Problem("mkdocs.yml", f"MkDocs cannot read it: {exc}",
                                        hint="run `mkdocs build --strict` to see MkDocs' own report")]) from None
    options = next((p.config for p in config.plugins.values() if isinstance(p.config, ExplainerConfig)), None)
    return settings_of(config, options)
