#include "geom/separated_parts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace mos::geom {
namespace {

using kernel::Box3;
using kernel::Mesh;
using kernel::Vec3;

// One connected component of one mesh: its triangles and used vertices,
// ranges of the shared arrays of a PartSet.
struct Part {
  int mesh = 0;
  Box3 box;
  int triBegin = 0, triEnd = 0, vertBegin = 0, vertEnd = 0;
};

struct PartSet {
  std::vector<Part> parts;
  std::vector<int> tris, verts;
};

int Find(std::vector<int>& parent, int v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}

}  // namespace

namespace detail {

int NumberParts(const Mesh& mesh, std::vector<int>& triPart, std::vector<int>& vertPart) {
  const int numVert = mesh.NumVert(), numTri = mesh.NumTri();
  std::vector<int> parent(numVert);
  std::iota(parent.begin(), parent.end(), 0);
  // A root is linked under the smaller root and path halving only moves a
  // vertex to its grandparent, so parent[v] <= v throughout.
  for (const auto& tv : mesh.triVerts) {
    const int a = Find(parent, tv[0]), b = Find(parent, tv[1]);
    const int ab = std::min(a, b);
    if (a != b) parent[std::max(a, b)] = ab;
    const int c = Find(parent, tv[2]);
    if (c != ab) parent[std::max(ab, c)] = std::min(ab, c);
  }
  // Every vertex to its root in one pass: with parent[v] <= v, the parent
  // of v already points at its root when v comes.
  for (int v = 0; v < numVert; ++v) parent[v] = parent[parent[v]];
  std::vector<int> partOfRoot(numVert, -1);
  triPart.resize(numTri);
  int count = 0;
  for (int t = 0; t < numTri; ++t) {
    int& part = partOfRoot[parent[mesh.triVerts[t][0]]];
    if (part < 0) part = count++;
    triPart[t] = part;
  }
  vertPart.resize(numVert);
  for (int v = 0; v < numVert; ++v) vertPart[v] = partOfRoot[parent[v]];
  return count;
}

}  // namespace detail

namespace {

// Components by shared vertex index (union-find over the triangles'
// corners), numbered by their first triangle; their triangles and vertices
// laid out part by part (a counting sort: no allocation per part). False
// for a non-finite vertex (no plane test is sound then).
bool AppendParts(const Mesh& mesh, int meshIndex, PartSet& set) {
  const int numVert = mesh.NumVert(), numTri = mesh.NumTri();
  std::vector<int> triPart, vertPart;
  const int count = detail::NumberParts(mesh, triPart, vertPart);
  const size_t first = set.parts.size();
  set.parts.resize(first + count);
  std::vector<int> triCursor(count + 1, 0), vertCursor(count + 1, 0);
  for (int t = 0; t < numTri; ++t) ++triCursor[triPart[t] + 1];
  for (int v = 0; v < numVert; ++v)
    if (vertPart[v] >= 0) ++vertCursor[vertPart[v] + 1];
  const int triBase = static_cast<int>(set.tris.size());
  const int vertBase = static_cast<int>(set.verts.size());
  for (int p = 0; p < count; ++p) {
    triCursor[p + 1] += triCursor[p];
    vertCursor[p + 1] += vertCursor[p];
    Part& part = set.parts[first + p];
    part.mesh = meshIndex;
    part.triBegin = triBase + triCursor[p];
    part.triEnd = triBase + triCursor[p + 1];
    part.vertBegin = vertBase + vertCursor[p];
    part.vertEnd = vertBase + vertCursor[p + 1];
  }
  set.tris.resize(triBase + numTri);
  set.verts.resize(vertBase + vertCursor[count]);
  for (int t = 0; t < numTri; ++t) set.tris[triBase + triCursor[triPart[t]]++] = t;
  for (int v = 0; v < numVert; ++v) {
    const int p = vertPart[v];
    if (p < 0) continue;
    const Vec3 pos = mesh.vertPos[v];
    if (!std::isfinite(pos.x) || !std::isfinite(pos.y) || !std::isfinite(pos.z)) return false;
    set.verts[vertBase + vertCursor[p]++] = v;
    set.parts[first + p].box.Include(pos);
  }
  return true;
}

double MaxAbs(const Box3& b) {
  return std::max({std::fabs(b.min.x), std::fabs(b.min.y), std::fabs(b.min.z),
                   std::fabs(b.max.x), std::fabs(b.max.y), std::fabs(b.max.z)});
}

// Every vertex of `far` beyond `limit` along n?
bool AllBeyond(Vec3 n, const PartSet& set, const Mesh& farMesh, const Part& far, double limit) {
  for (int i = far.vertBegin; i < far.vertEnd; ++i)
    if (!(kernel::Dot(n, farMesh.vertPos[set.verts[i]]) > limit)) return false;
  return true;
}

// Every vertex of `near` at most `limit` along n, every vertex of `far`
// beyond limit + tol, for the plane of a face of `near` through p0. The far
// part is first tested against that plane itself (which fails at once for
// most planes of parts that overlap); only then is the near part's true
// extent taken (it may stick out of its own face plane where not convex).
bool BeyondPlane(Vec3 n, Vec3 p0, const PartSet& set, const Mesh& nearMesh, const Part& near,
                 const Mesh& farMesh, const Part& far, double tol) {
  const double own = kernel::Dot(n, p0);
  if (!AllBeyond(n, set, farMesh, far, own + tol)) return false;
  double limit = own;
  for (int i = near.vertBegin; i < near.vertEnd; ++i)
    limit = std::max(limit, kernel::Dot(n, nearMesh.vertPos[set.verts[i]]));
  return limit == own || AllBeyond(n, set, farMesh, far, limit + tol);
}

// A face plane of either part separating them, with a margin above the
// rounding of the dot products (each is within 3.4e-16 |n|_1 max|coord| of
// its exact value, so a margin of 1e-12 |n|_1 max|coord| is safe).
bool SeparatedByFacePlane(const std::vector<const Mesh*>& meshes, const PartSet& set, const Part& a,
                          const Part& b) {
  const Mesh& ma = *meshes[a.mesh];
  const Mesh& mb = *meshes[b.mesh];
  const double scale = std::max(MaxAbs(a.box), MaxAbs(b.box));
  for (int side = 0; side < 2; ++side) {
    const Part& own = side == 0 ? a : b;
    const Part& other = side == 0 ? b : a;
    const Mesh& mo = side == 0 ? ma : mb;
    const Mesh& mt = side == 0 ? mb : ma;
    for (int i = own.triBegin; i < own.triEnd; ++i) {
      const auto& tv = mo.triVerts[set.tris[i]];
      const Vec3 p = mo.vertPos[tv[0]];
      const Vec3 n = kernel::Cross(mo.vertPos[tv[1]] - p, mo.vertPos[tv[2]] - p);
      const double norm1 = std::fabs(n.x) + std::fabs(n.y) + std::fabs(n.z);
      if (!(norm1 > 0) || !std::isfinite(norm1)) continue;
      const double tol = 1e-12 * norm1 * scale + 1e-300;
      // Outward normal: the own part is behind its face plane.
      if (BeyondPlane(n, p, set, mo, own, mt, other, tol)) return true;
    }
  }
  return false;
}

}  // namespace

bool PartsSeparated(const std::vector<const Mesh*>& meshes) {
  // The test pays off for small parts (a boolean of them costs ~10^4
  // instructions per triangle); big or close ones go to the boolean at once.
  constexpr int64_t kMaxTriangles = 20'000;
  constexpr int64_t kMaxPairWork = 50'000;  // normals x vertices of one pair
  int64_t numTri = 0;
  for (const Mesh* m : meshes) numTri += m->NumTri();
  if (numTri > kMaxTriangles) return false;
  PartSet set;
  for (size_t i = 0; i < meshes.size(); ++i)
    if (!AppendParts(*meshes[i], static_cast<int>(i), set)) return false;
  const std::vector<Part>& parts = set.parts;
  std::vector<int> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int x, int y) { return parts[x].box.min.x < parts[y].box.min.x; });
  // Box comparisons and vertex projections of the plane tests.
  int64_t budget = 2'000'000;
  std::vector<int> active;
  for (int i : order) {
    size_t kept = 0;
    budget -= static_cast<int64_t>(active.size());
    if (budget < 0) return false;
    for (int j : active) {
      if (parts[j].box.max.x < parts[i].box.min.x) continue;  // closed for good
      active[kept++] = j;
      if (parts[j].mesh == parts[i].mesh || !parts[j].box.Overlaps(parts[i].box)) continue;
      const Part &a = parts[j], &b = parts[i];
      const int64_t work =
          static_cast<int64_t>(a.triEnd - a.triBegin + b.triEnd - b.triBegin) *
          static_cast<int64_t>(a.vertEnd - a.vertBegin + b.vertEnd - b.vertBegin);
      budget -= work;
      if (work > kMaxPairWork || budget < 0 || !SeparatedByFacePlane(meshes, set, a, b)) return false;
    }
    active.resize(kept);
    active.push_back(i);
  }
  return true;
}

}  // namespace mos::geom
