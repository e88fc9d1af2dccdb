"""Starting a new explainer, and recording a seed in it.

`new_project` writes a project that builds as it is: mkdocs.yml using the
plugin, an empty seeds/ folder, every data file empty but valid, a guide as
docs/index.md, a README, and scripts that install the engine (from where it
is found now: its checkout, or the wheel it was installed from) into the
project's own .venv. `add_source` records a seed placed in seeds/ in the
sources file, with its sha256 and every printed field left empty (still to
fill) for the contributor. Neither names anything of any story.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import yaml

from macros.model.genres import genres
from macros.model.schema import DATA_FILES, Source
from macros.model.settings import Settings
from macros.problems.problem import ContributorError, Problem
from macros.seeds.article import Seed, sha256_of
from macros.seeds.comments import comment_marker

TEMPLATES = Path(__file__).parent.parent / "templates" / "new_project"
# template file -> where it goes in the new project
FILES = {"mkdocs.yml": "mkdocs.yml", "README.md": "README.md", "index.md": "docs/index.md", "gitignore": ".gitignore",
         "requirements.txt": "requirements.txt", "scripts/setup.sh": "scripts/setup.sh",
         "scripts/build.sh": "scripts/build.sh", "scripts/serve.sh": "scripts/serve.sh"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DISTRIBUTION = "cited-explainer"


def new_project(path: Path, site_name: str | None = None, engine: Path | None = None) -> list[Path]:
    """Create a new explainer project at path (which must not exist or be empty); return the files written.

    `engine` is where the project's scripts/setup.sh installs the engine from: a checkout or a wheel;
    by default, where the running engine was installed from."""
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ContributorError([Problem(str(path), "this folder already exists and is not empty",
                                        hint="name a new folder: cited-explainer new PATH")])
    source = engine_source(engine)
    name = site_name or path.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "A cited explainer"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined, autoescape=False)  # Markdown and YAML, not HTML
    env.filters["shell_quote"] = lambda value: shlex.quote(str(value))
    written: list[Path] = []
    for template, target in FILES.items():
        out = path / target
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(env.get_template(template).render(site_name=name, engine=source, python=base_python()),
                       encoding="utf-8")
        if out.suffix == ".sh":
            out.chmod(0o755)
        written.append(out)
    seeds = path / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / ".gitkeep").write_text("", encoding="utf-8")
    for filename, (key, _) in DATA_FILES.items():
        out = path / "data" / filename
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f"# The {key} of this explainer, none yet; `cited-explainer check` names any mistake.\n{key}: []\n",
                       encoding="utf-8")
        written.append(out)
    return written


def engine_source(explicit: Path | None = None) -> Path:
    """Where a new project installs the engine from: `explicit` (a checkout or a wheel), else the place the
    running engine was installed from, as pip recorded it (PEP 610's direct_url.json), else the checkout
    this module stands in."""
    if explicit is not None:
        found = explicit.expanduser().resolve()
        if _is_checkout(found) or (found.is_file() and found.suffix == ".whl"):
            return found
        raise ContributorError([Problem(str(explicit), "this is neither the engine's checkout nor a wheel built from it",
                                        field="--engine",
                                        hint="name the folder that holds the engine's pyproject.toml, or a "
                                             "cited_explainer-*.whl file (built with `pip wheel --no-deps FOLDER`)")])
    recorded = _installed_from()
    if recorded is not None:
        return recorded
    checkout = Path(__file__).resolve().parents[2]
    if _is_checkout(checkout):
        return checkout
    raise ContributorError([Problem("--engine", "where the engine was installed from is not known",
                                    hint="name it: cited-explainer new PATH --engine /path/to/engine-checkout "
                                         "(or /path/to/cited_explainer-VERSION-py3-none-any.whl)")])


def base_python() -> str:
    """The interpreter the engine runs on, outside any virtual environment (a project's .venv is made from it)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (Path(sys.base_prefix) / "bin" / version, Path(sys.base_prefix) / "bin" / "python3"):
        if candidate.is_file():
            return str(candidate)
    return "python3"


def _installed_from() -> Path | None:
    try:
        recorded = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not recorded:
        return None
    url = urlsplit(str(json.loads(recorded).get("url", "")))
    if url.scheme != "file":
        return None
    path = Path(unquote(url.path))
    if _is_checkout(path) or (path.is_file() and path.suffix == ".whl"):
        return path
    return None


def _is_checkout(path: Path) -> bool:
    return (path / "pyproject.toml").is_file() and (path / "macros" / "__init__.py").is_file()


def required_to_fill() -> list[str]:
    """Fields of a source that the contributor must fill before the project builds (no default, not known from the file)."""
    return [name for name, info in Source.model_fields.items()
            if info.is_required() and name not in ("id", "file", "sha256", "label")]


EMPTY = object()  # a field written with nothing after its colon: still to fill


def source_entry(source_id: str, file: str, sha256: str, comments_marked: bool = False) -> dict[str, Any]:
    """A new sources.yml entry: what the seed is, and every other field empty (still to fill) or, for a list,
    empty until a contributor fills it. `comments_begin` only when the seed seems to hold readers' comments."""
    entry: dict[str, Any] = {"id": source_id, "file": file, "sha256": sha256, "label": source_id.replace("-", " ")}
    for name, info in Source.model_fields.items():
        if name in entry or (name == "comments_begin" and not comments_marked):
            continue
        default = info.get_default(call_default_factory=True)
        entry[name] = default if isinstance(default, list) else EMPTY
    return entry


def entry_yaml(entry: dict[str, Any]) -> str:
    """The entry as an item of the sources list, each empty field written as `name:` alone."""
    lines = []
    for name, value in entry.items():
        if value is EMPTY:
            lines.append(f"{name}:")
        else:
            lines.append(yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, width=1000,
                                        default_flow_style=False).rstrip("\n"))
    return "".join(("  - " if i == 0 else "    ") + line + "\n" for i, line in enumerate(lines))


def still_to_fill_note() -> str:
    """What add-source asks the contributor to do next."""
    kinds = ", ".join(f"'{key}'" for key in genres())
    return ("Fill in each empty field. What the article prints about itself (headline, outlet, byline, date, ...): "
            "copied exactly as printed,\nor null where it prints nothing (readers see \"not stated\"). `label`: how "
            f"pages name it. `genre`: one of {kinds}\n(CONTRIBUTING.md says what shows each). "
            "`cited-explainer check` lists every field still to fill.")


def add_source(settings: Settings, seed: Path, source_id: str) -> tuple[str, str]:
    """Record the seed at `seed` (a file in the seeds folder) in the sources file; return the entry as written,
    and what to confirm about its readers' comments ('' when the seed shows none)."""
    sources_file = settings.data_path / next(f for f, (key, _) in DATA_FILES.items() if key == "sources")
    shown = settings.shown(sources_file)
    seed = seed if seed.is_absolute() else Path.cwd() / seed
    problems: list[Problem] = []
    if not seed.is_file():
        problems.append(Problem(settings.shown(seed), "there is no such file",
                                hint=f"copy the article's text into {settings.seeds_dir}/ first, then name it here"))
    elif seed.resolve().parent != settings.seeds_path.resolve():
        problems.append(Problem(settings.shown(seed), f"the seed must be a file directly in {settings.seeds_dir}/",
                                hint=f"move it into {settings.seeds_dir}/ and run the command again"))
    if not SLUG.match(source_id):
        problems.append(Problem(shown, f"the id '{source_id}' is not a slug", field="id",
                                hint="use lower-case letters, digits and single hyphens, e.g. council-report"))
    text = sources_file.read_text(encoding="utf-8") if sources_file.is_file() else "sources: []\n"
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ContributorError([Problem(shown, f"this is not valid YAML: {exc}",
                                        hint="fix it first: `cited-explainer check` shows where")]) from None
    existing = data.get("sources") or [] if isinstance(data, dict) else []
    for entry in existing:
        if isinstance(entry, dict) and entry.get("id") == source_id:
            problems.append(Problem(shown, f"the id '{source_id}' is already used", entry=source_id, field="id",
                                    hint="give the new source an id of its own"))
        if isinstance(entry, dict) and seed.is_file() and entry.get("file") == seed.name:
            problems.append(Problem(shown, f"{settings.seeds_dir}/{seed.name} is already recorded",
                                    entry=str(entry.get("id")), field="file", hint="each seed is recorded once"))
    if problems:
        raise ContributorError(problems)
    try:
        marker = comment_marker(Seed.read(source_id, seed))
    except UnicodeDecodeError:
        marker = None  # the check says the seed is not UTF-8
    block = entry_yaml(source_entry(source_id, seed.name, sha256_of(seed), marker is not None))
    note = "" if marker is None else (
        f"{settings.seeds_dir}/{seed.name}, line {marker.line}, looks like the start of readers' comments:\n"
        f"    \"{marker.text}\"\n"
        "What a reader wrote is never the article's words. Confirm where they begin: in the new entry, write\n"
        f"    comments_begin: \"{marker.begin}\"\n"
        "(the first words, as printed, of the paragraph where they begin; that paragraph and all after it are\n"
        "readers' comments), or `comments_begin: null` if it is the article's own text. Until then it is still to fill.")
    text = re.sub(r"^sources:[ \t]*\[\][ \t]*$", "sources:", text, count=1, flags=re.M)
    if not text.endswith("\n"):
        text += "\n"
    sources_file.parent.mkdir(parents=True, exist_ok=True)
    sources_file.write_text(text + block, encoding="utf-8")
    return block, note
