// The node tree (OpenSCAD 2021.01's "CSG tree"): what evaluating a program
// produces and what geometry evaluation consumes. Every builtin module becomes
// one node kind with its arguments evaluated and checked; user modules,
// for/let/if/echo/assert/children become Group nodes. DumpCsg (evaluator.h)
// writes it in 2021.01's `-o x.csg` format.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "eval/value.h"
#include "lang/ast.h"

namespace mos::eval {

struct Node;
using NodePtr = std::shared_ptr<const Node>;

// $fn, $fa, $fs as seen by the module instance (fragment count rules).
struct Fragments {
  double fn = 0, fa = 12, fs = 2;
};

enum class NodeKind {
  Group,         // group(): user modules, for, let, if, echo, assert, children
  Union,         // union()
  Difference,    // difference()
  Intersection,  // intersection(), intersection_for()
  Hull,          // hull()
  Minkowski,     // minkowski(convexity)
  Render,        // render(convexity)
  Cube,
  Sphere,
  Cylinder,
  Polyhedron,
  Square,
  Circle,
  Polygon,
  Text,
  Import,
  Surface,
  Transform,  // translate/rotate/scale/mirror/multmatrix -> multmatrix(m)
  Color,
  Offset,
  LinearExtrude,
  RotateExtrude,
  Projection,
  Resize,
};

struct CubeParams {
  std::array<double, 3> size{1, 1, 1};
  bool center = false;
};
struct SphereParams {
  double r = 1;
  Fragments fragments;
};
struct CylinderParams {
  double h = 1, r1 = 1, r2 = 1;
  bool center = false;
  Fragments fragments;
};
struct PolyhedronParams {
  Value pointsValue, facesValue;  // as given (the dump prints them)
  std::vector<std::array<double, 3>> points;  // numeric, invalid entries skipped
  std::vector<std::vector<int>> faces;
  int convexity = 1;
};
struct SquareParams {
  std::array<double, 2> size{1, 1};
  bool center = false;
};
struct CircleParams {
  double r = 1;
  Fragments fragments;
};
struct PolygonParams {
  Value pointsValue, pathsValue;  // as given; pathsValue undef when absent
  std::vector<std::array<double, 2>> points;
  std::vector<std::vector<int>> paths;  // empty: one path over all points
  int convexity = 1;
};
struct TextParams {
  std::string text;
  double size = 10, spacing = 1;
  std::string font, direction = "ltr", language = "en";
  std::string script = "Latn";  // ISO 15924 tag; "" when the text has no script
  std::string halign = "left", valign = "baseline";
  Fragments fragments;
};
struct ImportParams {
  std::string file;        // as the dump prints it (resolved path)
  std::string path;        // the path to open (relative to the working directory or absolute)
  std::string layer;
  std::array<double, 2> origin{0, 0};
  double scale = 1;
  int convexity = 1;
  double width = -1, height = -1;  // SVG sizing (unused when < 0)
  bool center = false;
  double dpi = 72;
  bool isSvg = false;  // the dump lists center and dpi for SVG files
  Fragments fragments;
  long long timestamp = 0;  // file modification time (0 when missing)
};
struct SurfaceParams {
  std::string file;  // as the dump prints it
  std::string path;  // resolved (absolute when the source has a file) for reading
  bool center = false, invert = false;
  int convexity = 1;
  long long timestamp = 0;
};
// Row-major 4x4 matrix; m[r][c].
using Matrix4 = std::array<std::array<double, 4>, 4>;
Matrix4 IdentityMatrix();
struct TransformParams {
  Matrix4 m = IdentityMatrix();
};
struct ColorParams {
  std::array<double, 4> rgba{-1, -1, -1, 1};  // -1: unset (invalid colour)
};
struct OffsetParams {
  enum class Mode { Radius, Delta } mode = Mode::Radius;
  double value = 1;  // r or delta
  bool chamfer = false;
  Fragments fragments;
};
// The deprecated file= form of linear_extrude/rotate_extrude (no children).
struct ExtrudeFile {
  bool present = false;
  std::string file, layer;
  std::string path;  // the path to open
  std::array<double, 2> origin{0, 0};
  double scale = 1;
  long long timestamp = 0;
};
struct LinearExtrudeParams {
  ExtrudeFile file;
  double height = 100;
  bool center = false;
  int convexity = 1;
  double twist = 0;
  bool hasTwist = false;
  int slices = 1;
  bool hasSlices = false;
  std::array<double, 2> scale{1, 1};
  Fragments fragments;
};
struct RotateExtrudeParams {
  ExtrudeFile file;
  double angle = 360;
  int convexity = 2;
  Fragments fragments;
};
struct ProjectionParams {
  bool cut = false;
  int convexity = 0;
};
struct ConvexityParams {  // render, minkowski
  int convexity = 0;
};
struct ResizeParams {
  std::array<double, 3> newSize{0, 0, 0};
  std::array<bool, 3> autoSize{false, false, false};
  int convexity = 0;
};

using NodeParams =
    std::variant<std::monostate, CubeParams, SphereParams, CylinderParams, PolyhedronParams,
                 SquareParams, CircleParams, PolygonParams, TextParams, ImportParams,
                 SurfaceParams, TransformParams, ColorParams, OffsetParams,
                 LinearExtrudeParams, RotateExtrudeParams, ProjectionParams,
                 ConvexityParams, ResizeParams>;

struct Node {
  NodeKind kind = NodeKind::Group;
  NodeParams params;
  bool highlight = false;   // '#'
  bool background = false;  // '%'
  std::vector<NodePtr> children;
  lang::SourceSpan span;  // the instantiation that made this node

  template <class T>
  const T& Params() const { return std::get<T>(params); }
};

// The dump name of a node kind ("group", "cube", "multmatrix", ...).
const char* NodeKindName(NodeKind kind);

}  // namespace mos::eval
