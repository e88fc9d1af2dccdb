#!/usr/bin/env bash
# Installs what the site and its tests need, idempotently:
#   scripts/setup.sh          Python virtual environment from requirements.txt (locked, with hashes)
#   scripts/setup.sh --test   the same, plus Debian's Chromium and axe-core from npm
# It says what is missing, and how to get it, instead of failing mid-way.
set -euo pipefail
cd "$(dirname "$0")/.."

missing() { echo "setup: $1" >&2; exit 1; }

PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null 2>&1 || missing "no '$PYTHON' on PATH: install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || missing "$("$PYTHON" --version 2>&1) is too old: Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || missing "could not create .venv: install the venv module (Debian: apt-get install python3-venv)"
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
  # The engine itself, editable: the `cited-explainer` MkDocs plugin entry point and `python -m macros`.
  # No build isolation: the venv's own setuptools builds it, with nothing downloaded.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
# The engine's bytecode (macros/**/__pycache__), written even where PYTHONDONTWRITEBYTECODE is set:
# pip compiles every installed package, but not the editable engine, which would then be compiled
# from source on every build (about 40 ms of each). Python checks each .pyc against its source, so an
# edited module is compiled afresh, never run stale.
.venv/bin/python -m compileall -q macros >/dev/null

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    command -v apt-get >/dev/null 2>&1 \
      || missing "the browser tests need Debian's Chromium at /usr/bin/chromium, and this machine has no apt-get to install it"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null 2>&1 || missing "installing Chromium needs root: run 'apt-get install -y chromium' as root"
      SUDO="sudo"
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  # axe-core (browser tests) and vnu-jar (the Nu HTML Checker, run with the machine's java); --ignore-scripts:
  # vnu-jar's postinstall would download a Java runtime, and the jar is all the tests need.
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    command -v npm >/dev/null 2>&1 \
      || missing "the browser tests need axe-core and vnu-jar from npm, and this machine has no npm (Debian: apt-get install -y npm)"
    npm ci --no-audit --no-fund --silent --ignore-scripts
  fi
  command -v java >/dev/null 2>&1 \
    || missing "the HTML validity test runs the Nu HTML Checker with java (Debian: apt-get install -y default-jre-headless)"
fi
