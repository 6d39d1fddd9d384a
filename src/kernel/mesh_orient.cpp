// Repair steps on orientation and vertex fans: consistent orientation by
// propagation across shared edges, outward by volume, pinched vertex split.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "kernel/mesh_properties.h"
#include "kernel/mesh_repair_steps.h"

namespace mos::kernel::repair {

namespace {

void Reverse(std::array<int, 3>& t) { std::swap(t[1], t[2]); }

int FindRoot(std::vector<int>& parent, int x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

// Solid angle of triangle (a, b, c) seen from the origin (Van Oosterom and
// Strackee, 1983), signed by orientation.
double SolidAngle(Vec3 a, Vec3 b, Vec3 c) {
  const double la = Length(a), lb = Length(b), lc = Length(c);
  const double num = Dot(a, Cross(b, c));
  const double den = la * lb * lc + Dot(a, b) * lc + Dot(a, c) * lb + Dot(b, c) * la;
  return 2 * std::atan2(num, den);
}

constexpr double kFourPi = 4 * 3.14159265358979323846;
// Triangle visits allowed for the cavity test; beyond it shells are kept.
constexpr int64_t kCavityWorkLimit = 50'000'000;

// Reverses each shell (edge-connected piece) with negative volume unless it
// lies inside a positive shell (then it is a cavity and stays). Returns the
// number of shells reversed.
int OrientShells(Mesh& mesh, const std::vector<int>& shellOf, int numShells) {
  std::vector<std::vector<int>> tris(numShells);
  for (int t = 0; t < mesh.NumTri(); ++t) tris[shellOf[t]].push_back(t);
  std::vector<double> volume(numShells, 0);
  std::vector<Box3> box(numShells);
  std::vector<Vec3> probe(numShells);
  const Box3 all = BoundingBox(mesh);
  const Vec3 ref = all.IsEmpty() ? Vec3{} : all.Center();
  for (int s = 0; s < numShells; ++s) {
    CompensatedSum sum;
    double bestArea = -1;
    for (int t : tris[s]) {
      const auto& v = mesh.triVerts[t];
      const Vec3 a = mesh.vertPos[v[0]] - ref, b = mesh.vertPos[v[1]] - ref,
                 c = mesh.vertPos[v[2]] - ref;
      sum.Add(Dot(a, Cross(b, c)));
      for (int i = 0; i < 3; ++i) box[s].Include(mesh.vertPos[v[i]]);
      const double area = LengthSquared(Cross(b - a, c - a));
      if (area > bestArea) {
        bestArea = area;
        probe[s] = (mesh.vertPos[v[0]] + mesh.vertPos[v[1]] + mesh.vertPos[v[2]]) * (1.0 / 3);
      }
    }
    volume[s] = sum.Value();
  }
  int reversed = 0;
  int64_t work = 0;
  for (int s = 0; s < numShells; ++s) {
    if (!(volume[s] < 0)) continue;
    bool inside = false;
    for (int o = 0; o < numShells && !inside; ++o) {
      if (o == s || !(volume[o] > 0) || !box[o].Contains(probe[s])) continue;
      work += static_cast<int64_t>(tris[o].size());
      if (work > kCavityWorkLimit) {
        inside = true;  // undecided: keep the user's orientation
        break;
      }
      double angle = 0;
      for (int t : tris[o]) {
        const auto& v = mesh.triVerts[t];
        angle += SolidAngle(mesh.vertPos[v[0]] - probe[s], mesh.vertPos[v[1]] - probe[s],
                            mesh.vertPos[v[2]] - probe[s]);
      }
      if (angle / kFourPi > 0.5) inside = true;
    }
    if (inside) continue;
    for (int t : tris[s]) Reverse(mesh.triVerts[t]);
    ++reversed;
  }
  return reversed;
}

}  // namespace

void OrientTriangles(Mesh& mesh, int& flipped, int& conflicts, int& flippedShells,
                     bool& flippedWhole) {
  flipped = 0;
  conflicts = 0;
  flippedShells = 0;
  flippedWhole = false;
  const int numTri = mesh.NumTri();
  // Neighbour across each halfedge, only through edges with exactly two
  // triangles (more is ambiguous, one has nobody).
  std::vector<int> across(3 * numTri, -1);
  const auto uses = SortedEdgeUses(mesh);
  for (size_t i = 0; i < uses.size();) {
    size_t j = i;
    while (j < uses.size() && uses[j].key == uses[i].key) ++j;
    if (j - i == 2) {
      across[uses[i].halfedge] = uses[i + 1].halfedge;
      across[uses[i + 1].halfedge] = uses[i].halfedge;
    }
    i = j;
  }
  // Breadth-first per component; flip[t] says whether t must be reversed
  // relative to the component's seed.
  std::vector<int> flip(numTri, -1);
  std::vector<int> shellOf(numTri, -1);
  int numShells = 0;
  std::vector<int> queue;
  for (int seed = 0; seed < numTri; ++seed) {
    if (flip[seed] >= 0) continue;
    const int shell = numShells++;
    queue.clear();
    queue.push_back(seed);
    flip[seed] = 0;
    for (size_t q = 0; q < queue.size(); ++q) {
      const int t = queue[q];
      for (int i = 0; i < 3; ++i) {
        const int h = 3 * t + i;
        const int o = across[h];
        if (o < 0) continue;
        // Agreeing neighbours run the shared edge in opposite directions.
        const bool sameDirection = HalfedgeStart(mesh, h) == HalfedgeStart(mesh, o);
        const int want = flip[t] ^ (sameDirection ? 1 : 0);
        const int u = o / 3;
        if (flip[u] < 0) {
          flip[u] = want;
          queue.push_back(u);
        } else if (flip[u] != want && o > h) {
          ++conflicts;  // counted once per edge
        }
      }
    }
    // Keep the orientation most of the component's faces already had.
    int count = 0;
    for (int t : queue) {
      count += flip[t];
      shellOf[t] = shell;
    }
    if (2 * count > static_cast<int>(queue.size()))
      for (int t : queue) flip[t] ^= 1;
  }
  for (int t = 0; t < numTri; ++t)
    if (flip[t] == 1) {
      Reverse(mesh.triVerts[t]);
      ++flipped;
    }
  flippedShells = OrientShells(mesh, shellOf, numShells);
  if (SignedVolume(mesh) < 0) {
    for (auto& t : mesh.triVerts) Reverse(t);
    flippedWhole = true;
  }
}

int SplitPinchedVertices(Mesh& mesh) {
  const int numHalf = 3 * mesh.NumTri();
  if (static_cast<int>(mesh.halfedgeTwin.size()) != numHalf) return 0;
  // Corner c = 3t + i is triangle t at vertex triVerts[t][i] (= start of
  // halfedge c). Corners around a vertex are joined when consecutive in a
  // fan: the corner of h and the corner of twin(prev(h)).
  std::vector<int> parent(numHalf);
  std::iota(parent.begin(), parent.end(), 0);
  for (int h = 0; h < numHalf; ++h) {
    const int tw = mesh.halfedgeTwin[PrevHalfedge(h)];
    if (tw < 0) continue;
    const int a = FindRoot(parent, h), b = FindRoot(parent, tw);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  // First fan of each vertex keeps it; every other fan gets a copy.
  std::vector<int> firstFan(mesh.vertPos.size(), -1);
  std::vector<int> fanVertex(numHalf, -1);
  int added = 0;
  for (int h = 0; h < numHalf; ++h) {
    const int v = HalfedgeStart(mesh, h);
    const int fan = FindRoot(parent, h);
    if (fanVertex[fan] < 0) {
      if (firstFan[v] < 0) {
        firstFan[v] = fan;
        fanVertex[fan] = v;
      } else {
        fanVertex[fan] = mesh.NumVert();
        mesh.vertPos.push_back(mesh.vertPos[v]);
        ++added;
      }
    }
    mesh.triVerts[h / 3][h % 3] = fanVertex[fan];
  }
  return added;
}

}  // namespace mos::kernel::repair
