// Halfedge construction and the closed / manifold / oriented check.
#include "kernel/mesh.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "kernel/edge_table.h"

namespace mos::kernel {

namespace {

// Walks the fan cycle through halfedge h (each step: the previous
// halfedge of the triangle, then its twin), marking it in `seen`. False
// when a twin is out of range or the walk meets a marked halfedge before
// closing (the twins are not a permutation).
bool WalkFanCycle(const int* twin, int numHalf, std::vector<char>& seen, int h) {
  int g = h;
  do {
    seen[static_cast<size_t>(g)] = 1;
    const int prev = g % 3 == 0 ? g + 2 : g - 1;
    g = twin[prev];
    if (static_cast<unsigned>(g) >= static_cast<unsigned>(numHalf)) return false;
    if (seen[static_cast<size_t>(g)] && g != h) return false;
  } while (g != h);
  return true;
}

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

  // Each edge's halfedges from one pass over an edge table (no sort).
  // Only edges used exactly twice, in opposite directions, are paired.
  bool ok = true;
  EdgeTable table(static_cast<size_t>(numHalf));
  auto usable = [nv](int a, int b) {
    return static_cast<unsigned>(a) < static_cast<unsigned>(nv) &&
           static_cast<unsigned>(b) < static_cast<unsigned>(nv) && a != b;
  };
  const unsigned numVert = static_cast<unsigned>(nv);
  for (int t = 0; t < numTri; ++t) {
    const int v0 = mesh.triVerts[t][0], v1 = mesh.triVerts[t][1], v2 = mesh.triVerts[t][2];
    // usable(v0, v1) && usable(v1, v2) && usable(v2, v0), in fewer tests:
    // every corner in range (the largest as unsigned) and no two equal.
    const unsigned top = std::max(std::max(static_cast<unsigned>(v0), static_cast<unsigned>(v1)), static_cast<unsigned>(v2));
    if (top < numVert && v0 != v1 && v1 != v2 && v2 != v0) {
      table.Add(v0, v1, 3 * t);
      table.Add(v1, v2, 3 * t + 1);
      table.Add(v2, v0, 3 * t + 2);
      continue;
    }
    ok = false;  // an invalid index or a degenerate edge: never paired
    if (usable(v0, v1)) table.Add(v0, v1, 3 * t);
    if (usable(v1, v2)) table.Add(v1, v2, 3 * t + 1);
    if (usable(v2, v0)) table.Add(v2, v0, 3 * t + 2);
  }
  // One halfedge, two the same way, or more than two: an open edge, an
  // inconsistent orientation or a non-manifold edge; left unpaired.
  for (int i = 0; i < table.NumEdges(); ++i) {
    const EdgeTable::Edge& e = table.GetEdge(i);
    if (e.second < 0) {
      ok = false;
      continue;
    }
    mesh.halfedgeTwin[e.first] = e.second;
    mesh.halfedgeTwin[e.second] = e.first;
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

// With the twins of a successful BuildHalfedges (every halfedge paired
// with the one other halfedge of its edge, running the other way), the
// step h -> twin[prev(h)] permutes the halfedges leaving each vertex, and
// no two of them run to one neighbour (they would share their edge the
// same way round, which BuildHalfedges leaves unpaired). So each used
// vertex has one fan exactly when the permutation has as many cycles as
// there are used vertices (each has at least one): one mark per halfedge,
// no per-vertex walk. A twin that is not such a permutation answers false.
#ifdef MOS_CHECK_ASSEMBLE_LOCAL
namespace {
// The fan walks per vertex (the former FansManifold), for the check build.
bool FansManifoldByWalks(const Mesh& mesh) {
  const int nv = mesh.NumVert();
  std::vector<int> outgoing(nv, 0);
  std::vector<int> anyOut(nv, -1);
  for (int h = 0; h < 3 * mesh.NumTri(); ++h) {
    const int v = mesh.triVerts[h / 3][h % 3];
    ++outgoing[v];
    anyOut[v] = h;
  }
  return FanWalksAreDiscs(mesh, outgoing, anyOut);
}
bool FansManifoldByCycles(const Mesh& mesh);
}  // namespace

bool FansManifold(const Mesh& mesh) {
  const bool cycles = FansManifoldByCycles(mesh);
  if (cycles != FansManifoldByWalks(mesh)) std::abort();
  return cycles;
}

namespace {
bool FansManifoldByCycles(const Mesh& mesh) {
#else
bool FansManifold(const Mesh& mesh) {
#endif
  const int nv = mesh.NumVert();
  const int numHalf = 3 * mesh.NumTri();
  if (static_cast<int>(mesh.halfedgeTwin.size()) != numHalf) return false;
  std::vector<char> used(static_cast<size_t>(nv), 0);
  size_t numUsed = 0;
  for (const auto& t : mesh.triVerts)
    for (int v : t) {
      if (static_cast<unsigned>(v) >= static_cast<unsigned>(nv)) return false;
      numUsed += used[static_cast<size_t>(v)] == 0;
      used[static_cast<size_t>(v)] = 1;
    }
  const int* twin = mesh.halfedgeTwin.data();
  std::vector<char> seen(static_cast<size_t>(numHalf), 0);
  size_t cycles = 0;
  for (int h = 0; h < numHalf; ++h) {
    if (seen[static_cast<size_t>(h)]) continue;
    if (++cycles > numUsed) return false;
    if (!WalkFanCycle(twin, numHalf, seen, h)) return false;
  }
  return cycles == numUsed;
}
#ifdef MOS_CHECK_ASSEMBLE_LOCAL
}  // namespace
#endif

bool FansManifoldAt(const Mesh& mesh, const std::vector<int>& tris) {
  const int nv = mesh.NumVert();
  const int numHalf = 3 * mesh.NumTri();
  if (static_cast<int>(mesh.halfedgeTwin.size()) != numHalf) return false;
  const int* twin = mesh.halfedgeTwin.data();
  std::vector<char> seen(static_cast<size_t>(numHalf), 0);
  std::vector<char> hasFan(static_cast<size_t>(nv), 0);
  // Each listed corner's outgoing halfedge lies on its vertex's fan: the
  // first one met walks that fan (marking it), any later one not on it
  // starts a second fan.
  for (int t : tris) {
    if (static_cast<unsigned>(t) >= static_cast<unsigned>(mesh.NumTri())) return false;
    for (int j = 0; j < 3; ++j) {
      const int h = 3 * t + j;
      if (seen[static_cast<size_t>(h)]) continue;
      const int v = mesh.triVerts[static_cast<size_t>(t)][j];
      if (static_cast<unsigned>(v) >= static_cast<unsigned>(nv)) return false;
      if (hasFan[static_cast<size_t>(v)]) return false;
      hasFan[static_cast<size_t>(v)] = 1;
      if (!WalkFanCycle(twin, numHalf, seen, h)) return false;
    }
  }
  return true;
}

Box3 BoundingBox(const Mesh& mesh) {
  Box3 box;
  for (const Vec3& p : mesh.vertPos) box.Include(p);
  return box;
}

void AppendMesh(Mesh& a, const Mesh& b) {
  const int vOff = a.NumVert();
  const size_t aTri = a.triVerts.size(), bTri = b.triVerts.size();
  const int hOff = static_cast<int>(3 * aTri);
  // Sized once and written by index: a disjoint union appends many parts,
  // and per-element push_back was most of its cost (sphere rows).
  a.halfedgeTwin.resize(3 * aTri, -1);
  a.triProp.resize(aTri, 0);
  a.vertPos.insert(a.vertPos.end(), b.vertPos.begin(), b.vertPos.end());
  a.triVerts.resize(aTri + bTri);
  for (size_t t = 0; t < bTri; ++t) {
    const auto& tv = b.triVerts[t];
    a.triVerts[aTri + t] = {tv[0] + vOff, tv[1] + vOff, tv[2] + vOff};
  }
  a.triProp.resize(aTri + bTri, 0);
  const size_t bProps = std::min(b.triProp.size(), bTri);
  std::copy(b.triProp.begin(), b.triProp.begin() + static_cast<std::ptrdiff_t>(bProps),
            a.triProp.begin() + static_cast<std::ptrdiff_t>(aTri));
  a.halfedgeTwin.resize(3 * (aTri + bTri), -1);
  const size_t bTwins = std::min(b.halfedgeTwin.size(), 3 * bTri);
  int* out = a.halfedgeTwin.data() + 3 * aTri;
  for (size_t h = 0; h < bTwins; ++h) {
    const int tw = b.halfedgeTwin[h];
    out[h] = tw < 0 ? -1 : tw + hOff;
  }
}

}  // namespace mos::kernel
