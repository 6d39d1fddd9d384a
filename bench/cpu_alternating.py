#!/usr/bin/env python3
"""CPU time (user + system, getrusage) of one model under two or more `mos`
binaries, run alternately so that they share the machine's load.

  python3 bench/cpu_alternating.py MODEL.scad MOS_A MOS_B [...] [--runs N]
"""
import resource
import statistics
import subprocess
import sys


def main():
    args = sys.argv[1:]
    runs = 10
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    model, bins = args[0], args[1:]
    times = {b: [] for b in bins}
    for _ in range(runs):
        for b in bins:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([b, model, "-o", "/tmp/mos-cpu-alternating.stl"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[b].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    for b in bins:
        t = times[b]
        print("%s mean %.4f s  median %.4f s  min %.4f s over %d runs"
              % (b, statistics.mean(t), statistics.median(t), min(t), len(t)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
