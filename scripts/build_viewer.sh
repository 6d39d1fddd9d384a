#!/usr/bin/env bash
# Builds the viewer bundle: viewer/src -> python/marimo_openscad/static/viewer.{js,css}
# (git-ignored; MOS_VIEWER_OUT=dir writes elsewhere, as the wheel build does). Three.js is bundled; nothing is loaded from a CDN at run time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "build_viewer: node and npm are needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
cd "$root/viewer"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npx tsc --noEmit -p .
out="${MOS_VIEWER_OUT:-$root/python/marimo_openscad/static}"
mkdir -p "$out"
# esbuild through build.mjs: it inlines the render worker (src/render-worker.ts).
node build.mjs "$out"
ls -l "$out"/viewer.js "$out"/viewer.css
