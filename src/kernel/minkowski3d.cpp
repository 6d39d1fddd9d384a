// Minkowski sums of closed meshes by convex pieces.
//
// Both operands convex: A + B = hull{a + b : a, b hull vertices}.
//
// Otherwise we use a boundary decomposition that needs no solid convex
// decomposition and is exact for any closed input (non-star-shaped, holes,
// cavities, several components). For a connected set X and any Y,
//   X + Y = (X + dY) u (x0 + Y)        for one fixed x0 in X,
// because for z in X + Y the set X n (z - Y) is either all of X (then
// z in x0 + Y) or has a boundary point in X, i.e. z - x in dY for some x.
// Applying it to each solid component of B (with Y = A) and to each surface
// component C of dA (with Y = B) gives
//   A + B = (dA + dB) u U_C (c_C + B) u U_D (A + d_D),
// C, D running over the connected surface components of dA, dB (one point
// per surface component is a superset of one per solid component, and
// every such copy lies inside A + B). The surfaces are covered by planar
// convex patches P (edge-connected triangles coplanar within 1e-9 of the
// coordinate scale whose union stays convex, at most 256 triangles), so
// dA + dB = U hull(P + Q); the hulls are exact (hull3d.cpp). When B is convex, dA + B =
// U hull(P + B) already contains every c_C + B, leaving A + d0 as the only
// copy. Pieces whose sum is flat have no volume and are dropped.
// A centroid fan of tetrahedra would be wrong for non-star-shaped parts;
// patches are also far fewer than triangles on CAD-like models.
#include "kernel/minkowski3d.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "kernel/boolean.h"
#include "kernel/hull2d.h"
#include "kernel/hull3d.h"
#include "kernel/mesh_properties.h"

namespace mos::kernel {
namespace {

constexpr size_t kMaxPatchTriangles = 256;

Vec3 UnitNormal(const Mesh& m, int t) {
  const auto& v = m.triVerts[t];
  const Vec3 n = Cross(m.vertPos[v[1]] - m.vertPos[v[0]], m.vertPos[v[2]] - m.vertPos[v[0]]);
  const double len = Length(n);
  return len > 0 ? n * (1.0 / len) : Vec3{};
}

// Area of the 2D hull of points projected to the plane with unit normal n.
double ProjectedHullArea(const Mesh& m, const std::vector<int>& verts, Vec3 n) {
  int drop = 0;
  for (int k = 1; k < 3; ++k) {
    if (std::fabs(n[k]) > std::fabs(n[drop])) drop = k;
  }
  const int ax = (drop + 1) % 3, ay = (drop + 2) % 3;
  std::vector<Vec2> flat;
  for (int v : verts) flat.push_back({m.vertPos[v][ax], m.vertPos[v][ay]});
  const std::vector<Vec2> hull = ConvexHull2d(flat);
  double area = 0;
  for (size_t i = 0; i < hull.size(); ++i) area += Cross(hull[i], hull[(i + 1) % hull.size()]);
  return std::fabs(area) / 2 / std::fabs(n[drop]);
}

double CoordinateScale(const std::vector<Vec3>& points) {
  double s = 1;
  for (const Vec3& p : points) {
    s = std::max({s, std::fabs(p.x), std::fabs(p.y), std::fabs(p.z)});
  }
  return s;
}

HullStatus StatusOf(const LimitGuard& guard) {
  return guard.Reason() == StopReason::Cancelled ? HullStatus::kCancelled
                                                 : HullStatus::kTooLarge;
}

// The mesh without triangles whose vertex indices are out of range (a copy
// only when there are such triangles): no input may crash us.
const Mesh& Sanitized(const Mesh& m, Mesh& storage) {
  auto ok = [&](const std::array<int, 3>& t) {
    return t[0] >= 0 && t[1] >= 0 && t[2] >= 0 && t[0] < m.NumVert() && t[1] < m.NumVert() &&
           t[2] < m.NumVert();
  };
  bool all = m.triProp.size() == m.triVerts.size();
  for (const auto& t : m.triVerts) all = all && ok(t);
  if (all) return m;
  storage = Mesh{};
  storage.vertPos = m.vertPos;
  for (const auto& t : m.triVerts) {
    if (ok(t)) storage.triVerts.push_back(t);
  }
  storage.triProp.assign(storage.triVerts.size(), 0);
  BuildHalfedges(storage);
  return storage;
}

Mesh Translated(const Mesh& m, Vec3 d) {
  Mesh out = m;
  for (Vec3& p : out.vertPos) p = p + d;
  return out;
}

// One representative vertex per surface component.
std::vector<Vec3> ComponentPoints(const Mesh& m) {
  std::vector<int> comp;
  const int count = ComponentIds(m, comp);
  std::vector<Vec3> out(count);
  std::vector<bool> seen(count, false);
  for (int t = 0; t < m.NumTri(); ++t) {
    if (!seen[comp[t]]) {
      seen[comp[t]] = true;
      out[comp[t]] = m.vertPos[m.triVerts[t][0]];
    }
  }
  return out;
}

}  // namespace

namespace {

// IsConvexSolid, also handing back the hull's vertices when it is, so the
// sum does not compute the same hull a second time.
bool ConvexSolidHull(const Mesh& meshIn, std::vector<Vec3>* hullVertices) {
  Mesh storage;
  const Mesh& mesh = Sanitized(meshIn, storage);
  if (mesh.NumTri() < 4) return false;
  std::vector<int> comp;
  if (ComponentIds(mesh, comp) != 1) return false;
  Hull3dResult h = ConvexHull3d(mesh.vertPos);
  if (h.status != HullStatus::kOk) return false;
  const double hullVolume = SignedVolume(h.mesh);
  if (!(std::fabs(hullVolume - SignedVolume(mesh)) <= 1e-9 * hullVolume)) return false;
  if (hullVertices) *hullVertices = std::move(h.mesh.vertPos);
  return true;
}

}  // namespace

bool IsConvexSolid(const Mesh& meshIn) { return ConvexSolidHull(meshIn, nullptr); }

std::vector<std::vector<int>> ConvexSurfacePatches(const Mesh& meshIn,
                                                   const KernelLimits& limits) {
  LimitGuard guard(limits, "minkowski");
  Mesh storage;
  Mesh mesh = Sanitized(meshIn, storage);
  BuildHalfedges(mesh);  // our own twins: valid whatever the input carried
  const int numTri = mesh.NumTri();
  const double tol = 1e-9 * CoordinateScale(mesh.vertPos);
  std::vector<Vec3> normal(numTri);
  std::vector<double> area(numTri);
  for (int t = 0; t < numTri; ++t) {
    normal[t] = UnitNormal(mesh, t);
    const auto& v = mesh.triVerts[t];
    area[t] = Length(Cross(mesh.vertPos[v[1]] - mesh.vertPos[v[0]],
                           mesh.vertPos[v[2]] - mesh.vertPos[v[0]])) / 2;
  }
  std::vector<int> patchOf(numTri, -1);
  std::vector<std::vector<int>> patches;
  std::vector<int> tris, verts;
  for (int seed = 0; seed < numTri; ++seed) {
    if (patchOf[seed] >= 0) continue;
    if (!guard.Check()) return {};
    const int id = static_cast<int>(patches.size());
    patchOf[seed] = id;
    tris.assign(1, seed);
    verts.assign(mesh.triVerts[seed].begin(), mesh.triVerts[seed].end());
    const Vec3 n = normal[seed];
    const Vec3 origin = mesh.vertPos[mesh.triVerts[seed][0]];
    double patchArea = area[seed];
    const bool flatSeed = area[seed] > 0 && Length(n) > 0;
    for (size_t k = 0; flatSeed && k < tris.size(); ++k) {
      for (int i = 0; i < 3 && tris.size() < kMaxPatchTriangles; ++i) {
        const int h = mesh.halfedgeTwin[3 * tris[k] + i];
        if (h < 0) continue;
        const int t = h / 3;
        if (patchOf[t] >= 0 || Dot(normal[t], n) < 1 - 1e-12) continue;
        bool onPlane = true;
        for (int v : mesh.triVerts[t]) {
          if (std::fabs(Dot(n, mesh.vertPos[v] - origin)) > tol) onPlane = false;
        }
        if (!onPlane) continue;
        std::vector<int> grown = verts;
        grown.insert(grown.end(), mesh.triVerts[t].begin(), mesh.triVerts[t].end());
        const double hullArea = ProjectedHullArea(mesh, grown, n);
        if (hullArea > (patchArea + area[t]) * (1 + 1e-9)) continue;  // not convex
        patchOf[t] = id;
        tris.push_back(t);
        patchArea += area[t];
        verts.swap(grown);
      }
    }
    std::sort(verts.begin(), verts.end());
    verts.erase(std::unique(verts.begin(), verts.end()), verts.end());
    patches.push_back(verts);
  }
  return patches;
}

Minkowski3dPieces Minkowski3dDecompose(const Mesh& aIn, const Mesh& bIn,
                                       const KernelLimits& limits) {
  Mesh storageA, storageB;
  const Mesh& a = Sanitized(aIn, storageA);
  const Mesh& b = Sanitized(bIn, storageB);
  Minkowski3dPieces out;
  LimitGuard guard(limits, "minkowski");
  int64_t outputVertices = 0;
  if (a.NumTri() == 0 || b.NumTri() == 0) return out;
  // A convex operand's hull vertices come with the convexity test (its
  // hull), not from a second hull of the same points.
  std::vector<Vec3> hullA, hullB;
  const bool convexA = ConvexSolidHull(a, &hullA);
  const bool convexB = ConvexSolidHull(b, &hullB);
  auto addHull = [&](const std::vector<Vec3>& p, const std::vector<Vec3>& q) {
    if (!guard.Check(outputVertices + static_cast<int64_t>(p.size() * q.size()))) {
      out.status = StatusOf(guard);
      return false;
    }
    std::vector<Vec3> sums;
    sums.reserve(p.size() * q.size());
    for (const Vec3& x : p) {
      for (const Vec3& y : q) sums.push_back(x + y);
    }
    Hull3dResult h = ConvexHull3d(sums, limits);
    if (h.status == HullStatus::kCancelled || h.status == HullStatus::kTooLarge) {
      out.status = h.status;
      out.diagnostic = h.diagnostic;
      return false;
    }
    if (h.status == HullStatus::kOk) {
      outputVertices += h.mesh.NumVert();
      out.convexPieces.push_back(std::move(h.mesh));
    }
    return true;
  };
  auto fail = [&](HullStatus s) {
    KernelDiagnostic diagnostic =
        out.diagnostic.message.empty() ? guard.Diagnostic() : out.diagnostic;
    out = Minkowski3dPieces{};
    out.status = s;
    out.diagnostic = diagnostic;
    return out;
  };
  if (convexA && convexB) {
    if (!addHull(hullA, hullB)) return fail(out.status);
    return out;
  }
  // Make `nonConvex` the operand that is decomposed against the other.
  const Mesh& first = convexA ? b : a;
  const Mesh& second = convexA ? a : b;
  const auto patchesFirst = ConvexSurfacePatches(first, limits);
  if (!guard.Check()) return fail(HullStatus::kCancelled);
  auto points = [](const Mesh& m, const std::vector<int>& idx) {
    std::vector<Vec3> p;
    for (int v : idx) p.push_back(m.vertPos[v]);
    return p;
  };
  if (convexA || convexB) {
    const std::vector<Vec3>& convexVerts = convexA ? hullA : hullB;
    for (const auto& patch : patchesFirst) {
      if (!guard.Check(outputVertices)) return fail(StatusOf(guard));
      if (!addHull(points(first, patch), convexVerts)) return fail(out.status);
    }
    out.translatedCopies.push_back(Translated(first, second.vertPos[second.triVerts[0][0]]));
    return out;
  }
  const auto patchesSecond = ConvexSurfacePatches(second, limits);
  if (!guard.Check()) return fail(HullStatus::kCancelled);
  size_t total = 0;
  for (const auto& p : patchesFirst) {
    for (const auto& q : patchesSecond) total += p.size() * q.size();
  }
  if (!guard.Check(static_cast<int64_t>(total))) return fail(StatusOf(guard));
  for (const auto& p : patchesFirst) {
    const std::vector<Vec3> pp = points(first, p);
    for (const auto& q : patchesSecond) {
      if (!guard.Check(outputVertices)) return fail(StatusOf(guard));
      if (!addHull(pp, points(second, q))) return fail(out.status);
    }
  }
  for (const Vec3& c : ComponentPoints(first)) out.translatedCopies.push_back(Translated(second, c));
  for (const Vec3& d : ComponentPoints(second)) out.translatedCopies.push_back(Translated(first, d));
  return out;
}

MeshOpResult Minkowski3d(const Mesh& a, const Mesh& b, const KernelLimits& limits) {
  MeshOpResult out;
  Minkowski3dPieces pieces = Minkowski3dDecompose(a, b, limits);
  out.status = pieces.status;
  out.diagnostic = pieces.diagnostic;
  if (pieces.status != HullStatus::kOk) return out;
  std::vector<Mesh> all = std::move(pieces.convexPieces);
  // The copies come with their operand's properties and the hulls with 0.
  // The sum's faces all get one property (the minkowski node's), so the
  // copies' are dropped here: the union's cleanup keeps edges between faces
  // of different properties, and with them the sum's shape depended on how
  // the render had numbered the operands' properties (a subtree rendered
  // elsewhere in the tree, or on another thread, came out different).
  for (Mesh& copy : pieces.translatedCopies) {
    std::fill(copy.triProp.begin(), copy.triProp.end(), 0u);
    all.push_back(std::move(copy));
  }
  if (all.size() == 1) {
    out.mesh = std::move(all[0]);
  } else if (!all.empty()) {
    out.mesh = BooleanN(std::move(all), OpType::kUnion);
  }
  LimitGuard guard(limits, "minkowski");
  if (!guard.Check(out.mesh.NumVert())) {
    out.status = StatusOf(guard);
    out.diagnostic = guard.Diagnostic();
    out.mesh = Mesh{};
  }
  return out;
}

}  // namespace mos::kernel
