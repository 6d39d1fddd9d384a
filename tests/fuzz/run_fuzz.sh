#!/usr/bin/env bash
# Builds the libFuzzer target with Debian's clang and runs it.
#   run_fuzz.sh --ci            replay corpus + regressions, then fuzz 30 s
#   run_fuzz.sh --seconds N     fuzz N seconds (long campaigns; 1 core)
# Seeds: tests/fuzz/corpus, tests/fuzz/regressions and, when installed, the
# openscad test models (read only). New inputs go to a scratch directory;
# crashes land in tests/fuzz/artifacts/ (git-ignored: copy the ones worth
# keeping into regressions/).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${MOS_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${MOS_FUZZ_SECONDS:-30}"
mode=ci
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) mode=ci; shift ;;
    --seconds) mode=long; seconds="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DMOS_BUILD_FUZZ=ON -DMOS_BUILD_TESTS=OFF \
  -DMOS_BUILD_CLI=OFF >/dev/null
cmake --build "$build" -j"${MOS_JOBS:-2}" --target mos_fuzz_render
fuzzer="$build/tests/fuzz/mos_fuzz_render"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
limits=(-timeout=10 -rss_limit_mb=2048 -max_len=4096)

echo "fuzz: replaying seeds and regressions"
mapfile -d '' inputs < <(find "$here/corpus" "$here/regressions" -type f ! -name README.md -print0)
"$fuzzer" "${limits[@]}" "${inputs[@]}" 2>&1 | tail -n 3

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
seeds=("$here/corpus" "$here/regressions")
[ -d /usr/share/openscad/testdata/scad ] && seeds+=(/usr/share/openscad/testdata/scad)
mkdir -p "$here/artifacts"
echo "fuzz: fuzzing for $seconds s"
"$fuzzer" "${limits[@]}" -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$here/artifacts/" "$scratch" "${seeds[@]}" 2>&1 | tee "$scratch/log" | \
  grep -E "^(#[0-9]+ *(DONE|INITED)|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true
test "${PIPESTATUS[0]}" -eq 0
