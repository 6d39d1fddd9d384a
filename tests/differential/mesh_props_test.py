#!/usr/bin/env python3
"""Checks mesh_props.py (the property code both sides of the differential
runner share) on solids whose properties are known in closed form."""
import math
import os
import struct
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mesh_props  # noqa: E402


def Box(x0, y0, z0, x1, y1, z1):
    """12 outward triangles of an axis-aligned box."""
    p = [(x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)]
    quads = [(0, 1, 3, 2), (4, 6, 7, 5), (0, 4, 5, 1), (2, 3, 7, 6), (0, 2, 6, 4), (1, 5, 7, 3)]
    tris = []
    for a, b, c, d in quads:
        tris += [(p[a], p[b], p[c]), (p[a], p[c], p[d])]
    return tris


def Torus(R, r, n, m):
    """A closed n x m quad torus (genus 1), triangulated."""
    def P(i, j):
        u, v = 2 * math.pi * (i % n) / n, 2 * math.pi * (j % m) / m
        return ((R + r * math.cos(v)) * math.cos(u), (R + r * math.cos(v)) * math.sin(u), r * math.sin(v))
    tris = []
    for i in range(n):
        for j in range(m):
            a, b, c, d = P(i, j), P(i + 1, j), P(i + 1, j + 1), P(i, j + 1)
            tris += [(a, b, c), (a, c, d)]
    return tris


class MeshPropsTest(unittest.TestCase):
    def test_box(self):
        p = mesh_props.MeshProperties(Box(0, 0, 0, 2, 3, 4))
        self.assertAlmostEqual(p["volume"], 24.0)
        self.assertAlmostEqual(p["area"], 2 * (6 + 8 + 12))
        self.assertEqual(p["bbox"], [[0, 0, 0], [2, 3, 4]])
        self.assertEqual((p["vertices"], p["triangles"]), (8, 12))
        self.assertEqual((p["components"], p["genus"], p["manifold"]), (1, 0, True))

    def test_two_boxes_and_inverted(self):
        tris = Box(0, 0, 0, 1, 1, 1) + Box(5, 0, 0, 6, 1, 1)
        p = mesh_props.MeshProperties(tris)
        self.assertEqual(p["components"], 2)
        self.assertAlmostEqual(p["volume"], 2.0)
        inverted = [(a, c, b) for a, b, c in Box(0, 0, 0, 1, 1, 1)]
        self.assertAlmostEqual(mesh_props.MeshProperties(inverted)["volume"], -1.0)

    def test_boxes_sharing_an_edge_are_not_manifold(self):
        p = mesh_props.MeshProperties(Box(0, 0, 0, 1, 1, 1) + Box(1, 1, 0, 2, 2, 1))
        self.assertFalse(p["manifold"])

    def test_open_mesh_is_not_manifold(self):
        self.assertFalse(mesh_props.MeshProperties(Box(0, 0, 0, 1, 1, 1)[:-1])["manifold"])

    def test_torus_genus(self):
        p = mesh_props.MeshProperties(Torus(5, 1, 16, 8))
        self.assertEqual((p["components"], p["genus"], p["manifold"]), (1, 1, True))
        self.assertGreater(p["volume"], 0)

    def test_binary_and_ascii_stl_agree(self):
        tris = Box(-1, -2, -3, 1.5, 2, 3)
        with tempfile.TemporaryDirectory() as tmp:
            binary = os.path.join(tmp, "b.stl")
            with open(binary, "wb") as f:
                f.write(b"\0" * 80 + struct.pack("<I", len(tris)))
                for t in tris:
                    f.write(struct.pack("<12fH", 0, 0, 0, *t[0], *t[1], *t[2], 0))
            ascii_ = os.path.join(tmp, "a.stl")
            with open(ascii_, "w") as f:
                f.write("solid x\n")
                for t in tris:
                    f.write(" facet normal 0 0 0\n  outer loop\n")
                    for v in t:
                        f.write("   vertex %g %g %g\n" % v)
                    f.write("  endloop\n endfacet\n")
                f.write("endsolid x\n")
            self.assertEqual(mesh_props.StlProperties(binary), mesh_props.StlProperties(ascii_))
            self.assertAlmostEqual(mesh_props.StlProperties(ascii_)["volume"], 2.5 * 4 * 6)

    def test_svg_square_with_hole(self):
        svg = ('<svg><path d="\nM 10,-10 L 0,-10 L 0,-0 L 10,-0 z\nM 2,-2 L 2,-5 L 5,-5 L 5,-2 z\n'
               'M 22,-0 L 21,-1 L 19,-1 z\n" stroke="black"/></svg>')
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "a.svg")
            with open(path, "w") as f:
                f.write(svg)
            p = mesh_props.SvgProperties(path)
        self.assertEqual((p["polygons"], p["holes"]), (2, 1))
        self.assertAlmostEqual(p["area"], 100 - 9 + 1)
        self.assertEqual(p["bbox"], [[0, 0], [22, 10]])


if __name__ == "__main__":
    unittest.main()
