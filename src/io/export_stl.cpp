#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <sstream>

#include "io/export_mesh.h"

namespace mos::io {
namespace {

using kernel::Vec3;

std::array<Vec3, 3> Corners(const kernel::Mesh& mesh, int t) {
  const auto& tv = mesh.triVerts[t];
  return {mesh.vertPos[tv[0]], mesh.vertPos[tv[1]], mesh.vertPos[tv[2]]};
}

Vec3 UnitNormal(const std::array<Vec3, 3>& c) {
  return kernel::Normalized(kernel::Cross(c[1] - c[0], c[2] - c[0]));
}

std::string FormatVec(Vec3 v) {
  return FormatNumber(v.x) + " " + FormatNumber(v.y) + " " + FormatNumber(v.z);
}

Vec3 ParseVec(const std::string& text) {
  std::istringstream in(text);
  Vec3 v;
  in >> v.x >> v.y >> v.z;
  return v;
}

void PutFloat(std::ostream& out, double v) {
  const float f = static_cast<float>(v);
  unsigned char bytes[4];
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  for (int i = 0; i < 4; ++i) bytes[i] = static_cast<unsigned char>(bits >> (8 * i));
  out.write(reinterpret_cast<const char*>(bytes), 4);
}

}  // namespace

std::string FormatNumber(double v) {
  std::ostringstream s;
  s << v;  // default stream format: 6 significant digits, like 2021.01's exporters
  return s.str();
}

void WriteStlAscii(const kernel::Mesh& mesh, std::ostream& out) {
  out << "solid OpenSCAD_Model\n";
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto c = Corners(mesh, t);
    const std::string a = FormatVec(c[0]), b = FormatVec(c[1]), d = FormatVec(c[2]);
    if (a == b || b == d || a == d) continue;  // collapses when printed
    // 2021.01 computes the normal from the printed (rounded) corners.
    const std::array<Vec3, 3> printed = {ParseVec(a), ParseVec(b), ParseVec(d)};
    out << "  facet normal " << FormatVec(UnitNormal(printed)) << "\n"
        << "    outer loop\n"
        << "      vertex " << a << "\n"
        << "      vertex " << b << "\n"
        << "      vertex " << d << "\n"
        << "    endloop\n"
        << "  endfacet\n";
  }
  out << "endsolid OpenSCAD_Model\n";
}

void WriteStlBinary(const kernel::Mesh& mesh, std::ostream& out) {
  char header[80] = {};
  const char* title = "OpenSCAD Model\n";
  std::memcpy(header, title, std::strlen(title));
  out.write(header, 80);
  const uint32_t count = static_cast<uint32_t>(mesh.NumTri());
  for (int i = 0; i < 4; ++i) out.put(static_cast<char>((count >> (8 * i)) & 0xff));
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto c = Corners(mesh, t);
    const Vec3 n = UnitNormal(c);
    PutFloat(out, n.x), PutFloat(out, n.y), PutFloat(out, n.z);
    for (const Vec3& p : c) PutFloat(out, p.x), PutFloat(out, p.y), PutFloat(out, p.z);
    out.put(0), out.put(0);
  }
}

}  // namespace mos::io
