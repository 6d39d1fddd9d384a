// Whether 2021.01 can turn a triangle soup into a CGAL polyhedron. Its
// conversion (before any 3D boolean) builds a halfedge polyhedron from the
// mesh as it is; a mesh whose exactly-welded triangles are not a closed
// 2-manifold fails with "The given mesh is not closed! Unable to convert to
// CGAL_Nef_Polyhedron." and the boolean treats it as empty. Convex meshes
// do not get there (2021.01 hulls them). Measured on linear_extrude with a
// zero scale (linear_extrude-scale-zero-tests.scad's 24 shapes, issue591)
// and on outlines touching in a vertex (issue791): an edge shared by four
// triangles (two wedges meeting in one top line, two squares meeting in a
// corner) and a vertex where two fans meet (two pyramids sharing their
// apex) both fail.
#pragma once

#include <array>
#include <vector>

#include "kernel/vec.h"

namespace mos::geom {

// True when every edge of the soup (corners welded by exact position,
// triangles with a repeated corner dropped) has one triangle on each side
// running opposite ways and the triangles around every vertex form one fan.
bool ClosedManifoldSoup(const std::vector<std::array<kernel::Vec3, 3>>& soup);

// polyhedron(points, faces) as given (faces clockwise from outside, bad
// indices dropped, each face triangulated as the kernel does): true when
// 2021.01 would reject it, i.e. it is not a closed 2-manifold with
// consistent faces and it is not convex (convex ones 2021.01 hulls).
// polyhedron-tests.scad: an octahedron with one face flipped is rejected,
// one with all faces flipped is not.
bool PolyhedronCgalRejects(const std::vector<kernel::Vec3>& points,
                           const std::vector<std::vector<int>>& faces);

}  // namespace mos::geom
