#!/usr/bin/env bash
# A live preview on http://127.0.0.1:8000/: rebuilt, and the browser page reloaded, whenever a page, a
# data file or a seed changes. A problem shows in the page as in this terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve -a "${ADDRESS:-127.0.0.1:8000}" "$@"
