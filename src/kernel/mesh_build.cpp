#include "kernel/mesh_build.h"

#include "kernel/triangulate.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mos::kernel {

Mesh MeshFromTriangleSoup(const std::vector<std::array<Vec3, 3>>& triangles,
                          const std::vector<uint32_t>& props, const RepairOptions& options,
                          RepairReport& report) {
  Mesh mesh;
  mesh.vertPos.reserve(3 * triangles.size());
  mesh.triVerts.reserve(triangles.size());
  for (const auto& tri : triangles) {
    const int first = mesh.NumVert();
    for (const Vec3& p : tri) mesh.vertPos.push_back(p);
    mesh.triVerts.push_back({first, first + 1, first + 2});
  }
  mesh.triProp.assign(triangles.size(), 0);
  for (size_t t = 0; t < props.size() && t < triangles.size(); ++t) mesh.triProp[t] = props[t];
  RepairMesh(mesh, options, report);
  return mesh;
}

Mesh MeshFromIndexedTriangles(const std::vector<Vec3>& points,
                              const std::vector<std::array<int, 3>>& triangles,
                              const std::vector<uint32_t>& props, const RepairOptions& options,
                              RepairReport& report) {
  Mesh mesh;
  mesh.vertPos = points;
  mesh.triVerts = triangles;
  mesh.triProp.assign(triangles.size(), 0);
  for (size_t t = 0; t < props.size() && t < triangles.size(); ++t) mesh.triProp[t] = props[t];
  RepairMesh(mesh, options, report);
  return mesh;
}

namespace {

// Newell's normal: robust for non-planar and non-convex polygons.
Vec3 NewellNormal(const std::vector<Vec3>& points, const std::vector<int>& face) {
  Vec3 n;
  const size_t k = face.size();
  for (size_t i = 0; i < k; ++i) {
    const Vec3 a = points[face[i]], b = points[face[(i + 1) % k]];
    n.x += (a.y - b.y) * (a.z + b.z);
    n.y += (a.z - b.z) * (a.x + b.x);
    n.z += (a.x - b.x) * (a.y + b.y);
  }
  return n;
}

// Projection onto the axis plane the normal is closest to, keeping the
// polygon's orientation counter-clockwise when seen along +normal.
Vec2 Project(Vec3 p, int axis, bool flip) {
  Vec2 q = axis == 0 ? Vec2{p.y, p.z} : axis == 1 ? Vec2{p.z, p.x} : Vec2{p.x, p.y};
  if (flip) q.x = -q.x;
  return q;
}

// A face's vertex cycle independent of its start and direction, and the
// direction (+1 or -1) it was given in.
std::pair<std::vector<int>, int> CanonicalCycle(const std::vector<int>& face) {
  const size_t k = face.size();
  const size_t start = std::min_element(face.begin(), face.end()) - face.begin();
  std::vector<int> fwd(k), bwd(k);
  for (size_t i = 0; i < k; ++i) {
    fwd[i] = face[(start + i) % k];
    bwd[i] = face[(start + k - i) % k];
  }
  if (fwd <= bwd) return {fwd, 1};
  return {bwd, -1};
}

// Drops repeated polygon faces before triangulation (two copies of a quad may
// be fanned along different diagonals). Opposite copies cancel pairwise.
void DropDuplicateFaces(std::vector<std::vector<int>>& faces, std::vector<uint32_t>& props,
                        int& duplicates, int& cancelled) {
  std::map<std::vector<int>, std::vector<size_t>> byCycle;
  std::vector<int> direction(faces.size());
  for (size_t f = 0; f < faces.size(); ++f) {
    auto [cycle, dir] = CanonicalCycle(faces[f]);
    direction[f] = dir;
    byCycle[cycle].push_back(f);
  }
  std::vector<char> keep(faces.size(), 0);
  for (const auto& [cycle, list] : byCycle) {
    std::vector<size_t> pos, neg;
    for (size_t f : list) (direction[f] > 0 ? pos : neg).push_back(f);
    const size_t pairs = std::min(pos.size(), neg.size());
    cancelled += static_cast<int>(pairs);
    const auto& more = pos.size() > neg.size() ? pos : neg;
    if (more.size() > pairs) {
      keep[more[0]] = 1;
      duplicates += static_cast<int>(more.size() - pairs - 1);
    }
  }
  size_t out = 0;
  for (size_t f = 0; f < faces.size(); ++f)
    if (keep[f]) {
      if (out != f) faces[out] = std::move(faces[f]);
      props[out] = props[f];
      ++out;
    }
  faces.resize(out);
  props.resize(out);
}

// The axis a tessellator of the GLU/libtess kind projects along (2021.01
// triangulates polygon faces with one): the largest component of the normal
// of the triangle spanned by the two vertices farthest apart along the
// widest axis and the vertex making the largest area with them (first one
// wins ties, in face order). Differs from Newell's for non-planar faces.
int TessellatorAxis(const std::vector<Vec3>& points, const std::vector<int>& face) {
  int minV[3], maxV[3];
  for (int i = 0; i < 3; ++i) minV[i] = maxV[i] = face[0];
  for (int v : face)
    for (int i = 0; i < 3; ++i) {
      if (points[v][i] < points[minV[i]][i]) minV[i] = v;
      if (points[v][i] > points[maxV[i]][i]) maxV[i] = v;
    }
  auto extent = [&](int i) { return points[maxV[i]][i] - points[minV[i]][i]; };
  int i = 0;
  if (extent(1) > extent(0)) i = 1;
  if (extent(2) > extent(i)) i = 2;
  const Vec3 v2 = points[maxV[i]];
  const Vec3 d1 = points[minV[i]] - v2;
  double best = 0;
  Vec3 n{0, 0, 1};
  for (int v : face) {
    const Vec3 t = Cross(d1, points[v] - v2);
    const double len2 = Dot(t, t);
    if (len2 > best) {
      best = len2;
      n = t;
    }
  }
  const Vec3 an{std::abs(n.x), std::abs(n.y), std::abs(n.z)};
  int axis = 0;
  if (an.y > an.x) axis = 1;
  if (an.z > an[axis]) axis = 2;
  return axis;
}

// True when a convex quad a b c d is better cut along b-d: d lies inside
// the circumcircle of a b c in the tessellator's projection (the angles at
// b and d sum to more than 180 degrees), i.e. a-c is not Delaunay.
// 2021.01's tessellator refines to a constrained Delaunay triangulation,
// which decides the diagonal of non-planar quads (issue1061.scad: all 24
// twisted side quads follow this rule). Returns false where the projected
// quad is not strictly convex or the four points are cocircular.
bool QuadPrefersSecondDiagonal(const std::vector<Vec3>& points, const std::vector<int>& face) {
  const int axis = TessellatorAxis(points, face);
  Vec2 q[4];
  for (int i = 0; i < 4; ++i) q[i] = Project(points[face[i]], axis, false);
  double turn[4];
  for (int i = 0; i < 4; ++i) turn[i] = Cross(q[(i + 1) % 4] - q[i], q[(i + 2) % 4] - q[(i + 1) % 4]);
  const bool ccw = turn[0] > 0 && turn[1] > 0 && turn[2] > 0 && turn[3] > 0;
  const bool cw = turn[0] < 0 && turn[1] < 0 && turn[2] < 0 && turn[3] < 0;
  if (!ccw && !cw) return false;
  // In-circle determinant of d against the circle through a, b, c.
  const Vec2 a = q[0] - q[3], b = q[1] - q[3], c = q[2] - q[3];
  const double det = (a.x * a.x + a.y * a.y) * Cross(b, c) - (b.x * b.x + b.y * b.y) * Cross(a, c) +
                     (c.x * c.x + c.y * c.y) * Cross(a, b);
  const double scale = Dot(a, a) + Dot(b, b) + Dot(c, c);
  if (std::abs(det) <= 1e-12 * scale * scale) return false;  // cocircular: planar rectangles
  return ccw ? det > 0 : det < 0;
}

}  // namespace

bool TriangulateFace(const std::vector<Vec3>& points, const std::vector<int>& face,
                     std::vector<std::array<int, 3>>& out) {
  const size_t k = face.size();
  if (k < 3) return true;
  if (k == 3) {
    out.push_back({face[0], face[1], face[2]});
    return true;
  }
  const Vec3 n = NewellNormal(points, face);
  const Vec3 an{std::abs(n.x), std::abs(n.y), std::abs(n.z)};
  const int axis = an.x >= an.y && an.x >= an.z ? 0 : (an.y >= an.z ? 1 : 2);
  const bool flip = n[axis] < 0;
  // Convex when every turn is a left turn (or straight) in the projection.
  bool convex = true;
  for (size_t i = 0; i < k && convex; ++i) {
    const Vec2 a = Project(points[face[i]], axis, flip);
    const Vec2 b = Project(points[face[(i + 1) % k]], axis, flip);
    const Vec2 c = Project(points[face[(i + 2) % k]], axis, flip);
    // Straight corners count as non-convex: a fan could give zero-area
    // triangles there, ear clipping does not.
    if (Cross(b - a, c - b) <= 0) convex = false;
  }
  if (convex) {
    if (k == 4 && QuadPrefersSecondDiagonal(points, face)) {
      out.push_back({face[0], face[1], face[3]});
      out.push_back({face[1], face[2], face[3]});
      return true;
    }
    for (size_t i = 1; i + 1 < k; ++i) out.push_back({face[0], face[i], face[i + 1]});
    return true;
  }
  // Non-convex: ear clipping in the projection, which is counter-clockwise
  // along the normal, so the triangles keep the face's orientation.
  std::vector<std::vector<Vec2>> loops(1);
  for (int v : face) loops[0].push_back(Project(points[v], axis, flip));
  for (const auto& tri : TriangulatePolygon(loops)) {
    bool valid = true;
    for (int i : tri) valid = valid && i >= 0 && i < static_cast<int>(k);
    if (valid) out.push_back({face[tri[0]], face[tri[1]], face[tri[2]]});
  }
  return false;
}

Mesh MeshFromPolygons(const std::vector<Vec3>& points, const std::vector<std::vector<int>>& faces,
                      const std::vector<uint32_t>& faceProps, const RepairOptions& options,
                      RepairReport& report) {
  Mesh mesh;
  mesh.vertPos = points;
  const int nv = static_cast<int>(points.size());
  int invalid = 0, nonConvex = 0;
  std::vector<std::vector<int>> clean;
  std::vector<uint32_t> cleanProps;
  for (size_t f = 0; f < faces.size(); ++f) {
    std::vector<int> face;
    bool bad = false;
    for (int v : faces[f]) {
      if (v < 0 || v >= nv) bad = true;
      else if (face.empty() || face.back() != v) face.push_back(v);
    }
    while (face.size() > 1 && face.front() == face.back()) face.pop_back();
    if (bad || face.size() < 3) {
      ++invalid;
      continue;
    }
    clean.push_back(std::move(face));
    cleanProps.push_back(f < faceProps.size() ? faceProps[f] : 0);
  }
  int duplicates = 0, cancelled = 0;
  DropDuplicateFaces(clean, cleanProps, duplicates, cancelled);
  for (size_t f = 0; f < clean.size(); ++f) {
    if (!TriangulateFace(points, clean[f], mesh.triVerts)) ++nonConvex;
    mesh.triProp.resize(mesh.triVerts.size(), cleanProps[f]);
  }
  RepairMesh(mesh, options, report);
  report.invalidFaces += invalid;
  report.duplicateFaces += duplicates;
  report.cancelledFacePairs += cancelled;
  report.nonConvexFaces = nonConvex;
  if (invalid > 0)
    report.diagnostics.insert(report.diagnostics.begin(),
                              {"polygon faces dropped: bad index or fewer than 3 vertices", invalid});
  return mesh;
}

}  // namespace mos::kernel
