// Merging of the exactly coplanar triangles of a convex hull into facets
// (see hull3d.cpp, after Barber, Dobkin, Huhdanpaa 1996).
#include "kernel/hull_facets.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "kernel/hull_predicates.h"
#include "kernel/triangulate.h"

namespace mos::kernel {

// Merges exactly coplanar faces into convex polygons and re-triangulates them
// without vertices that are not polygon corners. False if that failed.
bool MergeCoplanarFacets(const std::vector<Vec3>& pts, const std::vector<HullTriangle>& faces,
                   std::vector<std::array<int, 3>>& tris) {
  const int numFaces = static_cast<int>(faces.size());
  // Fast path: no two neighbours coplanar (e.g. points on a sphere).
  bool anyCoplanar = false;
  for (int f = 0; f < numFaces && !anyCoplanar; ++f) {
    const auto& v = faces[f].v;
    for (int i = 0; i < 3; ++i) {
      const HullTriangle& g = faces[faces[f].adj[i]];
      if (faces[f].adj[i] < f) continue;  // each edge once
      int opposite = g.v[0];
      for (int q : g.v) {
        if (q != v[i] && q != v[(i + 1) % 3]) opposite = q;
      }
      if (Orient3dSign(pts[v[0]], pts[v[1]], pts[v[2]], pts[opposite]) == 0) {
        anyCoplanar = true;
        break;
      }
    }
  }
  if (!anyCoplanar) {
    tris.clear();
    for (const HullTriangle& f : faces) tris.push_back(f.v);
    return true;
  }
  std::vector<double> area(numFaces);
  for (int f = 0; f < numFaces; ++f) {
    const auto& v = faces[f].v;
    area[f] = Length(Cross(pts[v[1]] - pts[v[0]], pts[v[2]] - pts[v[0]]));
  }
  std::vector<int> order(numFaces);
  for (int f = 0; f < numFaces; ++f) order[f] = f;
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return area[a] > area[b]; });
  std::vector<int> group(numFaces, -1);
  std::vector<std::vector<int>> members;
  for (int seed : order) {
    if (group[seed] >= 0) continue;
    const int g = static_cast<int>(members.size());
    members.push_back({seed});
    group[seed] = g;
    const Vec3 n = faces[seed].normal;
    const auto& sv = faces[seed].v;
    if (area[seed] == 0) continue;
    for (size_t k = 0; k < members[g].size(); ++k) {
      for (int t : faces[members[g][k]].adj) {
        if (group[t] >= 0 || Dot(faces[t].normal, n) < 0) continue;
        bool onPlane = true;  // exactly coplanar with the seed
        for (int p : faces[t].v) {
          if (Orient3dSign(pts[sv[0]], pts[sv[1]], pts[sv[2]], pts[p]) != 0) onPlane = false;
        }
        if (!onPlane) continue;
        group[t] = g;
        members[g].push_back(t);
      }
    }
  }
  // Boundary loop of each group; a group that is not a disk falls apart
  // into single triangles.
  const int numGroups0 = static_cast<int>(members.size());
  std::vector<std::vector<int>> loops;  // by group, vertices in order
  std::unordered_map<int, int> next;
  for (int g = 0; g < numGroups0; ++g) {
    next.clear();
    bool disk = true;
    int start = -1;
    size_t edgeCount = 0;
    for (int f : members[g]) {
      for (int i = 0; i < 3; ++i) {
        if (group[faces[f].adj[i]] == g) continue;
        const int from = faces[f].v[i];
        if (!next.emplace(from, faces[f].v[(i + 1) % 3]).second) disk = false;
        start = from;
        ++edgeCount;
      }
    }
    std::vector<int> loop;
    if (disk && start >= 0) {
      int v = start;
      do {
        loop.push_back(v);
        auto it = next.find(v);
        if (it == next.end() || loop.size() > edgeCount) {
          disk = false;
          break;
        }
        v = it->second;
      } while (v != start);
      disk = disk && loop.size() == edgeCount;
    }
    if (!disk || start < 0) {
      if (members[g].size() == 1) return false;
      for (size_t k = 1; k < members[g].size(); ++k) {
        const int f = members[g][k];
        group[f] = static_cast<int>(members.size());
        members.push_back({f});
      }
      members[g].resize(1);
      const auto& v = faces[members[g][0]].v;
      loop.assign(v.begin(), v.end());
    }
    loops.push_back(std::move(loop));
  }
  for (size_t g = numGroups0; g < members.size(); ++g) {
    const auto& v = faces[members[g][0]].v;
    loops.emplace_back(v.begin(), v.end());
  }
  // A vertex is a corner when >= 3 groups meet there.
  std::vector<std::vector<int>> groupsAt(pts.size());
  for (int f = 0; f < numFaces; ++f) {
    for (int p : faces[f].v) {
      auto& list = groupsAt[p];
      if (std::find(list.begin(), list.end(), group[f]) == list.end()) {
        list.push_back(group[f]);
      }
    }
  }
  tris.clear();
  for (size_t g = 0; g < loops.size(); ++g) {
    std::vector<int> poly;
    for (int p : loops[g]) {
      if (groupsAt[p].size() >= 3) poly.push_back(p);
    }
    if (poly.size() < 3) return false;
    // The seed's normal; project to the axis plane it is closest to, keeping
    // counter-clockwise order (no rounding added by the projection).
    const Vec3 n = faces[members[g][0]].normal;
    int axis = 2;
    if (std::fabs(n.x) >= std::fabs(n.y) && std::fabs(n.x) >= std::fabs(n.z)) axis = 0;
    else if (std::fabs(n.y) >= std::fabs(n.z)) axis = 1;
    const bool positive = n[axis] >= 0;
    std::vector<Vec2> flat;
    for (int p : poly) {
      const Vec3& q = pts[p];
      const double u = q[(axis + 1) % 3], v = q[(axis + 2) % 3];
      flat.push_back(positive ? Vec2{u, v} : Vec2{v, u});
    }
    bool convex = true;
    for (size_t k = 0; k < flat.size() && convex; ++k) {
      const Vec2 a = flat[k], b = flat[(k + 1) % flat.size()], c = flat[(k + 2) % flat.size()];
      convex = Cross(b - a, c - b) > 0;
    }
    const size_t before = tris.size();
    if (convex) {
      for (size_t k = 1; k + 1 < poly.size(); ++k) tris.push_back({poly[0], poly[k], poly[k + 1]});
    } else {
      // A group that is not convex within rounding (its coplanar neighbours
      // did not merge): ear clipping instead of a fan.
      for (const auto& t : TriangulatePolygon({flat})) {
        tris.push_back({poly[t[0]], poly[t[1]], poly[t[2]]});
      }
    }
    if (tris.size() - before != poly.size() - 2) return false;
    for (size_t k = before; k < tris.size(); ++k) {  // none may face backwards
      const auto& t = tris[k];
      if (Dot(Cross(pts[t[1]] - pts[t[0]], pts[t[2]] - pts[t[0]]), n) < 0) return false;
    }
  }
  return true;
}

}  // namespace mos::kernel
