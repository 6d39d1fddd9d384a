#!/usr/bin/env python3
"""Golden runner: `mos` against openscad 2021.01 references, byte for byte.

Each model runs as the references were made: working directory = the
model's directory, the model named by its base name. Prints the identical
counts for .echo and .csg over all references and over the non-empty ones.
Fails on a mismatch not listed in known_mismatches.txt (a regression) and on
stale references; lists known mismatches that now match.

  tests/golden/run_golden.py --mos build/bin/mos [--only SUBSTR] [--write-known]
"""

import argparse
import concurrent.futures
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden_lib as G  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


MEMORY_LIMIT = 2 << 30  # bytes of address space per model: a runaway loop must not take the machine


def limit_memory():
    if MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_one(mos, corpus_root, key, timeout):
    path = G.corpus_path(corpus_root, key)
    with tempfile.TemporaryDirectory(prefix="mos-golden-") as tmp:
        outs = {kind: os.path.join(tmp, "out." + kind) for kind in G.KINDS}
        cmd = [mos, "-o", outs["echo"], "-o", outs["csg"], os.path.basename(path)]
        env = dict(os.environ)
        env.pop("OPENSCADPATH", None)
        try:
            proc = subprocess.run(cmd, cwd=os.path.dirname(path), env=env, timeout=timeout,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  preexec_fn=limit_memory)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
        produced = {}
        for kind, out in outs.items():
            if os.path.exists(out):
                with open(out, "rb") as f:
                    produced[kind] = G.normalise(f.read())
            else:
                produced[kind] = None
    return key, status, produced


def main():
    global MEMORY_LIMIT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mos", required=True)
    ap.add_argument("--reference", default=os.path.join(HERE, "reference"))
    ap.add_argument("--known", default=os.path.join(HERE, "known_mismatches.txt"))
    ap.add_argument("--corpus-root", default=os.environ.get("MOS_CORPUS_ROOT", "/usr/share/openscad"))
    ap.add_argument("--known-extra", default="",
                    help="a second list, added to --known (known_mismatches_wasm.txt for the WASM build)")
    ap.add_argument("--only", default="")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--write-known", action="store_true",
                    help="rewrite the known-mismatch list from this run (keeps existing reasons)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--memory-limit-mb", type=int, default=MEMORY_LIMIT >> 20,
                    help="address space per model (RLIMIT_AS); 0: none (the WASM build through "
                         "bindings/wasm/mos-wasm: V8 reserves more, the module caps its heap at 2 GB)")
    args = ap.parse_args()
    MEMORY_LIMIT = args.memory_limit_mb << 20

    mos = os.path.abspath(args.mos)
    keys = [k for k in G.list_keys(args.reference) if args.only in k]
    if not keys:
        print("no references found in %s" % args.reference)
        return 1
    missing = [k for k in keys if not os.path.exists(G.corpus_path(args.corpus_root, k))]
    if missing:
        print("corpus files missing (install openscad and openscad-testing-data): %s ..." % missing[0])
        return 1
    stale = [k for k in keys if not G.input_is_current(args.corpus_root, args.reference, k)]
    if stale:
        for k in stale:
            print("STALE reference (input changed): %s; rerun scripts/make_golden_references.sh" % k)
        return 1

    known = G.read_known(args.known)
    if args.known_extra:
        known.update(G.read_known(args.known_extra))
    results = {}
    statuses = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, mos, args.corpus_root, k, args.timeout) for k in keys]
        for fut in concurrent.futures.as_completed(futures):
            key, status, produced = fut.result()
            statuses[key] = status
            for kind in G.KINDS:
                expected = G.read_reference(args.reference, key, kind)
                actual = produced[kind]
                same = expected == actual
                detail = "" if same else G.first_difference(expected, actual)
                if status == "timeout":
                    same, detail = False, "timeout after %gs" % args.timeout
                results[(key, kind)] = (same, expected, detail)
            meta = G.read_meta(args.reference, key)
            expectedExit = int(meta.get("echo_exit", "0"))
            results[(key, "exit")] = (status == expectedExit, None,
                                      "exit status %s, openscad %d" % (status, expectedExit))

    # A crash, signal or timeout fails the run unless listed as an `exit` mismatch.
    crashes = sorted(k for k, s in statuses.items() if s not in (0, 1) and (k, "exit") not in known)
    regressions, now_matching = G.summarise(results, known, sys.stdout)
    print("models: %d, known mismatches listed: %d" % (len(keys), len(known)))
    if args.verbose:
        for (key, kind), (same, _e, detail) in sorted(results.items()):
            if not same:
                print("  %s %s: %s" % (key, kind, detail))
    for key in crashes:
        print("ABNORMAL EXIT (%s): %s" % (statuses[key], key))
    for key, kind in now_matching:
        print("NOW MATCHES (remove from %s): %s %s" % (os.path.basename(args.known), key, kind))
    for key, kind in regressions:
        print("REGRESSION: %s %s: %s" % (key, kind, results[(key, kind)][2]))

    if args.write_known:
        with open(args.known, "w", encoding="utf-8") as f:
            f.write("# Mismatches of mos against openscad 2021.01: '<key> <echo|csg|exit> <reason>'.\n"
                    "# The golden runners fail on a mismatch not listed here. Shrink it.\n")
            for (key, kind), (same, _e, detail) in sorted(results.items()):
                if not same:
                    f.write("%s %s %s\n" % (key, kind, known.get((key, kind), detail)))
        print("wrote %s" % args.known)
        return 0
    return 1 if regressions or crashes else 0


if __name__ == "__main__":
    sys.exit(main())
