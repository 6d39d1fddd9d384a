#!/bin/bash
# Renders every example and testdata model to .stl, .svg and .echo with two
# `mos` binaries and lists the files that differ (stderr with the output
# directory masked). Used to check that a speed change leaves every output
# byte as it was.
#   bench/compare_outputs.sh OLD_MOS NEW_MOS [WORKDIR]
set -u
old=$(readlink -f "$1"); new=$(readlink -f "$2"); work=${3:-/tmp/mos-compare-outputs}
rm -rf "$work"; mkdir -p "$work/a" "$work/b"
find /usr/share/openscad/examples /usr/share/openscad/testdata/scad -name '*.scad' | sort > "$work/list.txt"
while read -r f; do
  key=$(echo "$f" | sed 's|/usr/share/openscad/||; s|[/ ]|__|g')
  for side in a b; do
    bin=$old; [ $side = b ] && bin=$new
    out="$work/$side"
    (cd "$(dirname "$f")" && timeout 60 "$bin" -o "$out/$key.stl" -o "$out/$key.svg" -o "$out/$key.echo" \
      "$(basename "$f")" >/dev/null 2>"$out/$key.err"; echo $? > "$out/$key.rc")
  done
done < "$work/list.txt"
n=0; d=0
for f in "$work"/a/*; do
  base=$(basename "$f"); n=$((n+1))
  if [ ! -e "$work/b/$base" ]; then echo "missing $base"; d=$((d+1)); continue; fi
  case "$base" in
    *.err) cmp -s <(sed "s|$work/a|DIR|g" "$f") <(sed "s|$work/b|DIR|g" "$work/b/$base") ;;
    *) cmp -s "$f" "$work/b/$base" ;;
  esac || { echo "DIFF $base"; d=$((d+1)); }
done
for f in "$work"/b/*; do [ -e "$work/a/$(basename "$f")" ] || { echo "extra $(basename "$f")"; d=$((d+1)); }; done
echo "compared $n files, $d differ"
[ $d -eq 0 ]
