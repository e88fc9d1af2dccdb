"""What Python's cycle collector does in one strict build: its collections, its CPU time, and the cyclic garbage.

    .venv/bin/python bench/collector.py                          # the real project
    .venv/bin/python bench/collector.py --project bench/out/x100 --plain   # a generated one, and its plain copy

Each build runs in a fresh interpreter, as `mkdocs build --strict` does. The first
build counts the collections of each generation and times them (CPU seconds,
from `gc.callbacks`); a second build keeps every object the collector frees
(`gc.DEBUG_SAVEALL`) and prints how many there were, by type. An object the
collector frees was part of a reference cycle: without the cycle, reference
counting would have freed it at once and it would not have pushed the build
towards its next collection.

With --plain, the same two figures for the plain Material build of the same
pages (bench/bench.py's `plain_copy`), so that what is ours is the difference.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from stages import run_probe  # noqa: E402

from bench import plain_copy  # noqa: E402

PROBE = r"""
import gc, json, os, sys, time
from collections import Counter
os.environ["NO_MKDOCS_2_WARNING"] = "1"
clock = time.process_time
spent, started = [0.0], [0.0]
def callback(phase, info):
    if phase == "start":
        started[0] = clock()
    else:
        spent[0] += clock() - started[0]
config, site, keep = sys.argv[1], sys.argv[2], sys.argv[3] == "garbage"
if keep:
    gc.set_debug(gc.DEBUG_SAVEALL)
else:
    gc.callbacks.append(callback)
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-q", "-f", config, "-d", site], standalone_mode=False)
except SystemExit as exit:
    if exit.code:
        raise
if keep:
    gc.collect()
    kinds = Counter(type(o).__module__ + "." + type(o).__qualname__ for o in gc.garbage)
    print("GC " + json.dumps({"garbage": len(gc.garbage), "kinds": kinds.most_common(8)}))
else:
    print("GC " + json.dumps({"seconds": spent[0], "process": clock(),
                              "collections": [g["collections"] for g in gc.get_stats()]}))
"""


def probe(config: Path, what: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-gc-") as site:
        return run_probe(PROBE, [str(config), site, what], config.parent, "GC")


def report(label: str, config: Path) -> None:
    timing, garbage = probe(config, "time"), probe(config, "garbage")
    young, middle, full = timing["collections"]
    print(f"{label}: {timing['seconds']:.2f} s of the build's {timing['process']:.2f} s CPU in the collector; "
          f"collections: {young} young, {middle} middle, {full} full; "
          f"cyclic garbage freed by it: {garbage['garbage']:,} objects", flush=True)
    for kind, count in garbage["kinds"]:
        print(f"    {count:>9,}  {kind}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--plain", action="store_true", help="also the plain Material build of the same pages")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    report(f"strict build of {project}", project / "mkdocs.yml")
    if args.plain:
        with tempfile.TemporaryDirectory(prefix="bench-gc-plain-") as folder:
            plain, _ = plain_copy(project, Path(folder))
            report("plain Material build of the same pages", plain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
