#!/usr/bin/env bash
# The main job, from a fresh Debian machine: installs what is needed, builds
# `mos`, and renders every OpenSCAD example to .echo and .csg under
# ${1:-out/examples}, and to .stl where the example is a solid.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/out/examples}")"
"$root/scripts/install_deps.sh" main
MOS_BUILD_DIR="$root/build" "$root/scripts/build_native.sh" mos_cli
mos="$root/build/bin/mos"
examples=/usr/share/openscad/examples
count=0; failed=0; solids=0
while IFS= read -r -d '' f; do
  rel="${f#$examples/}"
  mkdir -p "$out/$(dirname "$rel")"
  # Same working directory as openscad users have: the model's folder.
  if (cd "$(dirname "$f")" && "$mos" -o "$out/${rel%.scad}.echo" -o "$out/${rel%.scad}.csg" \
        "$(basename "$f")" 2>/dev/null); then
    count=$((count + 1))
    # The solid, where there is one (2D and text/import examples are not
    # exported yet; mos says why on stderr).
    if (cd "$(dirname "$f")" && "$mos" -o "$out/${rel%.scad}.stl" "$(basename "$f")" \
          >/dev/null 2>"$out/${rel%.scad}.stl.log"); then
      solids=$((solids + 1))
    fi
  else
    failed=$((failed + 1)); echo "failed: $rel" >&2
  fi
done < <(find "$examples" -name '*.scad' -print0 | sort -z)
echo "rendered $count examples into $out ($failed failed); $solids written as .stl"
[ "$failed" -eq 0 ]
