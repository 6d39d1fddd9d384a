// Primitive modules: cube, sphere, cylinder, polyhedron, square, circle,
// polygon, text, import, surface; arguments checked as 2021.01 does.
#include <sys/stat.h>

#include "eval/builtin_modules.h"

namespace mos::eval {
namespace {

using lang::InstantiationStatement;

// size = number | [x, y(, z)]: numbers kept, other entries 1, with 2021.01's
// warning when the value is neither.
template <size_t N>
std::array<double, N> SizeParam(ModuleArgs& a, const char* module) {
  std::array<double, N> size;
  size.fill(1);
  const Value& v = a["size"];
  if (v.IsUndef()) return size;
  if (v.IsNumber()) {
    size.fill(v.AsNumber());
    return size;
  }
  bool ok = v.IsVector() && v.AsVector().size() == N;
  if (ok) {
    for (size_t i = 0; i < N; ++i) {
      const Value& e = v.AsVector()[i];
      if (e.IsNumber()) size[i] = e.AsNumber();
      else ok = false;
    }
  }
  if (!ok)
    a.in.Warning(std::string("Unable to convert ") + module + "(size=" + v.ToEchoString() +
                     ", ...) parameter to a number or a vec" + std::to_string(N) +
                     " of numbers",
                 a.inst.span);
  return size;
}

// r | d (d wins, with a warning when both are numbers); false when neither.
bool Radius(ModuleArgs& a, const char* rName, const char* dName, double& r) {
  const Value& rv = a[rName];
  const Value& dv = a[dName];
  if (dv.IsNumber()) {
    if (rv.IsNumber())
      a.in.Warning(std::string("Ignoring radius variable '") + rName + "' as diameter '" +
                       dName + "' is defined too.",
                   a.inst.span);
    r = dv.AsNumber() / 2;
    return true;
  }
  if (rv.IsNumber()) {
    r = rv.AsNumber();
    return true;
  }
  return false;
}

void Cube(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
          std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"size", "center"}, 2);
  CubeParams p;
  p.size = SizeParam<3>(a, "cube");
  p.center = ToBoolStrict(a["center"], false);
  out.push_back(MakeNode(NodeKind::Cube, p, inst));
}

void Square(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"size", "center"}, 2);
  SquareParams p;
  p.size = SizeParam<2>(a, "square");
  p.center = ToBoolStrict(a["center"], false);
  out.push_back(MakeNode(NodeKind::Square, p, inst));
}

void Sphere(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"r", "d"}, 1);
  SphereParams p;
  p.fragments = a.GetFragments();
  Radius(a, "r", "d", p.r);
  out.push_back(MakeNode(NodeKind::Sphere, p, inst));
}

void Circle(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"r", "d"}, 1);
  CircleParams p;
  p.fragments = a.GetFragments();
  Radius(a, "r", "d", p.r);
  out.push_back(MakeNode(NodeKind::Circle, p, inst));
}

void Cylinder(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
              std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"h", "r1", "r2", "center", "r", "d", "d1", "d2"}, 4);
  CylinderParams p;
  p.fragments = a.GetFragments();
  p.h = ToNumber(a["h"], 1);
  double r = 1, r1 = 0, r2 = 0;
  Radius(a, "r", "d", r);
  bool has1 = Radius(a, "r1", "d1", r1);
  bool has2 = Radius(a, "r2", "d2", r2);
  p.r1 = has1 ? r1 : r;
  p.r2 = has2 ? r2 : r;
  p.center = ToBoolStrict(a["center"], false);
  out.push_back(MakeNode(NodeKind::Cylinder, p, inst));
}

template <size_t N>
std::vector<std::array<double, N>> Points(const Value& v) {
  std::vector<std::array<double, N>> pts;
  if (!v.IsVector()) return pts;
  for (const auto& p : v.AsVector()) {
    std::array<double, N> q{};
    if (p.IsVector() && p.AsVector().size() >= N) {
      for (size_t i = 0; i < N; ++i) q[i] = ToNumber(p.AsVector()[i], 0);
    }
    pts.push_back(q);
  }
  return pts;
}

std::vector<std::vector<int>> Indices(const Value& v) {
  std::vector<std::vector<int>> out;
  if (!v.IsVector()) return out;
  for (const auto& f : v.AsVector()) {
    std::vector<int> face;
    if (f.IsVector())
      for (const auto& i : f.AsVector()) face.push_back(ToInt(i, -1));
    out.push_back(std::move(face));
  }
  return out;
}

void Polygon(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
             std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"points", "paths", "convexity"}, 3);
  PolygonParams p;
  p.pointsValue = a["points"];
  p.pathsValue = a["paths"];
  p.points = Points<2>(p.pointsValue);
  p.paths = Indices(p.pathsValue);
  p.convexity = ToInt(a["convexity"], 1);
  out.push_back(MakeNode(NodeKind::Polygon, p, inst));
}

void Polyhedron(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
                std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"points", "faces", "convexity", "triangles"}, 3);
  PolyhedronParams p;
  p.pointsValue = a["points"];
  p.facesValue = a["faces"];
  if (p.facesValue.IsUndef() && !a["triangles"].IsUndef()) {
    in.log().Deprecated("polyhedron(triangles=[]) will be removed in future releases. Use "
                        "polyhedron(faces=[]) instead." + in.Where(inst.span),
                        inst.span);
    p.facesValue = a["triangles"];
  }
  p.points = Points<3>(p.pointsValue);
  p.faces = Indices(p.facesValue);
  p.convexity = ToInt(a["convexity"], 1);
  out.push_back(MakeNode(NodeKind::Polyhedron, p, inst));
}

std::string StringParam(const Value& v, const std::string& fallback) {
  return v.IsString() ? v.AsString() : fallback;
}

void Text(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
          std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx,
               {"text", "size", "font", "direction", "language", "script", "halign", "valign",
                "spacing"},
               3);
  TextParams p;
  p.fragments = a.GetFragments();
  const Value& t = a["text"];
  p.text = t.IsString() ? t.AsString() : t.IsUndef() ? "" : t.ToStrString();
  p.size = ToNumber(a["size"], 10);
  p.spacing = ToNumber(a["spacing"], 1);
  p.font = StringParam(a["font"], "");
  p.direction = StringParam(a["direction"], "ltr");
  p.language = StringParam(a["language"], "en");
  p.script = StringParam(a["script"], "Latn");
  p.halign = StringParam(a["halign"], "left");
  p.valign = StringParam(a["valign"], "baseline");
  out.push_back(MakeNode(NodeKind::Text, p, inst));
}

// The modification time of `file` resolved against the directory of the
// source file that names it; 0 when it does not exist.
long long Timestamp(const std::string& file, const lang::SourceSpan& span) {
  std::string path = file;
  if (!file.empty() && file[0] != '/' && span.file) {
    auto slash = span.file->find_last_of('/');
    if (slash != std::string::npos) path = span.file->substr(0, slash + 1) + file;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return 0;
  return static_cast<long long>(st.st_mtime);
}

void Import(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx,
               {"file", "layer", "convexity", "origin", "scale", "width", "height", "filename",
                "center", "dpi", "id"},
               5);
  ImportParams p;
  p.fragments = a.GetFragments();
  Value file = a["file"];
  if (file.IsUndef() && !a["filename"].IsUndef()) {
    in.log().Deprecated("filename= is deprecated. Please use file=" + in.Where(inst.span),
                        inst.span);
    file = a["filename"];
  }
  p.file = StringParam(file, "");
  p.layer = StringParam(a["layer"], "");
  p.convexity = ToInt(a["convexity"], 1);
  double x, y;
  if (a["origin"].GetVec2(x, y)) p.origin = {x, y};
  p.scale = ToNumber(a["scale"], 1);
  p.width = ToNumber(a["width"], -1);
  p.height = ToNumber(a["height"], -1);
  p.center = ToBoolStrict(a["center"], false);
  p.dpi = ToNumber(a["dpi"], 72);
  p.timestamp = Timestamp(p.file, inst.span);
  out.push_back(MakeNode(NodeKind::Import, p, inst));
}

void Surface(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
             std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"file", "center", "convexity", "invert"}, 3);
  SurfaceParams p;
  p.file = StringParam(a["file"], "");
  p.center = ToBoolStrict(a["center"], false);
  p.invert = ToBoolStrict(a["invert"], false);
  p.convexity = ToInt(a["convexity"], 1);
  p.timestamp = Timestamp(p.file, inst.span);
  out.push_back(MakeNode(NodeKind::Surface, p, inst));
}

}  // namespace

const std::vector<BuiltinModule>& PrimitiveModules() {
  static const std::vector<BuiltinModule> modules = {
      {"cube", Cube},         {"sphere", Sphere},   {"cylinder", Cylinder},
      {"polyhedron", Polyhedron}, {"square", Square}, {"circle", Circle},
      {"polygon", Polygon},   {"text", Text},       {"import", Import},
      {"surface", Surface},
  };
  return modules;
}

}  // namespace mos::eval
