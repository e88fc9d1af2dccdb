#!/usr/bin/env bash
# Install (idempotently) everything the tests need, run the static checks, then the whole suite.
# Fails, before any test runs, if ruff or mypy (strict on macros/, configured in pyproject.toml) find anything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check .
.venv/bin/mypy
# Two workers share the tests (each builds the site once); pass -n 0 to run in one process. Each test file runs
# on one worker, in the order tests/conftest.py sets: test_browser.py (the longest, one browser) first.
exec .venv/bin/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder "$@"
