// Merging of the exactly coplanar triangles of a convex hull into facets
// (see hull3d.cpp, after Barber, Dobkin, Huhdanpaa 1996).
#include "kernel/hull_facets.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

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
#ifdef MOS_CHECK_HULL_COPLANAR  // verification builds: a known answer is the asked one
      if (faces[f].coplanar[i] >= 0 &&
          (Orient3dSign(pts[v[0]], pts[v[1]], pts[v[2]], pts[opposite]) == 0) !=
              (faces[f].coplanar[i] == 1)) {
        std::abort();
      }
#endif
      if (faces[f].coplanar[i] == 0) continue;  // known: not coplanar
      if (faces[f].coplanar[i] == 1 ||
          Orient3dSign(pts[v[0]], pts[v[1]], pts[v[2]], pts[opposite]) == 0) {
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
  // Groups of coplanar faces, each a contiguous run of memberList (its
  // breadth-first order from the seed); flat arrays, as a hull has
  // thousands of groups, most of them one triangle.
  std::vector<int> group(numFaces, -1);
  std::vector<int> memberList, memberStart, memberCount;
  memberList.reserve(numFaces);
  for (int seed : order) {
    if (group[seed] >= 0) continue;
    const int g = static_cast<int>(memberStart.size());
    const size_t begin = memberList.size();
    memberStart.push_back(static_cast<int>(begin));
    memberList.push_back(seed);
    group[seed] = g;
    const Vec3 n = faces[seed].normal;
    const auto& sv = faces[seed].v;
    if (area[seed] != 0) {
      for (size_t k = begin; k < memberList.size(); ++k) {
        const HullTriangle& member = faces[memberList[k]];
        const auto& mv = member.v;
        for (int e = 0; e < 3; ++e) {
          const int t = member.adj[e];
          if (group[t] >= 0 || Dot(faces[t].normal, n) < 0) continue;
          // Exactly coplanar with the seed. The member's own corners are (the
          // seed's trivially, every other member's were tested), so only t's
          // corners outside the member are asked. The member lies in the
          // seed's plane and is no sliver, so that is t's coplanarity with
          // the member, which the hull may already know.
          bool onPlane = true;
          if (member.coplanar[e] >= 0) {
            onPlane = member.coplanar[e] == 1;
#ifdef MOS_CHECK_HULL_COPLANAR  // verification builds: the known answer is the asked one
            for (int p : faces[t].v) {
              if (p == mv[0] || p == mv[1] || p == mv[2]) continue;
              if ((Orient3dSign(pts[sv[0]], pts[sv[1]], pts[sv[2]], pts[p]) == 0) != onPlane) {
                std::abort();
              }
            }
#endif
          } else {
            for (int p : faces[t].v) {
              if (p == mv[0] || p == mv[1] || p == mv[2]) continue;
              if (Orient3dSign(pts[sv[0]], pts[sv[1]], pts[sv[2]], pts[p]) != 0) onPlane = false;
            }
          }
          if (!onPlane) continue;
          group[t] = g;
          memberList.push_back(t);
        }
      }
    }
    memberCount.push_back(static_cast<int>(memberList.size() - begin));
  }
  // Boundary loop of each group (loopList from loopStart[g]); a group that
  // is not a disk falls apart into single triangles.
  const int numGroups0 = static_cast<int>(memberStart.size());
  std::vector<int> loopList, loopStart;
  std::vector<int> nextOf(pts.size(), -1), froms;
  for (int g = 0; g < numGroups0; ++g) {
    if (memberCount[g] == 1) {
      // One triangle (most groups): its loop is its corners from the last
      // edge's start, as the walk below would find it.
      const auto& v = faces[memberList[memberStart[g]]].v;
      loopStart.push_back(static_cast<int>(loopList.size()));
      loopList.insert(loopList.end(), {v[2], v[0], v[1]});
      continue;
    }
    bool disk = true;
    int start = -1;
    size_t edgeCount = 0;
    froms.clear();
    for (int k = 0; k < memberCount[g]; ++k) {
      const int f = memberList[memberStart[g] + k];
      for (int i = 0; i < 3; ++i) {
        if (group[faces[f].adj[i]] == g) continue;
        const int from = faces[f].v[i];
        if (nextOf[from] >= 0) {
          disk = false;  // the first edge from there is kept
        } else {
          nextOf[from] = faces[f].v[(i + 1) % 3];
          froms.push_back(from);
        }
        start = from;
        ++edgeCount;
      }
    }
    loopStart.push_back(static_cast<int>(loopList.size()));
    if (disk && start >= 0) {
      int v = start;
      size_t length = 0;
      do {
        loopList.push_back(v);
        ++length;
        if (nextOf[v] < 0 || length > edgeCount) {
          disk = false;
          break;
        }
        v = nextOf[v];
      } while (v != start);
      disk = disk && length == edgeCount;
    }
    for (int from : froms) nextOf[from] = -1;
    if (!disk || start < 0) {
      if (memberCount[g] == 1) return false;
      for (int k = 1; k < memberCount[g]; ++k) {
        const int f = memberList[memberStart[g] + k];
        group[f] = static_cast<int>(memberStart.size());
        memberStart.push_back(memberStart[g] + k);
        memberCount.push_back(1);
      }
      memberCount[g] = 1;
      const auto& v = faces[memberList[memberStart[g]]].v;
      loopList.resize(loopStart[g]);
      loopList.insert(loopList.end(), v.begin(), v.end());
    }
  }
  for (size_t g = numGroups0; g < memberStart.size(); ++g) {
    loopStart.push_back(static_cast<int>(loopList.size()));
    const auto& v = faces[memberList[memberStart[g]]].v;
    loopList.insert(loopList.end(), v.begin(), v.end());
  }
  loopStart.push_back(static_cast<int>(loopList.size()));
  // A vertex is a corner when >= 3 groups meet there: per point the first
  // two distinct groups seen, and whether a third came.
  std::vector<std::array<int, 2>> groupsSeen(pts.size(), std::array<int, 2>{-1, -1});
  std::vector<char> corner(pts.size(), 0);
  for (int f = 0; f < numFaces; ++f) {
    for (int p : faces[f].v) {
      auto& seen = groupsSeen[p];
      const int g = group[f];
      if (seen[0] == g || seen[1] == g) continue;
      if (seen[0] < 0) seen[0] = g;
      else if (seen[1] < 0) seen[1] = g;
      else corner[p] = 1;
    }
  }
  tris.clear();
  std::vector<int> poly;
  std::vector<Vec2> flat;
  for (size_t g = 0; g < memberStart.size(); ++g) {
    poly.clear();
    for (int k = loopStart[g]; k < loopStart[g + 1]; ++k) {
      if (corner[loopList[k]]) poly.push_back(loopList[k]);
    }
    if (poly.size() < 3) return false;
    // The seed's normal; project to the axis plane it is closest to, keeping
    // counter-clockwise order (no rounding added by the projection).
    const Vec3 n = faces[memberList[memberStart[g]]].normal;
    int axis = 2;
    if (std::fabs(n.x) >= std::fabs(n.y) && std::fabs(n.x) >= std::fabs(n.z)) axis = 0;
    else if (std::fabs(n.y) >= std::fabs(n.z)) axis = 1;
    const bool positive = n[axis] >= 0;
    flat.clear();
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
