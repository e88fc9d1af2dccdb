"""`python -m macros`: start a new explainer, or record a seed in one.

    python -m macros new PATH [--name "Site name"]
    python -m macros add-source seeds/FILE --id ID     (inside a project)

`python -m macros.check` checks a project without building it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.problems.problem import ContributorError, Problem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="create a new explainer project at PATH")
    new.add_argument("path", type=Path)
    new.add_argument("--name", help="the site's name (default: from the folder's name)")
    add = commands.add_parser("add-source", help="record a seed placed in seeds/ in data/sources.yml")
    add.add_argument("seed", type=Path, help="the seed file, e.g. seeds/council-vote.txt")
    add.add_argument("--id", required=True, dest="source_id", help="the short id pages cite it by, e.g. council-vote")
    args = parser.parse_args(argv)
    try:
        if args.command == "new":
            from macros.commands.scaffold import new_project

            new_project(args.path, args.name)
            print(f"created {args.path}/: put an article's text in {args.path}/seeds/, then, in {args.path}/:\n"
                  "    python -m macros add-source seeds/FILE --id SHORT-ID\n"
                  "    mkdocs build --strict")
        else:
            from macros.commands.scaffold import add_source
            from macros.mkdocs_adapter.config import project_settings

            if not (Path.cwd() / "mkdocs.yml").is_file():
                raise ContributorError([Problem(".", "this folder is not an explainer project (it has no mkdocs.yml)",
                                                hint="run add-source inside the project, or create one: "
                                                     "python -m macros new PATH")])
            settings = project_settings(Path.cwd())
            from macros.commands.scaffold import required_to_fill

            block = add_source(settings, args.seed, args.source_id)
            required = "".join(f"`{name}`, " for name in required_to_fill())
            print(f"added to {settings.data_dir}/sources.yml:\n{block}"
                  f"fill in {required}`label`, `genre` ('news report' or 'unsigned commentary', from what the text shows)\n"
                  "and what the article prints (headline, outlet, byline, date), exactly as "
                  "printed;\nleave null what it does not print: readers see \"not stated\". "
                  "`python -m macros.check` lists what is still missing.")
    except ContributorError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
