#include "kernel/boolean_operand.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <tuple>

#include "kernel/perturbation_direction.h"

namespace mos::kernel {

bool PairHalfedges(const std::vector<std::array<int, 3>>& tri, std::vector<int>& twin) {
  const int numHe = static_cast<int>(tri.size()) * 3;
  twin.assign(numHe, -1);
  // Key each halfedge by its undirected edge (lo, hi), then by direction
  // (forward first), then by its index; pair the k-th forward with the k-th
  // backward halfedge of each edge. Bucketed by lo (a counting sort that
  // keeps halfedge order), then each bucket (a vertex's few edges)
  // insertion-sorted by (hi, direction): the order a full sort by
  // (lo, hi, direction, halfedge) gives, at linear cost.
  int maxV = -1;
  for (const auto& t : tri) maxV = std::max({maxV, t[0], t[1], t[2]});
  const size_t nb = static_cast<size_t>(maxV) + 1;
  struct Key {
    int hi, dir, he;
    bool operator<(const Key& o) const { return hi != o.hi ? hi < o.hi : dir < o.dir; }
  };
  std::vector<int> start(nb + 2, 0);
  auto lo = [&](int he) {
    const int a = tri[he / 3][he % 3], b = tri[he / 3][he % 3 == 2 ? 0 : he % 3 + 1];
    return std::min(a, b);
  };
  bool ok = true;
  for (int he = 0; he < numHe; ++he) {
    const int l = lo(he);
    if (l < 0) {  // an invalid index: never paired (PrepareOperand drops these)
      ok = false;
      continue;
    }
    ++start[static_cast<size_t>(l) + 2];
  }
  for (size_t v = 0; v < nb; ++v) start[v + 2] += start[v + 1];
  std::vector<Key> keys(static_cast<size_t>(start[nb + 1]));
  for (int he = 0; he < numHe; ++he) {
    const int a = tri[he / 3][he % 3], b = tri[he / 3][he % 3 == 2 ? 0 : he % 3 + 1];
    const int l = std::min(a, b);
    if (l < 0) continue;
    keys[static_cast<size_t>(start[static_cast<size_t>(l) + 1]++)] = Key{std::max(a, b), a < b ? 0 : 1, he};
  }
  for (size_t v = 0; v < nb; ++v) {
    const auto first = keys.begin() + start[v], last = keys.begin() + start[v + 1];
    if (last - first > 32) {  // a vertex of high valence: no quadratic insertion sort
      std::sort(first, last, [](const Key& x, const Key& y) { return x < y || (!(y < x) && x.he < y.he); });
    } else {
      for (auto i = first + (first != last ? 1 : 0); i < last; ++i) {  // stable insertion sort
        const Key x = *i;
        auto j = i;
        for (; j != first && x < *(j - 1); --j) *j = *(j - 1);
        *j = x;
      }
    }
    for (auto i = first; i != last;) {
      auto j = i;
      while (j != last && j->hi == i->hi) ++j;
      // [i, j): forward ones first, then backward ones; pair them in order.
      auto mid = i;
      while (mid != j && mid->dir == 0) ++mid;
      const long nF = mid - i, nB = j - mid;
      if (nF != 1 || nB != 1) ok = false;
      for (long k = 0; k < std::min(nF, nB); ++k) {
        const int a = (i + k)->he, b = (mid + k)->he;
        twin[a] = b;
        twin[b] = a;
      }
      i = j;
    }
  }
  for (int he = 0; he < numHe; ++he)
    if (twin[he] < 0) ok = false;
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
    Vec3 n = Cross(op.pos[tv[1]] - op.pos[tv[0]], op.pos[tv[2]] - op.pos[tv[0]]);
    const double len = Length(n);
    n = len > 0 ? n * (1.0 / len) : Vec3{};
    op.faceNormal[t] = n;
    for (int i = 0; i < 3; ++i) {
      const Vec3 e1 = op.pos[tv[(i + 1) % 3]] - op.pos[tv[i]];
      const Vec3 e2 = op.pos[tv[(i + 2) % 3]] - op.pos[tv[i]];
      const double l1 = Length(e1);
      const double l2 = Length(e2);
      if (l1 == 0 || l2 == 0) continue;
      const double c = std::max(-1.0, std::min(1.0, Dot(e1, e2) / (l1 * l2)));
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
