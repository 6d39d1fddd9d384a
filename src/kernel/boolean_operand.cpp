#include "kernel/boolean_operand.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <tuple>

#include "kernel/edge_table.h"
#include "kernel/perturbation_direction.h"

namespace mos::kernel {

bool PairHalfedges(const std::vector<std::array<int, 3>>& tri, std::vector<int>& twin) {
  const int numHe = static_cast<int>(tri.size()) * 3;
  twin.assign(numHe, -1);
  // Each edge's halfedges from an edge table (no sort). An edge with one
  // forward and one backward halfedge pairs them; any other count leaves
  // the mesh not closed, and its k-th forward halfedge pairs with its k-th
  // backward one (by halfedge index), below.
  bool ok = true;
  EdgeTable table(static_cast<size_t>(numHe));
  auto corners = [&](int he, int& a, int& b) {
    a = tri[he / 3][he % 3];
    b = tri[he / 3][he % 3 == 2 ? 0 : he % 3 + 1];
    return a >= 0 && b >= 0 && a != b;  // else: never paired
  };
  for (int he = 0; he < numHe; ++he) {
    int a, b;
    if (!corners(he, a, b)) {
      ok = false;
      continue;
    }
    table.Add(a, b, he);
  }
  bool irregular = false;
  for (int i = 0; i < table.NumEdges(); ++i) {
    const EdgeTable::Edge& e = table.GetEdge(i);
    if (e.second == EdgeTable::kIrregular) irregular = true;
    if (e.second < 0) {
      ok = false;
      continue;
    }
    twin[e.first] = e.second;
    twin[e.second] = e.first;
  }
  if (irregular) {
    // (edge, backward, halfedge) of every halfedge of an edge with two
    // halfedges the same way or more than two.
    std::vector<std::array<int, 3>> keys;
    for (int he = 0; he < numHe; ++he) {
      int a, b;
      if (!corners(he, a, b)) continue;
      const int edge = table.Find(a, b);
      if (table.GetEdge(edge).second == EdgeTable::kIrregular) keys.push_back({edge, a < b ? 0 : 1, he});
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
      size_t j = i, mid = i;
      while (j < keys.size() && keys[j][0] == keys[i][0]) ++j;
      while (mid < j && keys[mid][1] == 0) ++mid;
      for (size_t k = 0; i + k < mid && mid + k < j; ++k) {
        twin[keys[i + k][2]] = keys[mid + k][2];
        twin[keys[mid + k][2]] = keys[i + k][2];
      }
      i = j;
    }
  }
  return ok;
}

namespace {

// PrepareOperand; `closedTwins`: the mesh is known to be closed and
// manifold with its halfedgeTwin complete (every index valid, the pairing
// unique), so its twins are what PairHalfedges would give.
BoolOperand Prepare(const Mesh& mesh, bool closedTwins) {
  BoolOperand op;
  op.pos = mesh.vertPos;
  const int nv = mesh.NumVert();
  if (closedTwins && mesh.halfedgeTwin.size() == 3 * mesh.triVerts.size()) {
    op.tri = mesh.triVerts;
    op.prop.assign(mesh.triProp.begin(), mesh.triProp.begin() + std::min(mesh.triProp.size(), op.tri.size()));
    op.prop.resize(op.tri.size(), 0u);
    op.twin = mesh.halfedgeTwin;
    op.closed = true;
  } else {
    for (int t = 0; t < mesh.NumTri(); ++t) {
      const auto& tv = mesh.triVerts[t];
      if (tv[0] < 0 || tv[1] < 0 || tv[2] < 0 || tv[0] >= nv || tv[1] >= nv || tv[2] >= nv) continue;
      op.tri.push_back(tv);
      op.prop.push_back(t < static_cast<int>(mesh.triProp.size()) ? mesh.triProp[t] : 0u);
    }
    op.closed = PairHalfedges(op.tri, op.twin);
  }
  for (const Vec3& p : op.pos) {
    op.box.Include(p);
    op.noNan = op.noNan && p.x == p.x && p.y == p.y && p.z == p.z;
  }
  op.faceNormal.resize(op.tri.size());
  op.vertNormal.assign(op.pos.size(), Vec3{});
  for (size_t t = 0; t < op.tri.size(); ++t) {
    const auto& tv = op.tri[t];
    // The edges from each corner to the next, and their lengths, once:
    // corner i's two edges are edge[i] and -edge[i + 2] (a - b is exactly
    // -(b - a), so these are the very values p[i + 1] - p[i] and
    // p[i + 2] - p[i] would give).
    const Vec3 p0 = op.pos[tv[0]], p1 = op.pos[tv[1]], p2 = op.pos[tv[2]];
    const Vec3 edge[3] = {p1 - p0, p2 - p1, p0 - p2};
    const Vec3 back[3] = {-edge[0], -edge[1], -edge[2]};
    const double len[3] = {Length(edge[0]), Length(edge[1]), Length(edge[2])};
    Vec3 n = Cross(edge[0], back[2]);
    const double nLen = Length(n);
    n = nLen > 0 ? n * (1.0 / nLen) : Vec3{};
    op.faceNormal[t] = n;
    for (int i = 0; i < 3; ++i) {
      const int before = i == 0 ? 2 : i - 1;
      const double l1 = len[i];
      const double l2 = len[before];
      if (l1 == 0 || l2 == 0) continue;
      const double c = std::max(-1.0, std::min(1.0, Dot(edge[i], back[before]) / (l1 * l2)));
      op.vertNormal[tv[i]] = op.vertNormal[tv[i]] + n * std::acos(c);
    }
  }
  std::vector<Box3> triBoxes(op.tri.size());
  for (size_t t = 0; t < op.tri.size(); ++t)
    for (int i = 0; i < 3; ++i) triBoxes[t].Include(op.pos[op.tri[t][i]]);
  op.triBvh.Build(triBoxes);
  for (Vec3& n : op.vertNormal) {
    const double len = Length(n);
    if (len > 0) n = n * (1.0 / len);
  }
  // Where a pseudo-normal points to the inner side of a face around its
  // vertex, that face would not move as one piece (a slit where it lies
  // in the other operand's face).
  op.stuckVerts = MakeDirectionsOutward(op.tri, op.faceNormal, op.vertNormal);
  return op;
}

}  // namespace

BoolOperand PrepareOperand(const Mesh& mesh) { return Prepare(mesh, false); }

namespace {

// A multiply-xorshift step per 64-bit word; two lanes with different
// constants so a collision would have to hit both.
struct TwoLaneHash {
  uint64_t a = 0x243F6A8885A308D3ull, b = 0x13198A2E03707344ull;
  void Add(uint64_t w) {
    a = (a ^ w) * 0x9E3779B97F4A7C15ull;
    a ^= a >> 29;
    b = (b + w) * 0xC2B2AE3D27D4EB4Full;
    b ^= b >> 31;
  }
};

}  // namespace

MeshFingerprint FingerprintOf(const Mesh& mesh) {
  TwoLaneHash h;
  for (const Vec3& p : mesh.vertPos) {
    uint64_t w[3];
    static_assert(sizeof(w) == sizeof(Vec3), "Vec3 is three doubles");
    std::memcpy(w, &p, sizeof(w));
    h.Add(w[0]);
    h.Add(w[1]);
    h.Add(w[2]);
  }
  for (const auto& t : mesh.triVerts) {
    h.Add((static_cast<uint64_t>(static_cast<uint32_t>(t[0])) << 32) | static_cast<uint32_t>(t[1]));
    h.Add(static_cast<uint32_t>(t[2]));
  }
  MeshFingerprint f;
  f.numVert = mesh.vertPos.size();
  f.numTri = mesh.triVerts.size();
  f.h1 = h.a;
  f.h2 = h.b;
  return f;
}

BoolOperand PrepareOperandCached(const Mesh& mesh) {
  const MeshFingerprint fp = FingerprintOf(mesh);
  auto withProps = [&](BoolOperand op) {
    op.prop.assign(mesh.triProp.begin(), mesh.triProp.begin() + std::min(mesh.triProp.size(), op.tri.size()));
    op.prop.resize(op.tri.size(), 0u);
    return op;
  };
  bool closedTwins = false;
  if (std::shared_ptr<PreparedSlot> slot = mesh.prepared) {
    std::shared_ptr<const PreparedOperand> data;
    {
      std::lock_guard<std::mutex> lock(slot->mutex);
      data = slot->data;
      closedTwins = slot->closedTwinsKnown && slot->closedTwins == fp;
    }
    if (data && data->fingerprint == fp) return withProps(data->operand);
  }
  BoolOperand op = Prepare(mesh, closedTwins);
  // Kept only when no triangle was dropped (then properties map 1:1).
  if (op.tri.size() == mesh.triVerts.size()) {
    auto data = std::make_shared<PreparedOperand>();
    data->fingerprint = fp;
    data->operand = op;
    data->operand.prop.clear();
    data->operand.prop.shrink_to_fit();
    std::shared_ptr<PreparedSlot> slot = mesh.prepared;
    bool fresh = !slot;
    if (slot) {
      std::lock_guard<std::mutex> lock(slot->mutex);
      // Another copy (other content) uses this slot: give this mesh its own.
      if (slot->data && !(slot->data->fingerprint == fp)) fresh = true;
      else slot->data = data;
    }
    if (fresh) {
      slot = std::make_shared<PreparedSlot>();
      slot->data = data;
      mesh.prepared = slot;
    }
  }
  return op;
}

}  // namespace mos::kernel
