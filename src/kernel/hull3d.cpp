// Quickhull in 3D after C. B. Barber, D. P. Dobkin, H. Huhdanpaa, "The
// Quickhull algorithm for convex hulls", ACM TOMS 22(4), 1996.
//
// Robustness: every decision (is a point above a face, are points coplanar
// or collinear) is the exact sign of an orientation determinant, from
// Shewchuk's filtered adaptive predicate (hull_predicates.h): plain
// round-to-nearest doubles, no rounding modes, no big numbers. So the hull
// is the exact convex hull of the input: a point is outside a face only if
// strictly above its plane, coplanar points never fold a face, and faces
// never degenerate. As a safety net the visible region is still checked to
// be a disk (one simple horizon loop) before the cone is built.
// Exactly coplanar faces are then merged into convex polygons; vertices that
// are not corners of >= 3 such polygons (points inside a facet or on an
// edge) are dropped and each polygon is fan-triangulated (ear clipping if a
// polygon were ever not strictly convex). If any step of that fails the
// unmerged triangle hull, always valid, is returned.
// Ties (equal approximate distances when choosing the next point) go to the
// lower point / face index.
#include "kernel/hull3d.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>

#include "kernel/hull2d.h"
#include "kernel/hull_facets.h"
#include "kernel/hull_predicates.h"

namespace mos::kernel {
namespace {

struct Face {
  // Every member set once (emplace_back of a default Face zeroed the
  // normal, offset and filter that AddFace then overwrote).
  Face(int a, int b, int c, const Vec3& n, double off, const Orient3dFilter& f)
      : v{a, b, c}, adj{-1, -1, -1}, normal(n), offset(off), filter(f) {}
  std::array<int, 3> v{};    // counter-clockwise seen from outside
  std::array<int, 3> adj{};  // face across edge i (v[i] -> v[(i+1)%3])
  Vec3 normal;               // unit, or zero for a degenerate face
  double offset = 0;
  Orient3dFilter filter;     // Orient3dSign's filter, this face's half
  // Points strictly above this face (assigned here), a list linked through
  // Quickhull::nextOutside_ (a point is in at most one list); -1 when empty.
  // The order of a list never matters: the eye is the farthest point with
  // ties to the lowest index, and each point's face is chosen on its own.
  int outside = -1;
  bool alive = true;
  int visibleStamp = -1;
  int hiddenStamp = -1;
  // The exact sign of the current eye against this face when the
  // visibility walk asked it (walkStamp == the walk's stamp): a hidden face
  // on the horizon is then known to be coplanar (0) with the new face built
  // on its edge, or not (-1).
  int walkStamp = -1;
  int walkSign = 0;
  // Per edge, as HullTriangle::coplanar: known coplanarity with the face
  // across it, which facet merging then need not ask again.
  std::array<signed char, 3> coplanar{-1, -1, -1};
};

uint64_t EdgeKey(int a, int b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) |
         static_cast<uint32_t>(b);
}

class Quickhull {
 public:
  Quickhull(const std::vector<Vec3>& pts, LimitGuard& guard) : pts_(pts), guard_(guard) {}

  // Builds the hull of the (deduplicated, >= 4 non-coplanar) points from the
  // initial simplex a, b, c, d (d below the plane of a, b, c).
  HullStatus Run(int a, int b, int c, int d);

  // Alive faces as a mesh (before merging).
  std::vector<HullTriangle> AliveFaces() const;

 private:
  double Distance(const Face& f, int p) const {  // approximate
    return Dot(f.normal, pts_[p]) - f.offset;
  }
  int Side(const Face& f, const Vec3& q) const {  // exact sign
    // The filter with the face's half precomputed decides most tests; the
    // full predicate (the same filter again, then the exact stages) the rest.
    const int quick = Orient3dFilterSign(f.filter, q);
#ifdef MOS_CHECK_HULL_FILTER  // verification builds: the filter agrees with the predicate
    if (quick != 0 && quick != Orient3dSign(pts_[f.v[0]], pts_[f.v[1]], pts_[f.v[2]], q)) {
      std::abort();
    }
#endif
    if (quick != 0) return quick;
    return Orient3dSign(pts_[f.v[0]], pts_[f.v[1]], pts_[f.v[2]], q);
  }
  bool Above(const Face& f, const Vec3& q) const { return Side(f, q) > 0; }
  int AddFace(int a, int b, int c);
  void AssignPoints(const std::vector<int>& points, const std::vector<int>& faces);
  struct HorizonEdge {
    int from, to, hiddenFace, hiddenEdge;
  };

  bool CollectHorizon(std::vector<int>& visible, int eye);
  void AbsorbEnclosedHidden(std::vector<int>& visible, int eye);
  bool MakeDisk(std::vector<int>& visible, int eye);

  const std::vector<Vec3>& pts_;
  LimitGuard& guard_;
  std::vector<Face> faces_;
  std::vector<HorizonEdge> horizon_;
  std::vector<int> horizonFrom_;  // per point: horizon edge starting there
  std::vector<int> nextOutside_;  // per point: the next point of its face's list
  std::vector<HorizonEdge> loop_;  // CollectHorizon's scratch
  int stamp_ = 0;
};

int Quickhull::AddFace(int a, int b, int c) {
  const Vec3& pa = pts_[a];
  const Vec3& pb = pts_[b];
  const Vec3& pc = pts_[c];
  const Vec3 normal = Normalized(Cross(pb - pa, pc - pa));
  const Vec3 centroid = (pa + pb + pc) * (1.0 / 3.0);
  faces_.emplace_back(a, b, c, normal, Dot(normal, centroid), MakeOrient3dFilter(pa, pb, pc));  // built in place
  return static_cast<int>(faces_.size()) - 1;
}

void Quickhull::AssignPoints(const std::vector<int>& points,
                             const std::vector<int>& faces) {
  // Each point goes to the farthest face it is above (first on ties): the
  // argmax of the approximate distance over the faces whose exact test says
  // above. Most points on the hull are above the face nearest to them by
  // that distance, so that face is tested first: if it is above, no other
  // face can win and no other exact test (slow for the many coplanar points
  // of sphere rings) is needed. Otherwise the full search below, which
  // skips a face no farther than the best so far, decides.
  const Face* fs = faces_.data();
  const int* begin = faces.data();
  const int* end = begin + faces.size();
  if (begin == end) return;
  for (int p : points) {
    const Vec3 q = pts_[p];
    const int* far = begin;
    double farDist = Dot(fs[*far].normal, q) - fs[*far].offset;
    for (const int* it = begin + 1; it != end; ++it) {
      const double d = Dot(fs[*it].normal, q) - fs[*it].offset;
      if (d > farDist) {  // strict: the first on ties
        farDist = d;
        far = it;
      }
    }
    int best = -1;
    if (Above(fs[*far], q)) {
      best = *far;
    } else {
      const int* it = begin;
      for (; it != end; ++it) {
        if (it != far && Above(fs[*it], q)) {
          best = *it++;
          break;
        }
      }
      if (best < 0) continue;
      double bestDist = Dot(fs[best].normal, q) - fs[best].offset;
      for (; it != end; ++it) {
        const Face& face = fs[*it];
        const double d = Dot(face.normal, q) - face.offset;
        if (it == far || !(d > bestDist) || !Above(face, q)) continue;
        bestDist = d;
        best = *it;
      }
    }
    nextOutside_[p] = faces_[best].outside;
    faces_[best].outside = p;
  }
}

// Marks every hidden face that the visible region encloses as visible: the
// hidden faces reachable from the most clearly hidden face stay hidden.
void Quickhull::AbsorbEnclosedHidden(std::vector<int>& visible, int eye) {
  int seed = -1;
  double seedDist = 0;
  for (int f = 0; f < static_cast<int>(faces_.size()); ++f) {
    const Face& face = faces_[f];
    if (!face.alive || face.visibleStamp == stamp_) continue;
    const double d = Distance(face, eye);
    if (seed < 0 || d < seedDist) {
      seed = f;
      seedDist = d;
    }
  }
  if (seed < 0) return;
  std::vector<int> stack{seed};
  faces_[seed].hiddenStamp = stamp_;
  while (!stack.empty()) {
    const int f = stack.back();
    stack.pop_back();
    for (int g : faces_[f].adj) {
      Face& face = faces_[g];
      if (face.visibleStamp == stamp_ || face.hiddenStamp == stamp_) continue;
      face.hiddenStamp = stamp_;
      stack.push_back(g);
    }
  }
  for (int f = 0; f < static_cast<int>(faces_.size()); ++f) {
    Face& face = faces_[f];
    if (face.alive && face.visibleStamp != stamp_ && face.hiddenStamp != stamp_) {
      face.visibleStamp = stamp_;
      visible.push_back(f);
    }
  }
}

// Collects the horizon; if it is not one simple loop, absorbs the hidden
// faces the visible region encloses and tries once more.
bool Quickhull::MakeDisk(std::vector<int>& visible, int eye) {
  if (CollectHorizon(visible, eye)) return true;
  ++stamp_;
  for (int g : visible) faces_[g].visibleStamp = stamp_;
  AbsorbEnclosedHidden(visible, eye);
  return CollectHorizon(visible, eye);
}

// Fills horizon_ with the boundary of the visible region as one ordered
// loop; false when it is not a single simple loop.
bool Quickhull::CollectHorizon(std::vector<int>& visible, int /*eye*/) {
  horizon_.clear();
  for (int f : visible) {
    const Face& face = faces_[f];
    for (int i = 0; i < 3; ++i) {
      const int g = face.adj[i];
      if (faces_[g].visibleStamp == stamp_) continue;
      const int from = face.v[i];
      const int to = face.v[(i + 1) % 3];
      int hiddenEdge = -1;
      for (int j = 0; j < 3; ++j) {
        if (faces_[g].v[j] == to && faces_[g].v[(j + 1) % 3] == from) hiddenEdge = j;
      }
      if (hiddenEdge < 0) return false;
      horizon_.push_back({from, to, g, hiddenEdge});
    }
  }
  bool simple = horizon_.size() >= 3;
  for (int h = 0; simple && h < static_cast<int>(horizon_.size()); ++h) {
    int& slot = horizonFrom_[horizon_[h].from];
    if (slot >= 0) simple = false;
    slot = h;
  }
  std::vector<HorizonEdge>& loop = loop_;
  loop.clear();
  if (simple) {
    loop.reserve(horizon_.size());
    int h = 0;
    for (size_t step = 0; step < horizon_.size(); ++step) {
      loop.push_back(horizon_[h]);
      h = horizonFrom_[horizon_[h].to];
      if (h < 0) break;
    }
    simple = h == 0 && loop.size() == horizon_.size();
  }
  for (const HorizonEdge& e : horizon_) horizonFrom_[e.from] = -1;
  if (simple) horizon_.swap(loop);
  return simple;
}

HullStatus Quickhull::Run(int a, int b, int c, int d) {
  horizonFrom_.assign(pts_.size(), -1);
  nextOutside_.assign(pts_.size(), -1);
  const int f0 = AddFace(a, b, c);
  const int f1 = AddFace(a, d, b);
  const int f2 = AddFace(b, d, c);
  const int f3 = AddFace(c, d, a);
  {  // link the simplex
    std::unordered_map<uint64_t, std::pair<int, int>> edges;
    for (int f : {f0, f1, f2, f3}) {
      for (int i = 0; i < 3; ++i) {
        edges[EdgeKey(faces_[f].v[i], faces_[f].v[(i + 1) % 3])] = {f, i};
      }
    }
    for (int f : {f0, f1, f2, f3}) {
      for (int i = 0; i < 3; ++i) {
        faces_[f].adj[i] =
            edges.at(EdgeKey(faces_[f].v[(i + 1) % 3], faces_[f].v[i])).first;
      }
    }
  }
  std::vector<int> rest;
  for (int p = 0; p < static_cast<int>(pts_.size()); ++p) {
    if (p != a && p != b && p != c && p != d) rest.push_back(p);
  }
  AssignPoints(rest, {f0, f1, f2, f3});
  std::vector<int> pending{f3, f2, f1, f0};

  std::vector<int> visible, orphans, newFaces;
  while (!pending.empty()) {
    if (!guard_.Check(static_cast<int64_t>(pts_.size()))) return HullStatus::kCancelled;
    const int f = pending.back();
    if (!faces_[f].alive || faces_[f].outside < 0) {
      pending.pop_back();
      continue;
    }
    // The eye: the farthest outside point (ties: the lowest index).
    int eye = -1;
    double eyeDist = 0;
    for (int p = faces_[f].outside; p >= 0; p = nextOutside_[p]) {
      const double dist = Distance(faces_[f], p);
      if (eye < 0 || dist > eyeDist || (dist == eyeDist && p < eye)) {
        eye = p;
        eyeDist = dist;
      }
    }
    ++stamp_;
    visible.assign(1, f);
    faces_[f].visibleStamp = stamp_;
    for (size_t k = 0; k < visible.size(); ++k) {
      for (int g : faces_[visible[k]].adj) {
        Face& face = faces_[g];
        if (face.visibleStamp == stamp_ || face.hiddenStamp == stamp_) continue;
        const int side = Side(face, pts_[eye]);
        if (side > 0) {
          face.visibleStamp = stamp_;
          visible.push_back(g);
        } else {
          face.hiddenStamp = stamp_;
          face.walkStamp = stamp_;
          face.walkSign = side;
        }
      }
    }
    const bool ok = MakeDisk(visible, eye);
    if (!ok) {  // unreachable with exact signs; never build a broken cone
      int* link = &faces_[f].outside;
      while (*link != eye) link = &nextOutside_[*link];
      *link = nextOutside_[eye];
      continue;
    }
    orphans.clear();
    for (int g : visible) {
      Face& face = faces_[g];
      face.alive = false;
      for (int p = face.outside; p >= 0; p = nextOutside_[p]) {
        if (p != eye) orphans.push_back(p);
      }
      face.outside = -1;
    }
    newFaces.clear();
    const int first = static_cast<int>(faces_.size());
    const int count = static_cast<int>(horizon_.size());
    for (int k = 0; k < count; ++k) {
      const HorizonEdge& e = horizon_[k];
      const int nf = AddFace(e.from, e.to, eye);
      Face& face = faces_[nf];
      face.adj[0] = e.hiddenFace;
      face.adj[1] = first + (k + 1) % count;
      face.adj[2] = first + (k + count - 1) % count;
      Face& hidden = faces_[e.hiddenFace];
      hidden.adj[e.hiddenEdge] = nf;
      // Known when the walk asked the hidden face (not after MakeDisk's
      // second try, which moves the stamp on).
      const signed char coplanar =
          hidden.walkStamp == stamp_ ? static_cast<signed char>(hidden.walkSign == 0) : -1;
      face.coplanar[0] = coplanar;
      hidden.coplanar[e.hiddenEdge] = coplanar;
      newFaces.push_back(nf);
    }
    AssignPoints(orphans, newFaces);
    for (int nf : newFaces) {
      if (faces_[nf].outside >= 0) pending.push_back(nf);
    }
  }
  return HullStatus::kOk;
}

std::vector<HullTriangle> Quickhull::AliveFaces() const {
  std::vector<int> remap(faces_.size(), -1);
  std::vector<HullTriangle> out;
  for (size_t f = 0; f < faces_.size(); ++f) {
    if (!faces_[f].alive) continue;
    remap[f] = static_cast<int>(out.size());
    out.push_back({faces_[f].v, faces_[f].adj, faces_[f].normal, faces_[f].coplanar});
  }
  for (HullTriangle& f : out) {
    for (int& g : f.adj) g = remap[g];
  }
  return out;
}

// Builds the output mesh from triangles over point indices, keeping only
// the points used.
bool EmitMesh(const std::vector<Vec3>& pts,
              const std::vector<std::array<int, 3>>& tris, uint32_t prop,
              Mesh& mesh) {
  mesh = Mesh{};
  std::vector<int> remap(pts.size(), -1);
  for (const auto& t : tris) {
    std::array<int, 3> out{};
    for (int i = 0; i < 3; ++i) {
      int& r = remap[t[i]];
      if (r < 0) {
        r = mesh.NumVert();
        mesh.vertPos.push_back(pts[t[i]]);
      }
      out[i] = r;
    }
    mesh.triVerts.push_back(out);
  }
  mesh.triProp.assign(tris.size(), prop);
  if (!BuildHalfedges(mesh)) return false;
  // Closed, edge-manifold and a sphere: V - E + F == 2.
  const long long v = mesh.NumVert();
  const long long f = mesh.NumTri();
  return v - (3 * f) / 2 + f == 2;
}

// The flat hull of coplanar points, CCW about its own normal.
void PlanarHull(const std::vector<Vec3>& pts, Vec3 normal, Hull3dResult& result) {
  int drop = 0;
  for (int k = 1; k < 3; ++k) {
    if (std::fabs(normal[k]) > std::fabs(normal[drop])) drop = k;
  }
  const int ax = (drop + 1) % 3;
  const int ay = (drop + 2) % 3;
  std::vector<Vec2> flat;
  flat.reserve(pts.size());
  for (const Vec3& p : pts) flat.push_back({p[ax], p[ay]});
  for (int i : ConvexHull2dIndices(flat)) result.planarPolygon.push_back(pts[i]);
  Vec3 newell;
  const auto& poly = result.planarPolygon;
  for (size_t i = 0; i < poly.size(); ++i) {
    newell = newell + Cross(poly[i], poly[(i + 1) % poly.size()]);
  }
  result.planarNormal = Normalized(newell);
}

// The hull of deduplicated finite points (status kOk, kEmpty, kPlanar or
// stopped).
void HullOfPoints(const std::vector<Vec3>& pts, LimitGuard& guard, uint32_t prop,
                  Hull3dResult& result) {
  result = Hull3dResult{};
  const int n = static_cast<int>(pts.size());
  if (n < 3) return;

  // Initial simplex: the widest axis extent, the farthest point from that
  // line, the farthest point from that plane (approximate distances choose,
  // exact signs decide; ties: lowest index).
  int a = 0, b = 0;
  double spread = -1;
  for (int k = 0; k < 3; ++k) {
    int lo = 0, hi = 0;
    for (int i = 1; i < n; ++i) {
      if (pts[i][k] < pts[lo][k]) lo = i;
      if (pts[i][k] > pts[hi][k]) hi = i;
    }
    if (pts[hi][k] - pts[lo][k] > spread) {
      spread = pts[hi][k] - pts[lo][k];
      a = lo;
      b = hi;
    }
  }
  if (spread <= 0) return;  // one point
  const Vec3 dir = Normalized(pts[b] - pts[a]);
  int c = -1;
  double lineDist = -1;
  for (int i = 0; i < n; ++i) {
    const double d = Length(Cross(pts[i] - pts[a], dir));
    if (d > lineDist && !Collinear3d(pts[a], pts[b], pts[i])) {
      lineDist = d;
      c = i;
    }
  }
  if (c < 0) return;  // collinear
  const Vec3 normal = Normalized(Cross(pts[b] - pts[a], pts[c] - pts[a]));
  int d = -1;
  double planeDist = -1;
  int side = 0;
  for (int i = 0; i < n; ++i) {
    const double dist = std::fabs(Dot(normal, pts[i] - pts[a]));
    if (dist <= planeDist) continue;
    const int sign = Orient3dSign(pts[a], pts[b], pts[c], pts[i]);
    if (sign != 0) {
      planeDist = dist;
      d = i;
      side = sign;
    }
  }
  if (d < 0) {
    PlanarHull(pts, normal, result);
    result.status =
        result.planarPolygon.size() >= 3 ? HullStatus::kPlanar : HullStatus::kEmpty;
    return;
  }
  if (side > 0) std::swap(b, c);  // d below a, b, c

  Quickhull qh(pts, guard);
  const HullStatus status = qh.Run(a, b, c, d);
  if (status != HullStatus::kOk) {
    result.status = guard.Reason() == StopReason::Cancelled ? HullStatus::kCancelled
                                                           : HullStatus::kTooLarge;
    result.diagnostic = guard.Diagnostic();
    return;
  }
  const std::vector<HullTriangle> faces = qh.AliveFaces();
  std::vector<std::array<int, 3>> tris;
  if (!MergeCoplanarFacets(pts, faces, tris) || !EmitMesh(pts, tris, prop, result.mesh)) {
    tris.clear();
    for (const HullTriangle& f : faces) tris.push_back(f.v);
    if (!EmitMesh(pts, tris, prop, result.mesh)) {
      result.mesh = Mesh{};
      result.status = HullStatus::kEmpty;  // unreachable by construction
      return;
    }
  }
  result.status = HullStatus::kOk;
  return;
}

}  // namespace

Hull3dResult ConvexHull3d(const std::vector<Vec3>& input, const KernelLimits& limits,
                          uint32_t prop) {
  Hull3dResult result;
  LimitGuard guard(limits, "hull");
  if (!guard.Check(static_cast<int64_t>(input.size()),
                   static_cast<int64_t>(input.size() * (sizeof(Vec3) + 64)))) {
    result.status = guard.Reason() == StopReason::Cancelled ? HullStatus::kCancelled
                                                           : HullStatus::kTooLarge;
    result.diagnostic = guard.Diagnostic();
    return result;
  }
  std::vector<Vec3> pts;
  pts.reserve(input.size());
  for (const Vec3& p : input) {
    // Beyond 1e150 the exact predicate's products could overflow.
    if (std::fabs(p.x) < 1e150 && std::fabs(p.y) < 1e150 && std::fabs(p.z) < 1e150) {
      pts.push_back(p);
    }
  }
  auto lexLess = [](const Vec3& a, const Vec3& b) {
    if (a.x != b.x) return a.x < b.x;
    if (a.y != b.y) return a.y < b.y;
    return a.z < b.z;
  };
  std::sort(pts.begin(), pts.end(), lexLess);
  pts.erase(std::unique(pts.begin(), pts.end(),
                        [](const Vec3& a, const Vec3& b) {
                          return a.x == b.x && a.y == b.y && a.z == b.z;
                        }),
            pts.end());
  HullOfPoints(pts, guard, prop, result);
  return result;
}

}  // namespace mos::kernel
