#!/usr/bin/env python3
"""Ratios of one or more `mos` binaries against the openscad CPU times of an
earlier run_geometry_bench.py result file, without running openscad again:
compares binaries on the same numerators (e.g. main's and a branch's), each
model's binaries run alternately, --repeats times each, timed as the bench
times them (child CPU time, CPU limit inherited, no preexec_fn).

  python3 bench/mos_ratios_from_results.py bench/results/geometry_bench.txt MOS_A [MOS_B ...]
"""
import argparse
import os
import statistics
import sys

import run_geometry_bench as bench


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("mos", nargs="+")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--preexec", action="store_true",
                    help="time as the bench did before session 5 (CPU limit set by a preexec_fn)")
    args = ap.parse_args()
    openscad = {}
    with open(args.results) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and (parts[0].startswith("examples/") or parts[0].startswith("stress/")):
                openscad[parts[0]] = float(parts[1])
    inherited = not args.preexec and bench.InheritedCpuLimit(args.timeout)
    ratios = {m: {"examples": [], "stress": []} for m in args.mos}
    print("%-52s %10s " % ("model", "openscad s") + " ".join("%18s" % os.path.basename(m) for m in args.mos))
    for key, path in bench.Models(""):
        if key not in openscad:
            continue
        cwd, base = os.path.dirname(path), os.path.basename(path)
        out = "/tmp/mos-ratios-%d.stl" % os.getpid()
        cpu = {m: [] for m in args.mos}
        for _ in range(args.repeats):
            for m in args.mos:
                cpu[m].append(bench.TimeProcess([os.path.abspath(m), "-o", out, base], cwd,
                                                args.timeout, inherited)[0])
        cells = []
        for m in args.mos:
            mean = statistics.mean(cpu[m])
            ratio = openscad[key] / max(mean, 1e-4)
            ratios[m]["stress" if key.startswith("stress/") else "examples"].append(ratio)
            cells.append("%9.4f %7.0fx" % (mean, ratio))
        print("%-52s %10.3f " % (key, openscad[key]) + " ".join(cells), flush=True)
    for m in args.mos:
        for group, rs in ratios[m].items():
            if rs:
                print("%s: median ratio, %s: %.1fx over %d models" % (m, group, statistics.median(rs), len(rs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
