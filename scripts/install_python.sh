#!/usr/bin/env bash
# Installs the Python package (engine extension, viewer bundle, `mos` CLI)
# into a virtual environment, ${MOS_VENV:-build-venv} (git-ignored), with
# marimo, SolidPython2 and pytest. Builds with 2 jobs; incremental in
# build-wheel/. Prints nothing but errors unless MOS_VERBOSE=1.
#   scripts/install_python.sh        # then: build-venv/bin/python, build-venv/bin/marimo
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${MOS_VENV:-$root/build-venv}"
"$root/scripts/install_deps.sh" main >/dev/null
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if ! python3 -c "import venv, ensurepip, sysconfig, os, sys
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))" 2>/dev/null; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv python3-dev
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm
fi
# The WASM engine the viewer's worker runs (renderer "auto"/"wasm") is packed
# into the wheel from build-wasm (bindings/python/CMakeLists.txt): bring it up
# to date when emscripten is here (incremental; a no-op when it is).
if command -v emcmake >/dev/null; then
  "$root/scripts/build_wasm.sh"
  wasm_define=(-C "cmake.define.MOS_WASM_DIR=${MOS_WASM_BUILD_DIR:-$root/build-wasm}/bindings/wasm")
else
  wasm_define=()
fi
quiet=(-q)
[ "${MOS_VERBOSE:-0}" = 1 ] && quiet=(-v)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install "${quiet[@]}" --disable-pip-version-check --upgrade pip >/dev/null
fi
CMAKE_BUILD_PARALLEL_LEVEL=2 "$venv/bin/python" -m pip install "${quiet[@]}" \
  --disable-pip-version-check "${wasm_define[@]}" "$root[test]"
echo "install_python: $("$venv/bin/python" -c 'import marimo_openscad as m; print(m.__file__)')"
