#!/usr/bin/env bash
# Builds (incrementally) the WASM engine the viewer's render worker runs:
# mos_wasm.{mjs,wasm} and its data packages in ${MOS_WASM_BUILD_DIR:-build-wasm}
# (Debian's emscripten 3.1.6). No tests: bindings/wasm/build_and_test.sh has
# them. The wheel build packs the result (bindings/python/CMakeLists.txt).
# Exits 1 without emscripten (scripts/install_deps.sh all installs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MOS_WASM_BUILD_DIR:-$root/build-wasm}"
command -v emcmake >/dev/null || { echo "build_wasm: emscripten missing (apt-get install emscripten)" >&2; exit 1; }
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # em++ needs acorn from here
# FreeType and HarfBuzz for text() (fetched and built once, build-wasm-deps/).
"$root/bindings/wasm/build_font_libs.sh"
[ -f "$build/build.ninja" ] || emcmake cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DMOS_BUILD_WASM=ON -DMOS_BUILD_TESTS=OFF \
  -DMOS_WASM_FONT_PREFIX="${MOS_WASM_DEPS_DIR:-$root/build-wasm-deps}/prefix" >/dev/null
cmake --build "$build" -j"${MOS_JOBS:-2}" --target mos_wasm mos_wasm_data >/dev/null
