#!/usr/bin/env python3
"""Compares mos with openscad 2021.01 on the corpus models that import SVG,
AMF or 3MF (testdata/scad/svg/**, amf/*, 3D/features/import_3mf-tests) and on
the SVG files of testdata/svg imported one by one: 2D by area, bounding box
and vertex count of the exported SVG, 3D by volume, bounding box and triangle
count of the exported STL. Runs openscad, so it is a tool for people, not a
CI test (the differential runner covers import models once it enables them).
  scripts/compare_import_models.py [--mos build/bin/mos]
"""
import argparse, glob, os, re, subprocess, sys, tempfile

DATA = "/usr/share/openscad/testdata"


def svg_stats(path):
    text = open(path).read() if os.path.exists(path) else ""
    count, area, xs, ys = 0, 0.0, [], []
    for d in re.findall(r'd="([^"]*)"', text):
        for sub in d.split("z"):
            pts = [(float(x), -float(y)) for x, y in re.findall(r"([-\d.e+]+),([-\d.e+]+)", sub)]
            if not pts:
                continue
            count += len(pts)
            area += sum(pts[i][0] * pts[i - 1][1] - pts[i - 1][0] * pts[i][1] for i in range(len(pts))) / -2
            xs += [p[0] for p in pts]
            ys += [p[1] for p in pts]
    return (count, area, (min(xs), min(ys), max(xs), max(ys))) if xs else None


def stl_stats(path):
    text = open(path).read() if os.path.exists(path) else ""
    v = [tuple(map(float, m)) for m in re.findall(r"vertex\s+(\S+)\s+(\S+)\s+(\S+)", text)]
    if not v:
        return None
    vol = 0.0
    for a, b, c in zip(v[0::3], v[1::3], v[2::3]):
        vol += (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                + a[2] * (b[0] * c[1] - b[1] * c[0])) / 6
    return (len(v) // 3, vol, tuple(min(p[k] for p in v) for k in range(3)) + tuple(max(p[k] for p in v) for k in range(3)))


def same(a, b, rel):
    if a is None or b is None:
        return a is None and b is None
    scale = max(1.0, max(abs(c) for c in a[2]))
    return abs(a[1] - b[1]) <= rel * max(1.0, abs(a[1])) and all(abs(p - q) <= 1e-4 * scale for p, q in zip(a[2], b[2]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mos", default="build/bin/mos")
    mos = os.path.abspath(ap.parse_args().mos)
    work = tempfile.mkdtemp()
    models = sorted(glob.glob(f"{DATA}/scad/svg/**/*.scad", recursive=True)) + sorted(glob.glob(f"{DATA}/scad/amf/*.scad")) + [f"{DATA}/scad/3D/features/import_3mf-tests.scad"]
    made = set()
    for svg in sorted(glob.glob(f"{DATA}/svg/**/*.svg", recursive=True)):
        path = os.path.join(work, "import_" + os.path.basename(svg)[:-4] + ".scad")
        open(path, "w").write(f'import("{svg}");\n')
        models.append(path)
        made.add(path)
    passed = 0
    for model in models:
        flat = ("/scad/svg/" in model and "/extruded/" not in model) or model in made
        ext, stats, rel = ("svg", svg_stats, 1e-4) if flat else ("stl", stl_stats, 1e-4)
        out = {}
        for tool, cmd in (("ref", ["openscad"]), ("mos", [mos])):
            target = os.path.join(work, f"{tool}.{ext}")
            if os.path.exists(target):
                os.remove(target)
            subprocess.run(cmd + ["-o", target, os.path.basename(model)], cwd=os.path.dirname(model),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
            out[tool] = stats(target)
        ok = same(out["ref"], out["mos"], rel)
        passed += ok
        print(f"{'PASS' if ok else 'FAIL'} {os.path.relpath(model, DATA) if model.startswith(DATA) else os.path.basename(model)}: openscad {out['ref']} mos {out['mos']}")
    print(f"import models matching 2021.01: {passed}/{len(models)}")
    return 0 if passed == len(models) else 1


if __name__ == "__main__":
    sys.exit(main())
