#!/usr/bin/env bash
# ThreadSanitizer check of the engine's threads: builds the engine with
# clang -fsanitize=thread into ${MOS_TSAN_BUILD_DIR:-build-tsan} (only the
# library and the two targets of tests/tsan), then runs
#   mos_tsan_unit    the unit tests of the threaded code (task pool,
#                    two-direction intersection, sibling subtrees on threads,
#                    concurrent and cancelled renders on one Engine), and
#   mos_tsan_render  models rendered through one Engine by three client
#                    threads at once, twice over, each render on all cores,
#                    with parameter changes (warm re-renders on the shared
#                    cache), each mesh compared with a serial render's,
# with halt_on_error=1: any race TSan reports fails the check. Known-benign
# reports are suppressed in tests/tsan/suppressions.txt (each with its why).
#   scripts/tsan_check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MOS_TSAN_BUILD_DIR:-$root/build-tsan}"
"$root/scripts/install_deps.sh" all  # clang, libclang-rt-14-dev (TSan runtime), GoogleTest
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
start=$SECONDS

# -O1 -g1: line numbers in the reports at a fraction of -O2 -g's compile time.
# The prefix map keeps the checkout's folder out of the debug info, so ccache
# serves a checkout in another folder too (CI's fresh clone).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG -fdebug-prefix-map=$root=." \
  -DMOS_BUILD_TSAN=ON -DMOS_BUILD_TESTS=OFF -DMOS_BUILD_CLI=OFF >/dev/null
cmake --build "$build" -j"${MOS_JOBS:-2}" --target mos_tsan_unit mos_tsan_render
echo "tsan: built in $((SECONDS - start)) s"

export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/tests/tsan/suppressions.txt${MOS_TSAN_EXTRA:+:$MOS_TSAN_EXTRA}"
# Without address randomisation: clang 14's TSan runtime cannot map its
# shadow memory on kernels with more random mmap bits than it expects.
run=(setarch "$(uname -m)" -R)
"${run[@]}" "$build/tests/tsan/mos_tsan_unit" --gtest_brief=1

# The re-render models (their first line: "// rerender: NAME VALUE NEW_VALUE..."),
# 2021.01 examples with a parameter, and a model of many sibling subtrees.
ex=/usr/share/openscad/examples
models=()
for f in "$root"/bench/rerender/*.scad; do
  read -r -a spec < <(sed -n '1s|^// rerender: ||p' "$f")
  models+=(--model "$f" "${spec[@]}")
done
models+=(--model "$ex/Parametric/candleStand.scad" CenterCandleWidth 4 5 4
         --model "$ex/Parametric/candleStand.scad" heightOfRing 4 5
         --model "$ex/Old/example001.scad" '$fn' 24 32
         --model "$ex/Old/example017.scad" midhole 10 12
         --model "$ex/Parametric/sign.scad" radius 80 90
         --model "$root/tests/tsan/siblings.scad" hole 3 2.5 3)
"${run[@]}" "$build/tests/tsan/mos_tsan_render" --clients 3 --rounds 2 "${models[@]}"
echo "tsan: passed in $((SECONDS - start)) s"
