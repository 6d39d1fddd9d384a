#!/usr/bin/env bash
# Builds the viewer bundle: viewer/src -> python/marimo_openscad/static/viewer.{js,css}
# (git-ignored; MOS_VIEWER_OUT=dir writes elsewhere, as the wheel build does). Three.js is bundled; nothing is loaded from a CDN at run time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/viewer_common.sh"
prepare_viewer build_viewer
out="${MOS_VIEWER_OUT:-$root/python/marimo_openscad/static}"
mkdir -p "$out"
# esbuild through build.mjs: it inlines the render worker (src/render-worker.ts).
node build.mjs "$out"
ls -l "$out"/viewer.js "$out"/viewer.css
