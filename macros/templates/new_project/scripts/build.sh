#!/usr/bin/env bash
# Installs what the explainer needs (the first time, or when requirements.txt changes), checks every
# citation and builds the site into site/, with every check on.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs build --strict "$@"
