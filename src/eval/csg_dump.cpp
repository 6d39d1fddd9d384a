// DumpCsg: the node tree in 2021.01's `-o x.csg` text format. One node per
// line, children indented by tabs inside `{ }`; the '#'/'%' modifier is
// written before the indentation, as 2021.01 does.
#include <cstdio>
#include <string>

#include "eval/evaluator.h"
#include "eval/expr_text.h"
#include "eval/node.h"
#include "eval/value.h"

namespace mos::eval {
namespace {

// 2021.01 writes most node parameters with C++ stream formatting (%g:
// "1e+06", "1.23457e+08", "-nan") and only multmatrix with the value
// formatting of echo ("1e+6").
std::string Num(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}
std::string ValueNum(double d) { return FormatNumber(d); }
std::string Bool(bool b) { return b ? "true" : "false"; }
std::string Str(const std::string& s) { return QuoteEscaped(s); }

std::string Frag(const Fragments& f) {
  return "$fn = " + Num(f.fn) + ", $fa = " + Num(f.fa) + ", $fs = " + Num(f.fs);
}

std::string Matrix(const Matrix4& m) {
  std::string s = "[";
  for (int r = 0; r < 4; ++r) {
    if (r) s += ", ";
    s += "[";
    for (int c = 0; c < 4; ++c) {
      if (c) s += ", ";
      s += ValueNum(m[r][c]);
    }
    s += "]";
  }
  return s + "]";
}

// The text between the parentheses of a node's line.
std::string Arguments(const Node& n) {
  switch (n.kind) {
    case NodeKind::Group:
    case NodeKind::Union:
    case NodeKind::Difference:
    case NodeKind::Intersection:
    case NodeKind::Hull:
      return "";
    case NodeKind::Minkowski:
    case NodeKind::Render:
      return "convexity = " + std::to_string(n.Params<ConvexityParams>().convexity);
    case NodeKind::Cube: {
      const auto& p = n.Params<CubeParams>();
      return "size = [" + Num(p.size[0]) + ", " + Num(p.size[1]) + ", " + Num(p.size[2]) +
             "], center = " + Bool(p.center);
    }
    case NodeKind::Sphere: {
      const auto& p = n.Params<SphereParams>();
      return Frag(p.fragments) + ", r = " + Num(p.r);
    }
    case NodeKind::Cylinder: {
      const auto& p = n.Params<CylinderParams>();
      return Frag(p.fragments) + ", h = " + Num(p.h) + ", r1 = " + Num(p.r1) +
             ", r2 = " + Num(p.r2) + ", center = " + Bool(p.center);
    }
    case NodeKind::Polyhedron: {
      const auto& p = n.Params<PolyhedronParams>();
      return "points = " + p.pointsValue.ToEchoString() +
             ", faces = " + p.facesValue.ToEchoString() +
             ", convexity = " + std::to_string(p.convexity);
    }
    case NodeKind::Square: {
      const auto& p = n.Params<SquareParams>();
      return "size = [" + Num(p.size[0]) + ", " + Num(p.size[1]) +
             "], center = " + Bool(p.center);
    }
    case NodeKind::Circle: {
      const auto& p = n.Params<CircleParams>();
      return Frag(p.fragments) + ", r = " + Num(p.r);
    }
    case NodeKind::Polygon: {
      const auto& p = n.Params<PolygonParams>();
      return "points = " + p.pointsValue.ToEchoString() +
             ", paths = " + p.pathsValue.ToEchoString() +
             ", convexity = " + std::to_string(p.convexity);
    }
    case NodeKind::Text: {
      const auto& p = n.Params<TextParams>();
      return "text = " + Str(p.text) + ", size = " + Num(p.size) +
             ", spacing = " + Num(p.spacing) + ", font = " + Str(p.font) +
             ", direction = " + Str(p.direction) + ", language = " + Str(p.language) +
             (p.script.empty() ? "" : ", script = " + Str(p.script)) + ", halign = " + Str(p.halign) +
             ", valign = " + Str(p.valign) + ", " + Frag(p.fragments);
    }
    case NodeKind::Import: {
      const auto& p = n.Params<ImportParams>();
      return "file = " + Str(p.file) + ", layer = " + Str(p.layer) + ", origin = [" +
             Num(p.origin[0]) + ", " + Num(p.origin[1]) + "]" +
             (p.isSvg ? ", center = " + Bool(p.center) + ", dpi = " + Num(p.dpi) : "") +
             ", scale = " + Num(p.scale) +
             ", convexity = " + std::to_string(p.convexity) + ", " + Frag(p.fragments) +
             ", timestamp = " + std::to_string(p.timestamp);
    }
    case NodeKind::Surface: {
      const auto& p = n.Params<SurfaceParams>();
      std::string s = "file = " + Str(p.file) + ", center = " + Bool(p.center) +
                      ", invert = " + Bool(p.invert);
      return s + ", timestamp = " + std::to_string(p.timestamp);
    }
    case NodeKind::Transform:
      return Matrix(n.Params<TransformParams>().m);
    case NodeKind::Color: {
      const auto& c = n.Params<ColorParams>().rgba;
      return "[" + Num(c[0]) + ", " + Num(c[1]) + ", " + Num(c[2]) + ", " + Num(c[3]) + "]";
    }
    case NodeKind::Offset: {
      const auto& p = n.Params<OffsetParams>();
      if (p.mode == OffsetParams::Mode::Radius)
        return "r = " + Num(p.value) + ", " + Frag(p.fragments);
      return "delta = " + Num(p.value) + ", chamfer = " + Bool(p.chamfer) + ", " +
             Frag(p.fragments);
    }
    case NodeKind::LinearExtrude: {
      const auto& p = n.Params<LinearExtrudeParams>();
      std::string s;
      if (p.file.present)
        s = "file = " + Str(p.file.file) + ", layer = " + Str(p.file.layer) + ", origin = [" +
            Num(p.file.origin[0]) + ", " + Num(p.file.origin[1]) + "], timestamp = " +
            std::to_string(p.file.timestamp) + ", ";
      s += "height = " + Num(p.height) + ", center = " + Bool(p.center) +
                      ", convexity = " + std::to_string(p.convexity);
      if (p.hasTwist) s += ", twist = " + Num(p.twist);
      if (p.hasSlices) s += ", slices = " + std::to_string(p.slices);
      s += ", scale = [" + Num(p.scale[0]) + ", " + Num(p.scale[1]) + "]";
      if (!p.hasSlices) s += ", " + Frag(p.fragments);
      return s;
    }
    case NodeKind::RotateExtrude: {
      const auto& p = n.Params<RotateExtrudeParams>();
      std::string s;
      if (p.file.present)
        s = "file = " + Str(p.file.file) + ", layer = " + Str(p.file.layer) + ", origin = [" +
            Num(p.file.origin[0]) + ", " + Num(p.file.origin[1]) + "], scale = " +
            Num(p.file.scale) + ", timestamp = " + std::to_string(p.file.timestamp) + ", ";
      return s + "angle = " + Num(p.angle) + ", convexity = " + std::to_string(p.convexity) +
             ", " + Frag(p.fragments);
    }
    case NodeKind::Projection: {
      const auto& p = n.Params<ProjectionParams>();
      return "cut = " + Bool(p.cut) + ", convexity = " + std::to_string(p.convexity);
    }
    case NodeKind::Resize: {
      // 2021.01 prints these two vectors without spaces and bools as 0/1.
      const auto& p = n.Params<ResizeParams>();
      return "newsize = [" + Num(p.newSize[0]) + "," + Num(p.newSize[1]) + "," +
             Num(p.newSize[2]) + "], auto = [" + std::to_string(int(p.autoSize[0])) + "," +
             std::to_string(int(p.autoSize[1])) + "," + std::to_string(int(p.autoSize[2])) +
             "], convexity = " + std::to_string(p.convexity);
    }
  }
  return "";
}

void DumpNode(const Node& n, int depth, std::string& out) {
  std::string prefix = std::string(n.background ? "%" : "") + (n.highlight ? "#" : "");
  std::string indent(depth, '\t');
  out += prefix + indent + NodeKindName(n.kind) + "(" + Arguments(n) + ")";
  if (n.children.empty()) {
    out += ";\n";
    return;
  }
  out += " {\n";
  for (const auto& c : n.children) DumpNode(*c, depth + 1, out);
  out += indent + "}\n";
}

}  // namespace

Matrix4 IdentityMatrix() {
  Matrix4 m{};
  for (int i = 0; i < 4; ++i) m[i][i] = 1;
  return m;
}

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::Group: return "group";
    case NodeKind::Union: return "union";
    case NodeKind::Difference: return "difference";
    case NodeKind::Intersection: return "intersection";
    case NodeKind::Hull: return "hull";
    case NodeKind::Minkowski: return "minkowski";
    case NodeKind::Render: return "render";
    case NodeKind::Cube: return "cube";
    case NodeKind::Sphere: return "sphere";
    case NodeKind::Cylinder: return "cylinder";
    case NodeKind::Polyhedron: return "polyhedron";
    case NodeKind::Square: return "square";
    case NodeKind::Circle: return "circle";
    case NodeKind::Polygon: return "polygon";
    case NodeKind::Text: return "text";
    case NodeKind::Import: return "import";
    case NodeKind::Surface: return "surface";
    case NodeKind::Transform: return "multmatrix";
    case NodeKind::Color: return "color";
    case NodeKind::Offset: return "offset";
    case NodeKind::LinearExtrude: return "linear_extrude";
    case NodeKind::RotateExtrude: return "rotate_extrude";
    case NodeKind::Projection: return "projection";
    case NodeKind::Resize: return "resize";
  }
  return "group";
}

// The root of an evaluated program is a group whose children are the
// top-level nodes; 2021.01 dumps those children without the wrapper and
// ends the file with an empty line.
std::string DumpCsg(const Node& root) {
  std::string out;
  for (const auto& c : root.children) DumpNode(*c, 0, out);
  return out + "\n";  // 2021.01 ends the file with an empty line
}

}  // namespace mos::eval
