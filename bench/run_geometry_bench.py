#!/usr/bin/env python3
"""Geometry render time of `mos` vs `openscad` 2021.01, whole process, in the
same run: every OpenSCAD example model without text/import/surface (as
tests/differential/corpus.py detects them) and the stress models in
bench/geometry (plates with holes, sphere rows, non-convex minkowski, hull of
spheres, twisted extrusions, ...). Both export STL (a 2D result is rendered
fully before either refuses the STL).

The machine is shared, so the time measured is the child's CPU time
(user + system, from getrusage), which load does not inflate; wall times are
printed beside it. openscad runs once per model with a CPU limit (--timeout);
a model it does not finish counts with the limit as its time (the ratio is
then a lower bound, marked '>'). mos runs --repeats times (mean CPU time, median wall time: the kernel
samples CPU time per tick, which only a mean averages out).

  nice -n 19 bench/run_geometry_bench.py --mos build/bin/mos [--timeout 120] [--only SUBSTR]

--reuse-openscad RESULTS takes openscad's CPU times and exit codes from an
earlier results file instead of running openscad again (its renders are
most of the bench's time): only the mos times are new, and the wall ratio
is not printed ('-'), the earlier file holding no openscad wall times.
"""
import argparse
import glob
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "differential"))
import corpus  # noqa: E402


def InheritedCpuLimit(timeout):
    """Puts the children's CPU limit on this process, which they inherit, when
    its own CPU time is far below it; True if so. A preexec_fn setting the
    limit in the child runs Python code between fork and exec, and that
    (copy-on-write faults of the interpreter's heap included) was counted as
    the child's CPU time: 1.0-1.4 ms per process on this machine, a third of
    a small model's `mos` time (bench/PROFILE.md, "Middle models, session 5").
    Without a preexec_fn, subprocess starts the child by vfork and exec."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    if own.ru_utime + own.ru_stime > timeout / 2:
        return False
    resource.setrlimit(resource.RLIMIT_CPU, (int(timeout), int(timeout) + 1))
    return True


def TimeProcess(cmd, cwd, timeout, inherited=False):
    """(cpu seconds, wall seconds, exit status or None on timeout)."""
    env = dict(os.environ)
    env.pop("OPENSCADPATH", None)

    def Limit():
        resource.setrlimit(resource.RLIMIT_CPU, (int(timeout), int(timeout) + 1))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        rc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, timeout=10 * timeout,
                            preexec_fn=None if inherited else Limit).returncode
    except subprocess.TimeoutExpired:
        rc = None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if rc is not None and (rc == -signal.SIGXCPU or (rc == -signal.SIGKILL and cpu >= timeout - 1)):
        rc = None  # killed at the CPU limit
    return cpu, wall, rc


def Models(only):
    models = []
    for key, path in corpus.ListCorpus():
        if key.startswith("examples/") and not corpus.Feature(key, path):
            models.append((key, path))
    for path in sorted(glob.glob(os.path.join(HERE, "geometry", "*.scad"))):
        models.append(("stress/" + os.path.basename(path), path))
    return [(k, p) for k, p in models if only in k]


def StoredOpenscad(path):
    """model -> (cpu seconds, exit column, timed out) from a results file."""
    stored = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 6 and (parts[0].startswith("examples/") or parts[0].startswith("stress/")):
                exitO = parts[-1].split("/")[0]
                stored[parts[0]] = (float(parts[1]), exitO, exitO == "timeout")
    return stored


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mos", required=True)
    ap.add_argument("--openscad", default="openscad")
    ap.add_argument("--timeout", type=float, default=120, help="openscad CPU seconds per model")
    ap.add_argument("--repeats", type=int, default=5, help="mos runs per model")
    ap.add_argument("--only", default="")
    ap.add_argument("--reuse-openscad", metavar="RESULTS",
                    help="openscad CPU times from this earlier results file; openscad is not run")
    args = ap.parse_args()
    stored = StoredOpenscad(args.reuse_openscad) if args.reuse_openscad else None
    mos = os.path.abspath(args.mos)
    ratios = {"examples": [], "stress": []}
    slower = []
    tmp = tempfile.mkdtemp(prefix="mos-gbench-")
    out = os.path.join(tmp, "out.stl")
    inherited = InheritedCpuLimit(args.timeout)
    print("%-52s %10s %10s %9s %9s  %s" % ("model", "openscad s", "mos s", "ratio", "wall ratio", "exit o/m"))
    for key, path in Models(args.only):
        cwd, base = os.path.dirname(path), os.path.basename(path)
        if stored is not None:
            if key not in stored:
                continue
            oCpu, oRc, storedTimeout = stored[key]
            oWall = None
        else:
            oCpu, oWall, oRc = TimeProcess([args.openscad, "-o", out, base], cwd, args.timeout, inherited)
            storedTimeout = False
        runs = [TimeProcess([mos, "-o", out, base], cwd, args.timeout, inherited)
                for _ in range(args.repeats)]
        mCpu = statistics.mean(r[0] for r in runs)  # mean: CPU time is sampled per tick
        mWall = statistics.median(r[1] for r in runs)
        mRc = runs[0][2]
        lower = oRc is None or storedTimeout
        ratio = oCpu / max(mCpu, 1e-4)
        wallRatio = "%9.0f" % (oWall / max(mWall, 1e-4)) if oWall is not None else "%9s" % "-"
        ratios["stress" if key.startswith("stress/") else "examples"].append(ratio)
        if ratio < 1:
            slower.append(key)
        print("%-52s %10.3f %10.4f %8s%.0f %s  %s/%s" % (
            key, oCpu, mCpu, ">" if lower else " ", ratio, wallRatio,
            "timeout" if lower else oRc, mRc), flush=True)
    for group, rs in ratios.items():
        if rs:
            print("median CPU-time ratio openscad/mos, %s: %.0fx over %d models (min %.1fx, max %.0fx)"
                  % (group, statistics.median(rs), len(rs), min(rs), max(rs)))
    print("models where mos is slower than openscad: %s" % (", ".join(slower) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
