// The value geometry evaluation produces for a node: nothing, a 2D polygon
// set or a closed 3D triangle mesh. Every triangle's property id (triProp)
// indexes a FaceProperty table owned by the render (colour and the node the
// triangle came from), so booleans, which carry triProp along, keep colours.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kernel/mesh.h"
#include "lang/ast.h"
#include "kernel/polygon2d.h"

namespace mos::geom {

enum class Dim { kEmpty, k2, k3 };

struct Geometry {
  Dim dim = Dim::kEmpty;
  kernel::Mesh mesh;        // dim == k3: closed, outward-oriented
  kernel::Polygon2d polygon;  // dim == k2: canonical or a simple primitive outline
  uint32_t polygonProp = 0;   // dim == k2: the property its extrusions get
  // dim == kEmpty: the dimension 2021.01 still gives this empty object when
  // it decides a group's dimension: its empty primitives and empty boolean
  // results are 2D or 3D objects (`cube(0); circle(1);` is a 3D top level);
  // kEmpty where it has no object at all (an empty group).
  Dim emptyDim = Dim::kEmpty;
  // dim == k3: the result of a 3D boolean (2021.01: a Nef polyhedron, whose
  // vertices later booleans take as they are; plain meshes go on its grid
  // first, see grid_snap.h).
  bool booleanResult = false;
  // 2021.01's CGAL conversion fails on this mesh as 2021.01 makes it (see
  // cgal_closed_check.h): a boolean with other operands drops it, a
  // minkowski with others gives nothing. Also set on the empty geometry of a
  // polyhedron repair could not close.
  bool cgalRejects = false;

  static Geometry Solid(kernel::Mesh m) {
    Geometry g;
    if (m.NumTri() > 0) {
      g.dim = Dim::k3;
      g.mesh = std::move(m);
    } else {
      g.emptyDim = Dim::k3;
    }
    return g;
  }
  static Geometry Flat(kernel::Polygon2d p, uint32_t prop) {
    Geometry g;
    if (!p.contours.empty()) {
      g.dim = Dim::k2;
      g.polygon = std::move(p);
      g.polygonProp = prop;
    } else {
      g.emptyDim = Dim::k2;
    }
    return g;
  }
  bool Empty() const { return dim == Dim::kEmpty; }
  static Geometry EmptyOf(Dim d) {
    Geometry g;
    g.emptyDim = d;
    return g;
  }
};

// A warning or error of geometry evaluation: the text without its
// "WARNING: " prefix and the instantiation it is about (2021.01 appends
// " in file x.scad, line n" for most of them).
struct GeomMessage {
  std::string text;
  lang::SourceSpan span;
  bool withLocation = false;  // errors: append " in file x.scad, line n" (2021.01's import errors)
};

// What a triangle's property id stands for.
struct FaceProperty {
  std::array<double, 4> rgba{-1, -1, -1, 1};  // -1: no colour given
  int nodeId = -1;  // pre-order index of the leaf node in the node tree
  bool HasColor() const { return rgba[0] >= 0; }
};

}  // namespace mos::geom
