"""Starting a new explainer, and recording a seed in it.

`new_project` writes a project that builds as it is: mkdocs.yml using the
plugin, an empty seeds/ folder, every data file empty but valid, a guide as
docs/index.md and a README. `add_source` records a seed placed in seeds/ in
the sources file, with its sha256 and every printed field null ("not
stated") for the contributor to fill. Neither names anything of any story.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import yaml

from macros.model.schema import DATA_FILES, Source
from macros.model.settings import Settings
from macros.problems.problem import ContributorError, Problem
from macros.seeds.article import sha256_of

TEMPLATES = Path(__file__).parent.parent / "templates" / "new_project"
# template file -> where it goes in the new project
FILES = {"mkdocs.yml": "mkdocs.yml", "README.md": "README.md", "index.md": "docs/index.md", "gitignore": ".gitignore"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def new_project(path: Path, site_name: str | None = None) -> list[Path]:
    """Create a new explainer project at path (which must not exist or be empty); return the files written."""
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ContributorError([Problem(str(path), "this folder already exists and is not empty",
                                        hint="name a new folder: python -m macros new PATH")])
    name = site_name or path.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "A cited explainer"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined, autoescape=False)  # Markdown and YAML, not HTML
    written: list[Path] = []
    for template, target in FILES.items():
        out = path / target
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(env.get_template(template).render(site_name=name), encoding="utf-8")
        written.append(out)
    seeds = path / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / ".gitkeep").write_text("", encoding="utf-8")
    for filename, (key, _) in DATA_FILES.items():
        out = path / "data" / filename
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f"# The {key} of this explainer, none yet; `python -m macros.check` names any mistake.\n{key}: []\n",
                       encoding="utf-8")
        written.append(out)
    return written


def required_to_fill() -> list[str]:
    """Fields of a source that the contributor must fill before the project builds (no default, not known from the file)."""
    return [name for name, info in Source.model_fields.items()
            if info.is_required() and name not in ("id", "file", "sha256", "label")]


def source_entry(source_id: str, file: str, sha256: str) -> dict[str, Any]:
    """A new sources.yml entry: what the seed is, and every other field null (or empty) until a contributor fills it."""
    entry: dict[str, Any] = {"id": source_id, "file": file, "sha256": sha256, "label": source_id.replace("-", " ")}
    for name, info in Source.model_fields.items():
        if name not in entry:
            entry[name] = None if info.is_required() else info.get_default(call_default_factory=True)
    return entry


def add_source(settings: Settings, seed: Path, source_id: str) -> str:
    """Record the seed at `seed` (a file in the seeds folder) in the sources file; return the entry as written."""
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
                                        hint="fix it first: `python -m macros.check` shows where")]) from None
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
    entry = source_entry(source_id, seed.name, sha256_of(seed))
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    block = "".join("  " + line if line.strip() else line for line in block.splitlines(keepends=True))
    text = re.sub(r"^sources:[ \t]*\[\][ \t]*$", "sources:", text, count=1, flags=re.M)
    if not text.endswith("\n"):
        text += "\n"
    sources_file.parent.mkdir(parents=True, exist_ok=True)
    sources_file.write_text(text + block, encoding="utf-8")
    return block
