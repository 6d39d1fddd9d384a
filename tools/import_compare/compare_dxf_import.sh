#!/usr/bin/env bash
# import() of every DXF in openscad's testdata, extruded by 1 and exported as
# STL by openscad 2021.01 and by mos, compared by volume and bounding box.
#   tools/import_compare/compare_dxf_import.sh build/bin/mos [scratch dir]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mos="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
cp /usr/share/openscad/testdata/dxf/*.dxf "$work/"
cd "$work"
for f in *.dxf; do
  n="${f%.dxf}"
  echo "linear_extrude(height=1) import(\"$f\");" > "$n.scad"
  timeout 300 nice openscad -o "$n.ref.stl" "$n.scad" >/dev/null 2>&1 || true
  "$mos" -o "$n.mos.stl" "$n.scad" >/dev/null 2>&1 || true
  if [ -f "$n.ref.stl" ] && [ -f "$n.mos.stl" ]; then
    python3 "$here/stl_stats.py" "$n.ref.stl" "$n.mos.stl"
  elif [ -f "$n.ref.stl" ] || [ -f "$n.mos.stl" ]; then
    echo "DIFF $n: only one of openscad / mos wrote an STL"
  else
    echo "OK   $n: neither writes an STL (empty)"
  fi
done
