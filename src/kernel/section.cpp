// Plane sections and shadows of closed meshes.
//
// Section: every vertex is classified above / below z = 0 by one exact
// comparison, with z == 0 sent to a chosen side (a symbolic perturbation of
// the plane). A triangle with vertices on both sides then has exactly one
// edge going above -> below and one going below -> above; its segment runs
// from the first crossing to the second, which is the direction z x n, so
// material lies to the left: outer loops come out counter-clockwise, holes
// clockwise. Crossing points are computed once per undirected edge from its
// (below, above) endpoints, interpolating from the endpoint nearer the
// plane, so both triangles of an edge agree bit for bit; the next segment
// is found through the edge's twin, never by comparing coordinates.
//
// Shadow: up-facing triangles (positive projected area) cover the shadow,
// each once per layer; the boundary of the up-facing region, projected,
// has winding number = number of layers above a point.
#include "kernel/section.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <unordered_map>

namespace mos::kernel {
namespace {

HullStatus StatusOf(const LimitGuard& guard) {
  return guard.Reason() == StopReason::Cancelled ? HullStatus::kCancelled
                                                 : HullStatus::kTooLarge;
}

// Removes consecutive duplicates and points lying on the segment between
// their neighbours (within `tol`: the crossing points of side faces'
// diagonals); false if fewer than 3 points remain.
bool CleanLoop(std::vector<Vec2>& loop, double tol) {
  std::vector<Vec2> out;
  for (const Vec2& p : loop) {
    if (out.empty() || out.back().x != p.x || out.back().y != p.y) out.push_back(p);
  }
  while (out.size() > 1 && out.front().x == out.back().x && out.front().y == out.back().y) {
    out.pop_back();
  }
  auto between = [tol](Vec2 a, Vec2 p, Vec2 b) {
    const Vec2 d = b - a;
    const double len2 = d.x * d.x + d.y * d.y;
    if (len2 == 0) return false;
    const double along = (p.x - a.x) * d.x + (p.y - a.y) * d.y;
    if (along <= 0 || along >= len2) return false;
    return std::fabs(Cross(d, p - a)) <= tol * std::sqrt(len2);
  };
  // One pass with a stack, then the seam at the start.
  std::vector<Vec2> kept;
  for (const Vec2& p : out) {
    while (kept.size() >= 2 && between(kept[kept.size() - 2], kept.back(), p)) kept.pop_back();
    kept.push_back(p);
  }
  bool changed = true;
  while (changed && kept.size() >= 3) {
    changed = false;
    if (between(kept[kept.size() - 2], kept.back(), kept[0])) {
      kept.pop_back();
      changed = true;
    } else if (between(kept.back(), kept[0], kept[1])) {
      kept.erase(kept.begin());
      changed = true;
    }
  }
  loop.swap(kept);
  return loop.size() >= 3;
}

// A closed walk of vertex ids (the last joins the first) as simple loops:
// whenever a point comes back, the part of the walk since its first visit
// is a loop of its own.
// Vertices are compared by their projected position: the sphere's rings
// above and below the equator project onto the same points.
std::vector<std::vector<int>> SplitAtRepeatedPoints(const std::vector<Vec2>& flat,
                                                    const std::vector<int>& walk) {
  std::vector<std::vector<int>> loops;
  std::map<std::pair<double, double>, size_t> stackIndex;
  std::vector<int> stack;
  auto key = [&flat](int v) { return std::make_pair(flat[v].x, flat[v].y); };
  for (size_t i = 0; i <= walk.size(); ++i) {
    const int v = i < walk.size() ? walk[i] : walk[0];
    auto found = stackIndex.find(key(v));
    if (found == stackIndex.end()) {
      stackIndex[key(v)] = stack.size();
      stack.push_back(v);
      continue;
    }
    const size_t from = found->second;
    loops.emplace_back(stack.begin() + static_cast<std::ptrdiff_t>(from), stack.end());
    for (size_t k = from + 1; k < stack.size(); ++k) stackIndex.erase(key(stack[k]));
    stack.resize(from + 1);
  }
  return loops;
}

double LoopTolerance(const Mesh& mesh) {
  double s = 1;
  for (const Vec3& p : mesh.vertPos) s = std::max({s, std::fabs(p.x), std::fabs(p.y)});
  return 1e-12 * s;
}

// The mesh with halfedges (copied only when they are missing).
// Twins are rebuilt when missing or inconsistent; triangles with vertex
// indices out of range are dropped (no input may crash us).
const Mesh& WithHalfedges(const Mesh& mesh, Mesh& storage) {
  const int numHalf = 3 * mesh.NumTri();
  bool valid = static_cast<int>(mesh.halfedgeTwin.size()) == numHalf;
  for (const auto& t : mesh.triVerts) {
    for (int v : t) valid = valid && v >= 0 && v < mesh.NumVert();
  }
  for (int h = 0; valid && h < numHalf; ++h) {
    const int twin = mesh.halfedgeTwin[h];
    valid = twin < numHalf && (twin < 0 || mesh.halfedgeTwin[twin] == h);
  }
  if (valid) return mesh;
  storage = Mesh{};
  storage.vertPos = mesh.vertPos;
  for (const auto& t : mesh.triVerts) {
    bool inRange = true;
    for (int v : t) inRange = inRange && v >= 0 && v < mesh.NumVert();
    if (inRange) storage.triVerts.push_back(t);
  }
  BuildHalfedges(storage);
  return storage;
}

bool Less(const Vec2& a, const Vec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

// Loops rotated to start at their smallest point, sorted: equal regions
// computed in a different order compare equal.
std::vector<std::vector<Vec2>> Canonical(std::vector<std::vector<Vec2>> loops) {
  for (auto& loop : loops) {
    std::rotate(loop.begin(), std::min_element(loop.begin(), loop.end(), Less), loop.end());
  }
  std::sort(loops.begin(), loops.end(), [](const auto& a, const auto& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), Less);
  });
  return loops;
}

bool SameLoops(const std::vector<std::vector<Vec2>>& a, const std::vector<std::vector<Vec2>>& b) {
  if (a.size() != b.size()) return false;
  const auto ca = Canonical(a);
  const auto cb = Canonical(b);
  for (size_t i = 0; i < ca.size(); ++i) {
    if (ca[i].size() != cb[i].size()) return false;
    for (size_t k = 0; k < ca[i].size(); ++k) {
      if (ca[i][k].x != cb[i][k].x || ca[i][k].y != cb[i][k].y) return false;
    }
  }
  return true;
}

}  // namespace

PlanarLoops SectionAtZ0Side(const Mesh& meshIn, int side, const KernelLimits& limits) {
  PlanarLoops out;
  LimitGuard guard(limits, "projection(cut=true)");
  Mesh storage;
  const Mesh& mesh = WithHalfedges(meshIn, storage);
  const int numTri = mesh.NumTri();
  const double tol = LoopTolerance(mesh);
  std::vector<char> above(mesh.vertPos.size());
  for (size_t v = 0; v < mesh.vertPos.size(); ++v) {
    const double z = mesh.vertPos[v].z;
    above[v] = z > 0 || (z == 0 && side > 0);
  }
  auto crossing = [&](int h) {  // the point where halfedge h meets the plane
    int below = HalfedgeStart(mesh, h);
    int up = HalfedgeEnd(mesh, h);
    if (above[below]) std::swap(below, up);
    const Vec3& b = mesh.vertPos[below];
    const Vec3& a = mesh.vertPos[up];
    if (b.z == 0) return Vec2{b.x, b.y};
    if (a.z == 0) return Vec2{a.x, a.y};
    const double t = b.z / (b.z - a.z);  // in (0, 1)
    if (t <= 0.5) return Vec2{b.x + (a.x - b.x) * t, b.y + (a.y - b.y) * t};
    const double s = 1 - t;
    return Vec2{a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s};
  };
  // Per crossing triangle: its down-crossing and up-crossing halfedges.
  std::vector<int> downOf(numTri, -1), upOf(numTri, -1);
  for (int t = 0; t < numTri; ++t) {
    if ((t & 4095) == 0 && !guard.Check()) {
      out.status = StatusOf(guard);
      out.diagnostic = guard.Diagnostic();
      return out;
    }
    for (int i = 0; i < 3; ++i) {
      const int h = 3 * t + i;
      const bool from = above[HalfedgeStart(mesh, h)];
      const bool to = above[HalfedgeEnd(mesh, h)];
      if (from && !to) downOf[t] = h;
      if (!from && to) upOf[t] = h;
    }
  }
  std::vector<char> used(numTri, 0);
  for (int start = 0; start < numTri; ++start) {
    if (downOf[start] < 0 || used[start]) continue;
    std::vector<Vec2> loop;
    int t = start;
    bool closed = false;
    for (int steps = 0; steps <= numTri; ++steps) {
      used[t] = 1;
      loop.push_back(crossing(downOf[t]));
      const int twin = mesh.halfedgeTwin[upOf[t]];
      if (twin < 0) break;  // open mesh: drop the chain
      t = TriOfHalfedge(twin);
      if (t == start) {
        closed = true;
        break;
      }
      if (used[t] || downOf[t] != twin) break;
    }
    if (!guard.Check(static_cast<int64_t>(out.loops.size() + loop.size()))) {
      out = PlanarLoops{};
      out.status = StatusOf(guard);
      out.diagnostic = guard.Diagnostic();
      return out;
    }
    if (closed && CleanLoop(loop, tol)) out.loops.push_back(std::move(loop));
  }
  return out;
}

PlanarLoops SectionAtZ0(const Mesh& mesh, const KernelLimits& limits) {
  bool onPlane = false;
  for (const Vec3& p : mesh.vertPos) onPlane = onPlane || p.z == 0;
  PlanarLoops above = SectionAtZ0Side(mesh, +1, limits);
  if (!onPlane || above.status != HullStatus::kOk) return above;
  PlanarLoops below = SectionAtZ0Side(mesh, -1, limits);
  if (below.status != HullStatus::kOk) return below;
  if (above.loops.empty()) return below;
  if (below.loops.empty() || SameLoops(above.loops, below.loops)) return above;
  above.loops.insert(above.loops.end(), below.loops.begin(), below.loops.end());
  above.overlapping = true;
  return above;
}

PlanarLoops ShadowOnZ0(const Mesh& meshIn, const KernelLimits& limits) {
  PlanarLoops out;
  LimitGuard guard(limits, "projection()");
  Mesh storage;
  const Mesh& mesh = WithHalfedges(meshIn, storage);
  const int numTri = mesh.NumTri();
  const double tol = LoopTolerance(mesh);
  std::vector<char> up(numTri);
  for (int t = 0; t < numTri; ++t) {
    const auto& v = mesh.triVerts[t];
    const Vec3& a = mesh.vertPos[v[0]];
    const Vec3& b = mesh.vertPos[v[1]];
    const Vec3& c = mesh.vertPos[v[2]];
    up[t] = Cross(Vec2{b.x - a.x, b.y - a.y}, Vec2{c.x - a.x, c.y - a.y}) > 0;
  }
  // Projected vertices on a fine power-of-two grid (about 1e-14 of the
  // model's size, a few hundred ulps): vertices of different layers that project onto nearly
  // the same point (a sphere's ring and a cut through it) become one point,
  // instead of 1e-16-short edges that the 2D union cannot classify.
  double extent = 1;
  for (const Vec3& p : mesh.vertPos) extent = std::max({extent, std::fabs(p.x), std::fabs(p.y)});
  if (!std::isfinite(extent)) extent = 1;
  int exponent = 0;
  std::frexp(extent, &exponent);
  const double quantum = std::ldexp(1.0, exponent - 46);
  std::vector<Vec2> flat(mesh.vertPos.size());
  for (size_t i = 0; i < flat.size(); ++i) {
    // + 0.0 makes -0 and 0 one point.
    flat[i] = {std::round(mesh.vertPos[i].x / quantum) * quantum + 0.0,
               std::round(mesh.vertPos[i].y / quantum) * quantum + 0.0};
  }
  // Boundary halfedges of the up-facing region, by start vertex.
  std::unordered_map<int, std::vector<int>> outgoing;
  for (int h = 0; h < 3 * numTri; ++h) {
    if ((h & 4095) == 0 && !guard.Check()) {
      out.status = StatusOf(guard);
      out.diagnostic = guard.Diagnostic();
      return out;
    }
    if (!up[h / 3]) continue;
    const int twin = mesh.halfedgeTwin[h];
    if (twin >= 0 && up[twin / 3]) continue;
    outgoing[HalfedgeStart(mesh, h)].push_back(h);
  }
  // Chain them; at a vertex with several boundary edges any pairing gives
  // the same winding numbers. Vertices are visited in a fixed order.
  std::vector<int> starts;
  for (const auto& entry : outgoing) starts.push_back(entry.first);
  std::sort(starts.begin(), starts.end());
  for (int v0 : starts) {
    while (true) {
      auto& list0 = outgoing[v0];
      if (list0.empty()) break;
      std::vector<int> walk;  // vertex ids of one closed walk
      int v = v0;
      bool closed = false;
      for (int steps = 0; steps <= 3 * numTri; ++steps) {
        auto& list = outgoing[v];
        if (list.empty()) break;
        const int h = list.back();
        list.pop_back();
        walk.push_back(v);
        v = HalfedgeEnd(mesh, h);
        if (v == v0) {
          closed = true;
          break;
        }
      }
      if (!guard.Check()) {
        out = PlanarLoops{};
        out.status = StatusOf(guard);
        out.diagnostic = guard.Diagnostic();
        return out;
      }
      if (!closed) continue;
      // A walk through a point of several boundary edges is split there
      // into simple loops (same winding numbers): the zero-width spikes and
      // self-touching loops it would otherwise form defeat the union.
      for (std::vector<int>& ids : SplitAtRepeatedPoints(flat, walk)) {
        std::vector<Vec2> loop;
        loop.reserve(ids.size());
        for (int id : ids) loop.push_back(flat[id]);
        if (CleanLoop(loop, tol)) out.loops.push_back(std::move(loop));
      }
    }
  }
  // Layers may overlap (any non-convex solid): always leave it to a union.
  out.overlapping = !out.loops.empty();
  return out;
}

namespace {

PolygonOpResult Finish(PlanarLoops loops) {
  PolygonOpResult out;
  out.status = loops.status;
  out.diagnostic = loops.diagnostic;
  if (loops.status != HullStatus::kOk || loops.loops.empty()) return out;
  Polygon2d raw{std::move(loops.loops)};
  // Even non-overlapping loops go through one sweep when they touch or are
  // slightly invalid after rounding; positive fill keeps what is covered.
  out.polygon = Simplify2d(raw, FillRule::kPositive);
  return out;
}

}  // namespace

PolygonOpResult ProjectCut(const Mesh& mesh, const KernelLimits& limits) {
  return Finish(SectionAtZ0(mesh, limits));
}

PolygonOpResult ProjectShadow(const Mesh& mesh, const KernelLimits& limits) {
  return Finish(ShadowOnZ0(mesh, limits));
}

}  // namespace mos::kernel
