#!/bin/bash
# Checks that the kernel of the worktree gives bit-identical results to the
# kernel of an earlier commit: builds that commit's src/kernel (git archive,
# g++ -O3, no cmake) and the worktree's build/src/libmos_kernel.a into two
# copies of each driver, and compares their output:
#   fuzz_dump.cpp           every mesh the boolean fuzz body checks, per input
#   triangulation_dump.cpp  TriangulateOutputFace on 600 random faces with holes
#   bench/identity/compare_kernels.sh BASE_COMMIT [FUZZ_INPUT_DIR...]
# (build the worktree's kernel first: scripts/build_native.sh mos_kernel)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
base=$1; shift
work=${MOS_IDENTITY_WORK:-/tmp/mos-identity}
rm -rf "$work"; mkdir -p "$work/src" "$work/obj"
git -C "$root" archive "$base" src include tests/fuzz/boolean_fuzz.cpp | tar -x -C "$work/src"
(cd "$work/src" && ls src/kernel/*.cpp | xargs -P2 -I{} sh -c 'g++ -O3 -DNDEBUG -std=c++20 -Isrc -Iinclude -c {} -o "$0/obj/$(basename {}).o"' "$work")
ar rcs "$work/libkernel_base.a" "$work"/obj/*.o
for d in fuzz_dump triangulation_dump; do
  (cd "$work/src" && g++ -std=c++20 -O2 -DNDEBUG -Isrc -Iinclude -Itests/fuzz "$root/bench/identity/$d.cpp" "$work/libkernel_base.a" -o "$work/${d}_base")
  (cd "$root" && g++ -std=c++20 -O2 -DNDEBUG -Isrc -Iinclude -Itests/fuzz "$root/bench/identity/$d.cpp" build/src/libmos_kernel.a -o "$work/${d}_new")
done
status=0
"$work/triangulation_dump_base" > "$work/tri_base.txt"
"$work/triangulation_dump_new" > "$work/tri_new.txt"
if cmp -s "$work/tri_base.txt" "$work/tri_new.txt"; then echo "triangulation: $(wc -l < "$work/tri_new.txt") faces identical"; else echo "triangulation: DIFFERENT"; status=1; fi
dirs=("$@"); [ ${#dirs[@]} -eq 0 ] && dirs=("$root/tests/fuzz/kernel_corpus/boolean")
for side in base new; do
  find "${dirs[@]}" -type f | sort | xargs -n 200 "$work/fuzz_dump_$side" | sed 's|^[^ ]*/||' > "$work/fuzz_$side.txt"
done
if cmp -s "$work/fuzz_base.txt" "$work/fuzz_new.txt"; then
  echo "boolean fuzz replay: $(wc -l < "$work/fuzz_new.txt") inputs, $(awk '{s+=$2} END {print s}' "$work/fuzz_new.txt") meshes identical"
else echo "boolean fuzz replay: DIFFERENT"; status=1; fi
exit $status
