"""`python -m macros.check`: validate data, seeds and citations without building the site.

Reads every data file, every seed and every hand-written page, exactly as the
build's first step does, and prints every problem found, each with its file,
line, entry, field and a hint. It then lists every field still to fill (a
draft's: left empty). Exits 0 when all is well (fields still to fill
included), 1 when there are problems (or fields still to fill, when
mkdocs.yml sets `fail_on_still_to_fill: true`), 2 when the folder is not the
project.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from macros.mkdocs_adapter.config import project_settings
from macros.model.gc_policy import BuildCollector
from macros.model.load import load_project
from macros.problems.problem import ContributorError, to_fill_report


def main(argv: list[str] | None = None, exit_now: bool = False) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check", description=__doc__)
    parser.add_argument("root", nargs="?", default=".", help="the project folder (default: this folder)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not (root / "data").is_dir() and not (root / "mkdocs.yml").is_file():
        print(f"{root}: this is not the project folder (it has neither data/ nor mkdocs.yml)\n"
              "    hint:     run the check from the project folder, or name it: python -m macros.check PATH",
              file=sys.stderr)
        return 2
    collector = BuildCollector()
    try:
        return _check(root, collector, exit_now)
    finally:
        collector.release()  # called in a process that goes on (the tests): the model is not kept frozen


def _check(root: Path, collector: BuildCollector, exit_now: bool) -> int:
    try:
        settings = project_settings(root)
        started = time.perf_counter()
        with collector.paused_while_loading():
            project = load_project(root, settings)
    except ContributorError as error:
        print(error.report(), file=sys.stderr)
        print("\nNothing was changed. CONTRIBUTING.md shows a correct entry of every kind.", file=sys.stderr)
        if error.still_to_fill:
            print("\n" + to_fill_report(error.still_to_fill), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{len(v)} {k}" for k, v in project.entries.items())
    print(f"ok: {counts}; {len(project.located)} cited passages verified in {elapsed * 1000:.0f} ms")
    code = 0
    if project.to_fill:
        print("\n" + to_fill_report(project.to_fill))
        if settings.fail_on_still_to_fill:
            print("\nmkdocs.yml sets `fail_on_still_to_fill: true` (publishing): the build fails until they are filled.",
                  file=sys.stderr)
            code = 1
    if exit_now:
        _exit_now(code)  # while the model is still referenced, so that it is not freed first
    return code


def _exit_now(code: int) -> None:
    """End the process without freeing the loaded model object by object (0.1 s at 100x), as mypy does;
    only for the command line, where nothing runs after."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main(exit_now=True))
