#!/usr/bin/env bash
# Configures and builds the native tree (gcc, ccache) into ${MOS_BUILD_DIR:-build}.
#   scripts/build_native.sh [cmake target...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MOS_BUILD_DIR:-$root/build}"
jobs="${MOS_JOBS:-2}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOS_BUILD_BENCH=ON >/dev/null
if [ $# -gt 0 ]; then
  for t in "$@"; do cmake --build "$build" -j"$jobs" --target "$t"; done
else
  cmake --build "$build" -j"$jobs"
fi
