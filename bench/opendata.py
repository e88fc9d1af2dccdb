"""The open data of the built site (issue 10), and what it costs the build.

    .venv/bin/python bench/opendata.py                          # this checkout, 5 strict builds
    .venv/bin/python bench/opendata.py --project ../before --runs 5   # another checkout, e.g. a git worktree

Each run is a fresh `mkdocs build --strict` in a new interpreter, as a contributor
runs it, into a temporary folder; the median wall time is printed. The engine is
imported from the measured checkout (not from this one's editable install). One
more build, in-process, times the open-data steps alone (their share of a build,
less moved by other load than the difference of two medians). Then,
from the last build's published files: the number of annotations (cited
sentences), of citations (targets), and the size in bytes of data/claims.jsonld,
data/claims.csv and data/open-data.zip; "none" when the checkout does not publish them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Builds with the measured checkout's own `macros` package ahead of the editable install.
BUILD = """import sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__.lower()]
sys.path.insert(0, sys.argv[1])
from mkdocs.__main__ import cli
cli(["build", "--strict", "--quiet", "-f", sys.argv[1] + "/mkdocs.yml", "-d", sys.argv[2]])
"""
# One build with the open-data steps timed: anchoring each page, the JSON-LD of each head, writing the files.
TIMED = """import sys, time
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__.lower()]
sys.path.insert(0, sys.argv[1])
try:
    from macros.opendata import publish
except ImportError:
    raise SystemExit(0)
if not publish.__file__.startswith(sys.argv[1]):  # found through the editable install: not in this checkout
    raise SystemExit(0)
OpenData = publish.OpenData
spent = [0.0]
def timed(method):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started
    return wrapper
for name in ("mark_page", "head", "write"):
    setattr(OpenData, name, timed(getattr(OpenData, name)))
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(config_file=sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[2], strict=True))
print(f"{spent[0]:.3f}")
"""


def build(project: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", BUILD, str(project), str(site)], cwd=project, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the strict build of {project} failed:\n{result.stdout}{result.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    project = args.project.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = [build(project, site) for _ in range(args.runs)]
        print(f"project: {project}")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        timed = subprocess.run([sys.executable, "-c", TIMED, str(project), str(Path(tmp) / "timed")], cwd=project,
                               env=env, capture_output=True, text=True)
        if timed.returncode == 0 and timed.stdout.strip():
            print(f"open data steps within one build (anchoring, page JSON-LD, writing the files): "
                  f"{float(timed.stdout.split()[-1]):.2f} s")
        print(f"strict build: median {statistics.median(times):.2f} s over {len(times)} runs "
              f"(min {min(times):.2f}, max {max(times):.2f})")
        jsonld, table = site / "data" / "claims.jsonld", site / "data" / "claims.csv"
        if not jsonld.is_file():
            print("annotations: none (this checkout publishes no data/claims.jsonld)")
            return
        items = json.loads(jsonld.read_text(encoding="utf-8"))["first"]["items"]
        print(f"annotations (cited sentences): {len(items)}")
        print(f"citations (targets, rows of claims.csv): {sum(len(a['target']) for a in items)}")
        print(f"data/claims.jsonld: {jsonld.stat().st_size} bytes")
        print(f"data/claims.csv: {table.stat().st_size} bytes")
        bundle = site / "data" / "open-data.zip"
        if bundle.is_file():
            print(f"data/open-data.zip: {bundle.stat().st_size} bytes")


if __name__ == "__main__":
    main()
