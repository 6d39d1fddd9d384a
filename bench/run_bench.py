#!/usr/bin/env python3
"""Evaluation speed of `mos` vs `openscad` 2021.01, both exporting .echo, on
the function-heavy models in bench/scad (each takes openscad >= 0.3 s, so
process start-up does not decide the ratio).

Whole-process times: hyperfine if installed, else repeated runs timed here
(median). In-process times: bench/bench_render.cpp (Engine::Render only).
Prints per-model times and the median openscad/mos ratio.

  bench/run_bench.py --mos build/bin/mos --bench build/bench/mos_bench_render [--repeats 5]
"""

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def time_process(cmd, cwd, repeats):
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(repeats),
                            "--export-json", out.name, " ".join(cmd)], cwd=cwd, check=True,
                           stdout=subprocess.DEVNULL)
            return json.load(open(out.name))["results"][0]["median"]
    times = []
    for r in range(repeats + 1):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r > 0:  # the first run warms caches
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mos", required=True)
    ap.add_argument("--bench", help="mos_bench_render binary (in-process times)")
    ap.add_argument("--openscad", default="openscad")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    models = sorted(glob.glob(os.path.join(HERE, "scad", "*.scad")))
    mos = os.path.abspath(args.mos)
    tmp = tempfile.mkdtemp()
    in_process = {}
    if args.bench:
        out = subprocess.run([os.path.abspath(args.bench), "--repeats", str(args.repeats)] + models,
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            path, median, _best = line.split()
            in_process[path] = float(median)
    ratios, in_ratios = [], []
    print("%-24s %10s %10s %8s %12s %8s" % ("model", "openscad", "mos", "ratio", "mos in-proc", "ratio"))
    for model in models:
        cwd, base = os.path.dirname(model), os.path.basename(model)
        t_os = time_process([args.openscad, "-o", os.path.join(tmp, "o.echo"), base], cwd, args.repeats)
        t_mos = time_process([mos, "-o", os.path.join(tmp, "m.echo"), base], cwd, args.repeats)
        ratio = t_os / t_mos
        ratios.append(ratio)
        t_in = in_process.get(model)
        in_ratio = t_os / t_in if t_in else None
        if in_ratio:
            in_ratios.append(in_ratio)
        print("%-24s %9.3fs %9.3fs %7.1fx %11s %8s" % (
            base, t_os, t_mos, ratio, "%.4fs" % t_in if t_in else "-",
            "%.1fx" % in_ratio if in_ratio else "-"))
    print("median ratio openscad/mos, whole process: %.2fx" % statistics.median(ratios))
    if in_ratios:
        print("median ratio openscad (process)/mos (in-process Render): %.2fx" % statistics.median(in_ratios))
    shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
