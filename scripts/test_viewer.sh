#!/usr/bin/env bash
# Component tests of the viewer in Debian's Chromium (headless, SwiftShader
# WebGL) driven by playwright-core. Installs what it needs, builds the bundle,
# then runs node's test runner on tests/viewer/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/viewer_common.sh"
need_chromium
command -v node >/dev/null || { echo "node missing" >&2; exit 1; }
"$root/scripts/build_viewer.sh" >/dev/null
# tests/viewer/worker-renderer.test.mjs runs the real WASM engine.
"$root/scripts/build_wasm.sh"
cd "$root"
node --test --test-concurrency=1 tests/viewer/
