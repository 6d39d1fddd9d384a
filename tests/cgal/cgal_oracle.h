// Test-only oracle for property test (b): exact booleans by CGAL (libcgal-dev),
// behind a plain interface so that only cgal_oracle.cpp includes CGAL (it
// compiles slowly). Corefinement on an exact-construction kernel where it
// applies; Nef polyhedra where corefinement refuses (its output would not
// be a 2-manifold, or has two vertices at one point) or where an operand
// already is a Nef polyhedron.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace mos::kernel::cgaltest {

enum class CgalOp { kUnion, kDifference, kIntersection };

class CgalSolid {
 public:
  CgalSolid();  // the empty solid
  ~CgalSolid();
  CgalSolid(const CgalSolid&);
  CgalSolid& operator=(const CgalSolid&);

  // A closed, outward-oriented triangle mesh (the coordinates are taken
  // exactly).
  static CgalSolid FromTriangles(const std::vector<std::array<double, 3>>& points,
                                 const std::vector<std::array<int, 3>>& triangles);
  // The same, but throws std::runtime_error unless the mesh is valid,
  // closed, free of self-intersections and of coincident vertices (what
  // corefinement and the Nef constructor assume).
  static CgalSolid FromTrianglesChecked(const std::vector<std::array<double, 3>>& points,
                                        const std::vector<std::array<int, 3>>& triangles);
  // Corefinement when both are meshes and it gives a 2-manifold without
  // coincident vertices; otherwise Nef polyhedra (a 2-manifold Nef result
  // is turned back into a mesh). Throws std::runtime_error when an operand
  // cannot be converted.
  static CgalSolid Boolean(const CgalSolid& a, const CgalSolid& b, CgalOp op);

  double Volume() const;                 // exact, rounded once
  bool Contains(std::array<double, 3> p) const;  // p is away from the boundary
  bool IsNef() const;                    // false: a 2-manifold mesh
  bool UsedNef() const;                  // Nef polyhedra computed this or an operand
  // A closed 2-manifold mesh: not a Nef polyhedron, no pinched vertex, and
  // no two vertices equal once rounded to doubles (a topology finer than
  // double precision, which no mesh in doubles can have).
  bool IsManifold() const;
  // Of a 2-manifold result (IsManifold()): connected components and Euler
  // characteristic V - E + F.
  int Components() const;
  int EulerCharacteristic() const;

  struct Impl;  // defined in cgal_oracle.cpp only

 private:
  std::shared_ptr<Impl> impl_;  // immutable once built, so copies share it
};

}  // namespace mos::kernel::cgaltest
