#!/usr/bin/env bash
# Regenerates tests/golden/reference/ from Debian's openscad 2021.01.
#
# For every .scad in the corpus (testdata/scad/** and examples/**) it writes
#   reference/<key>.echo   openscad -o x.echo output
#   reference/<key>.csg    openscad -o x.csg output (absent if openscad wrote none)
#   reference/<key>.meta   sha256 of the input, exit codes, timeouts
# Outputs larger than 32 KB are stored gzipped (<key>.csg.gz) to keep the
# repository small; the runners read either form.
# where <key> is "testdata/<path under testdata/scad>" or "examples/<path>".
# Each model runs exactly as the golden runner runs `mos`: working directory =
# the model's directory, model named by its base name (2021.01 prints paths
# relative to the working directory). Only `timestamp = N` is normalised.
#
# Usage: scripts/make_golden_references.sh [--only KEY_SUBSTRING] [--timeout S]
# Never run in CI (the references are checked in).
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/tests/golden/reference"
timeoutSeconds=60
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --timeout) timeoutSeconds="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v openscad >/dev/null || { echo "openscad not installed" >&2; exit 2; }
source "$here/scripts/golden_corpus.sh"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
count=0
timeouts=0
while IFS=$'\t' read -r key abs; do
  [ -n "$only" ] && [[ "$key" != *"$only"* ]] && continue
  dir="$(dirname "$abs")"; base="$(basename "$abs")"
  mkdir -p "$out/$(dirname "$key")"
  meta="sha256 $(sha256sum < "$abs" | cut -d' ' -f1)"
  for ext in echo csg; do
    rm -f "$tmp/out.$ext"
    ( cd "$dir" && timeout "$timeoutSeconds" env -u OPENSCADPATH openscad -o "$tmp/out.$ext" "$base" \
        >/dev/null 2>&1 )
    rc=$?
    if [ $rc -eq 124 ]; then
      meta+=$'\n'"${ext}_timeout $timeoutSeconds"
      timeouts=$((timeouts + 1))
      echo "TIMEOUT $key ($ext)" >&2
    fi
    meta+=$'\n'"${ext}_exit $rc"
    rm -f "$out/$key.$ext" "$out/$key.$ext.gz"
    if [ -f "$tmp/out.$ext" ]; then
      sed -E 's/timestamp = [0-9]+/timestamp = 0/g' "$tmp/out.$ext" > "$out/$key.$ext"
      if [ "$(stat -c %s "$out/$key.$ext")" -gt 32768 ]; then gzip -9n "$out/$key.$ext"; fi
    else
      meta+=$'\n'"${ext}_written no"
    fi
  done
  printf '%s\n' "$meta" > "$out/$key.meta"
  count=$((count + 1))
done < <(golden_corpus_list)
echo "wrote references for $count models ($timeouts timeouts) into $out"
