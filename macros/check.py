"""`python -m macros.check`: validate data, seeds and citations without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import ContributorError
from .model import load_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check", description=__doc__)
    parser.add_argument("root", nargs="?", default=".", help="the project folder (default: this folder)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        project = load_project(Path(args.root))
    except ContributorError as error:
        print(error.report(), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{len(v)} {k}" for k, v in project.entries.items())
    print(f"ok: {counts}; {len(project.located)} cited passages verified in {elapsed * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
