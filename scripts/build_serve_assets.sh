#!/usr/bin/env bash
# Builds the files `mos serve` serves (cli/serve/serve_command.h) into one
# directory, by default build/share/mos/serve (where build/bin/mos looks):
#   index.html                          viewer/src/serve.html
#   serve-page.js/.css, render-worker.js  viewer/src bundled (viewer/build-serve.mjs)
#   mos_wasm.mjs/.wasm, mos_data.mjs, mos_fonts.data, mos_libraries.data
#                                       the WASM engine from build-wasm
#                                       (bindings/wasm/build_and_test.sh)
#   scripts/build_serve_assets.sh [out-dir]   (MOS_WASM_BUILD_DIR: the WASM build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/viewer_common.sh"
out="${1:-$root/build/share/mos/serve}"
engine="${MOS_WASM_BUILD_DIR:-$root/build-wasm}/bindings/wasm"
for f in mos_wasm.mjs mos_wasm.wasm mos_data.mjs mos_fonts.data mos_libraries.data; do
  [ -f "$engine/$f" ] || { echo "build_serve_assets: $engine/$f missing: run bindings/wasm/build_and_test.sh" >&2; exit 1; }
done
prepare_viewer build_serve_assets
mkdir -p "$out"
node build-serve.mjs "$out"
cp src/serve.html "$out/index.html"
for f in mos_wasm.mjs mos_wasm.wasm mos_data.mjs mos_fonts.data mos_libraries.data; do
  cp "$engine/$f" "$out/$f"
done
ls "$out"
