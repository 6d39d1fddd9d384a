#!/usr/bin/env bash
# `mos serve` end to end: builds its page files (scripts/build_serve_assets.sh:
# the viewer bundles and the WASM engine from build-wasm, which
# bindings/wasm/build_and_test.sh builds) into build/share/mos/serve, then
# runs tests/serve/ on real `mos serve` processes: raw HTTP (COOP/COEP,
# traversal, bad requests, connection bound, reload events, vanished
# clients) and the page in Debian's Chromium (playwright-core). ~15 s.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/viewer_common.sh"
need_chromium
mos="${MOS_CLI:-$root/build/bin/mos}"
[ -x "$mos" ] || MOS_BUILD_DIR="$root/build" "$root/scripts/build_native.sh" mos_cli
"$root/scripts/build_serve_assets.sh" "$(dirname "$mos")/../share/mos/serve" >/dev/null
cd "$root"
MOS_CLI="$mos" node --test --test-concurrency=1 tests/serve/
