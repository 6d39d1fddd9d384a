#!/usr/bin/env python3
"""The kernel's stress models (bench/kernel_models.h) in one run: natively
(mos_bench_kernel, Google Benchmark), our kernel built with emscripten and run
in Node (mos_bench_kernel_wasm.js, a plain timing loop) and npm manifold-3d
(WASM in Node, bench/manifold_bench.mjs) on exactly the same operand meshes.
Prints per model the three median CPU times of one run (process CPU time:
the machine is shared, so wall-clock times mislead; they are printed
below), the ratios ours-WASM/manifold and native/manifold, and each
process's peak RSS (one process per model and engine; the Node ones include
Node itself, ~40 MB).

  (cd bench && npm ci)        # once: manifold-3d, a benchmark-only dev dependency
  scripts/build_native.sh mos_bench_kernel
  bindings/wasm/build_font_libs.sh   # once: the WASM configure needs FreeType/HarfBuzz
  export NODE_PATH=/usr/share/nodejs  # em++ needs acorn from here
  emcmake cmake -S . -B build-wasm-bench -G Ninja -DCMAKE_BUILD_TYPE=Release \\
      -DMOS_BUILD_BENCH=ON -DMOS_BUILD_TESTS=OFF -DMOS_BUILD_CLI=OFF \\
      -DMOS_WASM_FONT_PREFIX="$PWD/build-wasm-deps/prefix"
  cmake --build build-wasm-bench -j2 --target mos_bench_kernel_wasm
  bench/run_kernel_bench.py --bench build/bench/mos_bench_kernel \\
      --wasm build-wasm-bench/bench/mos_bench_kernel_wasm.js [--min-time 0.5] [--only REGEX]

Without --wasm the WASM column is left out. Never run in CI.
"""

import argparse
import json
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run_measured(cmd, cwd=None):
    """Runs cmd; returns (stdout, peak RSS in MB) of that process alone."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=cwd)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}")
    return out, usage.ru_maxrss / 1024.0


def model_names(bench):
    out = subprocess.run([bench, "--benchmark_list_tests=true"], check=True, capture_output=True,
                         text=True).stdout
    return [line.split("/")[0] for line in out.split() if line]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True, help="mos_bench_kernel binary")
    ap.add_argument("--wasm", help="mos_bench_kernel_wasm.js (emscripten build)")
    ap.add_argument("--min-time", type=float, default=0.5)
    ap.add_argument("--node", default="node")
    ap.add_argument("--only", help="regular expression: run only the models whose name it matches")
    args = ap.parse_args()
    bench = os.path.abspath(args.bench)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([bench, "--export", tmp, "--benchmark_filter=^$"], check=True, capture_output=True)
        for name in model_names(bench):
            if args.only and not re.search(args.only, name):
                continue
            out, native_mb = run_measured([bench, f"--benchmark_filter=^{name}(/|$)", "--benchmark_format=json",
                                           f"--benchmark_min_time={args.min_time}"])
            b = json.loads(out)["benchmarks"][0]
            row = {"name": name, "native": b["cpu_time"] / 1000.0, "native_wall": b["real_time"] / 1000.0,
                   "tris": int(b.get("triangles", 0)), "native_mb": native_mb}
            if args.wasm:
                out, row["wasm_mb"] = run_measured([args.node, os.path.abspath(args.wasm), "--model", name,
                                                    "--min-time", str(args.min_time)])
                w = json.loads(out)[name]
                row["wasm"], row["wasm_wall"] = w["cpu_seconds"], w["seconds"]
            out, row["manifold_mb"] = run_measured(
                [args.node, os.path.join(HERE, "manifold_bench.mjs"), tmp, "--model", name, "--min-time",
                 str(args.min_time)], cwd=HERE)
            m = json.loads(out)[name]
            row["manifold"], row["manifold_wall"], row["manifold_tris"] = m["cpu_seconds"], m["seconds"], m["triangles"]
            rows.append(row)
    print("CPU seconds per run (median); mf = npm manifold-3d (WASM in Node); peak = max RSS of the process (MB)")
    print(f"{'model':20} {'native':>8} {'wasm':>8} {'manifold':>9} {'wasm/mf':>8} {'native/mf':>9} "
          f"{'tris':>7} {'mf tris':>7} {'peak native/wasm/mf MB':>23}")
    for r in rows:
        wasm = f"{r['wasm']:8.4f}" if "wasm" in r else f"{'-':>8}"
        ratio = f"{r['wasm'] / r['manifold']:8.2f}" if "wasm" in r else f"{'-':>8}"
        wasm_mb = f"{r['wasm_mb']:.0f}" if "wasm_mb" in r else "-"
        print(f"{r['name']:20} {r['native']:8.4f} {wasm} {r['manifold']:9.4f} {ratio} "
              f"{r['native'] / r['manifold']:9.2f} {r['tris']:7} {r['manifold_tris']:7} "
              f"{r['native_mb']:9.0f}/{wasm_mb}/{r['manifold_mb']:.0f}")
    print("\nwall-clock seconds per run (median; the other jobs on the machine inflate them)")
    print(f"{'model':20} {'native':>8} {'wasm':>8} {'manifold':>9}")
    for r in rows:
        wasm = f"{r['wasm_wall']:8.4f}" if "wasm_wall" in r else f"{'-':>8}"
        print(f"{r['name']:20} {r['native_wall']:8.4f} {wasm} {r['manifold_wall']:9.4f}")


if __name__ == "__main__":
    main()
