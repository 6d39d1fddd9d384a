#!/usr/bin/env bash
# The Python package: installs it into build-venv (scripts/install_python.sh),
# runs pytest on tests/python, then the end-to-end test of the example
# notebook in a real marimo server and Debian's Chromium (skip it with
# MOS_SKIP="e2e").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${MOS_VENV:-$root/build-venv}"
skip=" ${MOS_SKIP:-} "
"$root/scripts/install_python.sh"
cd "$root"
"$venv/bin/python" -m pytest -q tests/python
if [[ "$skip" != *" e2e "* ]]; then
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "chromium missing: apt-get install -y chromium" >&2; exit 1
    fi
  fi
  # playwright-core comes with the viewer's npm dev dependencies.
  [ -d viewer/node_modules/playwright-core ] || (cd viewer && npm ci --no-audit --no-fund)
  MOS_PYTHON="$venv/bin/python" node --test --test-concurrency=1 tests/python/e2e/
fi
