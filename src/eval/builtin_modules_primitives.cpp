// Primitive modules: cube, sphere, cylinder, polyhedron, square, circle,
// polygon, text, import, surface; arguments checked as 2021.01 does.
#include <cctype>
#include <cstdint>

#include "eval/builtin_modules.h"
#include "eval/script_files.h"

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
    // 2021.01 stops at the first entry that is not a number.
    for (size_t i = 0; i < N && ok; ++i) {
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
  WarnChildren(a, inst.name.c_str());
  CubeParams p;
  p.size = SizeParam<3>(a, "cube");
  p.center = ToBoolStrict(a["center"], false);
  out.push_back(MakeNode(NodeKind::Cube, p, inst));
}

void Square(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"size", "center"}, 2);
  WarnChildren(a, inst.name.c_str());
  SquareParams p;
  p.size = SizeParam<2>(a, "square");
  p.center = ToBoolStrict(a["center"], false);
  out.push_back(MakeNode(NodeKind::Square, p, inst));
}

void Sphere(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"r", "d"}, 1);
  WarnChildren(a, inst.name.c_str());
  SphereParams p;
  p.fragments = a.GetFragments();
  Radius(a, "r", "d", p.r);
  out.push_back(MakeNode(NodeKind::Sphere, p, inst));
}

void Circle(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"r", "d"}, 1);
  WarnChildren(a, inst.name.c_str());
  CircleParams p;
  p.fragments = a.GetFragments();
  Radius(a, "r", "d", p.r);
  out.push_back(MakeNode(NodeKind::Circle, p, inst));
}

void Cylinder(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
              std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"h", "r1", "r2", "center", "r", "d", "d1", "d2"}, 4);
  WarnChildren(a, inst.name.c_str());
  CylinderParams p;
  p.fragments = a.GetFragments();
  p.h = ToNumber(a["h"], 1);
  double r = 1, r1 = 0, r2 = 0;
  bool hasR = Radius(a, "r", "d", r);
  bool has1 = Radius(a, "r1", "d1", r1);
  bool has2 = Radius(a, "r2", "d2", r2);
  if (hasR && (has1 || has2)) in.Warning("Cylinder parameters ambiguous", inst.span);
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
  WarnChildren(a, inst.name.c_str());
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
  WarnChildren(a, inst.name.c_str());
  PolyhedronParams p;
  p.pointsValue = a["points"];
  p.facesValue = a["faces"];
  if (p.facesValue.IsUndef() && !a["triangles"].IsUndef()) {
    in.DeprecatedOnce("polyhedron(triangles=[]) will be removed in future releases. Use "
                      "polyhedron(faces=[]) instead.",
                      inst.span);
    p.facesValue = a["triangles"];
  }
  p.points = Points<3>(p.pointsValue);
  p.faces = Indices(p.facesValue);
  p.convexity = ToInt(a["convexity"], 1);
  out.push_back(MakeNode(NodeKind::Polyhedron, p, inst));
}

// The ISO 15924 tag of the first character of `text` that belongs to a
// script (what HarfBuzz guesses for 2021.01's text()); "" when none does.
std::string DetectScript(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t cp = c;
    size_t n = 1;
    if (c >= 0xF0) cp = c & 0x07, n = 4;
    else if (c >= 0xE0) cp = c & 0x0F, n = 3;
    else if (c >= 0xC0) cp = c & 0x1F, n = 2;
    for (size_t k = 1; k < n && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += n;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
        (cp >= 0x1E00 && cp <= 0x1EFF))
      return "Latn";
    if (cp >= 0x370 && cp <= 0x3FF) return "Grek";
    if (cp >= 0x400 && cp <= 0x52F) return "Cyrl";
    if (cp >= 0x591 && cp <= 0x5FF) return "Hebr";
    if ((cp >= 0x600 && cp <= 0x6FF && cp != 0x60C && cp != 0x61B && cp != 0x61F && cp != 0x640) ||
        (cp >= 0x750 && cp <= 0x77F) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF))
      return "Arab";
    if (cp >= 0x900 && cp <= 0x97F) return "Deva";
    if (cp >= 0xE00 && cp <= 0xE7F) return "Thai";
    if (cp >= 0x3040 && cp <= 0x309F) return "Hira";
    if (cp >= 0x30A0 && cp <= 0x30FF) return "Kana";
    if (cp >= 0xAC00 && cp <= 0xD7AF) return "Hang";
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return "Hani";
  }
  return "";
}

// script = "arabic" -> "Arab", as HarfBuzz reads a script name.
std::string ScriptTag(const std::string& name) {
  std::string tag = name.substr(0, 4);
  for (size_t i = 0; i < tag.size(); ++i)
    tag[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(tag[i]))
                                      : std::tolower(static_cast<unsigned char>(tag[i])));
  return tag;
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
  WarnChildren(a, inst.name.c_str());
  TextParams p;
  p.fragments = a.GetFragments();
  const Value& t = a["text"];
  p.text = t.IsString() ? t.AsString() : "";  // 2021.01: other values give ""
  p.size = ToNumber(a["size"], 10);
  p.spacing = ToNumber(a["spacing"], 1);
  p.font = StringParam(a["font"], "");
  p.script = a["script"].IsString() ? ScriptTag(a["script"].AsString()) : DetectScript(p.text);
  // Without a direction, the script's own one (right to left for these).
  bool rtl = p.script == "Arab" || p.script == "Hebr" || p.script == "Syrc" || p.script == "Thaa";
  p.direction = StringParam(a["direction"], "");
  if (p.direction != "ltr" && p.direction != "rtl" && p.direction != "ttb" && p.direction != "btt")
    p.direction = rtl ? "rtl" : "ltr";
  p.language = StringParam(a["language"], "en");
  p.halign = StringParam(a["halign"], "left");
  p.valign = StringParam(a["valign"], "baseline");
  out.push_back(MakeNode(NodeKind::Text, p, inst));
}

void Import(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx,
               {"file", "layer", "convexity", "origin", "scale", "width", "height", "filename",
                "center", "dpi", "id", "layername"},
               5);
  WarnChildren(a, inst.name.c_str());
  ImportParams p;
  p.fragments = a.GetFragments();
  Value file = a["file"];
  if (file.IsUndef() && !a["filename"].IsUndef()) {
    in.DeprecatedOnce("filename= is deprecated. Please use file=", inst.span);
    file = a["filename"];
  }
  p.file = ImportPath(in, StringParam(file, ""), inst.span, p.timestamp, &p.path);
  Value layer = a["layer"];
  if (layer.IsUndef() && !a["layername"].IsUndef()) {
    in.DeprecatedOnce("layername= is deprecated. Please use layer=", inst.span);
    layer = a["layername"];
  }
  p.layer = StringParam(layer, "");
  p.convexity = ToInt(a["convexity"], 1);
  p.origin = ReadOrigin(a, "linear_extrude");  // sic: 2021.01 names linear_extrude here
  p.scale = ToNumber(a["scale"], 1);
  p.width = ToNumber(a["width"], -1);
  p.height = ToNumber(a["height"], -1);
  p.center = ToBoolStrict(a["center"], false);
  p.dpi = ToNumber(a["dpi"], 72);
  if (p.file.size() >= 4) {
    std::string ext = p.file.substr(p.file.size() - 4);
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    p.isSvg = ext == ".svg";
  }
  out.push_back(MakeNode(NodeKind::Import, p, inst));
}

void Surface(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
             std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"file", "center", "convexity", "invert"}, 3);
  WarnChildren(a, inst.name.c_str());
  SurfaceParams p;
  // Any value names the file by its string form (file=123 is "123").
  const Value& fileValue = a["file"];
  const std::string file = fileValue.IsUndef()    ? std::string()
                           : fileValue.IsString() ? fileValue.AsString()
                                                  : fileValue.ToStrString();
  std::string openPath;  // beside the calling file, or in the document root
  p.file = ImportPath(in, file, inst.span, p.timestamp, &openPath);
  p.path = AbsolutePath(openPath);
  p.center = ToBoolStrict(a["center"], false);
  p.invert = ToBoolStrict(a["invert"], false);
  p.convexity = ToInt(a["convexity"], 1);
  out.push_back(MakeNode(NodeKind::Surface, p, inst));
}

// import_stl(), import_off(), import_dxf(): deprecated spellings of import().
template <const char* kName>
void DeprecatedImport(Interpreter& in, const InstantiationStatement& inst,
                      const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  in.log().Deprecated(std::string("The ") + kName +
                          "() module will be removed in future releases. Use import() instead." +
                          in.log().LocationSuffixFromMain(inst.span),
                      inst.span);
  Import(in, inst, ctx, out);
}
constexpr char kImportStl[] = "import_stl";
constexpr char kImportOff[] = "import_off";
constexpr char kImportDxf[] = "import_dxf";

}  // namespace

const std::vector<BuiltinModule>& PrimitiveModules() {
  static const std::vector<BuiltinModule> modules = {
      {"cube", Cube},         {"sphere", Sphere},   {"cylinder", Cylinder},
      {"polyhedron", Polyhedron}, {"square", Square}, {"circle", Circle},
      {"polygon", Polygon},   {"text", Text},       {"import", Import},
      {"surface", Surface},   {"import_stl", DeprecatedImport<kImportStl>},
      {"import_off", DeprecatedImport<kImportOff>},
      {"import_dxf", DeprecatedImport<kImportDxf>},
  };
  return modules;
}

}  // namespace mos::eval
