// The binary boolean: kernels -> hits -> winding numbers -> assembly ->
// triangulation -> cleanup (Smith 2009, ch. 4-5).
#include "kernel/boolean.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean_operand.h"
#include "kernel/cleanup.h"
#include "kernel/edge_table.h"
#include "kernel/intersect.h"
#include "kernel/intersect_both.h"
#include "kernel/mesh_properties.h"
#include "kernel/position_hash.h"
#include "kernel/predicates.h"
#include "kernel/winding.h"

namespace mos::kernel {

namespace {

// `paired` gets whether BuildHalfedges paired every halfedge with one
// opposite halfedge (valid corners, no degenerate triangle).
Mesh Finish(std::vector<Vec3> pos, std::vector<std::array<int, 3>> tris, std::vector<uint32_t> props,
            bool& paired) {
  Mesh m;
  m.vertPos = std::move(pos);
  m.triVerts = std::move(tris);
  m.triProp = std::move(props);
  paired = BuildHalfedges(m);
  return m;
}

Mesh Copy(const Mesh& m) {
  Mesh out = m;
  if (out.triProp.size() != out.triVerts.size()) out.triProp.resize(out.triVerts.size(), 0);
  if (out.halfedgeTwin.size() != 3 * out.triVerts.size()) BuildHalfedges(out);
  return out;
}

// Projects a face to the axis plane its normal is closest to, keeping
// counter-clockwise order counter-clockwise (no rounding is added).
Vec2 Project(const Vec3& p, int axis, bool positive) {
  if (axis == 2) return positive ? Vec2{p.x, p.y} : Vec2{p.y, p.x};
  if (axis == 0) return positive ? Vec2{p.y, p.z} : Vec2{p.z, p.y};
  return positive ? Vec2{p.z, p.x} : Vec2{p.x, p.z};
}

// Whether a face's directed edges close into exactly one triangle, and
// which (starting at the first edge, as LinkLoops would).
bool SingleTriangle(const std::pair<int, int>* fe, int numEdges, std::array<int, 3>& tri) {
  if (numEdges != 3) return false;
  const int a = fe[0].first, b = fe[0].second;
  int next = -1;
  for (int k = 1; k < 3; ++k)
    if (fe[k].first == b) {
      if (next >= 0) return false;
      next = k;
    }
  if (next < 0) return false;
  const int c = fe[next].second;
  const auto& last = fe[3 - next];
  if (last.first != c || last.second != a || a == b || b == c || c == a) return false;
  tri = {a, b, c};
  return true;
}

// The raw result's twins, what BuildHalfedges gives (its return value
// too), paired by hashing only around the faces the intersection touched.
// A halfedge between two direct faces of one (closed) operand takes that
// operand's twin through the output numbering: its edge joins two input
// vertices, which only that operand's faces holding both corners can
// reach, and a closed operand has exactly two there (a touched face
// holding both would have that edge itself, so it is one of them), so the
// output has exactly those two halfedges on it, in opposite directions.
// `outTriOfFace`: the output triangle of each direct face.
bool LocalTwins(Mesh& m, const FacePolygons& faces, const BoolOperand& p, const BoolOperand& q,
                const std::vector<int>& triFace, const std::vector<int>& outTriOfFace) {
  const int numTri = m.NumTri();
  const int nP = p.NumTri();
  m.halfedgeTwin.assign(3 * static_cast<size_t>(numTri), -1);
  if (m.triProp.size() != m.triVerts.size()) m.triProp.resize(m.triVerts.size(), 0);
  const int nv = m.NumVert();
  auto usable = [nv](int a, int b) {
    return static_cast<unsigned>(a) < static_cast<unsigned>(nv) &&
           static_cast<unsigned>(b) < static_cast<unsigned>(nv) && a != b;
  };
  int slotToCorner[7][3], cornerToSlot[7][3];  // by directCorner + 3
  for (int dc = -3; dc <= 3; ++dc)
    for (int j = 0; j < 3; ++j) {
      slotToCorner[dc + 3][j] = dc == 0 ? 0 : DirectSlotToCorner(dc, j);
      cornerToSlot[dc + 3][j] = dc == 0 ? 0 : DirectCornerToSlot(dc, j);
    }
  std::vector<int> hashed;  // halfedges paired by the table
  const signed char* directCorner = faces.directCorner.data();
  const int* outTri = outTriOfFace.data();
  int* twinOut = m.halfedgeTwin.data();
  for (int t = 0; t < numTri; ++t) {
    const int f = triFace[static_cast<size_t>(t)];
    if (f < 0) {
      for (int j = 0; j < 3; ++j) hashed.push_back(3 * t + j);
      continue;
    }
    const bool inP = f < nP;
    const int* opTwin = (inP ? p : q).twin.data() + 3 * (inP ? f : f - nP);
    const int offset = inP ? 0 : nP;
    const int* toCorner = slotToCorner[directCorner[f] + 3];
    for (int j = 0; j < 3; ++j) {
      const unsigned tw = static_cast<unsigned>(opTwin[toCorner[j]]);
      const int g = offset + static_cast<int>(tw / 3);
      const int dg = directCorner[g];
      if (dg != 0)
        twinOut[3 * t + j] = 3 * outTri[g] + cornerToSlot[dg + 3][tw % 3];
      else
        hashed.push_back(3 * t + j);
    }
  }
  bool ok = true;
  EdgeTable table(hashed.size());
  for (int h : hashed) {
    const auto& tv = m.triVerts[static_cast<size_t>(h / 3)];
    const int a = tv[h % 3], b = tv[h % 3 == 2 ? 0 : h % 3 + 1];
    if (!usable(tv[0], tv[1]) || !usable(tv[1], tv[2]) || !usable(tv[2], tv[0])) ok = false;
    if (usable(a, b)) table.Add(a, b, h);
  }
  for (int i = 0; i < table.NumEdges(); ++i) {
    const EdgeTable::Edge& e = table.GetEdge(i);
    if (e.second < 0) {
      ok = false;
      continue;
    }
    m.halfedgeTwin[static_cast<size_t>(e.first)] = e.second;
    m.halfedgeTwin[static_cast<size_t>(e.second)] = e.first;
  }
  return ok;
}

// From the assembled faces to the raw result mesh: direct faces emitted as
// they are, the others linked into loops and triangulated. Returns whether
// the result is consistent (paired, fans manifold); false also when the
// guard stops it. `local`: twins by LocalTwins (else BuildHalfedges).
template <class Stopped>
bool BuildRaw(const BoolOperand& p, const BoolOperand& q, FacePolygons& faces, Stopped stopped, bool local,
              Mesh& result, std::vector<char>& activeVert) {
  // Faces whose polygon is one triangle (most of them: every face no
  // intersection reaches, which comes direct) are emitted as they are;
  // LinkLoops would give the same loop. The others are triangulated, and
  // their vertices are the active ones cleanup looks at.
  const size_t numFaces = faces.NumFaces();
  std::vector<std::array<int, 3>> simple(numFaces, std::array<int, 3>{-1, -1, -1});
  activeVert.assign(faces.vertPos.size(), 0);
  // The flags through a local pointer: a char store may alias anything,
  // so through the vector each one reloaded its storage.
  char* const active = activeVert.data();
  size_t expectedEdges = 0;  // the edge set's keys, about: face edges and diagonals
  for (size_t f = 0; f < numFaces; ++f) {
    const std::pair<int, int>* fe = faces.FaceEdges(f);
    const int numEdges = faces.NumFaceEdges(f);
    if (numEdges == 0) continue;
    if (SingleTriangle(fe, numEdges, simple[f])) {
      const auto& t = simple[f];
      if (t[0] >= faces.numOriginalVerts || t[1] >= faces.numOriginalVerts || t[2] >= faces.numOriginalVerts) {
        active[t[0]] = active[t[1]] = active[t[2]] = 1;
        expectedEdges += 2;
      }
      continue;
    }
    for (int k = 0; k < numEdges; ++k) active[fe[k].first] = active[fe[k].second] = 1;
    expectedEdges += static_cast<size_t>(numEdges);
  }
  // The triangulator asks only about pairs of vertices of the face it
  // works on (all active), so edges with an inactive end can be left out.
  EdgeSet edgeSet;
  edgeSet.Reserve(expectedEdges);
  for (const auto& e : faces.edges)
    if (active[e.first] && active[e.second]) edgeSet.Add(e.first, e.second);
  if (!faces.directCorner.empty())
    for (size_t f = 0; f < numFaces; ++f) {
      if (!faces.directCorner[f]) continue;
      const auto& t = faces.directTri[f];
      for (int k = 0; k < 3; ++k)
        if (activeVert[t[k]] && activeVert[t[k == 2 ? 0 : k + 1]]) edgeSet.Add(t[k], t[k == 2 ? 0 : k + 1]);
    }

  std::vector<std::array<int, 3>> tris;
  std::vector<uint32_t> props;
  // Room for every output triangle up front (regrowing copied them all,
  // a few times per boolean): one a face, and a cut face of E edges gives
  // at most E (E - 2 for one loop; each bridged hole adds two, and has
  // three edges or more), so one more than E, unless it has two holes or
  // more (then the vectors grow as before).
  const size_t expectedTris = numFaces + expectedEdges;
  tris.reserve(expectedTris);
  props.reserve(expectedTris);
  std::vector<int> triFace, outTriOfFace;  // direct faces' output triangles (-1: other)
  if (local && !faces.directCorner.empty()) {
    triFace.reserve(numFaces);
    outTriOfFace.assign(numFaces, -1);
  }
  const bool track = !outTriOfFace.empty();
  // The output triangles of faces not direct, for the fan check (needed
  // when both operands are known manifold, see below).
  const bool listCut = track && p.fansKnown && q.fansKnown;
  std::vector<int> cutTris;
  // Per-face work, its room kept from face to face.
  std::vector<std::vector<int>> loops;
  std::vector<std::vector<Vec2>> loops2;
  std::vector<int> flat;
  std::vector<std::array<int, 3>> faceTris;
  // The faces' arrays by pointer: the pushes below store through the
  // vectors' ends, after which the compiler would load the faces' vectors
  // again (nothing here resizes them).
  const signed char* const directCorner = faces.directCorner.empty() ? nullptr : faces.directCorner.data();
  const std::array<int, 3>* const directTri = faces.directTri.data();
  for (size_t f = 0; f < numFaces; ++f) {
    if ((f & 63) == 0 && stopped()) return false;
    if (directCorner && directCorner[f] != 0) {  // faces.IsDirect(f)
      if (track) {
        outTriOfFace[f] = static_cast<int>(tris.size());
        triFace.push_back(static_cast<int>(f));
      }
      tris.push_back(directTri[f]);
      props.push_back(faces.faceProp[f]);
      continue;
    }
    if (faces.NumFaceEdges(f) == 0) continue;
    if (simple[f][0] >= 0) {
      tris.push_back(simple[f]);
      props.push_back(faces.faceProp[f]);
    } else {
      const size_t numLoops = LinkLoopsInto(faces.FaceEdges(f), static_cast<size_t>(faces.NumFaceEdges(f)), loops);
      if (numLoops == 1 && loops[0].size() == 3) {
        tris.push_back({loops[0][0], loops[0][1], loops[0][2]});
        props.push_back(faces.faceProp[f]);
      } else {
        const Vec3 n = FaceNormalOf(faces, p, q, f);
        int axis = 2;
        if (std::fabs(n.x) > std::fabs(n.y) && std::fabs(n.x) > std::fabs(n.z)) axis = 0;
        else if (std::fabs(n.y) > std::fabs(n.z)) axis = 1;
        const bool positive = n[axis] >= 0;
        if (loops2.size() < numLoops) loops2.resize(numLoops);  // the inner vectors keep their room from face to face
        flat.clear();
        for (size_t k = 0; k < numLoops; ++k) {
          std::vector<Vec2>& l = loops2[k];
          l.clear();
          for (int v : loops[k]) {
            l.push_back(Project(faces.vertPos[v], axis, positive));
            flat.push_back(v);
          }
        }
        TriangulateOutputFace(loops2, numLoops, flat, edgeSet, faceTris);
        for (const auto& t : faceTris) {
          tris.push_back({flat[t[0]], flat[t[1]], flat[t[2]]});
          props.push_back(faces.faceProp[f]);
        }
      }
    }
    if (listCut)
      for (size_t t = triFace.size(); t < tris.size(); ++t) cutTris.push_back(static_cast<int>(t));
    if (track) triFace.resize(tris.size(), -1);
  }
  bool paired = false;
  // Pairing by the operands' twins pays where most triangles come direct;
  // with many cut faces the table over all halfedges is as cheap.
  size_t numDirect = 0;
  if (track)
    for (int f : triFace) numDirect += f >= 0;
  if (track && 4 * numDirect >= 3 * tris.size()) {
    result = Mesh{};
    result.vertPos = std::move(faces.vertPos);
    result.triVerts = std::move(tris);
    result.triProp = std::move(props);
    paired = LocalTwins(result, faces, p, q, triFace, outTriOfFace);
  } else {
    result = Finish(std::move(faces.vertPos), std::move(tris), std::move(props), paired);
  }
  // Operands known closed and manifold: a vertex only direct faces use
  // keeps its operand's one fan (direct faces keep their operand's twins
  // among themselves, and every face around it came direct: a cut face
  // around it would put it in a cut triangle), so only the corners of cut
  // faces' triangles are walked. Paired by BuildHalfedges instead of
  // LocalTwins, the twins are the same (the check build compares the two
  // paths), so the same local check holds.
  if (faces.consistent && paired && listCut) {
    const bool fans = FansManifoldAt(result, cutTris);
#ifdef MOS_CHECK_ASSEMBLE_LOCAL
    if (fans != FansManifold(result)) std::abort();
#endif
    return fans;
  }
  return faces.consistent && paired && FansManifold(result);
}

// One attempt with the given roles; false when the topology came out
// inconsistent (possible when an input is geometrically self-touching and
// the perturbation of that input makes it overlap itself).
// With a guard, it is checked between the stages and every 64 output
// faces; once it stops, the attempt ends (false, empty result).
// `active` (optional) receives, per output vertex, whether it is a vertex
// of a face the intersection changed.
#ifdef MOS_CHECK_WINDOW
// The operand prepared whole from the same positions, triangles, twins and
// properties.
BoolOperand WholeAgain(const BoolOperand& op) {
  Mesh m;
  m.vertPos = op.pos;
  m.triVerts = op.tri;
  m.halfedgeTwin = op.twin;
  m.triProp = op.prop;
  return PrepareOperand(m);
}

void CheckAgainstWhole(const BoolOperand& p, const BoolOperand& q, const BoolRoles& roles,
                       const std::vector<EdgeTriHit>& hitsPQ, const std::vector<EdgeTriHit>& hitsQP,
                       const std::vector<int>& windingP, const std::vector<int>& windingQ, const FacePolygons& faces) {
  const BoolOperand pw = WholeAgain(p), qw = WholeAgain(q);
  const BoolKernels kw(pw.View(), qw.View(), &pw.vertNormal, roles.expandP);
  const std::vector<EdgeTriHit> pq = IntersectEdgesWithTriangles(kw, pw, qw, true);
  const std::vector<EdgeTriHit> qp = IntersectEdgesWithTriangles(kw, pw, qw, false);
  if (!SameHitBits(pq, hitsPQ) || !SameHitBits(qp, hitsQP)) std::abort();
  const std::vector<int> wp = WindingNumbers(kw, pw, qw, true, pq);
  const std::vector<int> wq = WindingNumbers(kw, pw, qw, false, qp);
  if (wp != windingP || wq != windingQ) std::abort();
  const FacePolygons f = AssembleFaces(pw, qw, roles, wp, wq, pq, qp);
  if (f.consistent != faces.consistent || f.faceStart != faces.faceStart || f.edges != faces.edges ||
      f.vertPos.size() != faces.vertPos.size() || f.directTri != faces.directTri ||
      f.directCorner != faces.directCorner || f.faceProp != faces.faceProp ||
      (!f.vertPos.empty() && std::memcmp(f.vertPos.data(), faces.vertPos.data(), f.vertPos.size() * sizeof(Vec3)) != 0))
    std::abort();
}
#endif

// While it lives, a narrowed winding box (BoolOperand::windingBox) stands
// in for the operand's box (what WindingNumbers reads).
class WindingBoxIn {
 public:
  explicit WindingBoxIn(BoolOperand& op) : op_(op.narrowWinding ? &op : nullptr) {
    if (op_) std::swap(op_->box, op_->windingBox);
  }
  ~WindingBoxIn() {
    if (op_) std::swap(op_->box, op_->windingBox);
  }
  WindingBoxIn(const WindingBoxIn&) = delete;
  WindingBoxIn& operator=(const WindingBoxIn&) = delete;

 private:
  BoolOperand* op_;
};

// `memos` (may be null): the candidate pairs kept across attempts on
// these two operands (IntersectBothWays).
bool RunBoolean(BoolOperand& p, BoolOperand& q, const BoolRoles& roles, Mesh& result,
                LimitGuard* guard = nullptr, std::vector<char>* active = nullptr, CandidateMemo* memos = nullptr) {
  auto stopped = [&] { return guard && !guard->Check(); };
  const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, roles.expandP);
  std::vector<EdgeTriHit> hitsPQ, hitsQP;  // on two threads when large (intersect_both.h)
  if (!IntersectBothWays(kernels, p, q, guard, hitsPQ, hitsQP, kIntersectThreadsMinTriangles, memos)) return false;
  std::vector<int> windingP, windingQ;
  {
    const WindingBoxIn narrowed(q);
    windingP = WindingNumbers(kernels, p, q, true, hitsPQ);
  }
  if (stopped()) return false;
  {
    const WindingBoxIn narrowed(p);
    windingQ = WindingNumbers(kernels, p, q, false, hitsQP);
  }
  if (stopped()) return false;
  FacePolygons faces = AssembleFaces(p, q, roles, windingP, windingQ, hitsPQ, hitsQP);
  if (stopped()) return false;
#ifdef MOS_CHECK_WINDOW
  // Check build: windowed and region preparations (with a narrowed winding
  // box) must give the very hits, windings and faces of whole ones.
  if (p.windowed || q.windowed) CheckAgainstWhole(p, q, roles, hitsPQ, hitsQP, windingP, windingQ, faces);
#endif
  std::vector<char> activeVert;
#ifdef MOS_CHECK_ASSEMBLE_LOCAL
  // Check build: the generic path (every face by its edges, global twins)
  // must give the very same result.
  FacePolygons globalFaces = AssembleFaces(p, q, roles, windingP, windingQ, hitsPQ, hitsQP, false);
  Mesh globalResult;
  std::vector<char> globalActive;
  const bool globalOk = BuildRaw(p, q, globalFaces, stopped, false, globalResult, globalActive);
  const bool ok = BuildRaw(p, q, faces, stopped, true, result, activeVert);
  if (!stopped() && (ok != globalOk || globalResult.vertPos.size() != result.vertPos.size() ||
                     (!result.vertPos.empty() && std::memcmp(globalResult.vertPos.data(), result.vertPos.data(), result.vertPos.size() * sizeof(Vec3)) != 0) ||
                     globalResult.triVerts != result.triVerts || globalResult.triProp != result.triProp ||
                     globalResult.halfedgeTwin != result.halfedgeTwin || globalActive != activeVert))
    std::abort();
#else
  const bool ok = BuildRaw(p, q, faces, stopped, true, result, activeVert);
#endif
  if (active) *active = std::move(activeVert);
  return ok;
}

// Moves `b` by a rounding-sized step in a generic direction, so no exact
// tie is left to decide; the slivers this leaves are shorter than
// cleanup's collapse length.
bool RunShifted(BoolOperand& p, const Mesh& b, OpType op, Mesh& result, int variant,
                LimitGuard* guard, std::vector<char>* active = nullptr) {
  static const Vec3 kDirections[] = {{1, 0.61803398875, 0.41421356237},
                                     {-0.73205080757, 1, -0.30277563773},
                                     {0.2360679775, -0.87082869338, 1}};
  double scale = 1;
  for (const Vec3& v : p.pos) scale = std::max({scale, std::fabs(v.x), std::fabs(v.y), std::fabs(v.z)});
  for (const Vec3& v : b.vertPos) scale = std::max({scale, std::fabs(v.x), std::fabs(v.y), std::fabs(v.z)});
  const double step = 0.25e-12 * scale;
  const Vec3 shift = kDirections[variant % 3] * step;
  Mesh moved = b;
  for (Vec3& v : moved.vertPos) v = v + shift;
  BoolOperand q = PrepareOperand(moved);
  // The moved operand was not what p's narrowed winding box was found for.
  const bool narrow = p.narrowWinding;
  p.narrowWinding = false;
  const bool ok = RunBoolean(p, q, RolesFor(op, false), result, guard, active);
  p.narrowWinding = narrow;
  return ok;
}

// Whether a vertex of `m` without an outward perturbation direction lies
// in the closed box `other` (where it may meet the other operand).
bool StuckVertNear(const BoolOperand& m, const Box3& other) {
  for (int v : m.stuckVerts)
    if (other.Contains(m.pos[v])) return true;
  return false;
}

// Which operand to perturb. The perturbation moves every face of the
// perturbed operand to one side as a piece only when each vertex has a
// direction outward for all its faces; a vertex with none (the joint of an
// earlier union of solids sharing an edge) splits the faces around it, and
// where they lie in the other operand's faces the result gets a zero-width
// slit (property (b) depth-4 seed 3793). Perturb the second operand when
// only the first has such vertices near the other.
bool PerturbSecond(const BoolOperand& p, const BoolOperand& q) {
  return StuckVertNear(p, q.box) && !StuckVertNear(q, p.box);
}

// What cleanup needs to know about a raw boolean result.
struct RawInfo {
  bool consistent = false;        // closed, manifold, twins built: clean locally
  std::vector<char> activeVerts;  // per vertex: on a face the intersection changed
  bool perturbedSecond = false;   // which perturbation was tried first (preferred)
  // The operands as the attempts had them prepared (when their boxes
  // met), for the other perturbation choice (Boolean): any preparation of
  // a mesh, windowed or whole, gives the same kernel results.
  bool prepared = false;
  BoolOperand p, q;
  // Each direction's candidate pairs on p and q, for the next attempt on
  // them (the perturbation choices differ; the pairs' geometry does not),
  // kept when an operand has coincident used vertices
  // (PreparedSlot::coincidentUsed): then the other choice is likely.
  bool keepPairs = false;
  CandidateMemo memos[2];
  // The operands' fingerprints when the caller found them (else null).
  const MeshFingerprint* fingerprintA = nullptr;
  const MeshFingerprint* fingerprintB = nullptr;
};

// The boolean without cleanup.
Mesh BooleanRawWithInfo(const Mesh& a, const Mesh& b, OpType op, LimitGuard* guard, RawInfo& info) {
  auto untouched = [&](Mesh m) {  // nothing cut: nothing to clean locally
    info.activeVerts.assign(m.vertPos.size(), 0);
    return m;
  };
  if (b.NumTri() == 0) return untouched(op == OpType::kIntersection ? Mesh{} : Copy(a));
  if (a.NumTri() == 0) return untouched(op == OpType::kUnion ? Copy(b) : Mesh{});
  // Prepared for the window where they meet when that pays (the shifted
  // attempt below moves b, so it takes a whole p).
  BoolOperand& p = info.p;
  BoolOperand& q = info.q;
  if (!PrepareOperandPair(a, b, p, q, info.fingerprintA, info.fingerprintB)) {
    if (op == OpType::kIntersection) return untouched(Mesh{});
    Mesh out = Copy(a);
    if (op == OpType::kUnion) AppendMesh(out, Copy(b));
    return untouched(std::move(out));
  }
  auto stopped = [&] { return guard && guard->Stopped(); };
  info.prepared = true;
  info.consistent = true;
  info.keepPairs = (a.prepared && a.prepared->coincidentUsed) || (b.prepared && b.prepared->coincidentUsed);
  info.perturbedSecond = PerturbSecond(p, q);
  auto run = [&](bool second, Mesh& out) {
    CandidateMemo* const memos = info.keepPairs ? info.memos : nullptr;
    return second ? RunBoolean(q, p, RolesFor(op, true), out, guard, &info.activeVerts, memos)
                  : RunBoolean(p, q, RolesFor(op, false), out, guard, &info.activeVerts, memos);
  };
  Mesh first;
  if (run(info.perturbedSecond, first)) return first;
  if (stopped()) return Mesh{};
  // Perturb the other operand instead: a different, equally valid choice.
  Mesh second;
  if (run(!info.perturbedSecond, second)) return second;
  if (stopped()) return Mesh{};
  // Last resort: move the second operand by a rounding-sized step (three
  // generic directions).
  if (p.windowed) {
    // q's region (PrepareOperandPair) may rest on p's narrowed winding
    // box, which holds whatever p's preparation.
    const bool narrow = p.narrowWinding;
    const Box3 windingBox = p.windingBox;
    p = PrepareOperandCached(a);
    info.memos[0] = CandidateMemo{};  // their pairs were p's as it was
    info.memos[1] = CandidateMemo{};
    p.narrowWinding = narrow;
    p.windingBox = windingBox;
  }
  for (int variant = 0; variant < 3; ++variant) {
    Mesh shifted;
    if (RunShifted(p, b, op, shifted, variant, guard, &info.activeVerts)) return shifted;
    if (stopped()) return Mesh{};
  }
  info.consistent = false;
  info.activeVerts.clear();  // an inconsistent result is cleaned everywhere
  return first;
}

}  // namespace

Mesh BooleanRaw(const Mesh& a, const Mesh& b, OpType op, LimitGuard* guard) {
  RawInfo info;
  return BooleanRawWithInfo(a, b, op, guard, info);
}

Mesh BooleanStrategy(const Mesh& a, const Mesh& b, OpType op, int strategy) {
  BoolOperand p = PrepareOperand(a);
  BoolOperand q = PrepareOperand(b);
  Mesh out;
  if (strategy == 0) RunBoolean(p, q, RolesFor(op, false), out);
  else if (strategy == 1) RunBoolean(q, p, RolesFor(op, true), out);
  else RunShifted(p, b, op, out, 0, nullptr);
  CleanupMesh(out);
  return out;
}

namespace {

// The boolean with the perturbation choice `second` (the one the first
// attempt did not prefer), on the operands prepared for the first attempt
// (`info`; prepared whole when their boxes did not meet) and cleaned like
// it around what the intersection changed: the retry below, which solids
// that only touch run on every union, cost a second preparation of both
// operands and a cleanup of the whole mesh. `closed`: the cleanup knows
// the result closed and manifold (what IsClosedManifold says then).
Mesh OtherChoice(const Mesh& a, const Mesh& b, OpType op, bool second, LimitGuard* guard, RawInfo& info,
                 bool& closed) {
  if (!info.prepared) {
    info.p = PrepareOperandCached(a);
    info.q = PrepareOperandCached(b);
    info.prepared = true;
  }
  BoolOperand& p = info.p;
  BoolOperand& q = info.q;
  Mesh out;
  std::vector<char> active;
  CandidateMemo* const memos = info.keepPairs ? info.memos : nullptr;
  const bool ok = second ? RunBoolean(q, p, RolesFor(op, true), out, guard, &active, memos)
                         : RunBoolean(p, q, RolesFor(op, false), out, guard, &active, memos);
  closed = false;
  if (ok && active.size() == out.vertPos.size())
    closed = CleanupMeshNear(out, std::move(active), true);
  else
    CleanupMesh(out);
  return out;
}

// Whether two vertices that triangles use sit at the same position: the
// mesh is manifold by index but not once welded by position (STL, OFF).
// Kept global (over the whole result), not restricted to the intersection
// vertices and the operands' vertices near each other's box: a pair can
// also come whole from one operand (an earlier union of solids that only
// touch keeps its coincident vertices on purpose), and such a pair, far
// from the other operand, must still answer true (it starts the other
// perturbation choice below); nothing known about an operand says it has
// none without this same pass over it. (Measured: 1.2% of the test
// model's whole run, bench/PROFILE.md, Session 8 output assembly.)
bool HasCoincidentUsedVerts(const Mesh& m) {
  std::vector<char> used(m.vertPos.size(), 0);
  for (const auto& t : m.triVerts)
    for (int v : t) used[v] = 1;
  size_t numUsed = 0;
  bool anyNan = false;
  const Vec3* pos = m.vertPos.data();
  for (size_t v = 0; v < used.size(); ++v) {
    if (!used[v]) continue;
    ++numUsed;
    const Vec3& p = pos[v];
    anyNan = anyNan || p.x != p.x || p.y != p.y || p.z != p.z;
  }
  // An open-addressing table of vertex indices keyed by the coordinates'
  // bits (-0 as +0, as == treats them equal): linear, where a sort by
  // position was n log n. NaN (never equal, and unordered for the sort)
  // takes the sort below.
  if (!anyNan) {
    size_t cap = 16;
    while (cap < 2 * numUsed) cap *= 2;
    std::vector<int> table(cap, -1);
    for (size_t v = 0; v < used.size(); ++v) {
      if (!used[v]) continue;
      const Vec3& p = pos[v];
      const uint64_t h = PositionHash(p);
      for (size_t slot = static_cast<size_t>(h) & (cap - 1);; slot = (slot + 1) & (cap - 1)) {
        if (table[slot] < 0) {
          table[slot] = static_cast<int>(v);
          break;
        }
        if (pos[static_cast<size_t>(table[slot])] == p) return true;
      }
    }
    return false;
  }
  std::vector<Vec3> pts;
  for (size_t v = 0; v < used.size(); ++v)
    if (used[v]) pts.push_back(pos[v]);
  auto less = [](const Vec3& p, const Vec3& q) {
    if (p.x != q.x) return p.x < q.x;
    if (p.y != q.y) return p.y < q.y;
    return p.z < q.z;
  };
  std::sort(pts.begin(), pts.end(), less);
  for (size_t i = 1; i < pts.size(); ++i)
    if (pts[i] == pts[i - 1]) return true;
  return false;
}

// A boolean's result is often the operand of the next one and, in a
// renderer, also stored in its cache: an empty slot that copies share lets
// the next boolean's preparation serve them all.
// `closed`: cleanup left it closed and manifold with its twins complete
// (kept with its fingerprint, so the next preparation takes the twins).
// `coincidentUsed`: two used vertices of it coincide (the slot's hint).
Mesh WithPreparedSlot(Mesh m, bool closed = false, bool coincidentUsed = false) {
  m.prepared = std::make_shared<PreparedSlot>();
  m.prepared->coincidentUsed = coincidentUsed;
  if (closed && m.NumTri() > 0) {
    m.prepared->closedTwins = TriangleFingerprintOf(m);  // read by SameTriangles alone
    m.prepared->closedTwinsKnown = true;
  }
  return m;
}

}  // namespace

Mesh Boolean(const Mesh& a, const Mesh& b, OpType op, LimitGuard* guard) {
  return BooleanWithFingerprints(a, b, op, guard, nullptr, nullptr);
}

Mesh BooleanWithFingerprints(const Mesh& a, const Mesh& b, OpType op, LimitGuard* guard,
                             const MeshFingerprint* fingerprintA, const MeshFingerprint* fingerprintB) {
  RawInfo info;
  info.fingerprintA = fingerprintA;
  info.fingerprintB = fingerprintB;
  Mesh out = BooleanRawWithInfo(a, b, op, guard, info);
  if (guard && (guard->Stopped() || !guard->Check())) return Mesh{};
  // Only the faces the intersection changed (and their neighbours) are
  // cleaned; the rest is the inputs' triangles, as clean as they were.
  bool closed = false;
  bool distinctUsed = false;  // the cleanup knows no two used vertices coincide
  if (info.activeVerts.size() == out.vertPos.size())
    closed = CleanupMeshNear(out, std::move(info.activeVerts), info.consistent, &distinctUsed);
  else
    CleanupMesh(out);
#ifdef MOS_CHECK_SKIPPED_PASSES
  if (distinctUsed && HasCoincidentUsedVerts(out)) std::abort();
#endif
  // Operands with coincident surfaces (issue267: a torus united with a
  // solid whose boundary holds pieces of that same torus) can leave a flat
  // zero-volume fan on the other operand's face, its apex at the position
  // of a vertex of that face: cleanup cannot weld the two (the edge to the
  // fan's far corner would carry four triangles). The other perturbation
  // choice (the one not preferred) usually has no such tie left. Not the
  // shifted operand: where
  // solids touch along an edge (property (b) seed 11110) it joins them by
  // a sliver a rounding step wide, which later booleans cut differently
  // from the exact solids. (Not asked when the cleanup's weld already
  // knows the answer: no two used vertices coincide.)
  if (a.NumTri() > 0 && b.NumTri() > 0 && !distinctUsed && HasCoincidentUsedVerts(out)) {
    bool altClosed = false;
    Mesh alt = OtherChoice(a, b, op, !info.perturbedSecond, guard, info, altClosed);
    if (guard && (guard->Stopped() || !guard->Check())) return Mesh{};
    // Solids that only touch (cubes sharing an edge) keep their coincident
    // vertices on purpose; a choice that separates them is not wanted.
#ifdef MOS_CHECK_ASSEMBLE_LOCAL
    if (altClosed && !IsClosedManifold(alt)) std::abort();
#endif
    if (alt.NumTri() > 0 && (altClosed || IsClosedManifold(alt)) && !HasCoincidentUsedVerts(alt) &&
        ComponentCount(alt) == ComponentCount(out) && Genus(alt) == Genus(out))
      return WithPreparedSlot(std::move(alt), true);
    return WithPreparedSlot(std::move(out), closed, true);
  }
  return WithPreparedSlot(std::move(out), closed);
}

}  // namespace mos::kernel
