#include "geom/import_geometry.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>

#include "geom/import_nef3.h"
#include "geom/tessellation.h"
#include "importer/dxf_data.h"
#include "importer/mesh_data.h"
#include "importer/svg_data.h"
#include "kernel/csg_schedule.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_repair.h"
#include "kernel/polygon2d.h"

namespace mos::geom {
namespace {

constexpr long long kMaxImportBytes = 1LL << 30;

std::string Absolute(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return path;
  return std::string(cwd) + "/" + path;
}

std::string Extension(const std::string& path) {
  size_t dot = path.find_last_of('.');
  size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

void ImportDxf(const ImportRequest& r, ImportOutcome& out) {
  std::string text;
  const std::string full = Absolute(r.path);
  if (r.path.empty() || !importer::ReadTextFile(r.path, text, kMaxImportBytes)) {
    out.warnings.push_back("Can't open DXF file '" + full + "'.");
    return;
  }
  importer::DxfOptions o;
  o.layer = r.layer;
  o.originX = r.originX;
  o.originY = r.originY;
  o.scale = r.scale;
  const eval::Fragments f = r.fragments;
  o.fragments = [f](double radius) { return FragmentCount(radius, f.fn, f.fs, f.fa); };
  o.displayName = r.displayName;
  o.fullPath = full;
  o.maxSegments = static_cast<long long>(kernel::LimitGuard(r.limits, "import").MaxVertices());
  importer::DxfData data = importer::ParseDxf(text, o, out.warnings);
  kernel::Polygon2d raw;
  for (const auto& outline : importer::DxfOutlines(data)) {
    kernel::Contour c;
    for (const auto& p : outline) c.push_back({p[0], p[1]});
    raw.contours.push_back(std::move(c));
  }
  out.geometry = Geometry::Flat(kernel::Simplify2d(raw, kernel::FillRule::kEvenOdd), r.prop);
}

void ImportSvg(const ImportRequest& r, ImportOutcome& out) {
  std::string text;
  const std::string full = Absolute(r.path);
  const std::string at = "', import() at line " + std::to_string(r.line);
  if (r.path.empty() || !importer::ReadTextFile(r.path, text, kMaxImportBytes)) {
    out.errors.push_back("Can't open file '" + full + at);
    return;
  }
  importer::SvgOptions o;
  o.dpi = r.dpi;
  if (!(r.dpi >= 0.001)) {  // 2021.01's words, typos and all
    out.warnings.push_back(
        "Invalid dpi value giving, using default of undef dpi. Value must be positive and >= "
        "0.001, file " + r.scriptName + ", import() at line " + r.scriptName);
    o.dpi = 72;
  }
  o.center = r.center;
  o.maxPoints = static_cast<long long>(kernel::LimitGuard(r.limits, "import").MaxVertices());
  std::vector<importer::SvgShape> shapes;
  std::string error;
  if (!importer::ReadSvg(text, o, shapes, error, out.warnings)) {
    out.errors.push_back("Error parsing file '" + full + at);
    out.locatedWarnings.push_back("import(): " + error);
    return;
  }
  auto polygon = [](const std::vector<importer::SvgContour>& contours) {
    kernel::Polygon2d p;
    for (const auto& c : contours) {
      kernel::Contour k;
      for (const auto& q : c) k.push_back({q[0], q[1]});
      p.contours.push_back(std::move(k));
    }
    return p;
  };
  std::vector<kernel::Polygon2d> parts;
  for (const auto& shape : shapes) {
    kernel::Polygon2d all = polygon(shape.fill);
    for (const auto& outline : shape.stroke)
      for (auto& c : kernel::Simplify2d(polygon({outline}), kernel::FillRule::kPositive).contours)
        all.contours.push_back(std::move(c));
    parts.push_back(kernel::Simplify2d(all, kernel::FillRule::kEvenOdd));
  }
  out.geometry = Geometry::Flat(kernel::UnionAll2d(parts), r.prop);
}


// AMF and 3MF: 2021.01's messages for unreadable files, then every object
// repaired and the objects united.
void ImportXmlMesh(const ImportRequest& r, const std::string& ext, ImportOutcome& out) {
  std::string bytes;
  const std::string full = Absolute(r.path);
  const std::string at = "', import() at line " + std::to_string(r.line);
  struct stat st {};
  const bool directory = stat(r.path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  const bool read = !directory && importer::ReadTextFile(r.path, bytes, kMaxImportBytes);
  if (!read) {
    out.warnings.push_back((ext == "amf" ? "Can't open import file '" : "Could not read file '") +
                           full + at);
    return;
  }
  std::vector<importer::MeshData> objects;
  std::string error;
  const bool ok = ext == "amf" ? importer::ReadAmf(bytes, objects, error)
                               : importer::Read3mf(bytes, objects, error);
  if (!ok) {
    out.warnings.push_back((ext == "amf" ? "Failed to parse file '" : "Could not read file '") +
                           full + at);
    out.locatedWarnings.push_back("import(): " + error);
    return;
  }
  std::vector<kernel::Mesh> meshes;
  for (const auto& object : objects) {
    kernel::Mesh mesh;
    if (!RepairedSolid(r, object, mesh, out)) return;
    if (mesh.NumTri() > 0) meshes.push_back(std::move(mesh));
  }
  if (meshes.size() == 1) {
    out.geometry = Geometry::Solid(std::move(meshes[0]));
  } else if (meshes.size() > 1) {
    kernel::LimitGuard guard(r.limits, "import");
    out.geometry = Geometry::Solid(kernel::UnionAll(std::move(meshes), &guard));
  }
}

void ImportMesh(const ImportRequest& r, const std::string& ext, ImportOutcome& out) {
  std::string bytes;
  const std::string full = Absolute(r.path);
  struct stat st {};
  const bool directory = stat(r.path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  if (directory || !importer::ReadTextFile(r.path, bytes, kMaxImportBytes)) {
    out.warnings.push_back("Can't open import file '" + full + "', import() at line " +
                           std::to_string(r.line));
    return;
  }
  importer::MeshData data;
  std::string error;
  bool ok = ext == "stl"   ? importer::ReadStl(bytes, data, error)
            : ext == "off" ? importer::ReadOff(bytes, data, error)
                           : importer::ReadObj(bytes, data, error);
  if (!ok && error.rfind("STL line ", 0) == 0) {  // 2021.01's own parse errors
    out.locatedErrors.push_back(error + " importing file '" + full + "'");
    return;
  }
  if (!ok && error.empty()) return;  // an empty file: nothing, silently (as 2021.01)
  if (!ok) {
    out.warnings.push_back("import(): can't read '" + r.displayName + "': " + error +
                           "; object left out");
    return;
  }
  kernel::Mesh mesh;
  if (RepairedSolid(r, data, mesh, out)) out.geometry = Geometry::Solid(std::move(mesh));
}

}  // namespace

bool RepairedSolid(const ImportRequest& r, const importer::MeshData& data, kernel::Mesh& mesh,
                   ImportOutcome& out) {
  std::vector<kernel::Vec3> points;
  points.reserve(data.points.size());
  for (const auto& p : data.points) points.push_back({p[0], p[1], p[2]});
  kernel::RepairOptions options;
  options.limits = r.limits;
  kernel::RepairReport report;
  std::vector<uint32_t> props(data.faces.size(), r.prop);
  mesh = kernel::MeshFromPolygons(points, data.faces, props, options, report);
  for (const auto& d : report.diagnostics)
    out.warnings.push_back("import(): " + d.message +
                           (d.count ? " (" + std::to_string(d.count) + ")" : "") + " in '" +
                           r.displayName + "'");
  if (!report.closedManifold && mesh.NumTri() > 0) {
    out.warnings.push_back("import(): '" + r.displayName +
                           "' is not a closed solid after repair; object left out");
    return false;
  }
  return true;
}

ImportOutcome ImportFile(const ImportRequest& r) {
  ImportOutcome out;
  const std::string ext = Extension(r.path.empty() ? r.displayName : r.path);
  if (r.dxfOnly || ext == "dxf") {
    ImportDxf(r, out);
  } else if (ext == "stl" || ext == "off" || ext == "obj") {
    ImportMesh(r, ext, out);
  } else if (ext == "nef3") {
    ImportNef3(r, Absolute(r.path), out);
  } else if (ext == "svg") {
    ImportSvg(r, out);
  } else if (ext == "amf" || ext == "3mf") {
    ImportXmlMesh(r, ext, out);
  } else {
    out.errors.push_back("Unsupported file format while trying to import file '\"" +
                         r.displayName + "\"', import() at line " + std::to_string(r.line));
  }
  return out;
}

}  // namespace mos::geom
