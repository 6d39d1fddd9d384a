// Vertex sets of primitives, extrusions and transforms against openscad
// 2021.01: every tests/unit/geom/data/<name>.scad was exported with
// `openscad -o <name>.off <name>.scad` (see data/make_reference.sh); our
// result's vertices, printed as the exporters print them, must form exactly
// the same set, and our mesh must be closed and manifold.
#include <gtest/gtest.h>

#include "geom_test_util.h"

namespace mos::geom {
namespace {

class ReferenceVertices : public ::testing::TestWithParam<const char*> {};

TEST_P(ReferenceVertices, SameVertexSetAsOpenscad) {
  const std::string name = GetParam();
  const std::set<std::string> expected = testing::OffVertexSet(testing::DataPath(name + ".off"));
  ASSERT_FALSE(expected.empty()) << name;
  RenderResult r = RenderFile(testing::DataPath(name + ".scad"), SourceOptions{});
  ASSERT_EQ(r.geometry.dim, Dim::k3) << name;
  EXPECT_TRUE(r.warnings.empty()) << r.warnings[0].text;
  const std::set<std::string> actual = testing::MeshVertexSet(r.geometry.mesh);
  std::string missing, extra;
  for (const auto& v : expected)
    if (!actual.count(v)) missing += "  " + v + "\n";
  for (const auto& v : actual)
    if (!expected.count(v)) extra += "  " + v + "\n";
  EXPECT_TRUE(missing.empty() && extra.empty())
      << name << "\nmissing:\n" << missing.substr(0, 600) << "extra:\n" << extra.substr(0, 600);
  EXPECT_EQ(kernel::DescribeManifoldProblem(r.geometry.mesh), "") << name;
  EXPECT_GT(kernel::SignedVolume(r.geometry.mesh), 0) << name;
}

INSTANTIATE_TEST_SUITE_P(
    Openscad2021, ReferenceVertices,
    ::testing::Values("cube_center", "cube_plain", "sphere_default", "sphere_fn7",
                      "sphere_fa_fs", "sphere_tiny", "sphere_fn_fraction", "cylinder_cone",
                      "cylinder_r1r2", "cylinder_d", "cylinder_inverted_cone", "circle_extrude",
                      "circle_small_extrude", "square_extrude", "polygon_hole_extrude",
                      "polygon_plain_extrude", "polyhedron_pyramid", "twist_extrude",
                      "twist_negative_extrude", "scale_extrude", "rotate_extrude_full",
                      "rotate_extrude_angle", "rotate_extrude_default", "transforms",
                      "rotate_axis", "twist_scale_offcenter_extrude"));

}  // namespace
}  // namespace mos::geom
