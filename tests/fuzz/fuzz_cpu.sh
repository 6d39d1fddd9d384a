#!/usr/bin/env bash
# CPU cost per execution of a fuzz target (user + sys CPU seconds, not wall
# time: the machine is shared), with run_fuzz.sh's sanitizer options.
#   fuzz_cpu.sh FUZZER CORPUS_DIR            replay the corpus once (-runs=0)
#   fuzz_cpu.sh FUZZER CORPUS_DIR RUNS SEED  fixed-seed fuzzing: RUNS executions
#                                            in all (the corpus load included)
# Extra libFuzzer flags in MOS_FUZZ_CPU_FLAGS (e.g. -entropic=0). New inputs
# go to a scratch directory; CORPUS_DIR is only read.
set -euo pipefail
fuzzer="$1"
corpus="$2"
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:quarantine_size_mb=32:malloc_context_size=2"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/new"
if [ $# -ge 4 ]; then
  run=(-runs="$3" -seed="$4" "$scratch/new" "$corpus")
else
  run=(-runs=0 "$corpus")
fi
# shellcheck disable=SC2086
/usr/bin/time -f "%U %S" -o "$scratch/time" "$fuzzer" -timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=2048 \
  -max_len=4096 -print_final_stats=1 ${MOS_FUZZ_CPU_FLAGS:-} "${run[@]}" >"$scratch/log" 2>&1 || {
  tail -n 30 "$scratch/log"
  exit 1
}
units="$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/log" | tail -n 1)"
awk -v n="${units:-0}" '{ cpu = $1 + $2; printf "cpu %.2f s, %d executions, %.2f ms/execution, %.1f executions per CPU second\n", cpu, n, cpu * 1000 / n, n / cpu }' "$scratch/time"
