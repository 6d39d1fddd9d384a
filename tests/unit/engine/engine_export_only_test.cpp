// RenderRequest::wantMeshAndSummary = false (the CLI without --info): no
// viewer mesh and no summary, and the exporters write what they write with
// them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mos/engine.h"

namespace mos {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(EngineExportOnly, SkipsMeshAndSummaryAndExportsTheSameFile) {
  const std::string source =
      "difference() { cube(10, center=true); cylinder(h=12, r=3, center=true); }";
  const auto dir = std::filesystem::temp_directory_path();
  std::string written[2];
  for (int withMesh = 0; withMesh < 2; ++withMesh) {
    Engine engine;
    RenderRequest request;
    request.source = source;
    request.sourceName = "model.scad";
    request.wantGeometry = true;
    request.wantMeshAndSummary = withMesh == 1;
    RenderResult r = engine.Render(request);
    ASSERT_TRUE(r.ok);
    if (withMesh) {
      EXPECT_EQ(r.summary.kind, GeometryKind::ThreeD);
      EXPECT_GT(r.mesh.indices.size(), 0u);
    } else {
      EXPECT_TRUE(r.mesh.indices.empty());
      EXPECT_TRUE(r.mesh.positions.empty());
      EXPECT_EQ(r.summary.triangles, 0u);
    }
    const std::string path =
        (dir / ("mos_export_only_" + std::to_string(withMesh) + ".stl")).string();
    ASSERT_EQ(ExportGeometry(r, path), "");
    written[withMesh] = Slurp(path);
    std::filesystem::remove(path);
  }
  EXPECT_GT(written[0].size(), 1000u);
  EXPECT_EQ(written[0], written[1]);
}

}  // namespace
}  // namespace mos
