// The OFF, OBJ and AMF writers (one output block, the exact %g formatter)
// against the stream versions they replaced, byte for byte: rendered meshes with and
// without colours, and meshes of awkward numbers (signed zeros, ties,
// subnormals, huge and tiny values, non-finite ones).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "geom_test_util.h"
#include "io/export_mesh.h"

namespace mos::geom {
namespace {

// The writer as it was (ostream insertions of FormatNumber's strings).
std::string ReferenceOff(const kernel::Mesh& mesh, const std::vector<FaceProperty>& properties) {
  std::ostringstream out;
  bool anyColor = false;
  for (int t = 0; t < mesh.NumTri() && !anyColor; ++t)
    anyColor = io::TriangleColor(mesh, properties, t) != nullptr;
  out << "OFF " << mesh.NumVert() << " " << mesh.NumTri() << " 0\n";
  for (const auto& v : mesh.vertPos)
    out << io::FormatNumber(v.x) << " " << io::FormatNumber(v.y) << " " << io::FormatNumber(v.z)
        << " \n";
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto& tv = mesh.triVerts[t];
    out << "3 " << tv[0] << " " << tv[1] << " " << tv[2];
    if (anyColor) {
      if (const FaceProperty* p = io::TriangleColor(mesh, properties, t))
        for (double c : p->rgba) out << " " << io::FormatNumber(c);
    }
    out << "\n";
  }
  return out.str();
}

std::string ReferenceObj(const kernel::Mesh& mesh) {
  std::ostringstream out;
  out << "# OpenSCAD_Model (mos)\n";
  for (const auto& v : mesh.vertPos)
    out << "v " << io::FormatNumber(v.x) << " " << io::FormatNumber(v.y) << " "
        << io::FormatNumber(v.z) << "\n";
  for (const auto& tv : mesh.triVerts)
    out << "f " << tv[0] + 1 << " " << tv[1] + 1 << " " << tv[2] + 1 << "\n";
  return out.str();
}

std::string ReferenceAmf(const kernel::Mesh& mesh, const std::vector<FaceProperty>& properties) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<amf unit=\"millimeter\">\n"
      << " <metadata type=\"producer\">OpenSCAD 2021.01</metadata>\n"
      << " <object id=\"0\">\n"
      << "  <mesh>\n"
      << "   <vertices>\n";
  for (const auto& v : mesh.vertPos) {
    out << "    <vertex><coordinates>\n"
        << "     <x>" << io::FormatNumber(v.x) << "</x>\n"
        << "     <y>" << io::FormatNumber(v.y) << "</y>\n"
        << "     <z>" << io::FormatNumber(v.z) << "</z>\n"
        << "    </coordinates></vertex>\n";
  }
  out << "   </vertices>\n";
  std::map<std::array<double, 4>, size_t> volumeOf;
  std::vector<std::array<double, 4>> volumeColor;
  std::vector<std::vector<int>> volumeTris;
  const std::array<double, 4> kNone{-1, -1, -1, -1};
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const FaceProperty* p = io::TriangleColor(mesh, properties, t);
    const std::array<double, 4> key = p ? p->rgba : kNone;
    auto [it, inserted] = volumeOf.emplace(key, volumeTris.size());
    if (inserted) {
      volumeColor.push_back(key);
      volumeTris.emplace_back();
    }
    volumeTris[it->second].push_back(t);
  }
  for (size_t v = 0; v < volumeTris.size(); ++v) {
    out << "   <volume>\n";
    if (volumeColor[v] != kNone) {
      const auto& c = volumeColor[v];
      out << "    <color><r>" << io::FormatNumber(c[0]) << "</r><g>" << io::FormatNumber(c[1])
          << "</g><b>" << io::FormatNumber(c[2]) << "</b><a>" << io::FormatNumber(c[3])
          << "</a></color>\n";
    }
    for (int t : volumeTris[v]) {
      const auto& tv = mesh.triVerts[t];
      out << "    <triangle>\n"
          << "     <v1>" << tv[0] << "</v1>\n"
          << "     <v2>" << tv[1] << "</v2>\n"
          << "     <v3>" << tv[2] << "</v3>\n"
          << "    </triangle>\n";
    }
    out << "   </volume>\n";
  }
  out << "  </mesh>\n"
      << " </object>\n"
      << "</amf>\n";
  return out.str();
}

std::string NewOff(const kernel::Mesh& mesh, const std::vector<FaceProperty>& properties) {
  std::ostringstream out;
  io::WriteOff(mesh, properties, out);
  return out.str();
}

std::string NewObj(const kernel::Mesh& mesh) {
  std::ostringstream out;
  io::WriteObj(mesh, out);
  return out.str();
}

std::string NewAmf(const kernel::Mesh& mesh, const std::vector<FaceProperty>& properties) {
  std::ostringstream out;
  io::WriteAmf(mesh, properties, out);
  return out.str();
}

// All three writers against their references.
void ExpectSameBytes(const kernel::Mesh& mesh, const std::vector<FaceProperty>& properties) {
  EXPECT_EQ(NewOff(mesh, properties), ReferenceOff(mesh, properties));
  EXPECT_EQ(NewObj(mesh), ReferenceObj(mesh));
  EXPECT_EQ(NewAmf(mesh, properties), ReferenceAmf(mesh, properties));
}

TEST(ExportTextBytes, RenderedMeshesMatchTheStreamWriter) {
  for (const char* source :
       {"color([1,0,0,0.5]) cube(1);", "sphere(1, $fn=30);",
        "color(\"teal\") cube(2); translate([3,0,0]) color([0.1,0.2,0.3]) sphere(1, $fn=12); "
        "translate([0,4,0]) cylinder(r=1, h=2, $fn=40);",
        "linear_extrude(height=40, twist=360, slices=200, scale=0.5) "
        "difference() { circle(10, $fn=20); circle(2, $fn=32); }"}) {
    SCOPED_TRACE(source);
    RenderResult r = testing::Render(source);
    const kernel::Mesh mesh = RenderToMesh(r);
    ExpectSameBytes(mesh, r.properties);
    ExpectSameBytes(mesh, {});
  }
}

TEST(ExportTextBytes, AwkwardNumbersMatchTheStreamWriter) {
  std::mt19937_64 rng(2026);
  const double special[] = {0.0, -0.0, 9.999995, 9.9999949999, 1e-5, -1e-5, 1e15, 1e16, 123456.5,
                            0.1, 1e-300, 4.9e-324, -2.2250738585072014e-308, 1e300,
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN(), 999999.5, 0.00001234565};
  kernel::Mesh mesh;
  for (int i = 0; i < 20000; ++i) {
    auto pick = [&]() -> double {
      switch (rng() % 4) {
        case 0: return special[rng() % std::size(special)];
        case 1: {
          uint64_t bits = rng();
          double d;
          std::memcpy(&d, &bits, sizeof d);
          return d;
        }
        case 2: return std::ldexp(static_cast<double>(rng() % 2000001) - 1000000.0, -static_cast<int>(rng() % 40));
        default: return std::round(std::uniform_real_distribution<double>(-1e6, 1e6)(rng)) / 1000;
      }
    };
    mesh.vertPos.push_back({pick(), pick(), pick()});
  }
  for (int t = 0; t < 30000; ++t) {
    const int n = mesh.NumVert();
    mesh.triVerts.push_back({static_cast<int>(rng() % n), static_cast<int>(rng() % n),
                             static_cast<int>(rng() % n)});
    mesh.triProp.push_back(static_cast<uint32_t>(rng() % 4));
  }
  std::vector<FaceProperty> properties(3);
  properties[0].rgba = {1, 0, 0, 0.5};
  properties[2].rgba = {0.123456789, -0.0, 1e-7, 1};  // property 1: no colour; 3: none at all
  ExpectSameBytes(mesh, properties);
  ExpectSameBytes(mesh, {});
  ExpectSameBytes(kernel::Mesh{}, {});
}

}  // namespace
}  // namespace mos::geom
