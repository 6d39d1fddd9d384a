#!/usr/bin/env bash
# Installs the build tree into a fresh prefix, then configures, builds and runs
# a tiny consumer project against it with find_package(mos).
# Usage: install_consumer_test.sh <build dir> <source dir> <work dir>
set -euo pipefail
build="$1"; source="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/tests/install/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer"
test -f "$work/prefix/include/mos/engine.h"
echo "consumer built and ran against $work/prefix"
