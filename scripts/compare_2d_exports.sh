#!/usr/bin/env bash
# Byte comparison of mos's SVG and DXF exports with openscad 2021.01's on the
# 2D test models of Debian's openscad-testing-data (models using text(),
# import() or surface() are left out). Runs openscad, so it is a tool for
# people, not a CI test.
#   scripts/compare_2d_exports.sh [path to mos]   (default build/bin/mos)
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
mos="${1:-$root/build/bin/mos}"
data=/usr/share/openscad/testdata/scad
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
same=0 differ=0
for f in "$data"/2D/features/*.scad "$data"/bugs2D/*.scad; do
  case "$(basename "$f")" in *text*|*import*|*surface*) continue ;; esac
  grep -qE '\b(text|import|surface)[[:space:]]*\(' "$f" && continue
  n="$(basename "$f" .scad)"
  for ext in svg dxf; do
    timeout 60 nice -n 19 openscad -o "$work/ref.$ext" "$f" >/dev/null 2>&1 || continue
    [ -s "$work/ref.$ext" ] || continue
    timeout 60 "$mos" -o "$work/mos.$ext" "$f" >/dev/null 2>&1
    if cmp -s "$work/ref.$ext" "$work/mos.$ext"; then
      same=$((same + 1))
    else
      differ=$((differ + 1)); echo "differs: $n.$ext"
    fi
    rm -f "$work/ref.$ext" "$work/mos.$ext"
  done
done
echo "identical: $same of $((same + differ))"
