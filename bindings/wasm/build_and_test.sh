#!/usr/bin/env bash
# Builds the engine core, the embind module and its data packages with
# Debian's emscripten 3.1.6, then tests the WASM build:
#   in Node: the render() API (mesh, stats, options), the golden .echo/.csg
#   corpus, deep recursion, SharedArrayBuffer cancellation from a worker
#   thread, the data packages (MCAD, examples, fonts) in the browser module,
#   text() (against the native CLI when built), the geometry differential
#   through the CLI shim (mos-wasm) on the examples;
#   in Chromium: the render worker and its client (tests/wasm).
# MOS_WASM_FULL_DIFFERENTIAL=1 runs the differential on the whole corpus.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${MOS_WASM_BUILD_DIR:-$root/build-wasm}"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # em++ needs acorn from here
# FreeType and HarfBuzz for text() (fetched and built once, build-wasm-deps/).
"$root/bindings/wasm/build_font_libs.sh"
emcmake cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DMOS_BUILD_WASM=ON -DMOS_BUILD_TESTS=OFF \
  -DMOS_WASM_FONT_PREFIX="${MOS_WASM_DEPS_DIR:-$root/build-wasm-deps}/prefix" >/dev/null
cmake --build "$build" -j"${MOS_JOBS:-2}"
wasm="$build/bindings/wasm"
here="$root/bindings/wasm"
node "$here/mesh_api_test.mjs" "$wasm/mos_wasm_node.mjs"
node "$here/golden_test.mjs" "$wasm/mos_wasm_node.mjs"
node "$here/deep_recursion_test.mjs" "$wasm/mos_wasm_node.mjs"
node "$here/cancel_test.mjs" "$wasm/mos_wasm_node.mjs"
node "$here/data_package_test.mjs" "$wasm"
# text() through the fonts package, parameters(); against the native CLI when it is built.
native="${MOS_NATIVE_CLI:-$root/build/bin/mos}"
if [ -x "$native" ]; then
  node "$here/parameters_test.mjs" "$wasm/mos_wasm_node.mjs" --native "$native"
else
  node "$here/parameters_test.mjs" "$wasm/mos_wasm_node.mjs"
fi
if [ -x "$native" ]; then
  node "$here/text_test.mjs" "$wasm/mos_wasm.mjs" --native "$native"
else
  node "$here/text_test.mjs" "$wasm/mos_wasm.mjs"
fi
# The geometry differential, same runner and references as native.
only=(--only examples/)
[ "${MOS_WASM_FULL_DIFFERENTIAL:-0}" = 1 ] && only=()
MOS_WASM_MODULE="$wasm/mos_wasm_node.mjs" python3 "$root/tests/differential/run_differential.py" \
  --mos "$here/mos-wasm" --memory-limit-mb 0 --jobs "${MOS_JOBS:-2}" \
  --known-extra "$root/tests/differential/known_mismatches_wasm.txt" "${only[@]}"
# The render worker in Chromium (playwright-core from viewer/), as scripts/test_viewer.sh.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium missing: apt-get install -y chromium" >&2; exit 1
  fi
fi
if [ ! -d "$root/viewer/node_modules" ] || [ "$root/viewer/package-lock.json" -nt "$root/viewer/node_modules/.package-lock.json" ]; then
  (cd "$root/viewer" && npm ci --no-audit --no-fund)
fi
MOS_WASM_BUILD_DIR="$build" node --test --test-concurrency=1 "$root/tests/wasm/"
