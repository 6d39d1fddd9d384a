#!/usr/bin/env bash
# Builds the libFuzzer target with Debian's clang and runs it.
#   run_fuzz.sh --ci            replay corpus + regressions, then fuzz 30 s
#   run_fuzz.sh --seconds N     fuzz N seconds (long campaigns; 1 core)
#   --target mos_fuzz_parse     the parser alone (default: mos_fuzz_render)
#   --target mos_fuzz_dxf       the DXF reader (seeds: corpus_dxf + testdata/dxf)
#   --target mos_fuzz_mesh_import  STL/OFF/OBJ readers + repair (seeds: corpus_mesh)
#   --target mos_fuzz_nef3      the .nef3 reader + repair (seeds: corpus_nef3 + testdata/nef3)
#   --target mos_fuzz_triangulate | mos_fuzz_polygon2d | mos_fuzz_boolean
#                               the kernel targets (seeds and regressions in
#                               kernel_corpus/<name>, kernel_regressions/<name>)
#   --kernel                    all three kernel targets, one after the other
#   --target mos_fuzz_surface   surface()'s .dat/PNG readers (seeds in
#                               corpus_surface/, regressions in regressions_surface/)
#   --target mos_fuzz_svg | mos_fuzz_amf | mos_fuzz_3mf
#                               the SVG/AMF/3MF readers (seeds in corpus_svg/,
#                               corpus_amf/, corpus_3mf/ + openscad's testdata)
#   --log FILE                  append one line per fuzz run (UTC date, target,
#                               seconds, executions, exec/s, result) to FILE
#                               (long campaigns: tests/fuzz/CAMPAIGNS.md)
# Environment: MOS_FUZZ_BUILD_DIR (build directory), MOS_FUZZ_CXX_FLAGS (extra
# compile flags, e.g. -fno-sanitize-coverage=trace-cmp for campaigns: the
# comparison tracing costs a third of the time of the kernel targets),
# MOS_FUZZ_FLAGS (extra libFuzzer flags for the campaign run, e.g. -entropic=0),
# MOS_FUZZ_GROWN=DIR (keep the new inputs in DIR/<target> across campaigns,
# so the next one continues from them), MOS_FUZZ_ASAN_EXTRA (appended to
# ASAN_OPTIONS, e.g. malloc_context_size=2).
# Seeds: tests/fuzz/corpus, tests/fuzz/regressions and, when installed, the
# openscad test models (read only). New inputs go to a scratch directory;
# crashes land in tests/fuzz/artifacts/ (git-ignored: copy the ones worth
# keeping into regressions/).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${MOS_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${MOS_FUZZ_SECONDS:-30}"

targets=(mos_fuzz_render)
log=""
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) shift ;;  # the default: replay, then a short run
    --seconds) seconds="$2"; shift 2 ;;
    --target) targets=("$2"); shift 2 ;;
    --kernel) targets=(mos_fuzz_triangulate mos_fuzz_polygon2d mos_fuzz_boolean); shift ;;
    --log) log="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DMOS_BUILD_FUZZ=ON -DMOS_BUILD_TESTS=OFF \
  -DMOS_BUILD_CLI=OFF "-DCMAKE_CXX_FLAGS=${MOS_FUZZ_CXX_FLAGS:-}" >/dev/null
cmake --build "$build" -j"${MOS_JOBS:-2}" --target "${targets[@]}"
# Leak detection is opt-in (MOS_FUZZ_DETECT_LEAKS=1) until a long campaign has
# run with it; the function-literal cycle leak it was off for is fixed.
# A small quarantine keeps ASan from hoarding freed memory across the seeds:
# the process RSS limit is for the whole run, the malloc limit per allocation.
export ASAN_OPTIONS="detect_leaks=${MOS_FUZZ_DETECT_LEAKS:-0}:allocator_may_return_null=1:quarantine_size_mb=32${MOS_FUZZ_ASAN_EXTRA:+:$MOS_FUZZ_ASAN_EXTRA}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
limits=(-timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=2048 -max_len=4096)

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# Runs the fuzzer with its output in a log; prints the summary lines, or the
# log's tail when it failed.
run() {
  local rc=0
  "$fuzzer" "${limits[@]}" "${target_limits[@]}" "$@" >"$scratch/log" 2>&1 || rc=$?
  grep -E "^(#[0-9]+ *(DONE|INITED)|stat::number_of_executed_units|Executed .* in)" "$scratch/log" | tail -n 3 || true
  if [ -n "$log" ] && [ -n "${campaign:-}" ]; then
    local units
    units="$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/log" | tail -n 1)"
    units="${units:-$(grep -oE '^#[0-9]+' "$scratch/log" | tail -n 1 | tr -d '#')}"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$(date -u '+%Y-%m-%d %H:%M')" "$target" "$seconds" \
      "${units:-0}" "$(( ${units:-0} / (seconds > 0 ? seconds : 1) ))" \
      "$([ $rc -eq 0 ] && echo "no crash" || echo "FAILED (exit $rc)")" >>"$log"
  fi
  if [ $rc -ne 0 ]; then
    tail -n 40 "$scratch/log"
    echo "fuzz: FAILED (exit $rc)"
    exit $rc
  fi
}

for target in "${targets[@]}"; do
  fuzzer="$build/tests/fuzz/$target"
  target_limits=()
  case "$target" in
    mos_fuzz_triangulate|mos_fuzz_polygon2d|mos_fuzz_boolean)
      name="${target#mos_fuzz_}"
      corpus="$here/kernel_corpus/$name"
      regressions="$here/kernel_regressions/$name"
      extra=() ;;
    mos_fuzz_dxf)
      corpus="$here/corpus_dxf"; regressions="$corpus"
      extra=()
      [ -d /usr/share/openscad/testdata/dxf ] && extra+=(/usr/share/openscad/testdata/dxf) ;;
    mos_fuzz_mesh_import)
      corpus="$here/corpus_mesh"; regressions="$corpus"; extra=() ;;
    mos_fuzz_nef3)
      corpus="$here/corpus_nef3"; regressions="$corpus"
      extra=()
      [ -d /usr/share/openscad/testdata/nef3 ] && extra+=(/usr/share/openscad/testdata/nef3) ;;
    mos_fuzz_svg|mos_fuzz_amf|mos_fuzz_3mf)
      name="${target#mos_fuzz_}"
      corpus="$here/corpus_$name"; regressions="$corpus"; extra=()
      [ "$name" = svg ] && [ -d /usr/share/openscad/testdata/svg ] && extra+=(/usr/share/openscad/testdata/svg)
      [ "$name" = amf ] && [ -d /usr/share/openscad/testdata/amf ] && extra+=(/usr/share/openscad/testdata/amf)
      true ;;
    mos_fuzz_surface)
      corpus="$here/corpus_surface"; regressions="$here/regressions_surface"
      # The target caps the grid at 65536 cells: no input of 4 KB justifies
      # an allocation of 64 MB (a PNG chunk length once asked stb for 1.6 GB).
      extra=(); target_limits=(-malloc_limit_mb=64)
      [ -d /usr/share/openscad/testdata/image ] && extra+=(/usr/share/openscad/testdata/image) ;;
    *)
      corpus="$here/corpus"
      regressions="$here/regressions"
      extra=()
      [ -d /usr/share/openscad/testdata/scad ] && extra+=(/usr/share/openscad/testdata/scad) ;;
  esac
  mkdir -p "$corpus" "$regressions"
  echo "fuzz: $target: replaying seeds and regressions (leak detection on)"
  mapfile -d '' inputs < <(find "$corpus" "$regressions" -maxdepth 1 -type f ! -name README.md -print0 | sort -zu)
  if [ ${#inputs[@]} -gt 0 ]; then
    ASAN_OPTIONS="${ASAN_OPTIONS/detect_leaks=0/detect_leaks=1}" run "${inputs[@]}"
  fi
  new="$scratch/new"
  [ -n "${MOS_FUZZ_GROWN:-}" ] && new="$MOS_FUZZ_GROWN/$target"
  [ "$new" = "$scratch/new" ] && rm -rf "$new"
  mkdir -p "$here/artifacts" "$new"
  echo "fuzz: $target: fuzzing for $seconds s"
  # MOS_FUZZ_FLAGS adds libFuzzer flags to a campaign (e.g. -entropic=0).
  # shellcheck disable=SC2086
  campaign=1 run -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$here/artifacts/" \
    ${MOS_FUZZ_FLAGS:-} "$new" "$corpus" "${extra[@]}"
done
