"""The plugin's options in mkdocs.yml, and the core's plain settings made from them.

`project_settings` reads mkdocs.yml with MkDocs' own loader, for the command
line tools, so `docs_dir` and the options of the `cited-explainer` plugin
mean exactly what they mean to `mkdocs build` (tests/test_cli.py compares the
two). A folder without mkdocs.yml gets the defaults.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from macros.model.settings import Settings
from macros.problems.problem import ContributorError, Problem
from macros.seeds.matching import MIN_QUOTE_WORDS

NAME = "cited-explainer"  # the plugin's name under `plugins:` (its entry point in pyproject.toml)


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
    if options is None:
        options, _ = _options({})
    return _settings(Path(config.config_file_path or "mkdocs.yml").resolve(), Path(config.docs_dir), options)


def _options(given: dict[str, object], config_file_path: str | None = None) -> tuple[ExplainerConfig, list[tuple[str, str]]]:
    """The plugin's options from what mkdocs.yml gives it, validated (defaults filled in), and each error as
    (option, message)."""
    options = ExplainerConfig(config_file_path=config_file_path)
    options.load_dict(given)
    errors, _ = options.validate()
    return options, [(key, str(message)) for key, message in errors]


def _settings(config_file: Path, docs_dir: Path, options: ExplainerConfig) -> Settings:
    return Settings(root=config_file.parent, config_name=config_file.name, docs_dir=docs_dir,
                    seeds_dir=options.seeds_dir, data_dir=options.data_dir,
                    archive_dir=options.archive_dir.strip("/"), min_quote_words=options.min_quote_words,
                    exempt_meta_key=options.exempt_meta_key, glossary_page=options.glossary_page,
                    fail_on_still_to_fill=options.fail_on_still_to_fill)


def project_settings(root: Path) -> Settings:
    """The settings of the project at root, for the command line; ContributorError when its mkdocs.yml cannot be
    read or the plugin's options are not valid.

    mkdocs.yml is read with MkDocs' own YAML loader (`!ENV`, `!relative`, `INHERIT`), and `docs_dir` and this
    plugin's options mean what they mean to `mkdocs build`. Only they are validated: validating the whole file
    (`load_config`) imports every plugin and the theme, 0.17 to 0.19 s of every check (bench/out/x100), which
    reads nothing else of it. The rest of the file is the build's to report."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Settings(root.resolve())
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    def problem(message: str) -> ContributorError:
        return ContributorError([Problem("mkdocs.yml", message,
                                         hint="run `mkdocs build --strict` to see MkDocs' own report")])

    path = str(config_file)
    try:
        with config_file.open("rb") as fd:
            raw = yaml_load(fd, get_yaml_loader(config=MkDocsConfig(config_file_path=path)))
    except (ConfigurationError, OSError) as exc:
        raise problem(f"MkDocs cannot read it: {exc}") from None
    if not isinstance(raw, dict):
        raise problem("MkDocs cannot read it: it is not a mapping of settings")
    found = _plugin_options(raw.get("plugins"))
    if not isinstance(found, dict):
        raise problem(f"the options of the '{NAME}' plugin are not a mapping of settings")
    options, errors = _options(found, path)
    if errors:
        raise ContributorError([Problem("mkdocs.yml", message, field=f"plugins: {NAME}: {key}")
                                for key, message in errors])
    docs_dir = raw.get("docs_dir", "docs")
    if not isinstance(docs_dir, str):
        raise problem("MkDocs cannot read it: docs_dir is not a folder's name")
    return _settings(config_file.resolve(), (config_file.parent / docs_dir).resolve(), options)


def _plugin_options(plugins: object) -> object:
    """This plugin's options as mkdocs.yml lists them under `plugins:` (a list of names and one-key mappings, or
    a mapping); {} when it is listed without options or not listed (its defaults)."""
    pairs: list[tuple[object, object]] = []
    if isinstance(plugins, dict):
        pairs = list(plugins.items())
    elif isinstance(plugins, list):
        for item in plugins:
            pairs.extend(item.items() if isinstance(item, dict) else [(item, None)])
    return next(({} if options is None else options for name, options in pairs if name == NAME), {})
