#!/usr/bin/env python3
"""Wall and CPU time with sibling subtrees on threads (--threads 0, the
default) against one thread (--threads 1), alternating the order each round
(never run in CI, never asserted on; needs an otherwise idle machine).

    python3 bench/run_threads_bench.py --mos build/bin/mos [--rounds 16] MODEL.scad...
        one-shot `mos MODEL -o out.stl` processes: median wall and CPU ms
    python3 bench/run_threads_bench.py --engine build/bench/mos_bench_rerender [--rounds 5] MODEL.scad...
        a cold render on a fresh Engine in a running process (what the notebook
        does; mos_bench_rerender --repeats 3, its median), and the warm re-render
        (MODEL's '// rerender:' line)
Prints per model the times and the speedup (1 thread / threads), then the median.
"""
import argparse
import os
import resource
import statistics
import subprocess
import time


def one_shot(mos, model, threads, out):
    if os.path.exists(out):
        os.remove(out)
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([mos, '--threads', str(threads), os.path.basename(model), '-o', out],
                   cwd=os.path.dirname(os.path.abspath(model)), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
    return wall * 1000, cpu * 1000


def engine(bench, model, threads):
    out = subprocess.run([bench, '--threads', str(threads), '--repeats', '3', model],
                         capture_output=True, text=True, check=False).stdout
    name = os.path.basename(model)
    for line in out.splitlines():
        if line.startswith(name):
            f = line.split()
            return float(f[2]), float(f[3]), float(f[5])  # cold wall, warm wall, cold cpu
    return None


def alternating(rounds, run):
    """run(threads) for threads 1 and 0, in alternating order each round:
    {1: [results], 0: [results]} (falsy results left out)."""
    res = {1: [], 0: []}
    for k in range(rounds):
        for t in ((1, 0) if k % 2 == 0 else (0, 1)):
            v = run(t)
            if v:
                res[t].append(v)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--mos')
    ap.add_argument('--engine')
    ap.add_argument('--rounds', type=int, default=0)
    ap.add_argument('models', nargs='+')
    a = ap.parse_args()
    if a.mos:
        a.mos = os.path.abspath(a.mos)  # run in each model's folder
    speedups = []
    if a.mos:
        rounds = a.rounds or 16
        print(f"{'model':28} {'wall 1':>8} {'wall N':>8} {'speedup':>7} {'cpu 1':>7} {'cpu N':>7}  (ms, median of {rounds})")
        for m in a.models:
            res = alternating(rounds, lambda t: one_shot(a.mos, m, t, f'/tmp/mos-threads-bench-{t}.stl'))
            w1, w0 = (statistics.median(x[0] for x in res[t]) for t in (1, 0))
            c1, c0 = (statistics.median(x[1] for x in res[t]) for t in (1, 0))
            speedups.append(w1 / w0)
            print(f"{os.path.basename(m):28} {w1:8.1f} {w0:8.1f} {w1 / w0:7.2f} {c1:7.1f} {c0:7.1f}")
    else:
        rounds = a.rounds or 5
        print(f"{'model':28} {'cold 1':>8} {'cold N':>8} {'speedup':>7} {'warm 1':>8} {'warm N':>8} {'cpu 1':>7} {'cpu N':>7}  (ms)")
        for m in a.models:
            res = alternating(rounds, lambda t: engine(a.engine, m, t))
            if not res[1] or not res[0]:
                print(f"{os.path.basename(m):28} (no '// rerender:' line?)")
                continue
            c1, c0 = (statistics.median(x[0] for x in res[t]) for t in (1, 0))
            w1, w0 = (statistics.median(x[1] for x in res[t]) for t in (1, 0))
            p1, p0 = (statistics.median(x[2] for x in res[t]) for t in (1, 0))
            speedups.append(c1 / c0)
            print(f"{os.path.basename(m):28} {c1:8.2f} {c0:8.2f} {c1 / c0:7.2f} {w1:8.2f} {w0:8.2f} {p1:7.2f} {p0:7.2f}")
    print(f"median speedup {statistics.median(speedups):.2f} over {len(speedups)} models")


if __name__ == '__main__':
    main()
