#include "geom/extrude_mesh.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "geom/extrusion_twins.h"
#include "geom/position_classes.h"
#include "kernel/limits.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_properties.h"

namespace mos::geom {
namespace {

using kernel::Vec3;

// kernel::PrevHalfedge for h >= 0, in unsigned arithmetic (a signed % 3
// costs a sign correction per step of the fan walks).
inline int PrevHalfedge(int h) {
  const unsigned u = static_cast<unsigned>(h);
  return static_cast<int>(u % 3u == 0 ? u + 2 : u - 1);
}

bool Finite(Vec3 p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z); }

// Shells (edge-connected pieces) of a closed mesh through its twins,
// numbered by their lowest triangle as the repair's orientation pass does.
// twoTriangleShell: some shell has exactly two triangles (in a closed mesh
// that is two triangles on the same three vertices, which the repair's
// duplicate pass cancels).
int ShellsOf(const kernel::Mesh& mesh, std::vector<int>& shellOf, bool& twoTriangleShell) {
  const int numTri = mesh.NumTri();
  shellOf.assign(numTri, -1);
  // Each triangle is pushed once: a stack of numTri entries, not filled.
  std::unique_ptr<int[]> stack(new int[numTri > 0 ? numTri : 1]);
  int numShells = 0;
  twoTriangleShell = false;
  const int* twin = mesh.halfedgeTwin.data();
  for (int seed = 0; seed < numTri; ++seed) {
    if (shellOf[seed] >= 0) continue;
    shellOf[seed] = numShells;
    int top = 0, size = 1;
    stack[top++] = seed;
    while (top > 0) {
      const int t = stack[--top];
      for (int i = 0; i < 3; ++i) {
        const int u = static_cast<int>(static_cast<unsigned>(twin[3 * t + i]) / 3u);  // twins >= 0
        if (shellOf[u] < 0) {
          shellOf[u] = numShells;
          stack[top++] = u;
          ++size;
        }
      }
    }
    twoTriangleShell = twoTriangleShell || size == 2;
    ++numShells;
  }
  return numShells;
}

// Solid angle of triangle (a, b, c) seen from the origin (Van Oosterom and
// Strackee, 1983), signed by orientation: the repair's cavity test.
double SolidAngle(Vec3 a, Vec3 b, Vec3 c) {
  const double la = kernel::Length(a), lb = kernel::Length(b), lc = kernel::Length(c);
  const double num = kernel::Dot(a, kernel::Cross(b, c));
  const double den = la * lb * lc + kernel::Dot(a, b) * lc + kernel::Dot(a, c) * lb +
                     kernel::Dot(b, c) * la;
  return 2 * std::atan2(num, den);
}

// True when every shell with negative volume is a cavity by the repair's
// test (kernel/mesh_orient.cpp): from the centroid of its largest triangle
// (the first of equal ones), some positive shell whose box holds that point
// winds around it more than half a turn. The repair keeps such shells as
// they are; it also keeps a shell it gives up on (a work limit), but then
// this says false and the repair decides.
bool NegativeShellsAreCavities(const kernel::Mesh& mesh, const std::vector<int>& shellOf,
                               const std::vector<double>& volume, Vec3 ref) {
  const int numShells = static_cast<int>(volume.size());
  std::vector<std::vector<int>> tris(numShells);
  for (int t = 0; t < mesh.NumTri(); ++t) tris[shellOf[t]].push_back(t);
  std::vector<kernel::Box3> box(numShells);
  std::vector<Vec3> probe(numShells);
  for (int s = 0; s < numShells; ++s) {
    double bestArea = -1;
    for (int t : tris[s]) {
      const auto& v = mesh.triVerts[t];
      const Vec3 a = mesh.vertPos[v[0]] - ref, b = mesh.vertPos[v[1]] - ref,
                 c = mesh.vertPos[v[2]] - ref;
      for (int i = 0; i < 3; ++i) box[s].Include(mesh.vertPos[v[i]]);
      const double area = kernel::LengthSquared(kernel::Cross(b - a, c - a));
      if (area > bestArea) {
        bestArea = area;
        probe[s] = (mesh.vertPos[v[0]] + mesh.vertPos[v[1]] + mesh.vertPos[v[2]]) * (1.0 / 3);
      }
    }
  }
  constexpr double kFourPi = 4 * 3.14159265358979323846;
  for (int s = 0; s < numShells; ++s) {
    if (!(volume[s] < 0)) continue;
    bool inside = false;
    for (int o = 0; o < numShells && !inside; ++o) {
      if (o == s || !(volume[o] > 0) || !box[o].Contains(probe[s])) continue;
      double angle = 0;
      for (int t : tris[o]) {
        const auto& v = mesh.triVerts[t];
        angle += SolidAngle(mesh.vertPos[v[0]] - probe[s], mesh.vertPos[v[1]] - probe[s],
                            mesh.vertPos[v[2]] - probe[s]);
      }
      inside = angle / kFourPi > 0.5;
    }
    if (!inside) return false;
  }
  return true;
}

// True when the repair's orientation pass leaves a consistently oriented
// closed mesh as it is: every shell with negative volume (summed as that
// pass sums it, relative to the box centre, triangle by triangle) is a
// cavity, and the total is not negative.
bool OrientationKept(const kernel::Mesh& mesh, const std::vector<int>& shellOf, int numShells) {
  const kernel::Box3 box = kernel::BoundingBox(mesh);
  const Vec3 ref = box.IsEmpty() ? Vec3{} : box.Center();
  std::vector<kernel::CompensatedSum> sums(numShells);
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto& v = mesh.triVerts[t];
    const Vec3 a = mesh.vertPos[v[0]] - ref, b = mesh.vertPos[v[1]] - ref,
               c = mesh.vertPos[v[2]] - ref;
    sums[shellOf[t]].Add(kernel::Dot(a, kernel::Cross(b, c)));
  }
  std::vector<double> volume(numShells);
  bool negative = false;
  for (int s = 0; s < numShells; ++s) {
    volume[s] = sums[s].Value();
    negative = negative || volume[s] < 0;
  }
  if (negative && !NegativeShellsAreCavities(mesh, shellOf, volume, ref)) return false;
  return numShells <= 1 || !(kernel::SignedVolume(mesh) < 0);
}

// Gives every fan of triangles around a vertex its own vertex, numbered by
// first use: a vertex the weld joined from two fans (a pinch: outlines
// meeting in a point, a profile corner on the rotate_extrude axis) is split
// again as the repair splits it, and its numbering is the repair's (first
// fan keeps the vertex, the others get copies, then all are renumbered by
// first use). Needs every twin paired; the twins stay valid. firstCorner[v]:
// the halfedge of v's first corner (its first use).
void NumberByFans(kernel::Mesh& mesh, const int* firstCorner) {
  const int numTri = mesh.NumTri();
  const int numHalf = 3 * numTri;
  const int* twin = mesh.halfedgeTwin.data();
  // No pinch when the fan through each vertex's first corner holds all its
  // corners, i.e. these fans together walk every halfedge once. The
  // corners around a vertex: the halfedge leaving it after the twin of the
  // previous halfedge (a cycle in a closed mesh: the step is a permutation
  // of the halfedges). The walks count down what is left, which also stops
  // them should a cycle not close (then the full pass below decides).
  int remaining = numHalf;
  for (int v = 0; v < mesh.NumVert() && remaining >= 0; ++v) {
    const int h = firstCorner[v];
    int g = h;
    do {
      g = twin[PrevHalfedge(g)];
    } while (--remaining >= 0 && g != h);
  }
  // Then the fans numbered by first corner are the vertices as
  // DirectExtrusionMesh numbered them (first use), so the numbering stands
  // (the common case).
  const bool pinched = remaining != 0;
#ifdef MOS_CHECK_EXTRUDE_FANS  // against counting every fan with marks
  {
    int numFans = 0;
    std::vector<unsigned char> seen(numHalf, 0);
    for (int h = 0; h < numHalf; ++h) {
      if (seen[h]) continue;
      ++numFans;
      int g = h;
      do {
        seen[g] = 1;
        g = twin[PrevHalfedge(g)];
      } while (g != h && !seen[g]);
    }
    if (pinched != (numFans != mesh.NumVert())) std::abort();
  }
#else
  if (!pinched) return;
#endif
  std::vector<int> fanOf(numHalf, -1);
  int id = 0;
  for (int h = 0; h < numHalf; ++h) {
    if (fanOf[h] >= 0) continue;
    int g = h;
    do {
      fanOf[g] = id;
      g = twin[PrevHalfedge(g)];
    } while (g != h && fanOf[g] < 0);
    ++id;
  }
#ifdef MOS_CHECK_EXTRUDE_FANS
  if (!pinched) {
    for (int h = 0; h < numHalf; ++h)
      if (fanOf[h] != mesh.triVerts[h / 3][h % 3]) std::abort();
    return;
  }
#endif
  std::vector<kernel::Vec3> pos(id);
  for (int t = 0; t < numTri; ++t)
    for (int i = 0; i < 3; ++i) {
      int& v = mesh.triVerts[t][i];
      pos[fanOf[3 * t + i]] = mesh.vertPos[v];
      v = fanOf[3 * t + i];
    }
  mesh.vertPos = std::move(pos);
}

#ifdef MOS_CHECK_EXTRUDE_SHELLS
// A shell of two triangles with the same three vertices: the repair's
// duplicate pass cancels such a pair (ShellsOf's twoTriangleShell, checked).
bool HasTwoTriangleShell(const kernel::Mesh& mesh) {
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const int u = mesh.halfedgeTwin[3 * t] / 3;
    if (mesh.halfedgeTwin[3 * t + 1] / 3 == u && mesh.halfedgeTwin[3 * t + 2] / 3 == u) return true;
  }
  return false;
}
#endif

// The layout's triangles on the classes' vertices, numbered by first use,
// without those the weld collapses or that have zero area. kDistinct: no two
// points share a position (then classOf[i] == i: classes are numbered by
// first member).
template <bool kDistinct>
void AddTriangles(const ExtrusionLayout& layout, const std::vector<int>& classOf,
                  kernel::Mesh& mesh, int* firstCorner) {
  const std::vector<Vec3>& points = layout.points;
  // A class takes the position of its first use in soup order (the weld's
  // lowest index; equal positions differ at most in the sign of a zero).
  std::vector<int> representative;
  if constexpr (!kDistinct) {
    representative.assign(points.size(), -1);
    for (const auto& t : layout.triangles)
      for (int id : t)
        if (representative[classOf[id]] < 0) representative[classOf[id]] = id;
  }
  auto classOfPoint = [&](int id) { return kDistinct ? id : classOf[id]; };
  auto position = [&](int cls) { return kDistinct ? points[cls] : points[representative[cls]]; };
  // Sized for every triangle and point, filled by index, then cut to what
  // was used (a zero fill costs less than a capacity check per element).
  mesh.triVerts.resize(layout.triangles.size());
  mesh.vertPos.resize(points.size());
  int numTri = 0, numVert = 0;
  std::vector<int> newId(points.size(), -1);
  for (const auto& t : layout.triangles) {
    const int c0 = classOfPoint(t[0]), c1 = classOfPoint(t[1]), c2 = classOfPoint(t[2]);
    if (c0 == c1 || c1 == c2 || c2 == c0) continue;  // collapsed by the weld
    const Vec3 a = position(c0), b = position(c1), c = position(c2);
    // Zero area (the repair tests the cross product's length; its square is
    // zero exactly when the length is).
    const Vec3 cross = kernel::Cross(b - a, c - a);
    if (kernel::Dot(cross, cross) == 0) continue;
    std::array<int, 3>& tri = mesh.triVerts[numTri++];
    const int cls[3] = {c0, c1, c2};
    for (int i = 0; i < 3; ++i) {
      int& id = newId[cls[i]];
      if (id < 0) {
        id = numVert++;
        mesh.vertPos[id] = position(cls[i]);
        firstCorner[id] = 3 * (numTri - 1) + i;
      }
      tri[i] = id;
    }
  }
  mesh.triVerts.resize(numTri);
  mesh.vertPos.resize(numVert);
}

}  // namespace

namespace {

// DirectExtrusionMesh; `ownTwins` (the layout's twins, when the caller is
// done with the layout) is moved into the mesh instead of copied.
bool BuildDirect(const ExtrusionLayout& layout, std::vector<int>* ownTwins, uint32_t prop,
                 kernel::Mesh& out) {
  const std::vector<Vec3>& points = layout.points;
  // The repair sees 3 points per soup triangle; past its vertex budget it
  // would stop half way.
  if (3 * static_cast<int64_t>(layout.triangles.size()) > kernel::kDefaultMaxVertices) return false;
  for (const Vec3& p : points)
    if (!Finite(p)) return false;
  int numClasses = 0;
  const std::vector<int> classOf = PositionClasses(points, numClasses);
#ifdef MOS_CHECK_EXTRUDE_CLASSES  // the hash's classes against the sort's
  if (!SamePartition(classOf, PositionClassesBySort(points))) std::abort();
#endif
  kernel::Mesh mesh;
  // A vertex per point at most; written by index, not filled.
  std::unique_ptr<int[]> firstCorner(new int[points.empty() ? 1 : points.size()]);
  if (numClasses == static_cast<int>(points.size()))
    AddTriangles<true>(layout, classOf, mesh, firstCorner.get());
  else
    AddTriangles<false>(layout, classOf, mesh, firstCorner.get());
  mesh.triProp.assign(mesh.triVerts.size(), prop);
#ifdef MOS_CHECK_EXTRUDE_TWINS  // the vertex buckets' twins against the edge table's
  {
    kernel::Mesh check = mesh;
    const bool want = kernel::BuildHalfedges(check);
    const bool got = PairTwinsByVertex(mesh, /*cornersValid=*/true);
    if (want != got || (got && check.halfedgeTwin != mesh.halfedgeTwin)) std::abort();
  }
#endif
  if (numClasses == static_cast<int>(points.size()) && !layout.twins.empty() &&
      mesh.triVerts.size() == layout.triangles.size()) {
    // Distinct points and every triangle kept: the mesh's halfedges are the
    // layout's, and so are their twins.
    if (ownTwins) mesh.halfedgeTwin = std::move(*ownTwins);
    else mesh.halfedgeTwin = layout.twins;
#ifdef MOS_CHECK_EXTRUDE_LAYOUT_TWINS  // the layout's twins against the vertex buckets'
    kernel::Mesh check = mesh;
    if (!PairTwinsByVertex(check, /*cornersValid=*/true) || check.halfedgeTwin != mesh.halfedgeTwin)
      std::abort();
#endif
  } else if (!PairTwinsByVertex(mesh, /*cornersValid=*/true)) {
    return false;
  }
  NumberByFans(mesh, firstCorner.get());
  std::vector<int> shellOf;
  bool twoTriangleShell;
  const int numShells = ShellsOf(mesh, shellOf, twoTriangleShell);
#ifdef MOS_CHECK_EXTRUDE_SHELLS
  if (twoTriangleShell != HasTwoTriangleShell(mesh)) std::abort();
#endif
  if (twoTriangleShell || !OrientationKept(mesh, shellOf, numShells)) return false;
  out = std::move(mesh);
  return true;
}

}  // namespace

bool DirectExtrusionMesh(const ExtrusionLayout& layout, uint32_t prop, kernel::Mesh& out) {
  return BuildDirect(layout, nullptr, prop, out);
}

kernel::Mesh RepairedExtrusionMesh(const ExtrusionLayout& layout, uint32_t prop) {
  std::vector<std::array<Vec3, 3>> soup;
  soup.reserve(layout.triangles.size());
  for (const auto& t : layout.triangles)
    soup.push_back({layout.points[t[0]], layout.points[t[1]], layout.points[t[2]]});
  kernel::RepairOptions options;
  options.epsilon = 0;  // weld exact matches only: keep 2021.01's vertices
  kernel::RepairReport report;
  std::vector<uint32_t> props(soup.size(), prop);
  return kernel::MeshFromTriangleSoup(soup, props, options, report);
}

kernel::Mesh ExtrusionMesh(const ExtrusionLayout& layout, uint32_t prop) {
  kernel::Mesh mesh;
  if (DirectExtrusionMesh(layout, prop, mesh)) return mesh;
  return RepairedExtrusionMesh(layout, prop);
}

kernel::Mesh ExtrusionMesh(ExtrusionLayout&& layout, uint32_t prop) {
  kernel::Mesh mesh;
  // The repair below reads only the points and triangles.
  if (BuildDirect(layout, &layout.twins, prop, mesh)) return mesh;
  return RepairedExtrusionMesh(layout, prop);
}

}  // namespace mos::geom
