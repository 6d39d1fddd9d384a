#!/usr/bin/env python3
"""Renders the differential corpus with openscad 2021.01 and stores the
properties of each result (never the meshes) in
tests/differential/reference/references.json, keyed by the corpus key and
carrying a hash of the model and of every file it includes/uses.

  3D result -> STL -> volume, area, bbox, vertex/triangle counts,
               components, genus, manifoldness (tests/differential/mesh_props.py)
  2D result -> SVG -> area, bbox, polygon/hole/vertex counts
  also: openscad's exit status, wall time, its "Total rendering time", and
  the model's feature category ("text", "import", "surface"; corpus.Feature).
Text models depend on the installed fonts (Debian's fonts-liberation and
fonts-dejavu, as in scripts/install_deps.sh): render the references where
mos will run.

Resumable: a model whose hash is already in the file is skipped unless
--force. The file is rewritten after every model.

Usage (never in CI; slow):
  nice -n 19 scripts/make_differential_references.py [--timeout 120] [--only SUBSTR] [--force]
"""
import argparse
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "differential"))
import corpus  # noqa: E402
import mesh_props  # noqa: E402

REFERENCE = os.path.join(ROOT, "tests", "differential", "reference", "references.json")


def RunOpenscad(path, out, timeout):
    """(exit status or None on timeout, CPU seconds, stderr). The machine is
    shared, so the limit is on CPU time (RLIMIT_CPU), with a wall-clock
    backstop of 5x; the time recorded is the child's user+system CPU time."""
    env = dict(os.environ)
    env.pop("OPENSCADPATH", None)

    def Limit():
        resource.setrlimit(resource.RLIMIT_CPU, (int(timeout), int(timeout) + 1))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run(["openscad", "-o", out, os.path.basename(path)],
                              cwd=os.path.dirname(path), env=env, capture_output=True,
                              timeout=5 * timeout, text=True, errors="replace",
                              preexec_fn=Limit)
        rc, err = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        rc, err = None, ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if rc is not None and (rc == -signal.SIGXCPU or (rc == -signal.SIGKILL and cpu >= timeout - 1)):
        rc = None  # killed at the CPU limit
    return rc, cpu, err


def RenderTime(stderr):
    m = re.search(r"Total rendering time: (\d+):(\d+):(\d+(?:\.\d+)?)", stderr)
    if not m:
        return None
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))


def Reference(key, path, timeout, tmp):
    entry = {"hash": corpus.InputHash(path)}
    feature = corpus.Feature(key, path)
    if feature:
        entry["feature"] = feature
    stl = os.path.join(tmp, "out.stl")
    if os.path.exists(stl):
        os.remove(stl)
    rc, wall, err = RunOpenscad(path, stl, timeout)
    entry.update(exit=rc, cpu_seconds=round(wall, 3), render_time=RenderTime(err))
    if rc is None:
        entry.update(kind="timeout", timeout=timeout)
        return entry
    if "may not be a valid 2-manifold" in err:
        entry["openscad_manifold_warning"] = True
    if "Current top level object is empty" in err:
        entry["kind"] = "empty"
        return entry
    if "not a 3D object" in err:
        svg = os.path.join(tmp, "out.svg")
        if os.path.exists(svg):
            os.remove(svg)
        rc2, wall2, err2 = RunOpenscad(path, svg, timeout)
        entry.update(exit=rc2, cpu_seconds=round(wall2, 3), render_time=RenderTime(err2))
        if rc2 is None:
            entry.update(kind="timeout", timeout=timeout)
        elif rc2 == 0 and os.path.exists(svg):
            entry["kind"] = "2d"
            entry.update(mesh_props.Compact(mesh_props.SvgProperties(svg)))
        else:
            entry["kind"] = "error"
        return entry
    if rc == 0 and os.path.exists(stl):
        entry["kind"] = "3d"
        entry.update(mesh_props.Compact(mesh_props.StlProperties(stl)))
        return entry
    entry["kind"] = "error"
    entry["stderr_tail"] = err.strip().splitlines()[-1:] if err.strip() else []
    return entry


def Save(refs):
    os.makedirs(os.path.dirname(REFERENCE), exist_ok=True)
    tmpName = REFERENCE + ".tmp"
    with open(tmpName, "w") as f:
        f.write("{\n")
        items = sorted(refs.items())
        for i, (k, v) in enumerate(items):
            f.write("%s: %s%s\n" % (json.dumps(k), json.dumps(v, sort_keys=True),
                                    "," if i + 1 < len(items) else ""))
        f.write("}\n")
    os.replace(tmpName, REFERENCE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--only", default="")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    refs = {}
    if os.path.exists(REFERENCE):
        with open(REFERENCE) as f:
            refs = json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        for key, path in corpus.ListCorpus():
            if args.only and args.only not in key:
                continue
            old = refs.get(key)
            # "excluded": left by the earlier runs, which rendered no text/import/surface model.
            if (old and not args.force and old.get("hash") == corpus.InputHash(path)
                    and old.get("kind") != "excluded"):
                continue
            entry = Reference(key, path, args.timeout, tmp)
            refs[key] = entry
            print("%-8s %7s  %s" % (entry["kind"], entry.get("cpu_seconds", ""), key), flush=True)
            Save(refs)
    kinds = {}
    for e in refs.values():
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    print("references:", ", ".join("%s %d" % kv for kv in sorted(kinds.items())))


if __name__ == "__main__":
    main()
