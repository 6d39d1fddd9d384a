#!/usr/bin/env bash
# Everything, from a fresh Debian machine: installs all dependencies, builds
# and runs every test: unit tests, golden corpus, install/find_package,
# fuzz corpus replay + a short fuzz run, ThreadSanitizer on the engine's
# threads, the WebAssembly build in Node, and the viewer in Chromium,
# `mos serve` over HTTP and in Chromium, the Python package (pytest) and the
# example notebook in marimo + Chromium. Skip parts with
# MOS_SKIP="fuzz tsan wasm serve viewer python e2e" (serve needs wasm).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
skip=" ${MOS_SKIP:-} "
# The pip build of the Python extension compiles the same sources in
# build-wheel/: with paths relative to the checkout, ccache serves them.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
"$root/scripts/install_deps.sh" all

echo "== native build and ctest"
MOS_BUILD_DIR="$root/build" "$root/scripts/build_native.sh"
# The kernel's CGAL property test (b) in its CI size: its CGAL translation
# unit takes about 70 s of CPU to compile.
cmake -S "$root" -B "$root/build" -DMOS_CGAL_TESTS=ON >/dev/null
cmake --build "$root/build" -j2 --target mos_kernel_cgal_tests
(cd "$root/build" && ctest --output-on-failure -j2)

if [[ "$skip" != *" fuzz "* ]]; then
  echo "== fuzz: replay corpora, then fuzz parser 10 s, parse+evaluate 20 s, DXF and mesh readers 10 s each"
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_parse --seconds 10
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_render --seconds 20
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_dxf --seconds 10
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_mesh_import --seconds 10
  echo "== fuzz: kernel targets (triangulate, polygon2d, boolean), replay, then 10 s each"
  "$root/tests/fuzz/run_fuzz.sh" --ci --kernel --seconds 10
  "$root/tests/fuzz/run_fuzz.sh" --ci --target mos_fuzz_surface --seconds 10
  echo "== fuzz: SVG, AMF, 3MF and .nef3 readers, replay, then 10 s each"
  for t in mos_fuzz_svg mos_fuzz_amf mos_fuzz_3mf mos_fuzz_nef3; do
    "$root/tests/fuzz/run_fuzz.sh" --ci --target "$t" --seconds 10
  done
fi
if [[ "$skip" != *" tsan "* ]]; then
  echo "== tsan: threaded unit tests and concurrent re-renders on one Engine under ThreadSanitizer"
  "$root/scripts/tsan_check.sh"
fi
if [[ "$skip" != *" wasm "* ]]; then
  echo "== wasm: build with emscripten; golden, mesh, cancel, data-package and example differential tests in Node; render worker in Chromium"
  "$root/bindings/wasm/build_and_test.sh"
fi
if [[ "$skip" != *" serve "* && "$skip" != *" wasm "* ]]; then
  echo "== serve: mos serve over HTTP and in Chromium (page, customizer, live reload, traversal)"
  "$root/scripts/test_serve.sh"
fi
if [[ "$skip" != *" viewer "* ]]; then
  echo "== viewer: Three.js viewer bundle in real Chromium"
  "$root/scripts/test_viewer.sh"
fi
if [[ "$skip" != *" python "* ]]; then
  echo "== python: pip install . into build-venv, pytest, notebook end-to-end in marimo + Chromium"
  "$root/scripts/test_python.sh"
fi
echo "test_all: all passed"
