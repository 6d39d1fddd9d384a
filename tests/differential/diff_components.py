#!/usr/bin/env python3
"""Triage aid: renders one model with openscad 2021.01 and `mos`, splits both
STL results into edge-connected components and lists the components whose
bbox/volume/area have no counterpart on the other side (so a mismatch in a
test model with many objects points at the one object that differs).

  tests/differential/diff_components.py --mos build/bin/mos MODEL.scad
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mesh_props  # noqa: E402


def Components(tris):
    index = {}
    faces = []
    for t in tris:
        f = tuple(index.setdefault(p, len(index)) for p in t)
        if len(set(f)) == 3:
            faces.append((f, t))
    parent = list(range(len(faces)))

    def Find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    edgeFace = {}
    for fi, (f, _) in enumerate(faces):
        for a, b in ((f[0], f[1]), (f[1], f[2]), (f[2], f[0])):
            other = edgeFace.setdefault((min(a, b), max(a, b)), fi)
            if other != fi:
                parent[Find(fi)] = Find(other)
    groups = {}
    for fi, (_, t) in enumerate(faces):
        groups.setdefault(Find(fi), []).append(t)
    return [mesh_props.MeshProperties(g) for g in groups.values()]


def Key(p):
    return tuple(round(c, 3) for corner in p["bbox"] for c in corner)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mos", required=True)
    ap.add_argument("model")
    args = ap.parse_args()
    path = os.path.abspath(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        sides = {}
        for name, exe in (("openscad", "openscad"), ("mos", os.path.abspath(args.mos))):
            out = os.path.join(tmp, name + ".stl")
            subprocess.run([exe, "-o", out, os.path.basename(path)], cwd=os.path.dirname(path),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            sides[name] = Components(mesh_props.ParseStl(out)) if os.path.exists(out) else []
    ref, got = sides["openscad"], sides["mos"]
    print("components: openscad %d, mos %d" % (len(ref), len(got)))
    unmatched = list(got)
    for r in sorted(ref, key=Key):
        match = None
        for g in unmatched:
            if Key(g) == Key(r) and abs(g["volume"] - r["volume"]) <= 1e-5 * max(1, abs(r["volume"])) \
                    and abs(g["area"] - r["area"]) <= 1e-5 * max(1, r["area"]):
                match = g
                break
        if match:
            unmatched.remove(match)
        else:
            print("openscad only: bbox %s V=%.6g A=%.6g manifold=%s" % (r["bbox"], r["volume"], r["area"], r["manifold"]))
    for g in sorted(unmatched, key=Key):
        print("mos only:      bbox %s V=%.6g A=%.6g manifold=%s" % (g["bbox"], g["volume"], g["area"], g["manifold"]))


if __name__ == "__main__":
    main()
