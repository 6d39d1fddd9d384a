#!/usr/bin/env python3
"""Child CPU time (getrusage, as run_geometry_bench.py measures it) of two or
more `mos` binaries on one model, run alternately under the same load, all
writing the same output file; prints the mean per binary.

  python3 bench/cpu_side_by_side.py MODEL.scad RUNS BINARY...
"""
import os
import resource
import subprocess
import sys


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    model, runs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    cwd, base = os.path.dirname(os.path.abspath(model)), os.path.basename(model)
    out = os.path.join("/tmp", "mos-side-by-side-%d.stl" % os.getpid())
    total = {b: 0.0 for b in binaries}
    for _ in range(runs):
        for b in binaries:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([os.path.abspath(b), "-o", out, base], cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            total[b] += (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(base, " ".join("%s=%.3fms" % (b, total[b] / runs * 1000) for b in binaries))
    if os.path.exists(out):
        os.unlink(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
