#!/usr/bin/env python3
"""Two or more `mos` binaries against the openscad CPU times of one earlier
`run_geometry_bench.py` output, timed alternately per model (5 runs each,
mean CPU time, the method and models of run_geometry_bench.py), so a
before/after pair shares the machine's load and openscad runs only once.

  python3 bench/run_geometry_bench.py --mos build/bin/mos > /tmp/geo.txt
  python3 bench/compare_mos_binaries.py /tmp/geo.txt /path/to/mos-before build/bin/mos
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_geometry_bench as G  # noqa: E402


def main():
    openscad = {}
    for line in open(sys.argv[1]):
        parts = line.split()
        if len(parts) >= 3 and parts[0].startswith(("examples/", "stress/")):
            openscad[parts[0]] = float(parts[1])
    bins = [os.path.abspath(b) for b in sys.argv[2:]]
    ratios = {b: {"examples": [], "stress": []} for b in bins}
    out = "/tmp/mos-compare-binaries.stl"
    for key, path in G.Models(""):
        if key not in openscad:
            continue
        cwd, base = os.path.dirname(path), os.path.basename(path)
        cpus = {b: [] for b in bins}
        for _ in range(5):
            for b in bins:
                cpus[b].append(G.TimeProcess([b, "-o", out, base], cwd, 120)[0])
        row = [key, "%.3f" % openscad[key]]
        for b in bins:
            mean = statistics.mean(cpus[b])
            ratio = openscad[key] / max(mean, 1e-4)
            ratios[b]["stress" if key.startswith("stress/") else "examples"].append(ratio)
            row += ["%.4f" % mean, "%.0f" % ratio]
        print(" ".join(row), flush=True)
    for b in bins:
        for group, rs in ratios[b].items():
            if rs:
                print("%s %s median %.0fx over %d models (min %.1fx)"
                      % (b, group, statistics.median(rs), len(rs), min(rs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
