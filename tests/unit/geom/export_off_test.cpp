// The OFF writer (one output block, the exact %g formatter) against the
// stream version it replaced, byte for byte: rendered meshes with and
// without colours, and meshes of awkward numbers (signed zeros, ties,
// subnormals, huge and tiny values, non-finite ones).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
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

std::string NewOff(const kernel::Mesh& mesh, const std::vector<FaceProperty>& properties) {
  std::ostringstream out;
  io::WriteOff(mesh, properties, out);
  return out.str();
}

TEST(ExportOffBytes, RenderedMeshesMatchTheStreamWriter) {
  for (const char* source :
       {"color([1,0,0,0.5]) cube(1);", "sphere(1, $fn=30);",
        "color(\"teal\") cube(2); translate([3,0,0]) color([0.1,0.2,0.3]) sphere(1, $fn=12); "
        "translate([0,4,0]) cylinder(r=1, h=2, $fn=40);",
        "linear_extrude(height=40, twist=360, slices=200, scale=0.5) "
        "difference() { circle(10, $fn=20); circle(2, $fn=32); }"}) {
    SCOPED_TRACE(source);
    RenderResult r = testing::Render(source);
    const kernel::Mesh mesh = RenderToMesh(r);
    EXPECT_EQ(NewOff(mesh, r.properties), ReferenceOff(mesh, r.properties));
    EXPECT_EQ(NewOff(mesh, {}), ReferenceOff(mesh, {}));
  }
}

TEST(ExportOffBytes, AwkwardNumbersMatchTheStreamWriter) {
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
  EXPECT_EQ(NewOff(mesh, properties), ReferenceOff(mesh, properties));
  EXPECT_EQ(NewOff(mesh, {}), ReferenceOff(mesh, {}));
  EXPECT_EQ(NewOff(kernel::Mesh{}, {}), ReferenceOff(kernel::Mesh{}, {}));
}

}  // namespace
}  // namespace mos::geom
