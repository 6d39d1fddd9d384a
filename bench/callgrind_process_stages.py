#!/usr/bin/env python3
"""Stage totals (million Ir) of whole-process callgrind profiles of `mos`
(bench/PROFILE.md, "Small and middle models"): inclusive cost of each
stage's entry point; "mine" is everything outside the kernel's 3D boolean,
hull, extruders, 2D kernel booleans and offset.

  valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.MODEL.out build/bin/mos -o /tmp/o.stl MODEL.scad
  python3 bench/callgrind_process_stages.py /tmp/cg.*.out
"""
import os, re, subprocess, sys
from callgrind_lines import inclusive_entries
# category -> regexes of top-level entry points (inclusive Ir, first-level names only)
cats = [
 ("parse", [r"mos::lang::ParseFile\("]),
 ("eval", [r"mos::eval::Evaluate\("]),
 ("tess", [r"mos::geom::(SphereMesh|CylinderMesh|CubeMesh|CirclePolygon|SquarePolygon)\("]),
 ("keys", [r"mos::geom::NodeKeys::Find\("]),
 ("snap", [r"mos::geom::SnapToOpenscadGrid\("]),
 ("BOOL3D", [r"mos::kernel::Boolean\(mos"]),
 ("HULL", [r"mos::kernel::ConvexHull3d\(", r"mos::kernel::Minkowski3d\("]),
 ("EXTR", [r"mos::geom::(LinearExtrude|RotateExtrude)\("]),
 ("2Dgeom", [r"mos::geom::\(anonymous namespace\)::Combine2d\(", r"mos::geom::ClipperOrder\("]),
 ("2Dkern", [r"mos::kernel::(UnionAll2d|Difference2d|Intersection2d|Simplify2d|Boolean2d)\("]),
 ("OFFS", [r"mos::kernel::Offset2d\("]),
 ("export", [r"mos::cli::WriteOutput\("]),
 ("render", [r"mos::geom::RenderNodeTree\("]),
 ("rgeom", [r"mos::engine::RenderGeometry\("]),
 ("main", [r"\?\?\?:main "]),
]
def parse(f):
    tot, entries = inclusive_entries(f)
    res = {}
    for ir, name, fn in entries:
        for c, pats in cats:
            for pat in pats:
                if re.search(pat, name):
                    res.setdefault(c, {})[fn] = ir
    r = {c: sum(v.values()) for c, v in res.items()}
    r["start"] = tot - r.get("main", 0)
    r["output"] = r.get("rgeom", 0) - r.get("render", 0)
    # 2D geom wrapper share = Combine2d - its kernel calls (approx: kernel 2D all inside Combine2d)
    r["2Dgeom"] = max(0, r.get("2Dgeom", 0) - r.get("2Dkern", 0))
    others = sum(r.get(c, 0) for c in ("BOOL3D","HULL","EXTR","2Dkern","OFFS"))
    r["OTHERS"] = others
    r["mine"] = tot - others
    return tot, r
cols = ["start","parse","eval","tess","keys","snap","2Dgeom","export","output","BOOL3D","HULL","EXTR","2Dkern","OFFS","mine","OTHERS"]
print("%-16s %8s " % ("model","totalM") + " ".join("%6s" % c for c in cols))
for f in sys.argv[1:]:
    tot, r = parse(f)
    name = os.path.basename(f)
    print("%-16s %8.2f " % (name, tot/1e6) + " ".join("%6.2f" % (r.get(c,0)/1e6) for c in cols))
