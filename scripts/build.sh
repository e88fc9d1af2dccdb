#!/usr/bin/env bash
# Install (idempotently) and build the site into site/ with every check on.
# `scripts/build.sh serve` serves it on http://127.0.0.1:8000/ instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-}" = "serve" ]; then
  exec .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000
fi
.venv/bin/mkdocs build --strict
