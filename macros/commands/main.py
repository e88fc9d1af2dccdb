"""`cited-explainer` (or `python -m macros`): the engine's command line.

    cited-explainer new PATH [--name "Site name"] [--engine CHECKOUT-OR-WHEEL]
    cited-explainer add-source seeds/FILE --id ID     (in a project's folder)
    cited-explainer check [PATH]                      (every problem, and every field still to fill)
    cited-explainer cite "words you remember"         (the nearest passages, and the footnote to paste)
    cited-explainer schemas [PATH]                    (the editor's JSON Schemas of the data files)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.model.settings import Settings
from macros.problems.problem import ContributorError, Problem

PROG = "cited-explainer"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser("new", help="create a new explainer project at PATH")
    new.add_argument("path", type=Path)
    new.add_argument("--name", help="the site's name (default: from the folder's name)")
    new.add_argument("--engine", type=Path, help=(
        "where the project installs the engine from: its checkout, or a wheel built from it "
        "(default: where this engine was installed from)"))
    add = commands.add_parser("add-source", help="record a seed placed in seeds/ in data/sources.yml")
    add.add_argument("seed", type=Path, help="the seed file, e.g. seeds/council-vote.txt")
    add.add_argument("--id", required=True, dest="source_id", help="the short id pages cite it by, e.g. council-vote")
    check = commands.add_parser("check", help="check data, seeds and citations without building; list what is still to fill")
    check.add_argument("root", nargs="?", default=".", help="the project folder (default: this folder)")
    cite = commands.add_parser("cite", help="find the passages of the seeds nearest to some words, with the footnote to paste")
    cite.add_argument("words", nargs="+", help="a few words you remember, or a loose paraphrase")
    cite.add_argument("--top", type=int, default=3, help="how many passages to show (default: 3)")
    cite.add_argument("--source", dest="source_id", help="only this source's seed")
    schemas = commands.add_parser("schemas", help="write the JSON Schemas editors use to check the data files")
    schemas.add_argument("root", nargs="?", default=".", type=Path, help="the project folder (default: this folder)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "new":
            return _new(args.path, args.name, args.engine)
        if args.command == "check":
            from macros.commands.check import main as check

            return check([args.root])
        if args.command == "schemas":
            from macros.commands.jsonschema import main as schemas

            return schemas([str(args.root)])
        if args.command == "cite":
            from macros.commands.cite import print_passages

            found: int = print_passages(_settings_here(), " ".join(args.words), args.top, args.source_id)
            return found
        return _add_source(args.seed, args.source_id)
    except ContributorError as error:
        print(error.report(), file=sys.stderr)
        return 1


def _new(path: Path, name: str | None, engine: Path | None) -> int:
    from macros.commands.scaffold import new_project

    new_project(path, name, engine)
    print(f"created {path}/. Then, in {path}/:\n"
          "    bash scripts/build.sh     # installs what it needs into .venv (the first time), then builds\n"
          "    bash scripts/serve.sh     # a live preview, with problems shown in the page\n"
          f"and, with an article's text put in {path}/seeds/:\n"
          f"    .venv/bin/{PROG} add-source seeds/FILE --id SHORT-ID")
    return 0


def _settings_here() -> Settings:
    from macros.mkdocs_adapter.config import project_settings

    if not (Path.cwd() / "mkdocs.yml").is_file():
        raise ContributorError([Problem(".", "this folder is not an explainer project (it has no mkdocs.yml)",
                                        hint=f"run the command in the project's folder, or create one: {PROG} new PATH")])
    return project_settings(Path.cwd())


def _add_source(seed: Path, source_id: str) -> int:
    from macros.commands.scaffold import add_source, still_to_fill_note

    settings = _settings_here()
    block, note = add_source(settings, seed, source_id)
    print(f"added to {settings.data_dir}/sources.yml:\n{block}\n{still_to_fill_note()}")
    if note:
        print(f"\n{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
