// FansManifold (one fan per used vertex, counted as cycles of the fan
// step) against IsClosedManifold on meshes whose twins BuildHalfedges built.
#include <gtest/gtest.h>

#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

TEST(FansManifold, ClosedSolidsPass) {
  for (Mesh m : {MakeBox({0, 0, 0}, {1, 2, 3}), MakeUvSphere({0, 0, 0}, 2, 24),
                 MakeTetrahedron({0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1})}) {
    ASSERT_TRUE(BuildHalfedges(m));
    EXPECT_TRUE(FansManifold(m));
    EXPECT_TRUE(IsClosedManifold(m));
  }
}

// Two tetrahedra sharing one vertex index: every edge is paired, but the
// shared vertex has two fans.
TEST(FansManifold, PinchedVertexFails) {
  Mesh a = MakeTetrahedron({0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1});
  Mesh b = MakeTetrahedron({0, 0, 0}, {-1, 0, 0}, {0, -1, 0}, {0, 0, -1});
  Mesh m = a;
  const int off = m.NumVert();
  // b's vertex at the origin becomes a's.
  int origin = -1;
  for (int v = 0; v < b.NumVert(); ++v)
    if (b.vertPos[v] == Vec3{0, 0, 0}) origin = v;
  int aOrigin = -1;
  for (int v = 0; v < a.NumVert(); ++v)
    if (a.vertPos[v] == Vec3{0, 0, 0}) aOrigin = v;
  ASSERT_GE(origin, 0);
  ASSERT_GE(aOrigin, 0);
  m.vertPos.insert(m.vertPos.end(), b.vertPos.begin(), b.vertPos.end());
  for (const auto& t : b.triVerts) {
    std::array<int, 3> u = t;
    for (int& v : u) v = v == origin ? aOrigin : v + off;
    m.triVerts.push_back(u);
  }
  m.triProp.assign(m.triVerts.size(), 0);
  ASSERT_TRUE(BuildHalfedges(m));
  EXPECT_FALSE(FansManifold(m));
  EXPECT_FALSE(IsClosedManifold(m));
  // An unused vertex (b's old origin) is allowed; without the pinch it passes.
  Mesh apart = a;
  AppendMesh(apart, b);
  ASSERT_TRUE(BuildHalfedges(apart));
  EXPECT_TRUE(FansManifold(apart));
}

}  // namespace
}  // namespace mos::kernel
