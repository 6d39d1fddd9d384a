#!/usr/bin/env python3
"""Differential runner: the geometry `mos` renders against openscad 2021.01's,
compared by properties (tests/differential/reference/references.json, made by
scripts/make_differential_references.py; CI never runs openscad).

Each model runs as the references were made (working directory = the model's
directory, model named by its base name). Both sides' STL/SVG files go
through the same code (mesh_props.py). Tolerances, with
  d = 1e-5 x the largest |coordinate| of the reference bbox:
both files carry 6 significant digits, so one coordinate of two results that
agree exactly may still differ by one unit in the sixth digit, which is at
most 1e-5 |c| (the issue's 6e-6 covers one rounding only). Then
  bbox: every coordinate within d;
  |dV| <= 1e-6 |V| + A d    (moving each vertex by <= d changes V by <= A d);
  |dA| <= 1e-6 A + L d      (L: total edge length; each edge moves by <= d);
  where 2021.01's STL (welded by exact coordinates) is manifold: ours must be
  manifold and have the same component count and genus. Where it is not
  (touching solids), the topology is not compared.
  2D: area as volume (perimeter for A), bbox within d, polygon and hole counts.
  empty: mos must write no geometry.
The vertex count is reported (tessellation identical) but not required:
2021.01 triangulates CGAL faces its own way.

Prints the pass count of the whole corpus, per feature (3D/2D geometry,
text, import, surface: the "feature" of each reference, corpus.Feature),
the issue-4 figure (geometry only, without text/import/surface) and per
directory, every mismatch with its numbers, the models not compared (2D
without a mos SVG exporter, openscad errors and timeouts, huge references). Fails on a mismatch not listed in
known_mismatches.txt ('<key> <reason>' lines) and on stale references.

  tests/differential/run_differential.py --mos build/bin/mos [--only SUBSTR] [--verbose]
"""
import argparse
import concurrent.futures
import json
import os
import re
import resource
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402
import mesh_props  # noqa: E402

MEMORY_LIMIT = 2 << 30


def LimitMemory():
    if MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def RunMos(mos, path, ext, timeout):
    """(status, properties or None, message)."""
    with tempfile.TemporaryDirectory(prefix="mos-diff-") as tmp:
        out = os.path.join(tmp, "out." + ext)
        env = dict(os.environ)
        env.pop("OPENSCADPATH", None)
        try:
            proc = subprocess.run([mos, "-o", out, os.path.basename(path)], cwd=os.path.dirname(path),
                                  env=env, timeout=timeout, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, errors="replace",
                                  preexec_fn=LimitMemory)
        except subprocess.TimeoutExpired:
            return "timeout", None, "timeout after %gs" % timeout
        tail = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
        if not os.path.exists(out):
            return proc.returncode, None, tail
        props = mesh_props.StlProperties(out) if ext == "stl" else mesh_props.SvgProperties(out)
        return proc.returncode, props, tail


def Tolerance(ref):
    bbox = ref.get("bbox")
    if not bbox:
        return 0.0
    return 1e-5 * max(abs(c) for corner in bbox for c in corner)


def Compare3d(ref, got):
    """List of mismatch descriptions (empty when the results agree)."""
    d = Tolerance(ref)
    problems = []
    if got["triangles"] == 0:
        return ["mos result is empty, openscad V=%g" % ref["volume"]]
    for k in range(2):
        for axis in range(3):
            a, b = ref["bbox"][k][axis], got["bbox"][k][axis]
            if abs(a - b) > d:
                problems.append("bbox %s%s %.9g vs %.9g" % ("min" if k == 0 else "max", "xyz"[axis], a, b))
    dv = abs(ref["volume"] - got["volume"])
    if dv > 1e-6 * abs(ref["volume"]) + ref["area"] * d:
        problems.append("volume %.9g vs %.9g (rel %.2g)" % (ref["volume"], got["volume"],
                                                            dv / max(abs(ref["volume"]), 1e-300)))
    da = abs(ref["area"] - got["area"])
    if da > 1e-6 * ref["area"] + ref["edge_length"] * d:
        problems.append("area %.9g vs %.9g (rel %.2g)" % (ref["area"], got["area"],
                                                          da / max(ref["area"], 1e-300)))
    if ref["manifold"]:
        if not got["manifold"]:
            problems.append("mos result not manifold (openscad's is)")
        else:
            if got["components"] != ref["components"]:
                problems.append("components %d vs %d" % (ref["components"], got["components"]))
            if got["genus"] != ref["genus"]:
                problems.append("genus %d vs %d" % (ref["genus"], got["genus"]))
    return problems


def Compare2d(ref, got):
    d = Tolerance(ref)
    problems = []
    if not got["bbox"]:
        return ["mos result is empty, openscad area=%g" % ref["area"]]
    for k in range(2):
        for axis in range(2):
            a, b = ref["bbox"][k][axis], got["bbox"][k][axis]
            if abs(a - b) > d:
                problems.append("bbox %s%s %.9g vs %.9g" % ("min" if k == 0 else "max", "xy"[axis], a, b))
    da = abs(ref["area"] - got["area"])
    if da > 1e-6 * abs(ref["area"]) + ref["perimeter"] * d:
        problems.append("area %.9g vs %.9g" % (ref["area"], got["area"]))
    for field in ("polygons", "holes"):
        if ref[field] != got[field]:
            problems.append("%s %d vs %d" % (field, ref[field], got[field]))
    return problems


def Check(mos, key, path, ref, timeout, maxTriangles):
    """(outcome, detail, props): outcome in pass, mismatch, notcompared."""
    kind = ref["kind"]
    if maxTriangles and ref.get("triangles", 0) > maxTriangles:
        return "notcompared", "large (%d triangles; run with --max-triangles 0)" % ref["triangles"], None
    if kind in ("excluded", "timeout", "error"):
        reason = ref.get("reason") or ("openscad timeout" if kind == "timeout" else
                                       "openscad error, exit %s" % ref.get("exit"))
        return "notcompared", reason, None
    if kind == "3d" and ref.get("triangles") == 0:
        kind = "empty"  # 2021.01 wrote an STL without facets (all faces degenerate)
    if kind == "empty":
        status, props, msg = RunMos(mos, path, "stl", timeout)
        if props is None or props["triangles"] == 0:
            return "pass", "", props
        return "mismatch", "openscad result empty, mos wrote %d triangles" % props["triangles"], props
    if kind == "2d":
        status, props, msg = RunMos(mos, path, "svg", timeout)
        if props is None:
            if status == 1 and "not available" in msg:
                return "notcompared", "2D: mos has no SVG export yet", None
            return "mismatch", "mos wrote no SVG (exit %s): %s" % (status, msg), None
        problems = Compare2d(ref, props)
        return ("mismatch" if problems else "pass"), "; ".join(problems), props
    status, props, msg = RunMos(mos, path, "stl", timeout)
    if props is None:
        return "mismatch", "mos wrote no STL (exit %s): %s" % (status, msg), None
    problems = Compare3d(ref, props)
    return ("mismatch" if problems else "pass"), "; ".join(problems), props


def ReadKnown(path):
    known = {}
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^(.*?\.scad)\s+(.*)$", line)
            if not m:
                raise ValueError("%s:%d: expected '<key> <reason>'" % (path, number))
            known[m.group(1)] = m.group(2)
    return known


def Category(key):
    parts = key.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def main():
    global MEMORY_LIMIT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mos", required=True)
    ap.add_argument("--reference", default=os.path.join(HERE, "reference", "references.json"))
    ap.add_argument("--known", default=os.path.join(HERE, "known_mismatches.txt"))
    ap.add_argument("--known-extra", default="",
                    help="a second list, added to --known (known_mismatches_wasm.txt for the WASM build)")
    ap.add_argument("--only", default="")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--max-triangles", type=int, default=300000,
                    help="skip references larger than this (their ASCII STL takes minutes in Python); 0: none")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--memory-limit-mb", type=int, default=MEMORY_LIMIT >> 20,
                    help="address space per model (RLIMIT_AS); 0: none (the WASM build through "
                         "bindings/wasm/mos-wasm: V8 reserves more, the module caps its heap at 2 GB)")
    args = ap.parse_args()
    MEMORY_LIMIT = args.memory_limit_mb << 20

    with open(args.reference) as f:
        refs = json.load(f)
    paths = dict(corpus.ListCorpus())
    keys = sorted(k for k in refs if args.only in k)
    missing = [k for k in keys if k not in paths]
    if missing:
        print("corpus files missing (install openscad and openscad-testing-data): %s ..." % missing[0])
        return 1
    stale = [k for k in keys if refs[k]["hash"] != corpus.InputHash(paths[k])]
    for k in stale:
        print("STALE reference (input changed): %s; rerun scripts/make_differential_references.py" % k)
    if stale:
        return 1
    known = ReadKnown(args.known)
    if args.known_extra:
        known.update(ReadKnown(args.known_extra))
    mos = os.path.abspath(args.mos)
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(Check, mos, k, paths[k], refs[k], args.timeout, args.max_triangles): k for k in keys}
        for fut in concurrent.futures.as_completed(futures):
            results[futures[fut]] = fut.result()

    cats = {}
    vertexSame = vertexTotal = 0
    for k in keys:
        outcome, detail, props = results[k]
        c = cats.setdefault(Category(k), {"pass": 0, "mismatch": 0, "notcompared": 0})
        c[outcome] += 1
        if outcome == "pass" and refs[k]["kind"] == "3d" and props:
            vertexTotal += 1
            vertexSame += props["vertices"] == refs[k]["vertices"]

    def Count(kind):
        ks = [k for k in keys if refs[k]["kind"] == kind]
        return sum(results[k][0] == "pass" for k in ks), len(ks)

    def Tally(ks):
        """(passed, compared, not compared)."""
        outcomes = [results[k][0] for k in ks]
        return (outcomes.count("pass"), outcomes.count("pass") + outcomes.count("mismatch"),
                outcomes.count("notcompared"))
    print("== per directory: pass / compared (not compared)")
    for cat, c in sorted(cats.items()):
        print("  %-28s %4d / %-4d (%d)" % (cat, c["pass"], c["pass"] + c["mismatch"], c["notcompared"]))
    notCompared = [k for k in keys if results[k][0] == "notcompared"]
    if args.verbose:
        print("== not compared")
        for k in notCompared:
            print("  %s: %s" % (k, results[k][1]))
    reasons = {}
    for k in notCompared:
        r = re.sub(r" in (csg|source)$", "", results[k][1])
        reasons[r] = reasons.get(r, 0) + 1
    print("== not compared: %d (%s)" % (len(notCompared), ", ".join(
        "%s %d" % kv for kv in sorted(reasons.items(), key=lambda kv: -kv[1]))))
    mismatches = [k for k in keys if results[k][0] == "mismatch"]
    print("== mismatches: %d" % len(mismatches))
    for k in mismatches:
        print("  %s%s: %s" % ("(known) " if k in known else "", k, results[k][1]))
    regressions = [k for k in mismatches if k not in known]
    nowMatching = [k for k in known if k in results and results[k][0] != "mismatch"]
    for k in nowMatching:
        print("NOW MATCHES or not compared (remove from %s): %s" % (os.path.basename(args.known), k))
    p3, n3 = Count("3d")
    p2, n2 = Count("2d")
    pe, ne = Count("empty")
    print("kinds: 3D %d/%d match; 2D %d/%d match (%d not compared: no mos SVG); empty %d/%d; "
          "tessellation-identical vertex count: %d/%d of the matching 3D"
          % (p3, n3, p2, n2, sum(1 for k in keys if refs[k]["kind"] == "2d" and results[k][0] == "notcompared"),
             pe, ne, vertexSame, vertexTotal))
    print("== per feature: pass / compared (not compared)")
    for feature in (None,) + corpus.FEATURES:
        p, n, nc = Tally([k for k in keys if refs[k].get("feature") == feature])
        print("  %-28s %4d / %-4d (%d)  %.1f%%" % (feature or "3D/2D geometry", p, n, nc, 100.0 * p / max(n, 1)))
    p, n, nc = Tally([k for k in keys if not refs[k].get("feature")])
    print("issue 4 (without text/import/surface): %d/%d compared models match (%.1f%%); %d not compared"
          % (p, n, 100.0 * p / max(n, 1), nc))
    p, n, nc = Tally(keys)
    print("differential, whole corpus: %d/%d compared models match (%.1f%%); %d not compared; "
          "%d models in all; known mismatches listed: %d"
          % (p, n, 100.0 * p / max(n, 1), nc, len(keys), len(known)))
    for k in regressions:
        print("REGRESSION (not in %s): %s: %s" % (os.path.basename(args.known), k, results[k][1]))
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
