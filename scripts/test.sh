#!/usr/bin/env bash
# Install Marsad with its test tools and run the whole test suite (README: "Run the tests").
# Also used by CI (.ci/run).  Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium for the dashboard's browser test (never a downloaded browser build).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "Note: chromium not found and no apt-get; the browser test will be skipped" >&2
  fi
fi

python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e '.[dev]'
ruff check src tests scripts
mypy  # the settings and the files checked are in pyproject.toml [tool.mypy]
python -m pytest "$@"
