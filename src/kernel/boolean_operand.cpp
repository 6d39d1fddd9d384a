#include "kernel/boolean_operand.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <tuple>

#include "kernel/acos_memo.h"
#include "kernel/edge_table.h"
#include "kernel/recent_prepared.h"
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

// Whether `mesh`'s stored halfedgeTwin is what PairHalfedges gives with
// every halfedge paired: every corner valid, every halfedge's twin runs
// the opposite way and has it as its twin, and no directed edge repeats
// (then each edge has one halfedge each way: the pairing is unique). Cheaper
// than pairing again (no table): a mesh from a primitive or a boolean comes
// with its twins.
bool StoredTwinsArePairing(const Mesh& mesh) {
  const size_t nt = mesh.triVerts.size();
  const int nv = mesh.NumVert();
  const std::vector<int>& twin = mesh.halfedgeTwin;
  if (twin.size() != 3 * nt || nt == 0) return false;
  const int numHe = static_cast<int>(3 * nt);
  const std::array<int, 3>* tri = mesh.triVerts.data();
  const int* tw = twin.data();
  static constexpr int kNext[3] = {1, 2, 0};
  // Halfedge he starts at corner he (triangle he / 3, corner he % 3).
  static_assert(sizeof(std::array<int, 3>) == 3 * sizeof(int), "corners packed");
  const int* start = tri->data();
  std::vector<int> first(static_cast<size_t>(nv) + 1, 0);  // outgoing halfedges by start vertex
  // Each halfedge's twin must start where it ends; its twin's end is then
  // checked at the twin (mutual twins: the twin's twin starts where the
  // twin ends), so every twin also ends where its halfedge starts.
  for (size_t t = 0; t < nt; ++t) {
    const std::array<int, 3>& tv = tri[t];
    for (int i = 0; i < 3; ++i) {
      const int a = tv[i], b = tv[kNext[i]];
      if (static_cast<unsigned>(a) >= static_cast<unsigned>(nv) || a == b) return false;
      const int o = tw[3 * t + i];
      if (static_cast<unsigned>(o) >= static_cast<unsigned>(numHe) || tw[o] != static_cast<int>(3 * t) + i) return false;
      if (start[o] != b) return false;
      ++first[static_cast<size_t>(a) + 1];
    }
  }
  for (int v = 0; v < nv; ++v) first[v + 1] += first[v];
  // (Every entry is written by the scatter below: not zero-filled first.)
  std::unique_ptr<int[]> ends(new int[static_cast<size_t>(numHe)]);
  for (size_t t = 0; t < nt; ++t) {
    const std::array<int, 3>& tv = tri[t];
    ends[static_cast<size_t>(first[tv[0]]++)] = tv[1];
    ends[static_cast<size_t>(first[tv[1]]++)] = tv[2];
    ends[static_cast<size_t>(first[tv[2]]++)] = tv[0];
  }
  // first[v] is now where v's run ends: v's run is [first[v - 1], first[v]).
  std::vector<int> stamp(static_cast<size_t>(nv), -1);
  int runStart = 0;
  for (int v = 0; v < nv; ++v) {
    const int runEnd = first[v];
    for (int k = runStart; k < runEnd; ++k) {
      int& s = stamp[static_cast<size_t>(ends[static_cast<size_t>(k)])];
      if (s == v) return false;
      s = v;
    }
    runStart = runEnd;
  }
  return true;
}

// The box of the positions (and whether none is NaN), as a preparation
// has it.
void BoxOf(const std::vector<Vec3>& pos, Box3& box, bool& noNan) {
  box = Box3{};
  noNan = true;
  for (const Vec3& p : pos) {
    box.Include(p);
    noNan = noNan && p.x == p.x && p.y == p.y && p.z == p.z;
  }
}

// The first part of a preparation: positions, triangles, properties,
// twins, box. `closedTwins`: the mesh is known to be closed and manifold
// with its halfedgeTwin complete (every index valid, the pairing unique),
// so its twins are what PairHalfedges would give. `box` (optional): the
// positions' box, already found.
BoolOperand PrepareTopology(const Mesh& mesh, bool closedTwins, const Box3* box = nullptr, bool noNan = true) {
  BoolOperand op;
  op.pos = mesh.vertPos;
  const int nv = mesh.NumVert();
  if ((closedTwins && mesh.halfedgeTwin.size() == 3 * mesh.triVerts.size()) || StoredTwinsArePairing(mesh)) {
    op.tri = mesh.triVerts;
    op.prop.assign(mesh.triProp.begin(), mesh.triProp.begin() + std::min(mesh.triProp.size(), op.tri.size()));
    op.prop.resize(op.tri.size(), 0u);
    op.twin = mesh.halfedgeTwin;
    op.closed = true;
    op.fansKnown = closedTwins && mesh.halfedgeTwin.size() == 3 * mesh.triVerts.size();
  } else {
    for (int t = 0; t < mesh.NumTri(); ++t) {
      const auto& tv = mesh.triVerts[t];
      if (tv[0] < 0 || tv[1] < 0 || tv[2] < 0 || tv[0] >= nv || tv[1] >= nv || tv[2] >= nv) continue;
      op.tri.push_back(tv);
      op.prop.push_back(t < static_cast<int>(mesh.triProp.size()) ? mesh.triProp[t] : 0u);
    }
    op.closed = PairHalfedges(op.tri, op.twin);
  }
  if (box) {
    op.box = *box;
    op.noNan = noNan;
  } else {
    BoxOf(op.pos, op.box, op.noNan);
  }
  return op;
}

// Triangle t's unit normal (zero when degenerate), and the angle-weighted
// normal's share of each corner with want(corner vertex) added to vertNormal.
// `box` (optional): set to the triangle's box, from the corners loaded here.
// The corners' acos values, per thread (see acos_memo.h).
thread_local AcosMemo acosMemo;

template <class Want>
void AddTriangleNormals(BoolOperand& op, size_t t, AcosMemo& acos, Want&& want, Box3* box = nullptr) {
  const auto& tv = op.tri[t];
  // The edges from each corner to the next, and their lengths, once:
  // corner i's two edges are edge[i] and -edge[i + 2] (a - b is exactly
  // -(b - a), so these are the very values p[i + 1] - p[i] and
  // p[i + 2] - p[i] would give).
  const Vec3 p0 = op.pos[tv[0]], p1 = op.pos[tv[1]], p2 = op.pos[tv[2]];
  if (box) {
    Box3 b;  // Include from the empty box, corner by corner, as TriangleBoxes
    b.Include(p0);
    b.Include(p1);
    b.Include(p2);
    *box = b;
  }
  const Vec3 edge[3] = {p1 - p0, p2 - p1, p0 - p2};
  const Vec3 back[3] = {-edge[0], -edge[1], -edge[2]};
  const double len[3] = {Length(edge[0]), Length(edge[1]), Length(edge[2])};
  Vec3 n = Cross(edge[0], back[2]);
  const double nLen = Length(n);
  n = nLen > 0 ? n * (1.0 / nLen) : Vec3{};
  op.faceNormal[t] = n;
  // The wanted corners' cosines before the first acos call, so that the
  // edges and lengths are not saved and reloaded around each call; then
  // each corner's share, in corner order as before.
  double c[3];
  bool add[3];
  for (int i = 0; i < 3; ++i) {
    const int before = i == 0 ? 2 : i - 1;
    const double l1 = len[i];
    const double l2 = len[before];
    add[i] = want(tv[i]) && !(l1 == 0 || l2 == 0);
    c[i] = add[i] ? std::max(-1.0, std::min(1.0, Dot(edge[i], back[before]) / (l1 * l2))) : 0.0;
  }
  for (int i = 0; i < 3; ++i)
    if (add[i]) op.vertNormal[tv[i]] = op.vertNormal[tv[i]] + n * acos(c[i]);
}

void NormalizeInPlace(Vec3& n) {
  const double len = Length(n);
  if (len > 0) n = n * (1.0 / len);
}

// AddTriangleNormals over every triangle with every corner wanted, and
// the triangles' boxes: the same expressions in the same order (so the
// same bits), written over plain pointers held in registers (the vectors'
// storage is not reloaded after each store) and with the box from the
// corners directly (Include from the empty box gives the first corner,
// then the same comparisons).
void AddAllTriangleNormals(BoolOperand& op, AcosMemo& memo, Box3* boxes) {
  const size_t nt = op.tri.size();
  const std::array<int, 3>* const tri = op.tri.data();
  const double* const pos = &op.pos.data()->x;  // x, y, z of each vertex
  static_assert(sizeof(Vec3) == 3 * sizeof(double), "Vec3 is three doubles");
  Vec3* const faceNormal = op.faceNormal.data();
  Vec3* const vertNormal = op.vertNormal.data();
  const AcosMemo::Ref acos(memo);
  for (size_t t = 0; t < nt; ++t) {
    const int v0 = tri[t][0], v1 = tri[t][1], v2 = tri[t][2];
    const double* q0 = pos + 3 * static_cast<size_t>(v0);
    const double* q1 = pos + 3 * static_cast<size_t>(v1);
    const double* q2 = pos + 3 * static_cast<size_t>(v2);
    const double x0 = q0[0], y0 = q0[1], z0 = q0[2];
    const double x1 = q1[0], y1 = q1[1], z1 = q1[2];
    const double x2 = q2[0], y2 = q2[1], z2 = q2[2];
    {
      // Include(p0), Include(p1), Include(p2) from the empty box (Min and
      // Max of vec.h: the first Include gives p0 whatever it holds).
      Box3& b = boxes[t];
      const double ax = x0 < x1 ? x0 : x1, ay = y0 < y1 ? y0 : y1, az = z0 < z1 ? z0 : z1;
      const double bx = x0 > x1 ? x0 : x1, by = y0 > y1 ? y0 : y1, bz = z0 > z1 ? z0 : z1;
      b.min = Vec3{ax < x2 ? ax : x2, ay < y2 ? ay : y2, az < z2 ? az : z2};
      b.max = Vec3{bx > x2 ? bx : x2, by > y2 ? by : y2, bz > z2 ? bz : z2};
    }
    // edge[i] from corner i to the next, back[i] = -edge[i] (as in
    // AddTriangleNormals).
    const double e0x = x1 - x0, e0y = y1 - y0, e0z = z1 - z0;
    const double e1x = x2 - x1, e1y = y2 - y1, e1z = z2 - z1;
    const double e2x = x0 - x2, e2y = y0 - y2, e2z = z0 - z2;
    const double l0 = std::sqrt(e0x * e0x + e0y * e0y + e0z * e0z);
    const double l1 = std::sqrt(e1x * e1x + e1y * e1y + e1z * e1z);
    const double l2 = std::sqrt(e2x * e2x + e2y * e2y + e2z * e2z);
    // Cross(edge[0], back[2]).
    const double b2x = -e2x, b2y = -e2y, b2z = -e2z;
    double nx = e0y * b2z - e0z * b2y, ny = e0z * b2x - e0x * b2z, nz = e0x * b2y - e0y * b2x;
    const double nLen = std::sqrt(nx * nx + ny * ny + nz * nz);
    if (nLen > 0) {
      const double s = 1.0 / nLen;
      nx = nx * s;
      ny = ny * s;
      nz = nz * s;
    } else {
      nx = ny = nz = 0;
    }
    faceNormal[t] = Vec3{nx, ny, nz};
    // Corner i's cosine: Dot(edge[i], back[i - 1]) / (len[i] * len[i - 1]).
    const bool add0 = !(l0 == 0 || l2 == 0), add1 = !(l1 == 0 || l0 == 0), add2 = !(l2 == 0 || l1 == 0);
    const double c0 = add0 ? std::max(-1.0, std::min(1.0, (e0x * b2x + e0y * b2y + e0z * b2z) / (l0 * l2))) : 0.0;
    const double c1 =
        add1 ? std::max(-1.0, std::min(1.0, (e1x * -e0x + e1y * -e0y + e1z * -e0z) / (l1 * l0))) : 0.0;
    const double c2 =
        add2 ? std::max(-1.0, std::min(1.0, (e2x * -e1x + e2y * -e1y + e2z * -e1z) / (l2 * l1))) : 0.0;
    if (add0) {
      const double w = acos(c0);
      Vec3& m = vertNormal[v0];
      m = Vec3{m.x + nx * w, m.y + ny * w, m.z + nz * w};
    }
    if (add1) {
      const double w = acos(c1);
      Vec3& m = vertNormal[v1];
      m = Vec3{m.x + nx * w, m.y + ny * w, m.z + nz * w};
    }
    if (add2) {
      const double w = acos(c2);
      Vec3& m = vertNormal[v2];
      m = Vec3{m.x + nx * w, m.y + ny * w, m.z + nz * w};
    }
  }
}

// The rest of a whole preparation: normals, perturbation directions, BVH.
void PrepareGeometry(BoolOperand& op) {
  const size_t nt = op.tri.size();
  op.faceNormal.resize(nt);
  op.vertNormal.assign(op.pos.size(), Vec3{});
  // The triangles' boxes, made in the same pass as the normals: storage
  // every box of which that pass writes (not filled first; an array of
  // bytes holds the boxes, C++20's implicit object creation).
  std::unique_ptr<unsigned char[]> boxStorage(new unsigned char[(nt > 0 ? nt : 1) * sizeof(Box3)]);
  Box3* const triBoxes = reinterpret_cast<Box3*>(boxStorage.get());
  AcosMemo& acos = acosMemo;
  acos.Ready();
#ifdef MOS_CHECK_PREPARE_LOOP
  // Check build: the loop over plain pointers gives AddTriangleNormals's
  // bits (normals, boxes).
  {
    BoolOperand ref = op;
    std::vector<Box3> refBoxes(nt);
    for (size_t t = 0; t < nt; ++t) AddTriangleNormals(ref, t, acos, [](int) { return true; }, &refBoxes[t]);
    AddAllTriangleNormals(op, acos, triBoxes);
    if ((nt > 0 && (std::memcmp(ref.faceNormal.data(), op.faceNormal.data(), nt * sizeof(Vec3)) != 0 ||
                    std::memcmp(refBoxes.data(), triBoxes, nt * sizeof(Box3)) != 0)) ||
        (!op.vertNormal.empty() &&
         std::memcmp(ref.vertNormal.data(), op.vertNormal.data(), op.vertNormal.size() * sizeof(Vec3)) != 0))
      std::abort();
  }
#else
  AddAllTriangleNormals(op, acos, triBoxes);
#endif
  op.triBvh.Build(triBoxes, nt);
  for (Vec3& n : op.vertNormal) NormalizeInPlace(n);
  // Where a pseudo-normal points to the inner side of a face around its
  // vertex, that face would not move as one piece (a slit where it lies
  // in the other operand's face).
  op.stuckVerts = MakeDirectionsOutward(op.tri, op.faceNormal, op.vertNormal);
}

// The rest of a windowed preparation (see BoolOperand::windowed): `column`
// the triangles in the window's column, ascending, with their boxes. The
// values it computes are bit for bit those of PrepareGeometry (the same
// triangles, in the same order, add to each vertex of the window).
void PrepareGeometryWindowed(BoolOperand& op, std::vector<int> column, const std::vector<Box3>& columnBoxes) {
  op.windowed = true;
  const size_t nv = op.pos.size(), nt = op.tri.size();
  std::vector<char> inWindow(nv, 0);
  std::vector<int> windowVerts;
  for (int t : column)
    for (int v : op.tri[t])
      if (!inWindow[v]) {
        inWindow[v] = 1;
        windowVerts.push_back(v);
      }
#ifdef MOS_CHECK_WINDOW  // verification builds: what the window leaves out is NaN, so a read shows
  const double nan = std::numeric_limits<double>::quiet_NaN();
  op.faceNormal.assign(nt, Vec3{nan, nan, nan});
  op.vertNormal.assign(nv, Vec3{nan, nan, nan});
  for (int v : windowVerts) op.vertNormal[v] = Vec3{};
  std::vector<char> used(nv, 0);
  for (const auto& tv : op.tri) used[tv[0]] = used[tv[1]] = used[tv[2]] = 1;
  for (size_t v = 0; v < nv; ++v)
    if (!used[v]) op.vertNormal[v] = Vec3{};  // zero in a whole preparation too
#else
  op.faceNormal.assign(nt, Vec3{});
  op.vertNormal.assign(nv, Vec3{});
#endif
  std::vector<int> around;  // the triangles around the window's vertices
  AcosMemo& acos = acosMemo;
  acos.Ready();
  for (size_t t = 0; t < nt; ++t) {
    const auto& tv = op.tri[t];
    if (!inWindow[tv[0]] && !inWindow[tv[1]] && !inWindow[tv[2]]) continue;
    around.push_back(static_cast<int>(t));
    AddTriangleNormals(op, t, acos, [&](int v) { return inWindow[v] != 0; });
  }
  op.triBvh.Build(columnBoxes, column);
  for (int v : windowVerts) NormalizeInPlace(op.vertNormal[v]);
  op.stuckVerts = MakeDirectionsOutwardAt(op.tri, op.faceNormal, op.vertNormal, around, inWindow);
  op.windowTris = std::move(column);
}

BoolOperand Prepare(const Mesh& mesh, bool closedTwins) {
  BoolOperand op = PrepareTopology(mesh, closedTwins);
  PrepareGeometry(op);
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

MeshFingerprint TriangleFingerprintOf(const Mesh& mesh) {
  TwoLaneHash t;
  for (const auto& tv : mesh.triVerts) {
    t.Add((static_cast<uint64_t>(static_cast<uint32_t>(tv[0])) << 32) | static_cast<uint32_t>(tv[1]));
    t.Add(static_cast<uint32_t>(tv[2]));
  }
  MeshFingerprint f;
  f.numVert = mesh.vertPos.size();
  f.numTri = mesh.triVerts.size();
  f.t1 = t.a;
  f.t2 = t.b;
  return f;
}

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
  MeshFingerprint f = TriangleFingerprintOf(mesh);
  f.h1 = h.a;
  f.h2 = h.b;
  return f;
}

namespace {

// What Mesh::prepared holds for a mesh of this content.
struct CacheLookup {
  bool haveFingerprint = false;
  MeshFingerprint fingerprint;
  bool closedTwins = false;
  bool windowedBefore = false;
  std::shared_ptr<const PreparedOperand> hit;  // a whole preparation of this content
};

// `alwaysFingerprint`: find the fingerprint even when the mesh has no slot.
// `known` (optional): the mesh's fingerprint, found by the caller.
CacheLookup Lookup(const Mesh& mesh, bool alwaysFingerprint, const MeshFingerprint* known = nullptr) {
  CacheLookup look;
  std::shared_ptr<PreparedSlot> slot = mesh.prepared;
  if (!slot && !alwaysFingerprint && !known) return look;
  look.fingerprint = known ? *known : FingerprintOf(mesh);
  look.haveFingerprint = true;
  if (!slot) return look;
  std::shared_ptr<const PreparedOperand> data;
  {
    std::lock_guard<std::mutex> lock(slot->mutex);
    data = slot->data;
    look.closedTwins = slot->closedTwinsKnown && slot->closedTwins.SameTriangles(look.fingerprint);
    look.windowedBefore = slot->windowedBefore && slot->windowedFor == look.fingerprint;
  }
  if (data && data->fingerprint == look.fingerprint) look.hit = std::move(data);
  return look;
}

// The cached operand with the mesh's properties.
// `fansKnown`: the slot records this content as closed and manifold.
BoolOperand WithProps(const Mesh& mesh, BoolOperand op, bool fansKnown) {
  op.prop.assign(mesh.triProp.begin(), mesh.triProp.begin() + std::min(mesh.triProp.size(), op.tri.size()));
  op.prop.resize(op.tri.size(), 0u);
  op.fansKnown = fansKnown && op.closed && op.tri.size() == mesh.triVerts.size();
  return op;
}

// Keeps `data` (a whole preparation of this content) with the mesh.
void KeepWith(const Mesh& mesh, const MeshFingerprint& fp, std::shared_ptr<const PreparedOperand> data) {
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

// Keeps a whole preparation with the mesh, when no triangle was dropped
// (then properties map 1:1), and among the recent ones (recent_prepared.h).
void Store(const Mesh& mesh, const MeshFingerprint& fp, const BoolOperand& op) {
  if (op.tri.size() != mesh.triVerts.size()) return;
  auto data = std::make_shared<PreparedOperand>();
  data->fingerprint = fp;
  data->operand = op;
  data->operand.prop.clear();
  data->operand.prop.shrink_to_fit();
  KeepWith(mesh, fp, data);
  KeepRecentPrepared(std::move(data));
}

// The triangles whose box meets the XY column of `window` (closed),
// ascending, with their boxes, when they are under 1 / `part` of the
// mesh's triangles; false otherwise (a whole preparation is cheaper then).
bool ColumnTriangles(const BoolOperand& op, const Box3& window, size_t part, std::vector<int>& column,
                     std::vector<Box3>& boxes) {
  const size_t nt = op.tri.size();
  if (nt < 64) return false;  // small: the whole mesh is as quick
  // A column covering half of the mesh's XY box rarely holds under half
  // of its triangles: not worth the walk.
  double covered = 1;
  for (int axis = 0; axis < 2; ++axis) {
    const double extent = op.box.max[axis] - op.box.min[axis];
    if (extent > 0) covered *= (window.max[axis] - window.min[axis]) / extent;
  }
  if (covered * static_cast<double>(part) >= 1) return false;
  auto inColumn = [&](size_t t) {
    const auto& tv = op.tri[t];
    const Vec3& a = op.pos[tv[0]];
    const Vec3& b = op.pos[tv[1]];
    const Vec3& c = op.pos[tv[2]];
    return !(std::max({a.x, b.x, c.x}) < window.min.x || std::min({a.x, b.x, c.x}) > window.max.x ||
             std::max({a.y, b.y, c.y}) < window.min.y || std::min({a.y, b.y, c.y}) > window.max.y);
  };
  // An estimate from every 8th triangle first: a column that clearly
  // holds too many is left after an eighth of the walk.
  const size_t limit = nt / part;
  size_t sampled = 0;
  for (size_t t = 0; t < nt; t += 8) sampled += inColumn(t) ? 1 : 0;
  if (sampled * 8 > limit + limit / 4) return false;
  column.clear();
  boxes.clear();
  for (size_t t = 0; t < nt; ++t) {
    if (!inColumn(t)) continue;
    if (column.size() >= limit) return false;
    const auto& tv = op.tri[t];
    const Vec3& a = op.pos[tv[0]];
    const Vec3& b = op.pos[tv[1]];
    const Vec3& c = op.pos[tv[2]];
    column.push_back(static_cast<int>(t));
    Box3 box;
    box.Include(a);
    box.Include(b);
    box.Include(c);
    boxes.push_back(box);
  }
  return true;
}

// The triangles whose box meets one of `regions` (closed boxes; empty ones
// meet nothing), ascending, with their boxes, when they are under 1 /
// `part` of the mesh's triangles (and at least one); false otherwise.
bool RegionTriangles(const BoolOperand& op, const Box3 (&regions)[2], size_t part, std::vector<int>& tris,
                     std::vector<Box3>& boxes) {
  const size_t nt = op.tri.size();
  if (nt < 64) return false;
  const size_t limit = nt / part;
  auto boxOf = [&](size_t t) {
    const auto& tv = op.tri[t];
    Box3 box;
    box.Include(op.pos[tv[0]]);
    box.Include(op.pos[tv[1]]);
    box.Include(op.pos[tv[2]]);
    return box;
  };
  auto meets = [&](const Box3& box) { return box.Overlaps(regions[0]) || box.Overlaps(regions[1]); };
  tris.clear();
  boxes.clear();
  for (size_t t = 0; t < nt; ++t) {
    const Box3 box = boxOf(t);
    if (!meets(box)) continue;
    if (tris.size() >= limit) return false;
    tris.push_back(static_cast<int>(t));
    boxes.push_back(box);
  }
  return !tris.empty();
}

// The region preparation of `small` after `big` was prepared (whole, or
// for the window's column; big.box, small.box whole). Which triangles of
// `small` the boolean reads:
// - Candidate pairs: a pair's boxes meet inside both meshes' boxes, and
//   big's element lies in a triangle of its column (every triangle meeting
//   the window), so small's element meets the box B of big's column
//   (big's box when whole): the triangles meeting B cover them.
// - Winding of small's vertices against big: with big's winding box
//   narrowed to B (BoolOperand::windingBox: small's vertices in big's box
//   lie over the window's XY, where a vertical line meets only column
//   triangles), only vertices in B cast rays or join others by their
//   edges, and every triangle holding one meets B.
// - Winding of big's vertices against small (box and tree of small: the
//   box stays whole): the vertices of big in small's box, all on big's
//   column triangles, cast vertical rays (up or down, by the perturbation
//   choice), which meet only small's triangles over their XY box.
// - Which operand is perturbed (PerturbSecond in boolean.cpp) reads
//   small's stuck vertices in big's box, which a region does not find all
//   of: decided from big's alone, else no region (prepared as before).
// Returns false (prepare as before) when the region holds too many.
bool RegionWindow(BoolOperand& big, bool bigIsFirst, const BoolOperand& small, size_t part, std::vector<int>& tris,
                  std::vector<Box3>& boxes) {
  if (!big.closed || small.tri.size() < 64) return false;
  // PerturbSecond(p, q) = stuck(p near q.box) && !stuck(q near p.box):
  // with small second it is false when big has none near small; with small
  // first, false when big has some near small. Otherwise small's count.
  bool bigStuckNear = false;
  for (int v : big.stuckVerts)
    if (small.box.Contains(big.pos[static_cast<size_t>(v)])) {
      bigStuckNear = true;
      break;
    }
  if (bigIsFirst == bigStuckNear) return false;
  Box3 columnBox, bigVerts;  // B, and the box of big's vertices in small's box
  if (big.windowed) {
    for (int t : big.windowTris)
      for (int v : big.tri[static_cast<size_t>(t)]) columnBox.Include(big.pos[static_cast<size_t>(v)]);
  } else {
    columnBox = big.box;
  }
  Box3 regions[2];
  regions[0].min = Max(columnBox.min, small.box.min);
  regions[0].max = Min(columnBox.max, small.box.max);
  // A region covering half of small's box rarely holds under half of its
  // triangles (as ColumnTriangles, in three axes); then an estimate from
  // every 8th triangle: most regions that hold too many end here.
  double covered = 1;
  for (int axis = 0; axis < 3; ++axis) {
    const double extent = small.box.max[axis] - small.box.min[axis];
    if (extent > 0) covered *= std::max(0.0, regions[0].max[axis] - regions[0].min[axis]) / extent;
  }
  // (A surface meets a region of a small share of the box's volume with a
  // larger share of its triangles: a quarter of the column's threshold.)
  if (covered * static_cast<double>(4 * part) >= 1) return false;
  const size_t nt = small.tri.size(), limit = nt / part;
  size_t sampled = 0;
  for (size_t t = 0; t < nt; t += 8) {
    const auto& tv = small.tri[t];
    Box3 box;
    for (int v : tv) box.Include(small.pos[static_cast<size_t>(v)]);
    sampled += box.Overlaps(regions[0]) ? 1 : 0;
  }
  if (sampled * 8 > limit + limit / 4) return false;
  // (every vertex, used or not: WindingNumbers gives each a winding)
  for (const Vec3& x : big.pos)
    if (small.box.Contains(x)) bigVerts.Include(x);
  if (!bigVerts.IsEmpty()) {
    regions[1] = bigVerts;
    regions[1].min.z = -std::numeric_limits<double>::infinity();
    regions[1].max.z = std::numeric_limits<double>::infinity();
  }
  if (!RegionTriangles(small, regions, part, tris, boxes)) return false;
  if (big.windowed) {
    big.narrowWinding = true;
    big.windingBox = columnBox;
  }
  return true;
}

}  // namespace

#ifdef MOS_CHECK_RECENT_PREPARED
// Check build: a kept preparation is the one made afresh, byte for byte
// (the BVH is made from the same boxes by the same code).
template <class T>
static bool SameBytes(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}
static bool SamePreparation(const BoolOperand& a, const BoolOperand& b) {
  return SameBytes(a.pos, b.pos) && a.tri == b.tri && a.twin == b.twin && a.prop == b.prop &&
         SameBytes(a.vertNormal, b.vertNormal) && SameBytes(a.faceNormal, b.faceNormal) &&
         a.stuckVerts == b.stuckVerts && a.closed == b.closed && a.noNan == b.noNan &&
         a.fansKnown == b.fansKnown && std::memcmp(&a.box, &b.box, sizeof(Box3)) == 0 && !a.windowed &&
         !b.windowed && !a.narrowWinding && !b.narrowWinding;
}
#endif

BoolOperand PrepareOperandCached(const Mesh& mesh) {
  const CacheLookup look = Lookup(mesh, true);
  if (look.hit) return WithProps(mesh, look.hit->operand, look.closedTwins);
  BoolOperand op = Prepare(mesh, look.closedTwins);
  Store(mesh, look.fingerprint, op);
  return op;
}

bool PrepareOperandPair(const Mesh& a, const Mesh& b, BoolOperand& p, BoolOperand& q,
                        const MeshFingerprint* fingerprintA, const MeshFingerprint* fingerprintB) {
  const Mesh* meshes[2] = {&a, &b};
  const MeshFingerprint* known[2] = {fingerprintA, fingerprintB};
  BoolOperand* ops[2] = {&p, &q};
  CacheLookup looks[2];
  Box3 boxes[2];
  bool noNan[2] = {true, true};
  for (int i = 0; i < 2; ++i) {
    looks[i] = Lookup(*meshes[i], false, known[i]);
    if (looks[i].hit) {
      *ops[i] = WithProps(*meshes[i], looks[i].hit->operand, looks[i].closedTwins);
      boxes[i] = ops[i]->box;
      noNan[i] = ops[i]->noNan;
    } else {
      BoxOf(meshes[i]->vertPos, boxes[i], noNan[i]);
    }
  }
  if (!boxes[0].Overlaps(boxes[1])) return false;
  // A small mesh whose content was prepared whole before as another
  // object (the same primitive in several booleans) takes that
  // preparation (recent_prepared.h), as it takes its slot's: before any
  // windowing, since any preparation of a mesh gives the same kernel
  // results and a whole one of the same content is the same operand.
  // (Another thread preparing the same content is waited for; the claims
  // end when the preparations are kept, or at the latest on return.)
  RecentClaim claims[2];
  for (int i = 0; i < 2; ++i) {
    if (looks[i].hit || !RecentMayHold(meshes[i]->triVerts.size())) continue;
    if (!looks[i].haveFingerprint) {
      looks[i].fingerprint = FingerprintOf(*meshes[i]);
      looks[i].haveFingerprint = true;
    }
    std::shared_ptr<const PreparedOperand> recent = FindOrClaimRecentPrepared(looks[i].fingerprint, claims[i]);
    if (!recent || recent->operand.tri.size() != meshes[i]->triVerts.size()) continue;
    *ops[i] = WithProps(*meshes[i], recent->operand, looks[i].closedTwins);
#ifdef MOS_CHECK_RECENT_PREPARED
    if (!SamePreparation(Prepare(*meshes[i], looks[i].closedTwins), *ops[i])) std::abort();
#endif
    KeepWith(*meshes[i], looks[i].fingerprint, recent);
    looks[i].hit = std::move(recent);
  }
  Box3 window;
  window.min = Max(boxes[0].min, boxes[1].min);
  window.max = Min(boxes[0].max, boxes[1].max);
  std::vector<int> column;
  std::vector<Box3> columnBoxes;
  // The operand with more triangles first; the other may then be prepared
  // for a region (below).
  const int first = meshes[1]->triVerts.size() > meshes[0]->triVerts.size() ? 1 : 0;
  for (int k = 0; k < 2; ++k) {
    const int i = k == 0 ? first : 1 - first;
    if (looks[i].hit) continue;
    BoolOperand& op = *ops[i];
    op = PrepareTopology(*meshes[i], looks[i].closedTwins, &boxes[i], noNan[i]);
    // A vertex outside a closed operand's box has winding 0 there (the
    // other operand's rays need only the window's column): see
    // WindingNumbers.
    // Windowed when the column holds under half of the triangles (a whole
    // preparation costs ~1,300 instructions a triangle, a windowed one ~90
    // plus that for each triangle in the column); a mesh windowed before
    // is being reused: whole (kept, so the next uses copy it) unless its
    // column is under a tenth.
    const size_t part = looks[i].windowedBefore ? 10 : 2;
    if (k == 1 && op.closed && noNan[0] && noNan[1] && RegionWindow(*ops[first], first == 0, op, part, column,
                                                                   columnBoxes)) {
      PrepareGeometryWindowed(op, std::move(column), columnBoxes);
      column = std::vector<int>();
      if (std::shared_ptr<PreparedSlot> slot = meshes[i]->prepared) {
        std::lock_guard<std::mutex> lock(slot->mutex);
        slot->windowedBefore = true;
        slot->windowedFor = looks[i].fingerprint;
      }
      continue;
    }
    if (op.closed && noNan[0] && noNan[1] && ColumnTriangles(op, window, part, column, columnBoxes)) {
      PrepareGeometryWindowed(op, std::move(column), columnBoxes);
      column = std::vector<int>();
      if (std::shared_ptr<PreparedSlot> slot = meshes[i]->prepared) {
        std::lock_guard<std::mutex> lock(slot->mutex);
        slot->windowedBefore = true;
        slot->windowedFor = looks[i].fingerprint;  // found: the mesh has a slot
      }
      continue;
    }
    const MeshFingerprint fp = looks[i].haveFingerprint ? looks[i].fingerprint : FingerprintOf(*meshes[i]);
    PrepareGeometry(op);
    Store(*meshes[i], fp, op);
  }
  return true;
}

}  // namespace mos::kernel
