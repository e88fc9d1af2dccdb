#!/usr/bin/env bash
# Installs what this explainer needs into its own .venv, idempotently: the engine's dependencies, pinned
# with hashes (requirements.txt), and the engine itself, from where `cited-explainer new` found it.
# It says what is missing, and how to get it, instead of failing mid-way.
set -euo pipefail
cd "$(dirname "$0")/.."

# Recorded by `cited-explainer new`: the engine's checkout (a folder) or a wheel built from it (a .whl file),
# and the Python it ran on, which the pinned versions in requirements.txt are known to install on.
ENGINE={{ engine | shell_quote }}
ENGINE_PYTHON={{ python | shell_quote }}

missing() { echo "setup: $1" >&2; exit 1; }

if [ -z "${PYTHON:-}" ]; then
  if [ -x "$ENGINE_PYTHON" ]; then PYTHON=$ENGINE_PYTHON; else PYTHON=python3; fi
fi
command -v "$PYTHON" >/dev/null 2>&1 || missing "no '$PYTHON' on PATH: install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || missing "$("$PYTHON" --version 2>&1) is too old: Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"
[ -e "$ENGINE" ] || missing "the engine is no longer at $ENGINE: put it back, or create the project anew with \`cited-explainer new\` from where it is now, and copy seeds/, data/ and docs/ across"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || missing "could not create .venv: install the venv module (Debian: apt-get install python3-venv)"
fi
stamp=.venv/.installed.sha256
if [ -d "$ENGINE" ]; then
  want=$( (cat requirements.txt; echo "$ENGINE") | sha256sum | cut -d' ' -f1)
else
  want=$( (cat requirements.txt; echo "$ENGINE"; sha256sum "$ENGINE") | sha256sum | cut -d' ' -f1)
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
  if [ -d "$ENGINE" ]; then
    # The checkout, editable: the project follows the checkout's engine. Built by the setuptools just installed.
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ENGINE"
  else
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$ENGINE"
  fi
  echo "$want" > "$stamp"
fi
