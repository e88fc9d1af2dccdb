"""Time the bad-input cases (tests/test_bad_input.py) with the build in-process and as a command per case.

    .venv/bin/python bench/bad_input.py

Prints the wall time of each way on this machine. Both run the same cases and
must both pass; the in-process build is what the suite uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(mode: str) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BAD_INPUT_BUILD=mode)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                             "tests/test_bad_input.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{mode}: the cases failed\n{result.stdout[-2000:]}")
    print(f"{mode:>10}: {seconds:6.1f} s  ({result.stdout.strip().splitlines()[-1]})")
    return seconds


if __name__ == "__main__":
    in_process = run("in-process")
    command = run("command")
    print(f"in-process takes {in_process / command:.0%} of the time of a command per case")
