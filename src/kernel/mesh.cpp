// Halfedge construction and the closed / manifold / oriented check.
#include "kernel/mesh.h"

#include <algorithm>
#include <utility>

namespace mos::kernel {

namespace {

bool VertexIndicesValid(const Mesh& mesh) {
  const int nv = mesh.NumVert();
  for (const auto& tri : mesh.triVerts)
    for (int v : tri)
      if (v < 0 || v >= nv) return false;
  return true;
}

}  // namespace

bool BuildHalfedges(Mesh& mesh) {
  const int numTri = mesh.NumTri();
  const int numHalf = 3 * numTri;
  mesh.halfedgeTwin.assign(numHalf, -1);
  if (mesh.triProp.size() != mesh.triVerts.size()) mesh.triProp.resize(mesh.triVerts.size(), 0);
  const int nv = mesh.NumVert();

  // Bucket every halfedge by the lower vertex of its edge (a counting
  // sort), then sort each bucket (a vertex's few edges) by the higher
  // vertex: equal edges end up adjacent. Only edges used exactly twice are
  // paired, so the order within an edge does not matter.
  std::vector<int> bucketStart(static_cast<size_t>(nv) + 2, 0);
  bool ok = true;
  auto valid = [nv](int a, int b) {
    return static_cast<unsigned>(a) < static_cast<unsigned>(nv) &&
           static_cast<unsigned>(b) < static_cast<unsigned>(nv) && a != b;
  };
  for (const auto& tri : mesh.triVerts)
    for (int i = 0; i < 3; ++i) {
      const int a = tri[i], b = tri[i == 2 ? 0 : i + 1];
      if (!valid(a, b)) {
        ok = false;  // invalid index or degenerate edge: never paired
        continue;
      }
      ++bucketStart[static_cast<size_t>(std::min(a, b)) + 2];
    }
  // Prefix sums shifted by one: bucketStart[v + 1] is bucket v's start while
  // filling, and its end afterwards.
  for (int v = 0; v < nv; ++v) bucketStart[v + 2] += bucketStart[v + 1];
  std::vector<std::pair<int, int>> slots(static_cast<size_t>(bucketStart[nv + 1]));  // hi, h
  for (int t = 0; t < numTri; ++t) {
    const auto& tri = mesh.triVerts[t];
    for (int i = 0; i < 3; ++i) {
      const int a = tri[i], b = tri[i == 2 ? 0 : i + 1];
      if (!valid(a, b)) continue;
      slots[static_cast<size_t>(bucketStart[std::min(a, b) + 1]++)] = {std::max(a, b), 3 * t + i};
    }
  }
  for (int v = 0; v < nv; ++v) {
    const auto first = slots.begin() + bucketStart[v], last = slots.begin() + bucketStart[v + 1];
    // Insertion sort: a bucket holds a handful of edges (a full sort for a
    // vertex of high valence, never quadratic).
    if (last - first > 32) {
      std::sort(first, last);
    } else {
      for (auto i = first + (first != last ? 1 : 0); i < last; ++i) {
        const std::pair<int, int> x = *i;
        auto j = i;
        for (; j != first && x < *(j - 1); --j) *j = *(j - 1);
        *j = x;
      }
    }
    for (auto i = first; i != last;) {
      auto j = i + 1;
      while (j != last && j->first == i->first) ++j;
      if (j - i == 2) {
        const int h0 = i->second, h1 = (i + 1)->second;
        if (HalfedgeStart(mesh, h0) == HalfedgeEnd(mesh, h1)) {
          mesh.halfedgeTwin[h0] = h1;
          mesh.halfedgeTwin[h1] = h0;
        } else {
          ok = false;  // same direction twice: inconsistent orientation
        }
      } else {
        ok = false;  // open (1) or non-manifold (> 2) edge
      }
      i = j;
    }
  }
  return ok;
}

std::string DescribeManifoldProblem(const Mesh& mesh) {
  const int numTri = mesh.NumTri();
  const int numHalf = 3 * numTri;
  if (static_cast<int>(mesh.halfedgeTwin.size()) != numHalf)
    return "halfedgeTwin has wrong size";
  if (mesh.triProp.size() != mesh.triVerts.size()) return "triProp has wrong size";
  if (!VertexIndicesValid(mesh)) return "triangle refers to a missing vertex";
  for (int t = 0; t < numTri; ++t) {
    const auto& v = mesh.triVerts[t];
    if (v[0] == v[1] || v[1] == v[2] || v[2] == v[0])
      return "triangle " + std::to_string(t) + " repeats a vertex";
  }
  for (int h = 0; h < numHalf; ++h) {
    const int tw = mesh.halfedgeTwin[h];
    if (tw < 0 || tw >= numHalf) return "halfedge " + std::to_string(h) + " is unpaired (open)";
    if (mesh.halfedgeTwin[tw] != h) return "halfedge twins are not mutual";
    if (HalfedgeStart(mesh, tw) != HalfedgeEnd(mesh, h) ||
        HalfedgeEnd(mesh, tw) != HalfedgeStart(mesh, h))
      return "halfedge " + std::to_string(h) + " and its twin are not opposite (orientation)";
  }
  // Each vertex: its outgoing halfedges must form one fan (a single cycle),
  // and the fan must not reach the same neighbour twice (pinched edge).
  const int nv = mesh.NumVert();
  std::vector<int> outgoing(nv, 0);
  std::vector<int> anyOut(nv, -1);
  for (int h = 0; h < numHalf; ++h) {
    const int v = HalfedgeStart(mesh, h);
    ++outgoing[v];
    anyOut[v] = h;
  }
  std::vector<int> neighbourStamp(nv, -1);
  for (int v = 0; v < nv; ++v) {
    if (anyOut[v] < 0) continue;  // unused vertex: allowed
    int h = anyOut[v];
    int count = 0;
    do {
      const int nb = HalfedgeEnd(mesh, h);
      if (neighbourStamp[nb] == v)
        return "vertex " + std::to_string(v) + " reaches a neighbour twice (non-manifold edge)";
      neighbourStamp[nb] = v;
      ++count;
      if (count > outgoing[v]) break;
      // The halfedge ending at v in the same triangle, then across its twin.
      h = mesh.halfedgeTwin[PrevHalfedge(h)];
    } while (h != anyOut[v]);
    if (count != outgoing[v])
      return "vertex " + std::to_string(v) + " is pinched (more than one fan)";
  }
  return {};
}

namespace {

// The fan walks of IsClosedManifold and FansManifold: around each used
// vertex (anyOut: one halfedge leaving it), one fan of as many halfedges as
// leave it (outgoing) that meets no neighbour twice. Twins must be valid.
bool FanWalksAreDiscs(const Mesh& mesh, const std::vector<int>& outgoing, const std::vector<int>& anyOut) {
  const int nv = mesh.NumVert();
  const int* twin = mesh.halfedgeTwin.data();
  std::vector<int> neighbourStamp(nv, -1);
  for (int v = 0; v < nv; ++v) {
    if (anyOut[v] < 0) continue;
    int h = anyOut[v];
    int count = 0;
    do {
      const int nb = HalfedgeEnd(mesh, h);
      if (neighbourStamp[nb] == v) return false;
      neighbourStamp[nb] = v;
      ++count;
      if (count > outgoing[v]) break;
      h = twin[PrevHalfedge(h)];
    } while (h != anyOut[v]);
    if (count != outgoing[v]) return false;
  }
  return true;
}

}  // namespace

// The same checks as DescribeManifoldProblem, fused into one pass over the
// triangles plus the fan walks, without building messages (it runs after
// every boolean and several times in its cleanup).
bool IsClosedManifold(const Mesh& mesh) {
  const int numTri = mesh.NumTri();
  const int numHalf = 3 * numTri;
  if (static_cast<int>(mesh.halfedgeTwin.size()) != numHalf) return false;
  if (mesh.triProp.size() != mesh.triVerts.size()) return false;
  const int nv = mesh.NumVert();
  std::vector<int> outgoing(nv, 0);
  std::vector<int> anyOut(nv, -1);
  const int* twin = mesh.halfedgeTwin.data();
  for (int t = 0; t < numTri; ++t) {
    const auto& v = mesh.triVerts[t];
    for (int i = 0; i < 3; ++i)
      if (static_cast<unsigned>(v[i]) >= static_cast<unsigned>(nv)) return false;
    if (v[0] == v[1] || v[1] == v[2] || v[2] == v[0]) return false;
    for (int i = 0; i < 3; ++i) {
      const int h = 3 * t + i;
      const int tw = twin[h];
      if (static_cast<unsigned>(tw) >= static_cast<unsigned>(numHalf)) return false;
      if (twin[tw] != h) return false;
      const auto& w = mesh.triVerts[tw / 3];
      const int twStart = w[tw % 3], twEnd = w[tw % 3 == 2 ? 0 : tw % 3 + 1];
      if (twStart != v[i == 2 ? 0 : i + 1] || twEnd != v[i]) return false;
      ++outgoing[v[i]];
      anyOut[v[i]] = h;
    }
  }
  return FanWalksAreDiscs(mesh, outgoing, anyOut);
}

bool FansManifold(const Mesh& mesh) {
  const int nv = mesh.NumVert();
  const int numHalf = 3 * mesh.NumTri();
  std::vector<int> outgoing(nv, 0);
  std::vector<int> anyOut(nv, -1);
  for (int h = 0; h < numHalf; ++h) {
    const int v = mesh.triVerts[h / 3][h % 3];
    ++outgoing[v];
    anyOut[v] = h;
  }
  return FanWalksAreDiscs(mesh, outgoing, anyOut);
}

Box3 BoundingBox(const Mesh& mesh) {
  Box3 box;
  for (const Vec3& p : mesh.vertPos) box.Include(p);
  return box;
}

void AppendMesh(Mesh& a, const Mesh& b) {
  const int vOff = a.NumVert();
  const int hOff = 3 * a.NumTri();
  a.halfedgeTwin.resize(3 * a.triVerts.size(), -1);
  a.triProp.resize(a.triVerts.size(), 0);
  a.vertPos.insert(a.vertPos.end(), b.vertPos.begin(), b.vertPos.end());
  for (const auto& t : b.triVerts) a.triVerts.push_back({t[0] + vOff, t[1] + vOff, t[2] + vOff});
  for (size_t t = 0; t < b.triVerts.size(); ++t)
    a.triProp.push_back(t < b.triProp.size() ? b.triProp[t] : 0);
  for (size_t h = 0; h < 3 * b.triVerts.size(); ++h) {
    const int tw = h < b.halfedgeTwin.size() ? b.halfedgeTwin[h] : -1;
    a.halfedgeTwin.push_back(tw < 0 ? -1 : tw + hOff);
  }
}

}  // namespace mos::kernel
