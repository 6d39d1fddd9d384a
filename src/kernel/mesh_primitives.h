// Simple closed, manifold, outward-oriented meshes for tests of every kernel
// helper. Not OpenSCAD's tessellation (that belongs to geometry evaluation).
// Every triangle gets property id `prop`; halfedges are built.
#pragma once

#include <cstdint>

#include "kernel/mesh.h"

namespace mos::kernel {

// Axis-aligned box between two corners (any order). 8 vertices, 12 triangles.
Mesh MakeBox(Vec3 a, Vec3 b, uint32_t prop = 0);

// Tetrahedron on four points, oriented so its volume is positive.
Mesh MakeTetrahedron(Vec3 a, Vec3 b, Vec3 c, Vec3 d, uint32_t prop = 0);

// UV sphere: `segments` around (>= 3), max(2, segments / 2) rings, single
// vertices at the poles.
Mesh MakeUvSphere(Vec3 center, double radius, int segments, uint32_t prop = 0);

// Cylinder / cone along +Z from z0 to z0 + height with `segments` sides
// (>= 3); a zero radius becomes a single apex vertex. Caps are fans around a
// centre vertex. height > 0, not both radii 0.
Mesh MakeCylinder(Vec3 base, double radiusBottom, double radiusTop, double height, int segments,
                  uint32_t prop = 0);

}  // namespace mos::kernel
