#!/usr/bin/env bash
# Compares mos with openscad 2021.01 on the 2D corpus models that use text():
# both export SVG; each model is reported as
#   identical  byte for byte
#   rotated    same contours in the same order, some starting at another vertex
#   reordered  same contours (as vertex sets), in another order
#   different  some contour differs
#   scripts/compare_text_models.sh [build/bin/mos]
# Runs openscad (nice'd); about a minute.
set -uo pipefail
mos="$(realpath "${1:-build/bin/mos}")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
models=(/usr/share/openscad/testdata/scad/2D/features/text-*.scad
        /usr/share/openscad/testdata/scad/2D/issues/issue899.scad
        /usr/share/openscad/testdata/scad/2D/issues/issue3262.scad
        /usr/share/openscad/examples/Functions/recursion.scad
        /usr/share/openscad/examples/Functions/polygon_areas.scad)
for f in "${models[@]}"; do
  b="$(basename "$f" .scad)"
  (cd "$(dirname "$f")" && timeout 120 nice -n 19 openscad -o "$tmp/ref_$b.svg" "$b.scad" >/dev/null 2>&1
   timeout 120 "$mos" -o "$tmp/mos_$b.svg" "$b.scad" >/dev/null 2>&1)
  if [ ! -f "$tmp/ref_$b.svg" ]; then
    [ -f "$tmp/mos_$b.svg" ] && echo "different $b (openscad wrote nothing)" || echo "identical $b (empty)"
    continue
  fi
  python3 - "$tmp/ref_$b.svg" "$tmp/mos_$b.svg" "$b" <<'PY'
import re, sys
def contours(path):
    try:
        t = open(path).read()
    except OSError:
        return None, []
    return t, [tuple(re.findall(r'(-?[\d.e+-]+),(-?[\d.e+-]+)', m.group(1)))
               for m in re.finditer(r'M ([^z]*)z', t)]
def same_cycle(a, b):
    return len(a) == len(b) and (not a or any((a + a)[i:i + len(b)] == b for i in range(len(a))))
ta, ca = contours(sys.argv[1]); tb, cb = contours(sys.argv[2])
if ta == tb: r = 'identical'
elif len(ca) == len(cb) and all(same_cycle(x, y) for x, y in zip(ca, cb)): r = 'rotated'
elif sorted(map(sorted, ca)) == sorted(map(sorted, cb)): r = 'reordered'
else: r = 'different'
print(r, sys.argv[3])
PY
done
