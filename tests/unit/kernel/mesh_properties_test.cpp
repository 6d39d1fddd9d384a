#include <gtest/gtest.h>

#include "kernel/limits.h"
#include "kernel/mesh_normals.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_transform.h"
#include "mesh_test_util.h"

namespace mos::kernel {
namespace {

TEST(MeshProperties, CubeVolumeAndArea) {
  Mesh box = MakeBox({0, 0, 0}, {1, 2, 3});
  EXPECT_DOUBLE_EQ(SignedVolume(box), 6.0);
  EXPECT_DOUBLE_EQ(SurfaceArea(box), 2 * (2 + 3 + 6));
}

TEST(MeshProperties, TetrahedronVolumeAndArea) {
  Mesh t = MakeTetrahedron({0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1});
  EXPECT_NEAR(SignedVolume(t), 1.0 / 6.0, 1e-15);
  EXPECT_NEAR(SurfaceArea(t), 1.5 + std::sqrt(3.0) / 2, 1e-15);
  // Either input order gives a positive tetrahedron.
  Mesh u = MakeTetrahedron({0, 0, 0}, {0, 1, 0}, {1, 0, 0}, {0, 0, 1});
  EXPECT_NEAR(SignedVolume(u), 1.0 / 6.0, 1e-15);
}

TEST(MeshProperties, VolumeFarFromOriginKeepsDigits) {
  Mesh box = MakeBox({1e6, 1e6, 1e6}, {1e6 + 1, 1e6 + 1, 1e6 + 1});
  EXPECT_DOUBLE_EQ(SignedVolume(box), 1.0);
}

TEST(MeshProperties, PrimitiveVolumesApproachTheSmoothShape) {
  const double pi = 3.14159265358979323846;
  Mesh s = MakeUvSphere({0, 0, 0}, 1, 128);
  EXPECT_NEAR(SignedVolume(s), 4.0 / 3.0 * pi, 0.01);
  Mesh c = MakeCylinder({0, 0, 0}, 1, 1, 2, 256);
  EXPECT_NEAR(SignedVolume(c), 2 * pi, 0.01);
  Mesh cone = MakeCylinder({0, 0, 0}, 1, 0, 3, 256);
  EXPECT_NEAR(SignedVolume(cone), pi, 0.01);
}

TEST(MeshProperties, ReversedMeshHasNegativeVolume) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  for (auto& t : box.triVerts) std::swap(t[1], t[2]);
  EXPECT_DOUBLE_EQ(SignedVolume(box), -1.0);
}

TEST(MeshProperties, ComponentsAndGenus) {
  Mesh m = MakeBox({0, 0, 0}, {1, 1, 1}, 1);
  AppendMesh(m, MakeBox({3, 0, 0}, {4, 1, 1}, 2));
  AppendMesh(m, testutil::VoxelRing(2));
  ASSERT_TRUE(IsClosedManifold(m)) << DescribeManifoldProblem(m);
  EXPECT_EQ(ComponentCount(m), 3);
  const auto comps = Components(m);
  ASSERT_EQ(comps.size(), 3u);
  EXPECT_EQ(comps[0].genus, 0);
  EXPECT_EQ(comps[0].eulerChar, 2);
  EXPECT_DOUBLE_EQ(comps[1].volume, 1.0);
  EXPECT_EQ(comps[2].genus, 1);
  EXPECT_EQ(comps[2].eulerChar, 0);
  EXPECT_DOUBLE_EQ(comps[2].volume, 16.0);
  EXPECT_EQ(Genus(m), 1);
  EXPECT_EQ(EulerCharacteristic(m), 4);
}

TEST(MeshProperties, DoubleTorusFromVoxels) {
  // Two rings side by side sharing a wall: genus 2.
  std::vector<std::vector<std::vector<int>>> f(5, std::vector<std::vector<int>>(3, std::vector<int>(1, 1)));
  f[1][1][0] = 0;
  f[3][1][0] = 0;
  Mesh m = testutil::VoxelMesh(f);
  ASSERT_TRUE(IsClosedManifold(m)) << DescribeManifoldProblem(m);
  EXPECT_EQ(Genus(m), 2);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 13.0);
}

TEST(MeshProperties, PropertyHistogram) {
  Mesh m = MakeBox({0, 0, 0}, {1, 1, 1}, 5);
  AppendMesh(m, MakeTetrahedron({3, 0, 0}, {4, 0, 0}, {3, 1, 0}, {3, 0, 1}, 9));
  const auto hist = PropertyHistogram(m);
  ASSERT_EQ(hist.size(), 2u);
  EXPECT_EQ(hist.at(5), 12);
  EXPECT_EQ(hist.at(9), 4);
}

TEST(MeshNormals, FaceAndPseudoNormalsOfABox) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  for (int t = 0; t < box.NumTri(); ++t) {
    const Vec3 n = FaceNormal(box, t);
    const Vec3 c = (box.vertPos[box.triVerts[t][0]] + box.vertPos[box.triVerts[t][1]] +
                    box.vertPos[box.triVerts[t][2]]) * (1.0 / 3);
    EXPECT_NEAR(Length(n), 1.0, 1e-15);
    EXPECT_GT(Dot(n, c - Vec3{0.5, 0.5, 0.5}), 0);  // outward
  }
  // Angle weighting makes a cube corner's pseudo-normal the diagonal, however
  // the faces are split into triangles.
  const auto pn = VertexPseudoNormals(box);
  const double k = 1 / std::sqrt(3.0);
  for (int v = 0; v < box.NumVert(); ++v) {
    const Vec3 expect = Normalized(box.vertPos[v] - Vec3{0.5, 0.5, 0.5});
    EXPECT_NEAR(pn[v].x, expect.x, 1e-12);
    EXPECT_NEAR(pn[v].y, expect.y, 1e-12);
    EXPECT_NEAR(pn[v].z, expect.z, 1e-12);
    EXPECT_NEAR(std::abs(pn[v].x), k, 1e-12);
  }
}

TEST(MeshNormals, SpherePseudoNormalsAreRadial) {
  Mesh s = MakeUvSphere({1, -2, 3}, 2, 40);
  const auto pn = VertexPseudoNormals(s);
  for (int v = 0; v < s.NumVert(); ++v) {
    const Vec3 radial = Normalized(s.vertPos[v] - Vec3{1, -2, 3});
    EXPECT_GT(Dot(pn[v], radial), 0.995) << "vertex " << v;
    EXPECT_NEAR(Length(pn[v]), 1.0, 1e-12);
  }
  // A degenerate (zero-area) triangle contributes nothing and gets a zero
  // face normal instead of NaN.
  Mesh flat;
  flat.vertPos = {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}};
  flat.triVerts = {{0, 1, 2}};
  EXPECT_EQ(FaceNormal(flat, 0), Vec3{});
  EXPECT_EQ(VertexPseudoNormals(flat)[1], Vec3{});
}

TEST(MeshTransform, TranslateRotateScale) {
  Mesh box = MakeBox({0, 0, 0}, {1, 2, 3});
  Affine3 t = Affine3::Translation({10, 0, 0}) * Affine3::Rotation({0, 0, 1}, 90) *
              Affine3::Scaling({2, 1, 1});
  ASSERT_TRUE(TransformMesh(box, t));
  EXPECT_TRUE(IsClosedManifold(box));
  EXPECT_DOUBLE_EQ(SignedVolume(box), 12.0);
  const Box3 b = BoundingBox(box);
  EXPECT_EQ(b.min.x, 8);  // rotate(90) is exact: (x, y) -> (-y, x)
  EXPECT_EQ(b.max.x, 10);
  EXPECT_EQ(b.max.y, 2);
}

TEST(MeshTransform, MirrorKeepsPositiveVolumeAndManifold) {
  Mesh m = testutil::VoxelRing(1);
  const double before = SignedVolume(m);
  ASSERT_TRUE(TransformMesh(m, Affine3::Mirror({1, 0, 0})));
  EXPECT_TRUE(IsClosedManifold(m)) << DescribeManifoldProblem(m);
  EXPECT_DOUBLE_EQ(SignedVolume(m), before);
  EXPECT_LT(BoundingBox(m).max.x, 0.0 + 1e-12);
  // Mirror composed with a scale of -1 on another axis: positive again.
  ASSERT_TRUE(TransformMesh(m, Affine3::Scaling({1, -1, 1})));
  EXPECT_TRUE(IsClosedManifold(m)) << DescribeManifoldProblem(m);
  EXPECT_DOUBLE_EQ(SignedVolume(m), before);
  // A rebuilt halfedge structure agrees with the remapped one.
  Mesh rebuilt = m;
  ASSERT_TRUE(BuildHalfedges(rebuilt));
  EXPECT_EQ(rebuilt.halfedgeTwin, m.halfedgeTwin);
}

TEST(MeshTransform, SingularMatrixIsRefused) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  EXPECT_FALSE(TransformMesh(box, Affine3::Scaling({1, 0, 1})));
  EXPECT_DOUBLE_EQ(SignedVolume(box), 1.0);
}

TEST(KernelLimits, CancelAndBudgets) {
  std::atomic<bool> cancel{false};
  KernelLimits limits;
  limits.cancel = &cancel;
  limits.maxVertices = 100;
  LimitGuard guard(limits, "union");
  EXPECT_TRUE(guard.Check(50));
  EXPECT_FALSE(guard.Check(101));
  EXPECT_EQ(guard.Reason(), StopReason::VertexBudget);
  EXPECT_EQ(guard.Diagnostic().count, 101);
  EXPECT_NE(guard.Diagnostic().message.find("union"), std::string::npos);
  EXPECT_FALSE(guard.Check(1));  // stays stopped

  LimitGuard g2(limits, "hull");
  cancel = true;
  EXPECT_FALSE(g2.Check());
  EXPECT_EQ(g2.Reason(), StopReason::Cancelled);
  EXPECT_NE(g2.Diagnostic().message.find("cancelled"), std::string::npos);

  LimitGuard g3(KernelLimits{nullptr, 0, 1000}, "minkowski");
  EXPECT_TRUE(g3.Check(5, 999));
  EXPECT_FALSE(g3.Check(5, 1001));
  EXPECT_EQ(g3.Reason(), StopReason::MemoryBudget);
}

}  // namespace
}  // namespace mos::kernel
