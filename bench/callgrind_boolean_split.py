#!/usr/bin/env python3
"""Where `kernel::Boolean` spends its instructions in whole-process callgrind
profiles of `mos` (bench/PROFILE.md, "What is left"): inclusive million Ir
of its stages, and malloc/free self cost of the whole run.

  python3 bench/callgrind_boolean_split.py /tmp/cg.*.out
"""
import re, subprocess, sys
from callgrind_lines import inclusive_entries
names = [("Boolean", r"mos::kernel::Boolean\(mos"), ("BoolRaw", r"mos::kernel::BooleanRaw\("),
 ("Prepare", r"mos::kernel::PrepareOperand\("), ("RunBool", r"mos::kernel::\(anonymous namespace\)::RunBoolean\("),
 ("Intersect", r"mos::kernel::IntersectEdgesWithTriangles\("), ("Assemble", r"mos::kernel::AssembleFaces\("),
 ("TriOut", r"mos::kernel::TriangulateOutputFace\("), ("Cleanup", r"mos::kernel::CleanupMesh\("),
 ("ClosedMan", r"mos::kernel::IsClosedManifold\("), ("BuildHE", r"mos::kernel::BuildHalfedges\("),
 ("Weld", r"mos::kernel::WeldCoincident\("), ("malloc+free", None)]
def parse(f):
    tot, entries = inclusive_entries(f)
    tot = tot or 0
    res = {}
    for ir, name, fn in entries:
        for k, pat in names:
            if pat and re.search(pat, name) and k not in res: res[k] = ir
    # self malloc/free
    out2 = subprocess.run(["callgrind_annotate","--threshold=100",f],capture_output=True,text=True).stdout
    mf = 0
    for line in out2.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
        if m and re.search(r"malloc\.c:|arena\.c:|operator new|operator delete", m.group(2)): mf += int(m.group(1).replace(",",""))
    res["malloc+free"] = mf
    return tot, res
print("%-14s %8s " % ("model","total") + " ".join("%9s" % k for k,_ in names))
for f in sys.argv[1:]:
    tot, r = parse(f)
    print("%-14s %8.1f " % (f.rsplit("/", 1)[-1][:14], tot/1e6) + " ".join("%9.1f" % (r.get(k,0)/1e6) for k,_ in names))
