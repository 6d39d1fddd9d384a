#include <gtest/gtest.h>

#include <map>
#include <random>

#include "kernel/mesh_build.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_repair.h"
#include "mesh_test_util.h"

namespace mos::kernel {
namespace {

// The cube as OpenSCAD's polyhedron() documentation writes it (faces
// clockwise seen from outside).
const std::vector<Vec3> kCubePoints = {{0, 0, 0}, {10, 0, 0}, {10, 7, 0}, {0, 7, 0},
                                       {0, 0, 5}, {10, 0, 5}, {10, 7, 5}, {0, 7, 5}};
const std::vector<std::vector<int>> kCubeFaces = {{0, 1, 2, 3}, {4, 5, 1, 0}, {7, 6, 5, 4},
                                                  {5, 6, 2, 1}, {6, 7, 3, 2}, {7, 4, 0, 3}};

std::vector<std::array<Vec3, 3>> Soup(const Mesh& m) {
  std::vector<std::array<Vec3, 3>> soup;
  for (const auto& t : m.triVerts)
    soup.push_back({m.vertPos[t[0]], m.vertPos[t[1]], m.vertPos[t[2]]});
  return soup;
}

void ExpectClean(const Mesh& m, const RepairReport& r) {
  EXPECT_TRUE(r.closedManifold) << DescribeManifoldProblem(m);
  EXPECT_TRUE(IsClosedManifold(m)) << DescribeManifoldProblem(m);
  EXPECT_EQ(r.openEdges, 0);
  EXPECT_EQ(r.nonManifoldEdges, 0);
  EXPECT_EQ(r.orientationConflicts, 0);
  EXPECT_FALSE(r.stopped);
}

TEST(MeshBuild, PolyhedronCubeClockwiseFaces) {
  RepairOptions opt;
  opt.winding = FaceWinding::Clockwise;
  RepairReport r;
  Mesh m = MeshFromPolygons(kCubePoints, kCubeFaces, {1, 2, 3, 4, 5, 6}, opt, r);
  ExpectClean(m, r);
  EXPECT_EQ(m.NumTri(), 12);
  EXPECT_EQ(m.NumVert(), 8);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 350.0);
  EXPECT_EQ(r.flippedFaces, 0);
  EXPECT_FALSE(r.flippedWhole);
  EXPECT_TRUE(r.diagnostics.empty());
  const auto hist = PropertyHistogram(m);
  for (uint32_t p = 1; p <= 6; ++p) EXPECT_EQ(hist.at(p), 2);
}

TEST(MeshBuild, WrongWindingIsReversed) {
  RepairReport r;
  Mesh m = MeshFromPolygons(kCubePoints, kCubeFaces, {}, RepairOptions{}, r);  // said CCW
  ExpectClean(m, r);
  EXPECT_EQ(r.flippedShells, 1);  // the one shell was inside out
  EXPECT_EQ(r.flippedFaces, 0);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 350.0);
}

TEST(MeshRepair, ReversedFaceIsFlipped) {
  auto faces = kCubeFaces;
  std::reverse(faces[3].begin(), faces[3].end());
  RepairOptions opt;
  opt.winding = FaceWinding::Clockwise;
  RepairReport r;
  Mesh m = MeshFromPolygons(kCubePoints, faces, {}, opt, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.flippedFaces, 2);  // the quad's two triangles
  EXPECT_FALSE(r.flippedWhole);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 350.0);
}

TEST(MeshRepair, DuplicatedFaceIsDropped) {
  auto faces = kCubeFaces;
  faces.push_back(faces[2]);
  faces.push_back({6, 5, 4, 7});  // the same face again, rotated
  RepairOptions opt;
  opt.winding = FaceWinding::Clockwise;
  RepairReport r;
  Mesh m = MeshFromPolygons(kCubePoints, faces, {}, opt, r);
  ExpectClean(m, r);
  EXPECT_EQ(m.NumTri(), 12);
  EXPECT_GE(r.duplicateFaces, 2);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 350.0);
}

TEST(MeshRepair, FaceAndItsReverseCancel) {
  // Two unit boxes given as one soup with the shared wall listed from both
  // sides: the wall cancels and the result is the 2x1x1 box.
  Mesh a = MakeBox({0, 0, 0}, {1, 1, 1});
  Mesh b = MakeBox({1, 0, 0}, {2, 1, 1});
  auto soup = Soup(a);
  for (const auto& t : Soup(b)) soup.push_back(t);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.cancelledFacePairs, 2);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 2.0);
  EXPECT_EQ(m.NumVert(), 12);
}

TEST(MeshRepair, NearDuplicateVerticesWeld) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  auto soup = Soup(box);
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> jitter(-1e-11, 1e-11);
  for (auto& t : soup)
    for (Vec3& p : t) p = p + Vec3{jitter(rng), jitter(rng), jitter(rng)};
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(m.NumVert(), 8);
  EXPECT_GT(r.nearDuplicateVertices, 0);
  EXPECT_NEAR(SignedVolume(m), 1.0, 1e-9);
  // Exact mode does not weld them: the soup stays open.
  RepairOptions exact;
  exact.epsilon = 0;
  RepairReport r2;
  Mesh open = MeshFromTriangleSoup(soup, {}, exact, r2);
  EXPECT_FALSE(r2.closedManifold);
  EXPECT_GT(r2.openEdges, 0);
  ASSERT_FALSE(r2.diagnostics.empty());
  EXPECT_NE(r2.diagnostics[0].message.find("open edges"), std::string::npos);
}

TEST(MeshRepair, ExactDuplicateVerticesInSoupWeld) {
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(Soup(MakeBox({0, 0, 0}, {2, 2, 2})), {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.exactDuplicateVertices, 36 - 8);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 8.0);
}

TEST(MeshRepair, ZeroAreaFacesAreDropped) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  std::vector<Vec3> pts = box.vertPos;
  std::vector<std::array<int, 3>> tris = box.triVerts;
  tris.push_back({0, 1, 1});  // repeated index
  pts.push_back({0.5, 0, 0});  // on the edge 0-1 ...
  tris.push_back({0, 8, 1});   // ... a sliver with zero area
  RepairReport r;
  Mesh m = MeshFromIndexedTriangles(pts, tris, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(m.NumTri(), 12);
  EXPECT_EQ(r.invalidFaces, 1);
  EXPECT_EQ(r.zeroAreaFaces, 1);
}

TEST(MeshRepair, TJunctionGapIsClosed) {
  // A 2x1x1 box whose +y... here: the top is one quad, the bottom two
  // quads; the side walls at x=0 / x=2 are whole. The front and back faces
  // are split at x=1 on the bottom only, leaving vertices (1,0,0) and
  // (1,1,0) on the long edges of the top? No: build it so the long bottom
  // edges of the front/back faces carry the mid vertices.
  std::vector<Vec3> pts = {{0, 0, 0}, {2, 0, 0}, {2, 1, 0}, {0, 1, 0},  // 0-3 bottom corners
                           {0, 0, 1}, {2, 0, 1}, {2, 1, 1}, {0, 1, 1},  // 4-7 top corners
                           {1, 0, 0}, {1, 1, 0}};                       // 8, 9 bottom middles
  std::vector<std::vector<int>> faces = {
      {0, 3, 9, 8}, {8, 9, 2, 1},  // bottom as two quads (normal -z)
      {4, 5, 6, 7},                // top
      {0, 1, 5, 4},                // front y=0: edge 0-1 has vertex 8 on it
      {3, 7, 6, 2},                // back y=1: edge 2-3 has vertex 9 on it
      {0, 4, 7, 3},                // x=0
      {1, 2, 6, 5}};               // x=2
  RepairReport r;
  Mesh m = MeshFromPolygons(pts, faces, {10, 11, 12, 13, 14, 15, 16}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.tJunctionVertices, 2);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 2.0);
  EXPECT_EQ(r.flippedFaces, 0);
  // The split front and back faces keep their property ids (2 + 1 extra
  // triangles each); the others keep theirs.
  const auto hist = PropertyHistogram(m);
  EXPECT_EQ(hist.at(13), 3);
  EXPECT_EQ(hist.at(14), 3);
  EXPECT_EQ(hist.at(10), 2);
  EXPECT_EQ(hist.at(12), 2);
}

TEST(MeshRepair, TJunctionWithinEpsilon) {
  // The same crack, with the middle vertices a hair off the edge.
  std::vector<Vec3> pts = {{0, 0, 0}, {2, 0, 0}, {2, 1, 0}, {0, 1, 0}, {0, 0, 1},
                           {2, 0, 1}, {2, 1, 1}, {0, 1, 1}, {1, 1e-12, 0}, {1, 1, -1e-12}};
  std::vector<std::vector<int>> faces = {{0, 3, 9, 8}, {8, 9, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4},
                                         {3, 7, 6, 2}, {0, 4, 7, 3}, {1, 2, 6, 5}};
  RepairReport r;
  Mesh m = MeshFromPolygons(pts, faces, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.tJunctionVertices, 2);
  EXPECT_NEAR(SignedVolume(m), 2.0, 1e-9);
}

// Faces of the cube [0, n]^3: each side either one quad or an n x n grid of
// quads (vertices on the grid, shared through a position map).
struct GridCube {
  std::vector<Vec3> pts;
  std::vector<std::vector<int>> faces;
  std::map<std::array<int, 3>, int> ids;
  int Id(int x, int y, int z) {
    auto [it, fresh] = ids.try_emplace({x, y, z}, static_cast<int>(pts.size()));
    if (fresh) pts.push_back({double(x), double(y), double(z)});
    return it->second;
  }
};

GridCube MakeGridCube(int n, const std::array<bool, 6>& gridded) {
  GridCube c;
  // Side s: axis = s / 2, at 0 (s even) or n (s odd); (u, v) the other axes
  // in right-handed order so (u, v, axis) is positive for the + side.
  for (int s = 0; s < 6; ++s) {
    const int axis = s / 2, u = (axis + 1) % 3, v = (axis + 2) % 3;
    const bool plus = s % 2 == 1;
    const int step = gridded[s] ? 1 : n;
    for (int i = 0; i < n; i += step)
      for (int j = 0; j < n; j += step) {
        auto id = [&](int a, int b) {
          std::array<int, 3> p{};
          p[axis] = plus ? n : 0;
          p[u] = a;
          p[v] = b;
          return c.Id(p[0], p[1], p[2]);
        };
        std::vector<int> q = {id(i, j), id(i + step, j), id(i + step, j + step), id(i, j + step)};
        if (!plus) std::reverse(q.begin(), q.end());
        c.faces.push_back(q);
      }
  }
  return c;
}

TEST(MeshRepair, ManyTJunctionsNeedSeveralPasses) {
  // Top, bottom and both x sides gridded 4 x 4; the y sides are single quads
  // whose triangles have vertices on two or three of their edges.
  GridCube c = MakeGridCube(4, {true, true, false, false, true, true});
  RepairReport r;
  Mesh m = MeshFromPolygons(c.pts, c.faces, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.tJunctionVertices, 2 * (3 + 3 + 3 + 3));
  EXPECT_DOUBLE_EQ(SignedVolume(m), 64.0);
  EXPECT_DOUBLE_EQ(SurfaceArea(m), 96.0);
  EXPECT_EQ(r.flippedFaces, 0);
}

TEST(MeshRepair, GriddedCubeIsAlreadyClean) {
  GridCube c = MakeGridCube(3, {true, true, true, true, true, true});
  RepairReport r;
  Mesh m = MeshFromPolygons(c.pts, c.faces, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.tJunctionVertices, 0);
  EXPECT_EQ(m.NumTri(), 6 * 9 * 2);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 27.0);
}

TEST(MeshRepair, PinchedVertexIsSplit) {
  // Two cubes touching at one corner, sharing that vertex index.
  Mesh a = MakeBox({0, 0, 0}, {1, 1, 1});
  Mesh b = MakeBox({1, 1, 1}, {2, 2, 2});
  auto soup = Soup(a);
  for (const auto& t : Soup(b)) soup.push_back(t);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.pinchedVerticesSplit, 1);
  EXPECT_EQ(m.NumVert(), 16);
  EXPECT_EQ(ComponentCount(m), 2);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 2.0);
}

TEST(MeshRepair, CubesSharingAnEdgeBecomeManifold) {
  // Four triangles on one edge; splitting the pinched end vertices separates
  // the cubes and leaves every edge with two faces.
  Mesh a = MakeBox({0, 0, 0}, {1, 1, 1});
  Mesh b = MakeBox({1, 1, 0}, {2, 2, 1});
  auto soup = Soup(a);
  for (const auto& t : Soup(b)) soup.push_back(t);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.pinchedVerticesSplit, 2);
  EXPECT_EQ(ComponentCount(m), 2);
}

TEST(MeshRepair, FinIsReportedAsNonManifoldEdge) {
  // A box with an extra triangle standing on its top edge: three faces on
  // that edge; not repairable, reported.
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  std::vector<Vec3> pts = box.vertPos;
  pts.push_back({0.5, 0.5, 3});
  std::vector<std::array<int, 3>> tris = box.triVerts;
  tris.push_back({4, 5, 8});  // on the edge (0,0,1)-(1,0,1)
  RepairReport r;
  Mesh m = MeshFromIndexedTriangles(pts, tris, {}, RepairOptions{}, r);
  EXPECT_FALSE(r.closedManifold);
  EXPECT_FALSE(IsClosedManifold(m));
  EXPECT_GE(r.openEdges + r.nonManifoldEdges, 1);
  EXPECT_FALSE(r.diagnostics.empty());
}

TEST(MeshRepair, HoleIsReported) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  box.triVerts.pop_back();
  box.triProp.pop_back();
  RepairReport r;
  EXPECT_FALSE(RepairMesh(box, RepairOptions{}, r));
  EXPECT_EQ(r.openEdges, 3);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].count, 3);
}

TEST(MeshRepair, CavityKeepsItsInwardOrientation) {
  // A box with an inner box as a cavity (inner faces point inward): each
  // shell is consistent, so nothing is flipped and the volume is 8 - 1.
  Mesh outer = MakeBox({0, 0, 0}, {2, 2, 2});
  Mesh inner = MakeBox({0.5, 0.5, 0.5}, {1.5, 1.5, 1.5});
  for (auto& t : inner.triVerts) std::swap(t[1], t[2]);
  auto soup = Soup(outer);
  for (const auto& t : Soup(inner)) soup.push_back(t);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.flippedFaces, 0);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 7.0);
}

TEST(MeshRepair, InsideOutShellIsReversedButCavityIsNot) {
  // Three shells: a box with a cavity (inner faces inward, correct), and a
  // separate box given entirely inside out.
  Mesh outer = MakeBox({0, 0, 0}, {2, 2, 2});
  Mesh cavity = MakeBox({0.5, 0.5, 0.5}, {1.5, 1.5, 1.5});
  Mesh apart = MakeBox({5, 0, 0}, {6, 1, 1});
  for (auto& t : cavity.triVerts) std::swap(t[1], t[2]);
  for (auto& t : apart.triVerts) std::swap(t[1], t[2]);
  auto soup = Soup(outer);
  for (const auto& t : Soup(cavity)) soup.push_back(t);
  for (const auto& t : Soup(apart)) soup.push_back(t);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.flippedShells, 1);
  EXPECT_FALSE(r.flippedWhole);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 8.0 - 1.0 + 1.0);
}

TEST(MeshRepair, VertexBudgetStopsWithDiagnostic) {
  RepairOptions opt;
  opt.limits.maxVertices = 100;
  RepairReport r;
  Mesh sphere = MakeUvSphere({0, 0, 0}, 1, 32);
  EXPECT_FALSE(RepairMesh(sphere, opt, r));
  EXPECT_TRUE(r.stopped);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics.back().message.find("vertex budget"), std::string::npos);
  EXPECT_EQ(r.diagnostics.back().count, sphere.NumVert());
}

TEST(MeshRepair, GarbageInputNeverCrashes) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> idx(-2, 12);
  std::uniform_real_distribution<double> pos(-1, 1);
  for (int round = 0; round < 200; ++round) {
    std::vector<Vec3> pts(10);
    for (Vec3& p : pts) p = {pos(rng), pos(rng), pos(rng)};
    if (round % 7 == 0) pts[3].x = std::nan("");
    if (round % 5 == 0) pts[4] = pts[5];
    std::vector<std::vector<int>> faces(1 + rng() % 12);
    for (auto& f : faces) {
      f.resize(rng() % 6);
      for (int& v : f) v = idx(rng);
    }
    RepairReport r;
    Mesh m = MeshFromPolygons(pts, faces, {}, RepairOptions{}, r);
    EXPECT_EQ(r.closedManifold, IsClosedManifold(m));
    EXPECT_EQ(m.triProp.size(), m.triVerts.size());
    EXPECT_EQ(m.halfedgeTwin.size(), 3 * m.triVerts.size());
  }
}

TEST(MeshRepair, CancelStopsWithDiagnostic) {
  std::atomic<bool> cancel{true};
  RepairOptions opt;
  opt.limits.cancel = &cancel;
  RepairReport r;
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  EXPECT_FALSE(RepairMesh(box, opt, r));
  EXPECT_TRUE(r.stopped);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics.back().message.find("cancelled"), std::string::npos);
}

TEST(MeshBuild, NonConvexFacesAreEarClipped) {
  // An L-shaped prism: both caps are non-convex (a fan from vertex 0 would
  // overlap itself); they go through TriangulatePolygon.
  std::vector<Vec3> pts;
  const std::vector<Vec2> l = {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
  for (const Vec2& p : l) pts.push_back({p.x, p.y, 0});
  for (const Vec2& p : l) pts.push_back({p.x, p.y, 1});
  // Start the caps at the reflex corner (1,1) so a fan would be wrong.
  std::vector<std::vector<int>> faces = {{3, 2, 1, 0, 5, 4}, {9, 10, 11, 6, 7, 8}};
  for (int i = 0; i < 6; ++i) faces.push_back({i, (i + 1) % 6, 6 + (i + 1) % 6, 6 + i});
  RepairReport r;
  Mesh m = MeshFromPolygons(pts, faces, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.nonConvexFaces, 2);
  EXPECT_EQ(r.flippedFaces, 0);
  EXPECT_FALSE(r.flippedWhole);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 3.0);
  EXPECT_DOUBLE_EQ(SurfaceArea(m), 2 * 3 + 8);
  // Same in a tilted plane (x + z = const projection).
  for (Vec3& p : pts) p = {p.x, p.y * 0.6 + p.z * 0.8, -p.y * 0.8 + p.z * 0.6};
  RepairReport r2;
  Mesh tilted = MeshFromPolygons(pts, faces, {}, RepairOptions{}, r2);
  ExpectClean(tilted, r2);
  EXPECT_NEAR(SignedVolume(tilted), 3.0, 1e-12);
  // Convex faces are fanned and not counted.
  RepairReport r3;
  MeshFromPolygons(kCubePoints, kCubeFaces, {}, RepairOptions{}, r3);
  EXPECT_EQ(r3.nonConvexFaces, 0);
}

TEST(MeshBuild, FaceWithStraightCornerMakesNoSlivers) {
  // The cube's edge 4-5 carries a midpoint used by both faces on that edge:
  // a fan from the wrong corner would make a zero-area triangle.
  std::vector<Vec3> pts = kCubePoints;
  pts.push_back({5, 0, 5});  // 8: midpoint of 4-5
  std::vector<std::vector<int>> faces = {{0, 1, 2, 3}, {4, 8, 5, 1, 0}, {7, 6, 5, 8, 4},
                                         {5, 6, 2, 1}, {6, 7, 3, 2},    {7, 4, 0, 3}};
  RepairOptions opt;
  opt.winding = FaceWinding::Clockwise;
  RepairReport r;
  Mesh m = MeshFromPolygons(pts, faces, {}, opt, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.zeroAreaFaces, 0);
  EXPECT_EQ(r.tJunctionVertices, 0);
  EXPECT_EQ(r.nonConvexFaces, 2);
  EXPECT_EQ(m.NumVert(), 9);
  EXPECT_EQ(m.NumTri(), 14);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 350.0);
}

TEST(MeshBuild, StarFaceFromPolyhedron) {
  // A star-shaped prism: 10-gon caps with five reflex corners.
  std::vector<Vec3> pts;
  const double pi = 3.14159265358979323846;
  for (int z = 0; z < 2; ++z)
    for (int i = 0; i < 10; ++i) {
      const double r = i % 2 ? 1.0 : 3.0, a = 2 * pi * i / 10;
      pts.push_back({r * std::cos(a), r * std::sin(a), double(z)});
    }
  std::vector<std::vector<int>> faces(2);
  for (int i = 0; i < 10; ++i) {
    faces[0].push_back(9 - i);
    faces[1].push_back(10 + (i + 1) % 10);
    faces.push_back({i, (i + 1) % 10, 10 + (i + 1) % 10, 10 + i});
  }
  RepairReport r;
  Mesh m = MeshFromPolygons(pts, faces, {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(r.nonConvexFaces, 2);
  // Area of the star: 10 triangles (centre, outer, inner).
  const double starArea = 10 * 0.5 * 3.0 * 1.0 * std::sin(2 * pi / 10);
  EXPECT_NEAR(SignedVolume(m), starArea, 1e-12);
}

TEST(MeshBuild, VoxelRingFromSoupHasGenusOne) {
  Mesh ring = testutil::VoxelRing(2);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(Soup(ring), {}, RepairOptions{}, r);
  ExpectClean(m, r);
  EXPECT_EQ(Genus(m), 1);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 16.0);
}

}  // namespace
}  // namespace mos::kernel
