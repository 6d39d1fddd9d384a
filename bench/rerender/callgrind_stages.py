#!/usr/bin/env python3
"""Where a cold and a warm re-render spend their instructions, by stage.

    python3 bench/rerender/callgrind_stages.py /tmp/rr/cg.*.*

Reads the parts `mos_bench_rerender --callgrind` dumps (see
callgrind_ratios.py) through `callgrind_annotate --inclusive=yes` and sums
the inclusive cost of the outermost call of each stage's functions. Stages
do not nest, except hull3d, which also counts the hulls minkowski runs
(shown separately as minkowski3d).
"""
import re
import subprocess
import sys

STAGES = [
    ("parse", [r"mos::lang::ParseFile\(", r"mos::lang::ParseSource\("]),
    ("eval", [r"mos::eval::Evaluate\(std::shared_ptr"]),
    ("bool3d", [r"mos::kernel::Boolean\("]),
    ("mink3d", [r"mos::kernel::Minkowski3d\("]),
    ("hull3d", [r"mos::kernel::ConvexHull3d\("]),
    ("2d-ops", [r"mos::geom::\(anonymous namespace\)::Combine2d\(",
                r"mos::geom::\(anonymous namespace\)::Renderer::OffsetGeometry\("]),
    ("extrude", [r"mos::geom::LinearExtrude\(", r"mos::geom::RotateExtrude\("]),
    ("prims", [r"mos::geom::CylinderMesh\(", r"mos::geom::SphereMesh\(", r"mos::geom::CubeMesh\(",
               r"mos::geom::CirclePolygon\(", r"Renderer::PolyhedronGeometry\(",
               r"Renderer::PolygonGeometry\("]),
    ("xform", [r"mos::kernel::TransformMesh\("]),
    ("append", [r"mos::kernel::AppendMesh\("]),
    ("keys", [r"mos::geom::NodeKeys::Compute\("]),
    ("cache", [r"mos::geom::GeometryCache::Find\(", r"mos::geom::GeometryCache::Store\("]),
    ("output", [r"engine::\(anonymous namespace\)::FillMesh\(", r"engine::\(anonymous namespace\)::Summarize\(",
                r"mos::engine::SummarizeSolid\("]),
]


def trigger(path):
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("desc: Trigger:"):
                m = re.search(r"Client Request: (.*)$", line.strip())
                return m.group(1) if m else None
    return None


def costs(path):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True, errors="replace").stdout
    total, funcs = 0, []
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(.*)$", line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        name = m.group(2)
        if "PROGRAM TOTALS" in name:
            total = n
            continue
        fn = name.split(" [", 1)[0]
        if "'" in fn.rsplit(")", 1)[-1]:  # a recursive inner call ('2): counted by the outer one
            continue
        funcs.append((fn, n))
    row = {}
    for stage, patterns in STAGES:
        row[stage] = sum(n for fn, n in funcs if any(re.search(p, fn) for p in patterns))
    return total, row


def main():
    def part_number(path):
        tail = path.rsplit(".", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    names = [s for s, _ in STAGES]
    print(f"{'part':44} {'total Mi':>9} " + " ".join(f"{n:>7}" for n in names) + "  (Mi, 1e6 instructions)")
    for path in sorted(sys.argv[1:], key=part_number):
        what = trigger(path)
        if not what:
            continue
        total, row = costs(path)
        print(f"{what[:44]:44} {total / 1e6:9.1f} " + " ".join(f"{row[n] / 1e6:7.1f}" for n in names))


if __name__ == "__main__":
    main()
