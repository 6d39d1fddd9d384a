#!/bin/bash
# Local mismatch counter (not CI; tests/golden has the real runner):
# evaluates every testdata .scad with the evaluator and compares .echo and
# .csg with openscad 2021.01's (cached under $REF, default /tmp/ev/ref).
# Usage: [SRC=dir REF=dir OUT=dir] tools/eval_compare/run.sh [build-dir]
# (build mos_eval and mos_lang first; the examples: SRC=/usr/share/openscad/examples)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
REF=${REF:-/tmp/ev/ref}
OUT=${OUT:-/tmp/ev/ours}
SRC=${SRC:-/usr/share/openscad/testdata/scad}
BIN=$OUT/eval_dump
mkdir -p "$OUT"
g++ -std=c++20 -O1 -I"$ROOT/src" -I"$ROOT/include" "$ROOT/tools/eval_compare/eval_dump.cpp" \
  "$BUILD/src/libmos_eval.a" "$BUILD/src/libmos_lang.a" -o "$BIN" || exit 1
total=0; echoOk=0; csgOk=0; echoNe=0; echoNeOk=0; csgNe=0; csgNeOk=0
: > "$OUT/mismatch.txt"
while IFS= read -r f; do
  rel=${f#$SRC/}
  [ -f "$REF/$rel.csg" ] || continue
  total=$((total+1))
  mkdir -p "$OUT/$(dirname "$rel")"
  (cd "$(dirname "$f")" && timeout 30 "$BIN" "$(basename "$f")" "$OUT/$rel.echo" "$OUT/$rel.csg" >/dev/null 2>&1)
  # openscad writes the echo file of a failed parse too; normalise timestamps in csg
  sed -E 's/timestamp = [0-9]+/timestamp = T/g' "$REF/$rel.csg" > "$OUT/ref.csg"
  sed -E 's/timestamp = [0-9]+/timestamp = T/g' "$OUT/$rel.csg" > "$OUT/our.csg" 2>/dev/null
  if cmp -s "$REF/$rel.echo" "$OUT/$rel.echo"; then echoOk=$((echoOk+1)); e=ok; else e=DIFF; fi
  if cmp -s "$OUT/ref.csg" "$OUT/our.csg"; then csgOk=$((csgOk+1)); c=ok; else c=DIFF; fi
  if [ -s "$REF/$rel.echo" ]; then echoNe=$((echoNe+1)); [ $e = ok ] && echoNeOk=$((echoNeOk+1)); fi
  if [ "$(cat "$REF/$rel.csg")" != "" ]; then csgNe=$((csgNe+1)); [ $c = ok ] && csgNeOk=$((csgNeOk+1)); fi
  [ $e = ok ] && [ $c = ok ] || echo "$rel echo=$e csg=$c" >> "$OUT/mismatch.txt"
done < <(find "$SRC" -name '*.scad' | sort)
echo "files: $total"
echo "echo identical: $echoOk/$total (non-empty refs: $echoNeOk/$echoNe)"
echo "csg identical:  $csgOk/$total (non-empty refs: $csgNeOk/$csgNe)"
echo "mismatches listed in $OUT/mismatch.txt"
