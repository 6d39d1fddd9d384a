#!/usr/bin/env python3
"""The kernel's stress models, natively (mos_bench_kernel, Google Benchmark)
and in npm manifold-3d (WASM in Node, bench/manifold_bench.mjs) on exactly
the same operand meshes, in one run; prints both times and the ratios.

  (cd bench && npm install)   # once: manifold-3d, a benchmark-only dev dependency
  bench/run_kernel_bench.py --bench build/bench/mos_bench_kernel [--min-time 0.5]
"""

import argparse
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True, help="mos_bench_kernel binary")
    ap.add_argument("--min-time", type=float, default=0.5)
    ap.add_argument("--node", default="node")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        native = json.loads(subprocess.run(
            [os.path.abspath(args.bench), "--export", tmp, "--benchmark_format=json",
             f"--benchmark_min_time={args.min_time}"],
            check=True, capture_output=True, text=True).stdout)
        manifold = json.loads(subprocess.run(
            [args.node, os.path.join(HERE, "manifold_bench.mjs"), tmp, "--min-time", str(args.min_time)],
            check=True, capture_output=True, text=True, cwd=HERE).stdout)
    print(f"{'model':24} {'mos (s)':>10} {'tris':>8} {'manifold (s)':>13} {'tris':>8} {'mos/manifold':>13}")
    for b in native["benchmarks"]:
        name = b["name"].split("/")[0]
        ours = b["real_time"] / 1000.0  # milliseconds
        m = manifold.get(name)
        if m is None:
            print(f"{name:24} {ours:10.4f} {int(b.get('triangles', 0)):8}")
            continue
        print(f"{name:24} {ours:10.4f} {int(b.get('triangles', 0)):8} {m['seconds']:13.4f} "
              f"{m['triangles']:8} {ours / m['seconds']:13.2f}")


if __name__ == "__main__":
    main()
