#!/usr/bin/env bash
# Install (idempotently) everything the tests need, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
