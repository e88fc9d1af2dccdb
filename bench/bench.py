"""How long the check and the strict build take, on the real data and on 10x and 100x of it.

    .venv/bin/python bench/bench.py              # real, 10x and 100x
    .venv/bin/python bench/bench.py --scales 1 10 --keep

For each scale it prints the strict build's time, the check command's time
(`python -m macros.check`, a fresh interpreter, as a contributor runs it),
the time of `load_project` alone (reading, validating and verifying every
citation: the citation work), and that work's share of the build.

A scale of N is a generated project in a temporary folder: N copies of every
seed (copy k has " [copy k]" appended to each paragraph, so every quote still
stands in it, and gets its own file and sha256) and N copies of every data
entry, each id given the suffix "-x<k>" and every reference and citation in
copy k pointing at copy k's ids and seeds. The hand-written pages are the
real ones. Nothing under the real project is changed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.model.load import load_project  # noqa: E402
from macros.model.schema import DATA_FILES  # noqa: E402
from macros.model.yamlfile import read_yaml  # noqa: E402

# Fields whose value is an id of an entry (or a list of ids), and so gets copy k's suffix.
ID_FIELDS = {"id", "source", "speaker", "side", "period", "series"}
ID_LISTS = {"people", "quotes"}


def renamed(value: Any, suffix: str, key: str | None = None) -> Any:
    """A data value with every id in it given the suffix."""
    if isinstance(value, dict):
        out = {k: renamed(v, suffix, k) for k, v in value.items()}
        if "profile" in out:
            out["profile"] = False  # copies have no page of their own under docs/people/
        return out
    if isinstance(value, list):
        if key in ID_LISTS and all(isinstance(v, str) for v in value):
            return [v + suffix for v in value]
        return [renamed(v, suffix) for v in value]
    if key in ID_FIELDS and isinstance(value, str):
        return value + suffix
    return value


def generate(scale: int, dest: Path) -> Path:
    """A project with `scale` times the real seeds and data."""
    for name in ("mkdocs.yml", "macros", "docs"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    (dest / "seeds").mkdir()
    (dest / "data").mkdir()
    data = {}
    for filename, (key, _) in DATA_FILES.items():
        doc, problems = read_yaml(ROOT / "data" / filename, f"data/{filename}")
        if doc is None or problems:
            raise SystemExit(f"data/{filename} does not load; run the check first")
        data[filename] = doc.data[key] or []
    out: dict[str, list[Any]] = {filename: [] for filename in DATA_FILES}
    for copy in range(scale):
        suffix = "" if copy == 0 else f"-x{copy}"
        for source in data["sources.yml"]:
            text = (ROOT / "seeds" / source["file"]).read_bytes()
            if copy:
                text = b"\n".join(line + f" [copy {copy}]".encode() if line.strip() else line
                                  for line in text.split(b"\n"))
            file = source["file"] if copy == 0 else f"{Path(source['file']).stem}_x{copy}.txt"
            (dest / "seeds" / file).write_bytes(text)
            entry = renamed(source, suffix)
            entry.update(file=file, sha256=hashlib.sha256(text).hexdigest())
            out["sources.yml"].append(entry)
        for filename, entries in data.items():
            if filename != "sources.yml":
                out[filename] += [renamed(entry, suffix) for entry in entries]
    for filename, (key, _) in DATA_FILES.items():
        text = yaml.safe_dump({key: out[filename]}, allow_unicode=True, sort_keys=False, width=200)
        (dest / "data" / filename).write_text(text, encoding="utf-8")
    return dest


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    return time.perf_counter() - started, result


def measure(project: Path, repeat: int) -> dict[str, float]:
    builds, checks, loads = [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-site-") as site:
            seconds, result = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], project)
            if result.returncode:
                raise SystemExit(f"the build of {project} failed:\n{result.stdout}{result.stderr}")
            builds.append(seconds)
        seconds, result = timed([sys.executable, "-m", "macros.check"], project)
        if result.returncode:
            raise SystemExit(f"the check of {project} failed:\n{result.stdout}{result.stderr}")
        checks.append(seconds)
        started = time.perf_counter()
        project_model = load_project(project)
        loads.append(time.perf_counter() - started)
    return {"build": statistics.median(builds), "check": statistics.median(checks), "load": statistics.median(loads),
            "passages": len(project_model.located), "sources": len(project_model.sources),
            "entries": sum(len(v) for k, v in project_model.entries.items() if k != "sources")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100], help="1 is the real project")
    parser.add_argument("--repeat", type=int, default=1, help="runs per scale; the median is printed")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects under bench/out/")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'data':>6} {'sources':>8} {'entries':>8} {'passages':>9} {'build s':>8} {'check s':>8} "
          f"{'load_project s':>15} {'share of build':>15}")
    for scale in args.scales:
        if scale == 1:
            project = ROOT
            figures = measure(project, args.repeat)
        else:
            base = ROOT / "bench" / "out" if args.keep else Path(tempfile.mkdtemp(prefix="bench-"))
            project = base / f"x{scale}"
            if project.exists():
                shutil.rmtree(project)
            project.mkdir(parents=True)
            try:
                generate(scale, project)
                figures = measure(project, args.repeat)
            finally:
                if not args.keep:
                    shutil.rmtree(base)
        label = "real" if scale == 1 else f"{scale}x"
        print(f"{label:>6} {figures['sources']:>8} {figures['entries']:>8} {figures['passages']:>9} "
              f"{figures['build']:>8.2f} {figures['check']:>8.2f} {figures['load']:>15.3f} "
              f"{figures['load'] / figures['build']:>14.1%}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
