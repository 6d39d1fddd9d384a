#!/usr/bin/env bash
# Builds the engine core and the embind module with Debian's emscripten 3.1.6
# and runs the WASM tests in Node: golden .echo comparison, deep recursion and
# text() (the stb_truetype provider, compared with the native CLI if built).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${MOS_WASM_BUILD_DIR:-$root/build-wasm}"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # em++ needs acorn from here
emcmake cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DMOS_BUILD_WASM=ON -DMOS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"${MOS_JOBS:-2}"
wasm="$build/bindings/wasm"
node "$root/bindings/wasm/golden_echo_test.mjs" "$wasm/mos_wasm_node.mjs"
node "$root/bindings/wasm/deep_recursion_test.mjs" "$wasm/mos_wasm_node.mjs"
# text() through the embedded fonts; against the native CLI when it is built.
native="${MOS_NATIVE_CLI:-$root/build/bin/mos}"
if [ -x "$native" ]; then
  node "$root/bindings/wasm/text_test.mjs" "$wasm/mos_wasm.mjs" --native "$native"
else
  node "$root/bindings/wasm/text_test.mjs" "$wasm/mos_wasm.mjs"
fi
