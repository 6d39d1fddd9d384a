#!/usr/bin/env bash
# Everything, from a fresh Debian machine: installs all dependencies, builds
# and runs every test: unit tests, golden corpus, install/find_package,
# fuzz corpus replay + a short fuzz run, the WebAssembly build in Node, and
# the viewer in Chromium. Skip parts with MOS_SKIP="fuzz wasm viewer".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
skip=" ${MOS_SKIP:-} "
"$root/scripts/install_deps.sh" all

echo "== native build and ctest"
MOS_BUILD_DIR="$root/build" "$root/scripts/build_native.sh"
(cd "$root/build" && ctest --output-on-failure -j2)

if [[ "$skip" != *" fuzz "* ]]; then
  echo "== fuzz: replay corpus, then fuzz the parser 10 s and parse+evaluate 20 s"
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_parse --seconds 10
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_render --seconds 20
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_surface --seconds 10
fi
if [[ "$skip" != *" wasm "* ]]; then
  echo "== wasm: build with emscripten, golden echo + deep recursion in Node"
  "$root/bindings/wasm/build_and_test.sh"
fi
if [[ "$skip" != *" viewer "* ]]; then
  echo "== viewer: Three.js viewer bundle in real Chromium"
  "$root/scripts/test_viewer.sh"
fi
echo "test_all: all passed"
