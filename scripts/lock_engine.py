"""Write the lock of what a new project installs: the engine's runtime dependencies, pinned with hashes.

    .venv/bin/python scripts/lock_engine.py          # rewrite it
    .venv/bin/python scripts/lock_engine.py --check  # exit 1 if it is out of date (a test runs this)

The lock (macros/templates/new_project/requirements.txt) is the part of this
repository's requirements.txt that the engine needs at run time: the closure
of pyproject.toml's `dependencies`, read from the installed packages'
metadata, plus setuptools (a project's scripts/setup.sh builds the engine
from its checkout with it). `cited-explainer new` copies it into the project,
so a project installs the same versions the engine's tests ran with, without
the test tools.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.txt"
OUT = ROOT / "macros" / "templates" / "new_project" / "requirements.txt"
ALSO = ("setuptools",)  # builds the engine from a checkout in the project's own .venv
HEADER = """\
# What this explainer installs into its .venv (scripts/setup.sh): the engine's dependencies, pinned with
# hashes. Written by `cited-explainer new` from the engine's own lock; not edited by hand.
"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(names: list[str]) -> set[str]:
    """Every distribution the named ones need at run time (no extras), by their installed metadata."""
    seen: set[str] = set()
    todo = [canonical(n) for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for spec in metadata.requires(name) or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(canonical(requirement.name))
    return seen


def blocks(text: str) -> dict[str, str]:
    """requirements.txt's entries, by canonical name: each pin with its hash lines (comments dropped)."""
    found: dict[str, str] = {}
    name = None
    for line in text.splitlines():
        start = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", line)
        if start:
            name = canonical(start.group(1))
            found[name] = line + "\n"
        elif name and line.startswith("    --hash="):
            found[name] += line + "\n"
        else:
            name = None
    return found


def lock_text() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = [Requirement(spec).name for spec in project["dependencies"]]
    wanted = closure(direct) | {canonical(n) for n in ALSO}
    pins = blocks(LOCK.read_text(encoding="utf-8"))
    missing = sorted(wanted - pins.keys())
    if missing:
        raise SystemExit(f"requirements.txt does not pin {', '.join(missing)}: regenerate it from requirements.in")
    return HEADER + "".join(pins[name] for name in sorted(wanted))


def main(argv: list[str]) -> int:
    text = lock_text()
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run .venv/bin/python scripts/lock_engine.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count('==')} pinned distributions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
