#!/usr/bin/env bash
# Installs everything and serves examples/quickstart.py on 127.0.0.1:
#   scripts/run_notebook.sh [notebook.py] [marimo run options, e.g. -p 2718]
# (`marimo run`: the app view; MOS_MARIMO_MODE=edit opens the editor instead).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${MOS_VENV:-$root/build-venv}"
"$root/scripts/install_python.sh"
notebook="$root/examples/quickstart.py"
if [ $# -gt 0 ] && [[ "$1" == *.py ]]; then notebook="$1"; shift; fi
exec "$venv/bin/python" -m marimo "${MOS_MARIMO_MODE:-run}" "$notebook" \
  --host 127.0.0.1 --headless --no-sandbox "$@"
