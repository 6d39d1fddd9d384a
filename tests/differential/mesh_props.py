"""Geometric properties of an exported result, computed the same way for the
openscad 2021.01 reference and for `mos`, so both sides of the differential
comparison go through one piece of code.

3D (STL, ASCII or binary): vertices are welded by their exact coordinates as
written in the file (2021.01 writes 6 significant digits), then
  volume (signed, divergence theorem), area, total edge length, bbox,
  vertex/triangle counts, edge-manifoldness, edge-connected components and
  the genus sum over the closed components (Euler: g = (2 - chi) / 2).
2D (SVG as 2021.01 writes it: one <path> whose subpaths are the contours,
y negated): area (signed contour areas summed; outlines count positive,
holes negative), perimeter, bbox, polygon (outline) and hole counts.
"""
import math
import re
import struct


def ParseStl(path):
    """Returns a list of triangles, each a tuple of three (x, y, z) tuples."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) >= 84:
        count = struct.unpack_from("<I", data, 80)[0]
        if len(data) == 84 + 50 * count:
            tris = []
            for i in range(count):
                v = struct.unpack_from("<12f", data, 84 + 50 * i)
                tris.append(((v[3], v[4], v[5]), (v[6], v[7], v[8]), (v[9], v[10], v[11])))
            return tris
    text = data.decode("utf-8", "replace")
    verts = re.findall(r"vertex\s+(\S+)\s+(\S+)\s+(\S+)", text)
    pts = [(float(a), float(b), float(c)) for a, b, c in verts]
    if len(pts) % 3:
        raise ValueError("%s: vertex count %d is not a multiple of 3" % (path, len(pts)))
    return [tuple(pts[i:i + 3]) for i in range(0, len(pts), 3)]


def _Find(parent, i):
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def MeshProperties(tris):
    """Properties of a triangle soup welded by exact coordinates."""
    index = {}
    faces = []
    degenerate = 0
    for t in tris:
        f = tuple(index.setdefault(p, len(index)) for p in t)
        if f[0] == f[1] or f[1] == f[2] or f[0] == f[2]:
            degenerate += 1
            continue
        faces.append(f)
    pts = [None] * len(index)
    for p, i in index.items():
        pts[i] = p
    props = {"triangles": len(tris), "degenerate": degenerate}
    if not pts:
        props.update(vertices=0, volume=0.0, area=0.0, edge_length=0.0, bbox=None,
                     manifold=True, components=0, genus=0)
        return props
    lo = [min(p[k] for p in pts) for k in range(3)]
    hi = [max(p[k] for p in pts) for k in range(3)]
    centre = [(lo[k] + hi[k]) / 2 for k in range(3)]
    volume6 = 0.0
    area2 = 0.0
    directed = {}
    for a, b, c in faces:
        pa, pb, pc = pts[a], pts[b], pts[c]
        ax, ay, az = pa[0] - centre[0], pa[1] - centre[1], pa[2] - centre[2]
        bx, by, bz = pb[0] - centre[0], pb[1] - centre[1], pb[2] - centre[2]
        cx, cy, cz = pc[0] - centre[0], pc[1] - centre[1], pc[2] - centre[2]
        volume6 += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx)
        ux, uy, uz = bx - ax, by - ay, bz - az
        vx, vy, vz = cx - ax, cy - ay, cz - az
        nx, ny, nz = uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx
        area2 += math.sqrt(nx * nx + ny * ny + nz * nz)
        for e in ((a, b), (b, c), (c, a)):
            directed[e] = directed.get(e, 0) + 1
    # Edge-manifold and consistently oriented: every directed edge once, and
    # its reverse once.
    manifold = all(n == 1 and directed.get((e[1], e[0]), 0) == 1 for e, n in directed.items())
    undirected = {}
    for (a, b) in directed:
        undirected.setdefault((min(a, b), max(a, b)), []).append(None)
    edgeLength = sum(math.dist(pts[a], pts[b]) for (a, b) in undirected)
    # Edge-connected components over faces.
    parent = list(range(len(faces)))
    edgeFace = {}
    for fi, (a, b, c) in enumerate(faces):
        for e in ((a, b), (b, c), (c, a)):
            key = (min(e), max(e))
            other = edgeFace.setdefault(key, fi)
            if other != fi:
                ra, rb = _Find(parent, fi), _Find(parent, other)
                if ra != rb:
                    parent[ra] = rb
    comp = {}
    for fi in range(len(faces)):
        comp.setdefault(_Find(parent, fi), []).append(fi)
    genus = 0
    for members in comp.values():
        vs = set()
        es = set()
        for fi in members:
            a, b, c = faces[fi]
            vs.update((a, b, c))
            es.update(((min(a, b), max(a, b)), (min(b, c), max(b, c)), (min(a, c), max(a, c))))
        chi = len(vs) - len(es) + len(members)
        genus += (2 - chi) // 2
    props.update(vertices=len(pts), volume=volume6 / 6.0, area=area2 / 2.0,
                 edge_length=edgeLength, bbox=[lo, hi], manifold=manifold,
                 components=len(comp), genus=genus)
    return props


def StlProperties(path):
    return MeshProperties(ParseStl(path))


def ParseSvgContours(path):
    """Contours of a 2021.01 SVG export as lists of (x, y), y flipped back."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    contours = []
    for d in re.findall(r'<path[^>]*\sd="([^"]*)"', text):
        current = None
        for tok in re.findall(r"[MLZmlz]|-?[0-9.eE+-]+,-?[0-9.eE+-]+", d):
            if tok in ("M", "m"):
                current = []
                contours.append(current)
            elif tok in ("L", "l", "Z", "z"):
                continue
            elif current is not None:
                x, y = tok.split(",")
                current.append((float(x), -float(y)))
    return [c for c in contours if c]


def PolygonProperties(contours):
    area = 0.0
    perimeter = 0.0
    outlines = 0
    holes = 0
    pts = [p for c in contours for p in c]
    for c in contours:
        signed = 0.0
        for i in range(len(c)):
            (x0, y0), (x1, y1) = c[i], c[(i + 1) % len(c)]
            signed += x0 * y1 - x1 * y0
            perimeter += math.dist(c[i], c[(i + 1) % len(c)])
        signed /= 2.0
        area += signed
        if signed > 0:
            outlines += 1
        elif signed < 0:
            holes += 1
    bbox = None
    if pts:
        bbox = [[min(p[0] for p in pts), min(p[1] for p in pts)],
                [max(p[0] for p in pts), max(p[1] for p in pts)]]
    return {"area": area, "perimeter": perimeter, "bbox": bbox, "polygons": outlines,
            "holes": holes, "vertices": len(pts), "contours": len(contours)}


def SvgProperties(path):
    return PolygonProperties(ParseSvgContours(path))


def Compact(props, digits=12):
    """Rounds floats for a compact checked-in file (12 significant digits is
    far below every tolerance)."""
    def R(v):
        if isinstance(v, float):
            return float("%.*g" % (digits, v))
        if isinstance(v, list):
            return [R(x) for x in v]
        return v
    return {k: R(v) for k, v in props.items()}
