// Post-boolean cleanup (Smith 2009, ch. 5; cf. Manifold's simplification):
// edge collapses guarded by the link condition, edge swaps for degenerate
// triangles, pinched-vertex splitting. Every step keeps the mesh closed,
// oriented and manifold.
#include "kernel/cleanup.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

#include "kernel/cleanup_check.h"
#include "kernel/cleanup_flat_witness.h"
#include "kernel/cleanup_kept_map.h"
#include "kernel/cleanup_weld.h"

namespace mos::kernel {

using cleanup_detail::CoincidentReps;
using cleanup_detail::ThreePlanesApart;
using cleanup_detail::WeldByReps;
using cleanup_detail::WeldCoincidentMarking;
#if defined(MOS_CHECK_CLEANUP_LOCAL) || defined(MOS_CHECK_FLAT_WITNESS) || defined(MOS_CHECK_CLEANUP_SKIPS)
using cleanup_detail::CheckFailed;
#endif
#ifdef MOS_CHECK_CLEANUP_LOCAL
using cleanup_detail::SameBits;
#endif

namespace {

bool TwinsMutualAndOpposite(const Mesh& m) {
  const int numTri = m.NumTri();
  const int numHalf = 3 * numTri;
  const int* twin = m.halfedgeTwin.data();
  for (int t = 0; t < numTri; ++t) {
    const auto& v = m.triVerts[t];
    for (int i = 0; i < 3; ++i) {
      const int h = 3 * t + i;
      const int tw = twin[h];
      if (static_cast<unsigned>(tw) >= static_cast<unsigned>(numHalf) || twin[tw] != h) return false;
      const int a = v[i], b = v[i == 2 ? 0 : i + 1];
      const auto& w = m.triVerts[tw / 3];
      const int k = tw % 3;
      if (a == b || w[k] != b || w[k == 2 ? 0 : k + 1] != a) return false;
    }
  }
  return true;
}


// Halfedge arithmetic for ids known to be >= 0, in unsigned form: these
// run in the innermost loops, and signed division needs sign fix-ups.
inline int Tri3(int h) { return static_cast<int>(static_cast<unsigned>(h) / 3u); }
inline int Corner3(int h) { return static_cast<int>(static_cast<unsigned>(h) % 3u); }
inline int Next3(int h) { return Corner3(h) == 2 ? h - 2 : h + 1; }
inline int Prev3(int h) { return Corner3(h) == 0 ? h + 2 : h - 1; }

// A one-byte mark that is not a character type (stores through it cannot
// alias other objects, unlike char's).
enum class Mark : unsigned char { kNo = 0, kYes = 1 };

class Cleaner {
 public:
  // `active` (per vertex, may be null = all): the passes start only at
  // triangles with an active vertex; the rest of the mesh is left as it is
  // unless a collapse or swap started there reaches it.
  // `known` (may be null or stale, then unused): what an earlier cleaner
  // found about each triangle (see known_).
  // `known` is taken (moved from) when it fits the mesh.
  explicit Cleaner(Mesh& m, const std::vector<char>* active = nullptr, std::vector<char>* known = nullptr)
      : m_(m), removed_(m.NumTri(), 0), dirty_(kTrackWritten ? m.NumTri() : 0, 0) {
    if (known && known->size() == m.triVerts.size()) known_ = std::move(*known);
    else known_.assign(m.NumTri(), 0);
    if (!active || active->size() < m.vertPos.size()) {  // no mask, or one older than the mesh: all
      all_ = true;
      return;
    }
    // Written through a pointer into room for every triangle (a push_back
    // per listed triangle checked the capacity each time).
    const int numTri = m.NumTri();
    // Room for every triangle, not filled first (each slot up to the count
    // is written below).
    tris_.reset(new int[static_cast<size_t>(numTri > 0 ? numTri : 1)]);
    int* out = tris_.get();
    const char* act = active->data();
    const std::array<int, 3>* tv = m.triVerts.data();
    for (int t = 0; t < numTri; ++t) {
      *out = t;
      out += (act[tv[t][0]] | act[tv[t][1]] | act[tv[t][2]]) != 0;
    }
    numListed_ = static_cast<int>(out - tris_.get());
    if (numListed_ == numTri) {  // every triangle, in order: as with no mask
      all_ = true;
      tris_.reset();
    }
  }

  bool Changed() const { return changed_; }
  // For a weld that drops the removed triangles itself (see
  // FinishPassAndWeld): the removed flags and the per-triangle findings,
  // both in the uncompacted numbering.
  std::vector<char> TakeRemoved() { return std::move(removed_); }
  std::vector<char> TakeKnownUncompacted() { return std::move(known_); }
  // known_ for the mesh as it is now; empty when not followed (a global
  // compaction).
  std::vector<char> TakeKnown() { return knownValid_ ? std::move(known_) : std::vector<char>{}; }
  int NumListed() const { return all_ ? m_.NumTri() : numListed_; }
  int Listed(int i) const { return all_ ? i : tris_[i]; }

  // What the passes over the listed triangles read, as locals: no array
  // is resized during a pass, and through the members a flag store (char)
  // would make the compiler reload them from the mesh.
  struct PassArrays {
    const std::array<int, 3>* tv;
    const Vec3* pos;
    const char* removed;
    char* known;
    const int* listed;  // null: every triangle, in order
    int numListed;
  };
  PassArrays ForPasses() {
    return {m_.triVerts.data(), m_.vertPos.data(), removed_.data(), known_.data(), all_ ? nullptr : tris_.get(),
            NumListed()};
  }

  int End(int h) const {
    const int c = Corner3(h);
    return m_.triVerts[Tri3(h)][c == 2 ? 0 : c + 1];
  }
  int Start(int h) const { return m_.triVerts[Tri3(h)][Corner3(h)]; }
  bool Removed(int h) const { return removed_[Tri3(h)] != 0; }

  // Outgoing halfedges of Start(h0), by walking its fan; empty when the fan
  // is broken (then nothing is done around that vertex).
  bool Fan(int h0, std::vector<int>& out) const {
    out.clear();
    int h = h0;
    const int limit = 3 * m_.NumTri();
    do {
      out.push_back(h);
      const int tw = m_.halfedgeTwin[Prev3(h)];
      if (tw < 0 || static_cast<int>(out.size()) > limit) return false;
      h = tw;
    } while (h != h0);
    return true;
  }

  // Collapses halfedge h (a->b): b merges into a. Returns false when the
  // link condition or orientation guard forbids it.
  bool Collapse(int h, bool strict = false) {
    // Locals, not the mesh's and cleaner's members: the flag stores (chars)
    // below would make the compiler reload those after every store.
    int* twin = m_.halfedgeTwin.data();
    std::array<int, 3>* tv = m_.triVerts.data();
    const Vec3* pos = m_.vertPos.data();
    char* removed = removed_.data();
    char* dirty = dirty_.data();
    char* known = known_.data();
    auto end = [tv](int e) {
      const int c = Corner3(e);
      return tv[Tri3(e)][c == 2 ? 0 : c + 1];
    };
    const int tw = twin[h];
    if (tw < 0 || removed[Tri3(h)] || removed[Tri3(tw)]) return false;
    const int a = tv[Tri3(h)][Corner3(h)], b = end(h);
    const int c = end(Next3(h)), d = end(Next3(tw));
    if (a == b || c == d) return false;
    // Link condition: a and b share exactly the neighbours c and d. a's
    // neighbours are stamped as its fan is walked (not listed: only b's fan
    // is used again); a broken fan refuses the collapse.
    stamp_.resize(m_.NumVert(), -1);
    int* stamp = stamp_.data();
    const int epoch = ++epoch_;
    {
      const int limit = 3 * m_.NumTri();
      int e = h;
      int count = 0;
      do {
        stamp[end(e)] = epoch;
        const int next = twin[Prev3(e)];
        if (next < 0 || ++count > limit) return false;
        e = next;
      } while (e != h);
    }
    if (!Fan(tw, fanB_)) return false;
    for (int e : fanB_) {
      const int n = end(e);
      if (stamp[n] == epoch && n != c && n != d && n != a) return false;
    }
    // Orientation guard: moving b to a must not flip a surviving triangle.
    const Vec3 pa = pos[a];
    for (int e : fanB_) {
      const int t = Tri3(e);
      if (t == Tri3(h) || t == Tri3(tw)) continue;
      const Vec3 p1 = pos[end(e)], p2 = pos[end(Next3(e))];
      const Vec3 pb = pos[b];
      const Vec3 before = Cross(p1 - pb, p2 - pb);
      const Vec3 after = Cross(p1 - pa, p2 - pa);
      if (strict) {  // the surface may not change: same orientation, not degenerate
        if (!(Dot(before, after) > 0)) return false;
        continue;
      }
      if (Dot(before, after) < 0 && Length(before) * Length(after) > 0) {
        const double scale = std::max(LengthSquared(p1 - pb), LengthSquared(p2 - pb));
        if (Length(after) > 1e-9 * scale) return false;
      }
    }
    // Splice the twins across the two vanishing triangles.
    auto markHalf = [dirty](int x) {
      if (kTrackWritten && x >= 0) dirty[Tri3(x)] = 1;
    };
    for (int side : {h, tw}) {
      const int n = Next3(side), p = Prev3(side);
      const int tn = twin[n], tp = twin[p];
      twin[tn] = tp;
      twin[tp] = tn;
      removed[Tri3(side)] = 1;
      markHalf(side);
      markHalf(tn);
      markHalf(tp);
    }
    anyRemoved_ = true;
    for (int e : fanB_) {
      const int t = Tri3(e);
      if (removed[t]) continue;
      tv[t][Corner3(e)] = a;
      if (kTrackWritten) dirty[t] = 1;
      known[t] = 0;
    }
    changed_ = true;
    return true;
  }

  // Swaps the edge h (shared by triangles abc and bad) to cd.
  bool Swap(int h) {
    const int tw = m_.halfedgeTwin[h];
    if (tw < 0 || Removed(h) || Removed(tw)) return false;
    const int a = Start(h), b = End(h);
    const int c = End(Next3(h)), d = End(Next3(tw));
    if (c == d) return false;
    // c-d must not already be an edge: c's fan walked (from c->a) without
    // listing it, stopping at d (a broken fan refuses the swap as well).
    {
      const int* twin = m_.halfedgeTwin.data();
      const std::array<int, 3>* tv = m_.triVerts.data();
      const int e0 = Prev3(h);
      const int limit = 3 * m_.NumTri();
      int e = e0;
      int count = 0;
      do {
        const int te = Tri3(e), ce = e - 3 * te;
        if (tv[te][ce == 2 ? 0 : ce + 1] == d) return false;
        const int next = twin[ce == 0 ? e + 2 : e - 1];
        if (next < 0 || ++count > limit) return false;
        e = next;
      } while (e != e0);
    }
    const int t0 = Tri3(h), t1 = Tri3(tw);
    // Old halfedges: in t0 b->c (hn), c->a (hp); in t1 a->d (tn), d->b (tp).
    const int hn = Next3(h), hp = Prev3(h);
    const int tn = Next3(tw), tp = Prev3(tw);
    const int twHn = m_.halfedgeTwin[hn], twHp = m_.halfedgeTwin[hp];
    const int twTn = m_.halfedgeTwin[tn], twTp = m_.halfedgeTwin[tp];
    // New t0 = (c, a, d), t1 = (d, b, c).
    m_.triVerts[t0] = {c, a, d};
    m_.triVerts[t1] = {d, b, c};
    known_[t0] = known_[t1] = 0;
    auto link = [&](int x, int y) {
      m_.halfedgeTwin[x] = y;
      m_.halfedgeTwin[y] = x;
    };
    link(3 * t0 + 0, twHp);  // c->a
    link(3 * t0 + 1, twTn);  // a->d
    link(3 * t0 + 2, 3 * t1 + 2);  // d->c with c->d
    link(3 * t1 + 0, twTp);  // d->b
    link(3 * t1 + 1, twHn);  // b->c
    MarkDirty(t0);
    MarkDirty(t1);
    for (int x : {twHn, twHp, twTn, twTp}) MarkDirtyHalf(x);
    changed_ = true;
    return true;
  }

  // A triangle whose three edges were all found long is skipped until a
  // collapse or swap rewrites its corners: positions never move here, so
  // the test would find them long again and do nothing (the same collapses
  // in the same order as testing every listed halfedge every pass).
  void CollapseShortEdges(double eps) {
    const PassArrays arrays = ForPasses();
    if (arrays.listed) {  // one loop per kind of list, as SwapDegenerate
      const int* listed = arrays.listed;
      CollapseShortPasses(eps, arrays, [listed](int i) { return listed[i]; });
    } else {
      CollapseShortPasses(eps, arrays, [](int i) { return i; });
    }
  }
  template <typename At>
  void CollapseShortPasses(double eps, const PassArrays& arrays, At at) {
    const double eps2 = eps * eps;
    const auto [tv, pos, removed, known, listed, numListed] = arrays;
    for (int pass = 0; pass < 4; ++pass) {
      bool any = false;
      for (int i = 0; i < numListed; ++i) {
        const int t = at(i);
#ifdef MOS_CHECK_CLEANUP_LOCAL
        // The flag (maybe carried through a weld's relabelling) must say
        // what the test finds now.
        if ((known[t] & kAllLong) && !removed[t])
          for (int k = 0; k < 3; ++k)
            if (!(LengthSquared(pos[tv[t][k]] - pos[tv[t][k == 2 ? 0 : k + 1]]) > eps2)) CheckFailed("all-long flag");
#endif
        if (known[t] & kAllLong) continue;
        if (removed[t]) continue;  // (not all long: no flag)
        // The corners read once: a collapse that succeeds removes t (the
        // rest of its edges are then skipped), one that fails changes nothing.
        const std::array<int, 3> tri = tv[t];
        bool allLong = true;
        for (int k = 0; k < 3; ++k) {
          if (removed[t]) {
            allLong = false;
            continue;
          }
          if (LengthSquared(pos[tri[k]] - pos[tri[k == 2 ? 0 : k + 1]]) > eps2) continue;
          allLong = false;
          if (Collapse(3 * t + k)) any = true;
        }
        if (allLong) known[t] |= kAllLong;
      }
      if (!any) break;
    }
  }

  // A triangle with one vertex (c) on its longest edge (ab), within eps of
  // the line: swap ab away.
  // A triangle found not degenerate is tested again in a later pass only if
  // a swap rewrote it since: nothing else changes its corners (swaps move
  // no vertex and remove no triangle), so the skipped test would fail again
  // and do nothing. Degenerate ones are tested every pass (a swap refused
  // earlier may be possible now). The same swaps in the same order as
  // testing every listed triangle every pass. The flag is known_'s
  // kNotDegenerate: a swap clears it on both triangles it rewrites.
  void SwapDegenerate(double eps) {
    const PassArrays arrays = ForPasses();
    // The loop compiled once per kind of list: most listed triangles are
    // skipped by their flags, and the list test in that short path was a
    // third of its instructions.
    if (arrays.listed) {
      const int* listed = arrays.listed;
      SwapDegeneratePasses(eps, arrays, [listed](int i) { return listed[i]; });
    } else {
      SwapDegeneratePasses(eps, arrays, [](int i) { return i; });
    }
  }
  template <typename At>
  void SwapDegeneratePasses(double eps, const PassArrays& arrays, At at) {
    const auto [tv, pos, removed, known, listed, numListed] = arrays;
    for (int pass = 0; pass < 4; ++pass) {
      bool any = false;
      for (int i = 0; i < numListed; ++i) {
        const int t = at(i);
#ifdef MOS_CHECK_CLEANUP_LOCAL
        const bool checkFlag = !removed[t] && (known[t] & kNotDegenerate);  // tested below all the same
        if (removed[t] || ((known[t] & kNotDegenerate) && !checkFlag)) continue;
#else
        if (removed[t] || (known[t] & kNotDegenerate)) continue;
#endif
        const std::array<int, 3>& tri = tv[t];
        const Vec3 p0 = pos[tri[0]], p1 = pos[tri[1]], p2 = pos[tri[2]];
        // The edges p[i+1] - p[i]. With a the longest edge's start, b its end
        // and c the third corner, b - a is that edge and c - a the negated
        // edge before it: Cross(b - a, c - a) is Cross(edge, previous edge)
        // negated, bit for bit (negation is exact), so of the same length.
        const Vec3 edge[3] = {p1 - p0, p2 - p1, p0 - p2};
        int longest = 0;
        double len2 = -1;
        for (int i = 0; i < 3; ++i) {
          const double l = LengthSquared(edge[i]);
          if (l > len2) {
            len2 = l;
            longest = i;
          }
        }
        const int h = 3 * t + longest;
        const double area2 = Length(Cross(edge[longest], edge[longest == 0 ? 2 : longest - 1]));
#ifdef MOS_CHECK_CLEANUP_LOCAL
        {  // the corner differences the shortcut replaces
          const Vec3 p[3] = {p0, p1, p2};
          const Vec3 pa = p[longest], pb = p[longest == 2 ? 0 : longest + 1];
          const Vec3 pc = p[longest == 0 ? 2 : longest - 1];
          const double ref = Length(Cross(pb - pa, pc - pa));
          if (!(ref == area2 || (ref != ref && area2 != area2))) CheckFailed("sliver area");
        }
#endif
        if (len2 <= 0 || area2 > eps * std::sqrt(len2)) {
          known[t] |= kNotDegenerate;
          continue;
        }
#ifdef MOS_CHECK_CLEANUP_LOCAL
        if (checkFlag) CheckFailed("not-degenerate flag");
#endif
        if (Swap(h)) any = true;  // clears kNotDegenerate on both triangles
      }
      if (!any) break;
    }
  }

  // Removes vertices that carry no shape: all their triangles in one plane
  // (a flat vertex), or in two planes with the vertex on their straight
  // crease, each plane with one property. Such a vertex merges into a neighbour along a crease edge (or
  // any edge, when flat) if no triangle flips.
  // The mesh must be closed and manifold (twins a complete matching): then
  // every fan walk comes back to its start, so the planes are sorted as the
  // fan is walked and the walk stops at the first triangle that rules the
  // vertex out (the same decisions as walking the whole fan first).
  void CollapseColinear(double cosTol) {
    const PassArrays arrays = ForPasses();
    if (arrays.listed) {  // one loop per kind of list, as SwapDegenerate
      const int* listed = arrays.listed;
      CollapseColinearPasses(cosTol, arrays, [listed](int i) { return listed[i]; });
    } else {
      CollapseColinearPasses(cosTol, arrays, [](int i) { return i; });
    }
  }
  template <typename At>
  void CollapseColinearPasses(double cosTol, const PassArrays& arrays, At at) {
    std::vector<int>& fan = fanC_;
    // A vertex is examined once, from its first outgoing halfedge, and again
    // only after a collapse changed its fan (examining it from each of its
    // halfedges walked every fan deg times: most of a boolean's cleanup).
    // Ints, not chars: a char store may alias anything, and the compiler
    // then reloads every pointer below after each mark.
    // Bit kExamined: examined since its fan last changed; bit kWitnessed:
    // witness[v] holds why its last examination kept it.
    std::vector<int> examined(m_.NumVert(), 0);
    // Per vertex, why its last examination kept it (see
    // cleanup_flat_witness.h): a degenerate triangle of its fan ({t, -1,
    // -1}), or the triangles of the two planes and the third one met. A
    // neighbour's collapse clears kExamined around it, and the fans there
    // are often long (a cap triangulated into fans) while nearly always
    // still kept: when the witness still holds (checked only then), the walk
    // is skipped (the same decision). Not filled: read only under
    // kWitnessed.
    std::unique_ptr<std::array<int, 3>[]> witness(new std::array<int, 3>[static_cast<size_t>(m_.NumVert())]);
    // None of these arrays is resized during the pass (collapses write in
    // place).
    const int* twin = m_.halfedgeTwin.data();
    const uint32_t* triProp = m_.triProp.data();
    [[maybe_unused]] const auto [tv, pos, removed, known, listed, numListed] = arrays;
    const size_t limit = 3 * static_cast<size_t>(m_.NumTri());
    for (int pass = 0; pass < 3; ++pass) {
      bool any = false;
      for (int i = 0; i < numListed; ++i) {
        const int t0 = at(i);
        // Most triangles have every corner examined already (each vertex is
        // examined at its first triangle): one test for the three.
        {
          const std::array<int, 3>& tri0 = tv[t0];
          if (examined[tri0[0]] & examined[tri0[1]] & examined[tri0[2]] & kExamined) continue;
        }
        for (int c0 = 0; c0 < 3; ++c0) {
          if (removed[t0]) break;  // a collapse from an earlier corner removed it
          const int v = tv[t0][c0];
          if (examined[v] & kExamined) continue;
          // Distinct planes (up to two) of the triangles around v, each
          // carrying one property, so no colour boundary moves. A degenerate
          // triangle, a third plane or a second property in a plane leaves v
          // as it is, whichever is met first in the fan's order from this
          // corner.
          Vec3 planes[2];
          uint32_t planeProp[2] = {0, 0};
          int numPlanes = 0;
          bool keep = false;
          bool broken = false;
          // The halfedges walked so far (the fan is listed below only for a
          // vertex that is not kept, which the walk then went all round).
          size_t walked = 0;
          const Vec3 pv = pos[v];
          if ((examined[v] & kWitnessed) && WitnessKeeps(witness[v], v, pv, cosTol)) {
#if defined(MOS_CHECK_CLEANUP_LOCAL) || defined(MOS_CHECK_FLAT_WITNESS)
            if (!WalkKeeps(3 * t0 + c0, cosTol)) CheckFailed("flat-vertex witness");
#endif
            examined[v] |= kExamined;
            continue;
          }
          int planeTri[2] = {-1, -1};
          std::array<int, 3> why = {-1, -1, -1};  // the witness candidate this walk finds, if any
          int t = t0, c = c0;
          const int h0 = 3 * t0 + c0;
          for (;;) {
            const int e = 3 * t + c;
            ++walked;
            const auto& tri = tv[t];
            const Vec3 n = Cross(pos[tri[c == 2 ? 0 : c + 1]] - pv, pos[tri[c == 0 ? 2 : c - 1]] - pv);
            const double len = Length(n);
            if (!(len > 0)) {
              keep = true;
              why = {t, -1, -1};
              break;
            }
            const Vec3 normal = n * (1.0 / len);
            const uint32_t prop = triProp[t];
            int found = -1;
            for (int pl = 0; pl < numPlanes; ++pl)
              if (Dot(normal, planes[pl]) > cosTol) found = pl;
            if (found >= 0) {
              if (planeProp[found] != prop) {
                keep = true;
                break;
              }
            } else if (numPlanes == 2) {
              keep = true;
              why = {planeTri[0], planeTri[1], t};  // tested when used (WitnessKeeps)
              break;
            } else {
              planeProp[numPlanes] = prop;
              planeTri[numPlanes] = t;
              planes[numPlanes++] = normal;
            }
            const int tw = twin[c == 0 ? e + 2 : e - 1];
            if (tw < 0 || walked > limit) {  // not closed: leave v (the mesh is closed here)
              broken = true;
              break;
            }
            if (tw == h0) break;
            t = Tri3(tw);
            c = tw - 3 * t;
          }
          if (broken) continue;
#ifdef MOS_CHECK_CLEANUP_LOCAL
          {  // the whole fan walk the early stop replaces must succeed
            std::vector<int> whole;
            if (!Fan(h0, whole)) CheckFailed("colinear fan");
          }
#endif
          if (keep) {
            if (why[0] >= 0) {
              witness[v] = why;
              examined[v] = kExamined | kWitnessed;
            } else {
              examined[v] = kExamined;
            }
            continue;
          }
          examined[v] = kExamined;
          fan.clear();
          for (int e = h0;;) {  // the whole fan, which the walk above closed
            fan.push_back(e);
            e = twin[Corner3(e) == 0 ? e + 2 : e - 1];
            if (e == h0) break;
          }
          for (int e : fan) {
            const int u = End(e);
            if (numPlanes == 2) {
              // u must lie on the crease: the edge in both planes.
              const Vec3 d = pos[u] - pv;
              const double len = Length(d);
              if (!(len > 0)) continue;
              if (std::fabs(Dot(d, planes[0])) > (1 - cosTol) * 8 * len ||
                  std::fabs(Dot(d, planes[1])) > (1 - cosTol) * 8 * len)
                continue;
            }
            // Merge v into u: collapse the halfedge u->v. The fans of v's
            // neighbours (u among them) change.
            if (Collapse(twin[e], true)) {
              for (int f : fan) examined[End(f)] &= ~kExamined;
              any = true;
              break;
            }
          }
        }
      }
      if (!any) break;
    }
  }

  // CollapseColinear's per-vertex state bits.
  static constexpr int kExamined = 1, kWitnessed = 2;

  // The unit normal CollapseColinear's walk computes for triangle t at v's
  // corner (the same expression, so the same bits); false when v is not a
  // corner of t or t is removed. `len` gets the cross product's length.
  bool NormalAt(int t, int v, const Vec3& pv, Vec3& normal, double& len) const {
    if (removed_[t]) return false;
    const auto& tri = m_.triVerts[t];
    const int c = tri[0] == v ? 0 : tri[1] == v ? 1 : tri[2] == v ? 2 : -1;
    if (c < 0) return false;
    const Vec3* pos = m_.vertPos.data();
    const Vec3 n = Cross(pos[tri[c == 2 ? 0 : c + 1]] - pv, pos[tri[c == 0 ? 2 : c - 1]] - pv);
    len = Length(n);
    normal = n * (1.0 / len);
    return true;
  }

  // Whether the witness `w` (a degenerate triangle, or three triangles of
  // normals ThreePlanesApart) still shows that the walk keeps v: its
  // triangles still have v as a corner, so they are in v's one fan (the
  // mesh is closed and manifold throughout the pass), and still test so.
  bool WitnessKeeps(const std::array<int, 3>& w, int v, const Vec3& pv, double cosTol) const {
    if (w[0] < 0) return false;
    Vec3 n[3];
    double len;
    if (w[1] < 0) return NormalAt(w[0], v, pv, n[0], len) && !(len > 0);
    for (int i = 0; i < 3; ++i)
      if (!NormalAt(w[i], v, pv, n[i], len) || !(len > 0)) return false;
    return ThreePlanesApart(n[0], n[1], n[2], cosTol);
  }

#if defined(MOS_CHECK_CLEANUP_LOCAL) || defined(MOS_CHECK_FLAT_WITNESS)
  // CollapseColinear's walk from h0, only its decision: whether it keeps
  // the vertex (a broken fan counts as not kept).
  bool WalkKeeps(int h0, double cosTol) const {
    const Vec3* pos = m_.vertPos.data();
    const int v = Start(h0);
    const Vec3 pv = pos[v];
    Vec3 planes[2];
    uint32_t planeProp[2] = {0, 0};
    int numPlanes = 0;
    size_t walked = 0;
    const size_t limit = 3 * static_cast<size_t>(m_.NumTri());
    int e = h0;
    for (;;) {
      ++walked;
      const int t = Tri3(e), c = Corner3(e);
      const auto& tri = m_.triVerts[t];
      const Vec3 n = Cross(pos[tri[c == 2 ? 0 : c + 1]] - pv, pos[tri[c == 0 ? 2 : c - 1]] - pv);
      const double len = Length(n);
      if (!(len > 0)) return true;
      const Vec3 normal = n * (1.0 / len);
      const uint32_t prop = m_.triProp[t];
      int found = -1;
      for (int pl = 0; pl < numPlanes; ++pl)
        if (Dot(normal, planes[pl]) > cosTol) found = pl;
      if (found >= 0) {
        if (planeProp[found] != prop) return true;
      } else if (numPlanes == 2) {
        return true;
      } else {
        planeProp[numPlanes] = prop;
        planes[numPlanes++] = normal;
      }
      const int tw = m_.halfedgeTwin[Prev3(e)];
      if (tw < 0 || walked > limit) return false;
      if (tw == h0) return false;
      e = tw;
    }
  }
#endif

  // Drops the removed triangles. The collapses and swaps kept the twins
  // paired (link condition, no doubled edge), so they are renumbered
  // instead of rebuilt; BuildHalfedges runs only if a twin would not be
  // mutual and opposite after that.
  // `wasClosed`: the mesh was closed and manifold (IsClosedManifold) when
  // this cleaner started. Then only the triangles a collapse or swap wrote
  // (their corners or twins) need checking: every other triangle and its
  // twin pair are as they were. Returns whether the result is known to be
  // closed and manifold with no pinched vertex (false: not known).
  bool Compact(bool wasClosed) {
#ifdef MOS_CHECK_CLEANUP_LOCAL
    // What the global steps give (compaction, then the pinched split).
    Mesh ref = m_;
    {
      Cleaner refCleaner(ref);
      refCleaner.removed_ = removed_;
      refCleaner.CompactGlobal();
    }
    Mesh refSplit = ref;
    SplitPinchedVerts(refSplit);
    const bool local = wasClosed && CompactLocal(true);
    if (wasClosed && !local) CheckFailed("the passes left a closed mesh not closed");
    if (!local) CompactGlobal();
    const Mesh& want = local ? refSplit : ref;
    if (want.triVerts != m_.triVerts || want.halfedgeTwin != m_.halfedgeTwin || want.triProp != m_.triProp ||
        !SameBits(want.vertPos, m_.vertPos) || (local && !IsClosedManifold(m_)))
      CheckFailed("compact");
    return local;
#else
    if (wasClosed && CompactLocal(false)) return true;
    CompactGlobal();
    return false;
#endif
  }

  // Whether the passes left the mesh closed and manifold, given that it was
  // so when this cleaner started: always, so the written triangles are not
  // walked (WrittenValid, checked in the check build). A collapse splices
  // the twins across its two triangles and passes the link condition (the
  // ends share no neighbour but the two opposite corners), and a swap
  // makes an edge between two vertices not yet joined: each keeps every
  // twin mutual and opposite, one fan per vertex and no neighbour twice in
  // a fan (the combinatorial-manifold edge operations, Dey et al. 1999).
  bool PassesKeptClosed() const {
    if (m_.halfedgeTwin.size() != 3 * m_.triVerts.size()) return false;  // twins not followed
#ifdef MOS_CHECK_CLEANUP_LOCAL
    if (!WrittenValid()) CheckFailed("the passes left a closed mesh not closed (written)");
#endif
    return true;
  }

  // What CompactLocal's checks say, asked of the mesh before compaction
  // (the removed triangles still in place): the compaction renumbers the
  // kept triangles one to one and only written triangles can point at a
  // removed one, so twins, their pairing and the fans through written
  // corners are the same checks in the old numbering. True: the compacted
  // mesh is closed and manifold with no pinched vertex. Needs the mesh
  // closed and manifold before the passes.
  bool WrittenValid() const {
    const int oldTri = m_.NumTri();
    const int numHalf = 3 * oldTri;
    if (static_cast<int>(m_.halfedgeTwin.size()) != numHalf) return false;
    const int nv = m_.NumVert();
    const int* twin = m_.halfedgeTwin.data();
    const std::array<int, 3>* tv = m_.triVerts.data();
    std::vector<int> written;  // the written triangles that survive
    for (int t = 0; t < oldTri; ++t)
      if (dirty_[t] && !removed_[t]) written.push_back(t);
    for (int t : written) {
      const auto& v = tv[t];
      for (int i = 0; i < 3; ++i)
        if (static_cast<unsigned>(v[i]) >= static_cast<unsigned>(nv)) return false;
      for (int i = 0; i < 3; ++i) {
        const int h = 3 * t + i;
        const int tw = twin[h];
        if (static_cast<unsigned>(tw) >= static_cast<unsigned>(numHalf)) return false;
        const unsigned tt = static_cast<unsigned>(tw) / 3u;
        if (removed_[tt] || twin[tw] != h) return false;
        const int a = v[i], b = v[i == 2 ? 0 : i + 1];
        const auto& w = tv[tt];
        const int k = tw - 3 * static_cast<int>(tt);
        if (a == b || w[k] != b || w[k == 2 ? 0 : k + 1] != a) return false;
      }
    }
    return WrittenFansOk(written);  // as CompactLocal walks them
  }

  // The fans through the corners of the triangles in `written` (their twins
  // checked mutual and opposite): one fan per vertex, no neighbour twice in
  // it.
  bool WrittenFansOk(const std::vector<int>& written) const {
    const int numHalf = 3 * m_.NumTri();
    const int nv = m_.NumVert();
    const int* twin = m_.halfedgeTwin.data();
    const std::array<int, 3>* tv = m_.triVerts.data();
    // Marks of their own byte type: a char store may alias anything, and
    // the compiler then reloads every pointer in the walk after each mark.
    std::vector<Mark> seen(static_cast<size_t>(numHalf), Mark::kNo);
    std::vector<Mark> walked(static_cast<size_t>(nv), Mark::kNo);
    std::vector<int> neighbourStamp(static_cast<size_t>(nv), -1);
    for (int t : written) {
      for (int i = 0; i < 3; ++i) {
        const int h0 = 3 * t + i;
        if (seen[h0] == Mark::kYes) continue;
        const int v = tv[t][i];
        if (walked[v] == Mark::kYes) return false;  // a second fan around v: pinched
        walked[v] = Mark::kYes;
        int h = h0;
        int count = 0;
        do {
          const int c = Corner3(h);
          const int nb = tv[Tri3(h)][c == 2 ? 0 : c + 1];
          if (neighbourStamp[nb] == v) return false;  // a neighbour twice
          neighbourStamp[nb] = v;
          seen[h] = Mark::kYes;
          if (++count > numHalf) return false;
          h = twin[c == 0 ? h + 2 : h - 1];
        } while (h != h0);
      }
    }
    return true;
  }

#ifdef MOS_CHECK_CLEANUP_LOCAL
  // A cleaner in the same state over `other` (a copy of the mesh), for
  // running the steps a shortcut replaces beside it.
  Cleaner CloneFor(Mesh& other) const {
    Cleaner c(other);
    c.removed_ = removed_;
    c.dirty_ = dirty_;
    c.known_ = known_;
    c.knownValid_ = knownValid_;
    c.all_ = all_;
    if (tris_) {
      c.tris_.reset(new int[static_cast<size_t>(numListed_ > 0 ? numListed_ : 1)]);
      std::copy(tris_.get(), tris_.get() + numListed_, c.tris_.get());
    }
    c.numListed_ = numListed_;
    c.changed_ = changed_;
    c.anyRemoved_ = anyRemoved_;
    return c;
  }
#endif

 private:
  void MarkDirty(int t) {
    if (kTrackWritten) dirty_[t] = 1;
  }
  // The triangle of halfedge h, marked (none for an unpaired twin, -1).
  void MarkDirtyHalf(int h) {
    if (h >= 0) MarkDirty(static_cast<int>(static_cast<unsigned>(h) / 3u));
  }

  // The removed triangles dropped in place (the same order and twins as
  // CompactGlobal gives), then the twins of the written triangles checked
  // and the fans through them walked. False when a check fails; the mesh
  // is then either untouched or compacted with renumbered twins, from
  // which CompactGlobal gives what it gives from the uncompacted mesh.
  // `verify`: check the twins and fans of the written triangles (the check
  // build); else they are known good (PassesKeptClosed) and only the
  // compaction is done.
  bool CompactLocal(bool verify) {
    const int oldTri = m_.NumTri();
    if (static_cast<int>(m_.halfedgeTwin.size()) != 3 * oldTri) return false;
    std::vector<int> written;  // the written triangles that survive, in their new numbering
    if (verify) written.reserve(oldTri);
    if (anyRemoved_) {
      // The twins start as one perfect matching (the mesh was closed), and
      // every twin a collapse or swap rewrote, on both ends, belongs to a
      // written triangle: an unwritten triangle's twins still point at
      // their old partners, which point back and are not removed. So only
      // the written triangles can point at a removed one.
      if (verify)  // a written triangle's twins on kept triangles (else untouched, false)
        for (int t = 0; t < oldTri; ++t) {
          if (removed_[t] || !dirty_[t]) continue;
          for (int i = 0; i < 3; ++i) {
            const int tw = m_.halfedgeTwin[3 * t + i];
            if (tw < 0 || tw >= 3 * oldTri || removed_[static_cast<unsigned>(tw) / 3u]) return false;
          }
        }
      std::unique_ptr<int[]> newHeOwner(new int[3 * static_cast<size_t>(oldTri > 0 ? oldTri : 1)]);
      const int* const newHe = newHeOwner.get();
      const int n = cleanup_detail::FillKeptHalfedgeMap(removed_.data(), oldTri, newHeOwner.get());
      int* twin = m_.halfedgeTwin.data();
      std::array<int, 3>* tv = m_.triVerts.data();
      uint32_t* prop = m_.triProp.data();
      char* known = known_.data();
      const char* dirty = dirty_.data();
      const char* rem = removed_.data();
      for (int t = 0, nt = 0; t < oldTri; ++t) {
        if (rem[t]) continue;
        if (verify && dirty[t]) written.push_back(nt);
        // In place: the new index is at most the old one, read first.
        for (int i = 0; i < 3; ++i) twin[3 * nt + i] = newHe[static_cast<size_t>(twin[3 * t + i])];
        tv[nt] = tv[t];
        prop[nt] = prop[t];
        known[nt] = known[t];
        ++nt;
      }
      known_.resize(n);
      m_.triVerts.resize(n);
      m_.triProp.resize(n);
      m_.halfedgeTwin.resize(3 * static_cast<size_t>(n));
      removed_.assign(n, 0);
      anyRemoved_ = false;
    } else if (verify) {
      for (int t = 0; t < oldTri; ++t)
        if (dirty_[t]) written.push_back(t);
    }
    numListed_ = 0;  // triangle ids changed: the list is void
    if (!verify) return true;
    const int numTri = m_.NumTri();
    const int numHalf = 3 * numTri;
    const int nv = m_.NumVert();
    const int* twin = m_.halfedgeTwin.data();
    for (int t : written) {
      const auto& v = m_.triVerts[t];
      for (int i = 0; i < 3; ++i)
        if (static_cast<unsigned>(v[i]) >= static_cast<unsigned>(nv)) return false;
      for (int i = 0; i < 3; ++i) {
        const int h = 3 * t + i;
        const int tw = twin[h];
        if (static_cast<unsigned>(tw) >= static_cast<unsigned>(numHalf) || twin[tw] != h) return false;
        const int a = v[i], b = v[i == 2 ? 0 : i + 1];
        const auto& w = m_.triVerts[Tri3(tw)];
        const int k = tw % 3;
        if (a == b || w[k] != b || w[k == 2 ? 0 : k + 1] != a) return false;
      }
    }
    // Twins are now mutual and opposite everywhere: a triangle nothing
    // wrote keeps its corners and twins, and a pair with a written side is
    // checked from that side. The fans: a vertex whose triangles are all
    // unwritten keeps its one fan (a disc). A vertex with a written
    // triangle has one in every fan it has now: a fan of unwritten
    // triangles is a cycle that existed before, so it was the vertex's
    // whole fan, yet the vertex gained or lost triangles only through one
    // of its old triangles being written (the removed ones, a collapse's
    // kept end, a swap's two). So walking from each written corner finds
    // every such fan: one per vertex, no neighbour twice, as
    // IsClosedManifold asks.
    return WrittenFansOk(written);
  }

  // Drops the removed triangles. The collapses and swaps kept the twins
  // paired (link condition, no doubled edge), so they are renumbered
  // instead of rebuilt; BuildHalfedges runs only if a twin would not be
  // mutual and opposite after that.
  void CompactGlobal() {
    knownValid_ = false;
    const int oldTri = m_.NumTri();
    std::vector<int> newTri(oldTri, -1);
    std::vector<std::array<int, 3>> tris;
    std::vector<uint32_t> props;
    tris.reserve(oldTri);
    props.reserve(oldTri);
    for (int t = 0; t < oldTri; ++t) {
      if (removed_[t]) continue;
      newTri[t] = static_cast<int>(tris.size());
      tris.push_back(m_.triVerts[t]);
      props.push_back(m_.triProp[t]);
    }
    std::vector<int> twins(3 * tris.size(), -1);
    bool paired = static_cast<int>(m_.halfedgeTwin.size()) == 3 * oldTri;
    for (int t = 0; t < oldTri && paired; ++t) {
      if (removed_[t]) continue;
      for (int i = 0; i < 3; ++i) {
        const int tw = m_.halfedgeTwin[3 * t + i];
        if (tw < 0 || newTri[Tri3(tw)] < 0) {
          paired = false;
          break;
        }
        twins[3 * newTri[t] + i] = 3 * newTri[Tri3(tw)] + tw % 3;
      }
    }
    m_.triVerts.swap(tris);
    m_.triProp.swap(props);
    removed_.assign(m_.NumTri(), 0);
    numListed_ = 0;  // triangle ids changed: the list is void
    if (paired) {
      m_.halfedgeTwin.swap(twins);
      paired = TwinsMutualAndOpposite(m_);
    }
#ifdef MOS_CHECK_COMPACT_TWINS
    if (paired) {
      Mesh check = m_;
      if (!BuildHalfedges(check) || check.halfedgeTwin != m_.halfedgeTwin) std::abort();
    }
#endif
    if (!paired) BuildHalfedges(m_);
  }

  Mesh& m_;
  std::vector<char> removed_;
  std::vector<int> fanB_, fanC_;
  std::vector<int> stamp_;
  // Per triangle, what a test found since its corners were last written
  // (positions never move in a cleanup, eps is fixed): kAllLong, all three
  // edges longer than eps; kNotDegenerate, not a sliver. Handed from
  // cleaner to cleaner (and through a weld's reordering) by Cleanup.
  static constexpr char kAllLong = 1, kNotDegenerate = 2;
  std::vector<char> known_;
  bool knownValid_ = true;
  int epoch_ = 0;
  bool all_ = false;
  std::unique_ptr<int[]> tris_;  // the listed triangles when !all_ (numListed_ of them)
  int numListed_ = 0;
  bool changed_ = false;   // a collapse or swap happened
  bool anyRemoved_ = false;
  // Per triangle: a collapse or swap wrote its corners or twins. Only the
  // check build reads it (the written triangles' checks, PassesKeptClosed).
#ifdef MOS_CHECK_CLEANUP_LOCAL
  static constexpr bool kTrackWritten = true;
#else
  static constexpr bool kTrackWritten = false;
#endif
  std::vector<char> dirty_;
};

}  // namespace

void RemoveUnusedVerts(Mesh& mesh) {
  // Vertices renumbered in order of first use. The corners are read and
  // written through locals, and the old vertex of each new number listed
  // (an int store) instead of a position appended per new vertex; the
  // positions are gathered after.
  const int nv = mesh.NumVert();
  std::vector<int> newId(static_cast<size_t>(nv), -1);
  std::unique_ptr<int[]> oldOf(new int[static_cast<size_t>(nv > 0 ? nv : 1)]);
  int* id = newId.data();
  int* old = oldOf.get();
  int n = 0;
  std::array<int, 3>* tv = mesh.triVerts.data();
  const size_t numTri = mesh.triVerts.size();
  for (size_t t = 0; t < numTri; ++t) {
    int* c = tv[t].data();
    for (int k = 0; k < 3; ++k) {
      const int v = c[k];
      int to = id[v];
      if (to < 0) {
        to = n++;
        id[v] = to;
        old[to] = v;
      }
      c[k] = to;
    }
  }
  std::vector<Vec3> pos;
  pos.reserve(static_cast<size_t>(n));
  const Vec3* from = mesh.vertPos.data();
  for (int i = 0; i < n; ++i) pos.push_back(from[old[i]]);
  mesh.vertPos.swap(pos);
}

void SplitPinchedVerts(Mesh& mesh) {
  const int numHe = 3 * mesh.NumTri();
  if (static_cast<int>(mesh.halfedgeTwin.size()) != numHe) return;
  std::vector<char> visited(numHe, 0);
  std::vector<char> vertSeen(mesh.NumVert(), 0);
  for (int h0 = 0; h0 < numHe; ++h0) {
    if (visited[h0]) continue;
    const int v = HalfedgeStart(mesh, h0);
    int newV = v;
    if (vertSeen[v]) {  // a second fan around v: give it its own vertex
      newV = mesh.NumVert();
      mesh.vertPos.push_back(mesh.vertPos[v]);
      vertSeen.push_back(1);
    }
    vertSeen[v] = 1;
    int h = h0;
    for (int guard = 0; guard < numHe && h >= 0 && !visited[h]; ++guard) {
      visited[h] = 1;
      mesh.triVerts[h / 3][h % 3] = newV;
      h = mesh.halfedgeTwin[PrevHalfedge(h)];
    }
  }
}

namespace {

// Whether four vertices of the component span a tetrahedron too thick to
// lie within eps of any plane, so that the exact flatness test must fail.
// Four points within e of a plane (a slab 2e wide) bound a volume
// V <= e * S (a cross-section is at most the projection, which covers at
// most half the surface S), and S <= sqrt(3) L^2 (four triangles with
// sides at most L, their longest distance): 6V <= 10.4 e L^2. The test's
// rounding (coordinates at most 1e12 eps) moves e by far less than the
// factor of four kept here (48 eps L^2). Tries the first corner of a few
// triangles against the first triangle; false (not known) sends the
// component through the exact test.
bool ClearlyNotFlat(const Mesh& mesh, const int* tris, size_t numTris, double eps) {
  const auto& t0 = mesh.triVerts[tris[0]];
  const Vec3 a = mesh.vertPos[t0[0]], b = mesh.vertPos[t0[1]], c = mesh.vertPos[t0[2]];
  const Vec3 n = Cross(b - a, c - a);
  const double base = std::max({LengthSquared(b - a), LengthSquared(c - a), LengthSquared(c - b)});
  const size_t tries = std::min<size_t>(numTris, 64);
  for (size_t i = 1; i < tries; ++i) {
    const Vec3 p = mesh.vertPos[mesh.triVerts[tris[i]][0]];
    const double l2 = std::max({base, LengthSquared(p - a), LengthSquared(p - b), LengthSquared(p - c)});
    if (std::fabs(Dot(p - a, n)) > 48 * eps * l2) return true;
  }
  return false;
}

// Drops flat components: a closed component whose vertices all lie
// within `eps` of one plane encloses nothing. Two kinds reach here: a
// pillow (abc + acb), where edge collapses stop because the link condition
// forbids the last one (a sliver a rounding step thick, from an operand of
// Boolean's shifted retry meeting a face it only touches exactly, seed
// 7809); and a flat fold of coplanar faces whose two sides were
// triangulated differently, so nothing cancels them (seed 4387).
void DropFlatComponents(Mesh& mesh, double eps) {
  const int nt = mesh.NumTri();
  if (static_cast<int>(mesh.halfedgeTwin.size()) != 3 * nt) return;
  // Per triangle, whether a component has reached it (one byte of a type
  // that is not a character type: its stores alias nothing else).
  std::vector<Mark> reached(static_cast<size_t>(nt), Mark::kNo);
  // Every triangle is pushed and visited once in all: the stack and the
  // visit order (each component a stretch of it) fit in nt entries, written
  // before they are read.
  std::unique_ptr<int[]> stack(new int[static_cast<size_t>(nt)]);
  std::unique_ptr<int[]> visited(new int[static_cast<size_t>(nt)]);
  std::vector<char> drop;
  const int* twins = mesh.halfedgeTwin.data();
  Mark* in = reached.data();
  size_t numVisited = 0;
  bool any = false;
  for (int seed = 0; seed < nt; ++seed) {
    if (in[seed] == Mark::kYes) continue;
    int* tris = visited.get() + numVisited;
    size_t numTris = 0;
    size_t top = 0;
    in[seed] = Mark::kYes;
    stack[top++] = seed;
    while (top > 0) {
      const int t = stack[--top];
      tris[numTris++] = t;
      for (int k = 0; k < 3; ++k) {
        const int twin = twins[3 * t + k];
        if (twin < 0) continue;
        const int tt = static_cast<int>(static_cast<unsigned>(twin) / 3u);
        if (in[tt] == Mark::kYes) continue;
        in[tt] = Mark::kYes;
        stack[top++] = tt;
      }
    }
    numVisited += numTris;
#ifdef MOS_CHECK_CLEANUP_LOCAL
    const bool clearlyNotFlat = ClearlyNotFlat(mesh, tris, numTris, eps);  // checked against the exact test below
#else
    if (ClearlyNotFlat(mesh, tris, numTris, eps)) continue;
#endif
    // The plane of the component's largest triangle.
    Vec3 normal{0, 0, 0}, origin{0, 0, 0};
    double best = 0;
    for (size_t i = 0; i < numTris; ++i) {
      const int t = tris[i];
      const Vec3 a = mesh.vertPos[mesh.triVerts[t][0]];
      const Vec3 n = Cross(mesh.vertPos[mesh.triVerts[t][1]] - a, mesh.vertPos[mesh.triVerts[t][2]] - a);
      const double len = Length(n);
      if (len > best) {
        best = len;
        normal = n * (1 / len);
        origin = a;
      }
    }
    bool flat = true;
    for (size_t i = 0; i < numTris && flat; ++i)
      for (int v : mesh.triVerts[tris[i]]) flat = flat && std::fabs(Dot(mesh.vertPos[v] - origin, normal)) <= eps;
#ifdef MOS_CHECK_CLEANUP_LOCAL
    if (clearlyNotFlat && flat) CheckFailed("flat certificate");
#endif
    if (!flat) continue;
    drop.resize(static_cast<size_t>(nt), 0);
    for (size_t i = 0; i < numTris; ++i) drop[tris[i]] = 1;
    any = true;
  }
  if (!any) return;
  Mesh out;
  out.vertPos = std::move(mesh.vertPos);
  for (int t = 0; t < nt; ++t) {
    if (drop[t]) continue;
    out.triVerts.push_back(mesh.triVerts[t]);
    out.triProp.push_back(mesh.triProp[t]);
  }
  mesh = std::move(out);
  BuildHalfedges(mesh);
}

}  // namespace

namespace {

// Pinched vertices split; the copies are active (their fans changed).
void SplitPinchedMarking(Mesh& mesh, std::vector<char>* active) {
  SplitPinchedVerts(mesh);
  if (active) active->resize(mesh.vertPos.size(), 1);
}

// `active` (per vertex, or null for all): where the collapse and swap
// passes start. `twinsValid`: halfedgeTwin is already what BuildHalfedges
// would give and the mesh is closed and manifold.
// Compacts and splits pinched vertices after a cleaner's passes; a
// cleaner that changed nothing leaves the mesh as it was (its twins
// already right, no pinched vertex since the last split).
// `wasClosed`: the mesh was known closed and manifold before the passes.
// Returns whether it is known so after (Compact checked the triangles the
// passes wrote; then there is no pinched vertex to split).
bool FinishPass(Cleaner& cleaner, Mesh& mesh, std::vector<char>* active, bool wasClosed) {
  if (!cleaner.Changed()) return wasClosed;
  if (cleaner.Compact(wasClosed)) return true;
  SplitPinchedMarking(mesh, active);
  return false;
}

// FinishPass, then WeldCoincidentMarking: when the passes changed the mesh,
// it was closed before and the written triangles check out, the weld drops
// the removed triangles itself (its sort rebuilds every triangle anyway), so
// the compaction's renumbering of all twins is not done twice.
// `knownClosed` in: the mesh was known closed and manifold before the
// passes; out: as FinishPass leaves it. `known` gets what the weld leaves of
// the cleaner's findings. Returns the weld's answer.
// `reps`: CoincidentReps' answer from an earlier call of this cleanup, used
// again when the mesh has as many vertices (a cleanup moves no vertex and
// only appends: pinched-vertex copies), else found and stored.
struct KnownReps {
  std::vector<int> rep;
  bool any = false;
  // Every vertex triangles use is its own representative: a weld moved
  // each onto it, and since then only collapses (onto used vertices) and
  // swaps changed the triangles. Cleared when the mesh may have changed
  // otherwise (another kind of weld, or `rep` found again).
  bool usedAreReps = false;
};

bool FinishPassAndWeld(Cleaner& cleaner, Mesh& mesh, std::vector<char>* active, bool& knownClosed,
                       std::vector<char>& known, KnownReps& reps) {
#ifdef MOS_CHECK_CLEANUP_LOCAL
  // The steps this replaces, on copies.
  Mesh refMesh = mesh;
  std::vector<char> refActive = active ? *active : std::vector<char>{};
  bool refClosed = knownClosed;
  std::vector<char> refKnown;
  bool refWelded;
  {
    Cleaner ref = cleaner.CloneFor(refMesh);
    refClosed = FinishPass(ref, refMesh, active ? &refActive : nullptr, refClosed);
    refKnown = ref.TakeKnown();
    refWelded = WeldCoincidentMarking(refMesh, active ? &refActive : nullptr, refClosed, &refKnown);
  }
#endif
  // The positions do not change in FinishPass unless it splits pinched
  // vertices (which appends copies): the coincident vertices are found first.
  if (reps.rep.size() != static_cast<size_t>(mesh.NumVert())) {
    reps.any = CoincidentReps(mesh, reps.rep);
    reps.usedAreReps = false;
  }
#ifdef MOS_CHECK_CLEANUP_LOCAL
  {
    std::vector<int> fresh;
    const bool freshAny = CoincidentReps(mesh, fresh);
    if (freshAny != reps.any || fresh != reps.rep) CheckFailed("kept representatives");
  }
#endif
  const bool any = reps.any;
  bool welded;
  if (!any) {  // nothing to weld: only the compaction
    knownClosed = FinishPass(cleaner, mesh, active, knownClosed);
    known = cleaner.TakeKnown();
    welded = mesh.NumVert() != static_cast<int>(reps.rep.size()) &&
             WeldCoincidentMarking(mesh, active, knownClosed, &known);  // split copies coincide
    reps.usedAreReps = false;
  } else if (cleaner.Changed() && knownClosed && cleaner.PassesKeptClosed()) {
    knownClosed = true;
    const std::vector<char> removed = cleaner.TakeRemoved();
    known = cleaner.TakeKnownUncompacted();
    welded = WeldByReps(mesh, reps.rep, true, active, true, &known, &removed, reps.usedAreReps, &reps.usedAreReps);
  } else {
    knownClosed = FinishPass(cleaner, mesh, active, knownClosed);
    known = cleaner.TakeKnown();
    if (mesh.NumVert() == static_cast<int>(reps.rep.size())) {
      // Nothing appended: the kept representatives are this mesh's (what
      // WeldCoincidentMarking would find), and whether the used vertices
      // are their own still holds (the passes only collapsed and swapped).
      welded = WeldByReps(mesh, reps.rep, reps.any, active, knownClosed, &known, nullptr, reps.usedAreReps,
                          &reps.usedAreReps);
    } else {
      welded = WeldCoincidentMarking(mesh, active, knownClosed, &known);
      reps.usedAreReps = false;
    }
  }
#ifdef MOS_CHECK_CLEANUP_LOCAL
  if (welded != refWelded || knownClosed != refClosed || refMesh.triVerts != mesh.triVerts ||
      refMesh.triProp != mesh.triProp || refMesh.halfedgeTwin != mesh.halfedgeTwin ||
      !SameBits(refMesh.vertPos, mesh.vertPos) || (active && refActive != *active) || refKnown != known)
    CheckFailed("finish pass and weld");
#endif
  return welded;
}

// `distinctUsed` (may be null): see CleanupMeshNear.
bool Cleanup(Mesh& mesh, std::vector<char>* active, bool twinsValid, bool* distinctUsed = nullptr) {
  if (distinctUsed) *distinctUsed = false;
  if (mesh.NumTri() == 0) {
    mesh = Mesh{};
    return false;
  }
  if (active && active->size() != mesh.vertPos.size()) active->resize(mesh.vertPos.size(), 1);
  if (!twinsValid && !BuildHalfedges(mesh)) {  // not manifold: only the safe steps
    SplitPinchedVerts(mesh);
    RemoveUnusedVerts(mesh);
    return false;
  }
  double scale = 1;
  for (const Vec3& p : mesh.vertPos) scale = std::max({scale, std::fabs(p.x), std::fabs(p.y), std::fabs(p.z)});
  const double eps = 1e-12 * scale;
  // Whether the mesh is known to be closed and manifold without checking:
  // a cleaner pass that changed nothing and a weld (which keeps only a
  // closed, manifold result) leave it so.
  bool knownClosed = twinsValid;  // checked by the boolean
  // A closed manifold mesh has one fan per vertex: nothing to split then.
  if (!twinsValid) SplitPinchedMarking(mesh, active);
  // What each cleaner's tests found per triangle, for the next one (a
  // triangle found not degenerate, or with no short edge, is not tested
  // again until its corners change).
  std::vector<char> known;
  Cleaner cleaner(mesh, active);
  cleaner.CollapseShortEdges(eps);
  cleaner.SwapDegenerate(eps);
  cleaner.CollapseShortEdges(eps);
  KnownReps reps;
  // The cleaner after the first weld, kept when its passes changed nothing:
  // then the mesh, `active` and its findings are what a new cleaner for the
  // flat pass would start from (the same listed triangles), so it does the
  // flat pass itself.
  std::optional<Cleaner> again;
  // The first weld was done in place (each used vertex moved onto its
  // representative, the triangles left in key order) and nothing changed
  // the mesh since: see the flat pass below.
  bool sortedSinceWeld = false;
  if (FinishPassAndWeld(cleaner, mesh, active, knownClosed, known, reps) && mesh.NumTri() > 0) {
    knownClosed = true;
    sortedSinceWeld = reps.usedAreReps;
    again.emplace(mesh, active, &known);
    again->CollapseShortEdges(eps);
    again->SwapDegenerate(eps);
    knownClosed = FinishPass(*again, mesh, active, knownClosed);
    if (again->Changed()) {
      known = again->TakeKnown();
      again.reset();
      sortedSinceWeld = false;
    }
  }
  if (mesh.NumTri() > 0 && (knownClosed || IsClosedManifold(mesh))) {
    knownClosed = true;
    std::optional<Cleaner> fresh;
    if (!again) fresh.emplace(mesh, active, &known);
    Cleaner& flat = again ? *again : *fresh;
    flat.CollapseColinear(1 - 1e-12);
    flat.SwapDegenerate(eps);
    // When neither the cleaner after the first weld nor the flat pass
    // changed anything, the second weld would find the triangles in key
    // order with every used vertex its own representative (an identity),
    // and the cleaner after it would repeat the first one's passes on the
    // same mesh, triangles and findings (changing nothing again): both are
    // skipped. (Check build: MOS_CHECK_CLEANUP_SKIPS runs them.)
    const bool skipSecondWeld = sortedSinceWeld && !flat.Changed();
#ifdef MOS_CHECK_CLEANUP_SKIPS
    Mesh refMesh;
    std::vector<char> refActive;
    bool refClosed = knownClosed;
    KnownReps refReps;
    if (skipSecondWeld) {
      refMesh = mesh;
      refActive = active ? *active : std::vector<char>{};
      refReps = reps;
      std::vector<char> refKnown = flat.TakeKnown();
      std::vector<char> keepKnown = refKnown;
      Cleaner refFlat(refMesh, active ? &refActive : nullptr, &refKnown);
      if (!FinishPassAndWeld(refFlat, refMesh, active ? &refActive : nullptr, refClosed, refKnown, refReps) ||
          refMesh.NumTri() == 0)
        CheckFailed("skipped weld: no weld");
      refClosed = true;
      Cleaner refAgain(refMesh, active ? &refActive : nullptr, &refKnown);
      refAgain.CollapseShortEdges(eps);
      refAgain.SwapDegenerate(eps);
      refClosed = FinishPass(refAgain, refMesh, active ? &refActive : nullptr, refClosed);
      if (refAgain.Changed() || !refClosed) CheckFailed("skipped weld: the cleaner after it changed the mesh");
      known = std::move(keepKnown);
    }
#endif
    // Collapsing flat vertices can turn a cluster that could not be welded
    // above (its merge left an edge unpaired) into a plain fold: two
    // operands' vertices at one point (two tori sharing a point on the
    // rotation axis) would otherwise stay two vertices at the same position,
    // and any output welded by position (STL) is then not manifold.
    if (!skipSecondWeld && FinishPassAndWeld(flat, mesh, active, knownClosed, known, reps) && mesh.NumTri() > 0) {
      knownClosed = true;
      Cleaner after(mesh, active, &known);
      after.CollapseShortEdges(eps);
      after.SwapDegenerate(eps);
      knownClosed = FinishPass(after, mesh, active, knownClosed);
    }
#ifdef MOS_CHECK_CLEANUP_SKIPS
    if (skipSecondWeld &&
        (refMesh.triVerts != mesh.triVerts || refMesh.triProp != mesh.triProp ||
         refMesh.halfedgeTwin != mesh.halfedgeTwin || refMesh.vertPos.size() != mesh.vertPos.size() ||
         (active && refActive != *active) || refClosed != knownClosed || refReps.rep != reps.rep ||
         refReps.any != reps.any || refReps.usedAreReps != reps.usedAreReps))
      CheckFailed("skipped weld: the mesh differs");
#endif
  }
  // A closed manifold mesh keeps its pairing through dropping whole
  // components and renumbering vertices: no rebuild needed then.
  const bool closed = knownClosed || IsClosedManifold(mesh);
  // The representatives are still this mesh's when no vertex was appended
  // (positions never move in a cleanup, copies only append); then no two
  // used vertices coincide when none coincided at all, or when each used
  // vertex is its own representative (the lowest at its position). Dropping
  // flat components and unused vertices below keeps that.
  const bool distinct = reps.rep.size() == mesh.vertPos.size() && (!reps.any || reps.usedAreReps);
  if (closed) DropFlatComponents(mesh, eps);
  RemoveUnusedVerts(mesh);
  if (!closed) BuildHalfedges(mesh);
  if (mesh.NumTri() == 0) {
    mesh = Mesh{};
    return false;
  }
  if (distinctUsed) *distinctUsed = distinct;
  return closed;
}

}  // namespace

bool WeldCoincident(Mesh& mesh) { return WeldCoincidentMarking(mesh, nullptr); }

void CleanupMesh(Mesh& mesh) { Cleanup(mesh, nullptr, false); }

bool CleanupMeshNear(Mesh& mesh, std::vector<char> active, bool twinsValid, bool* distinctUsed) {
  return Cleanup(mesh, &active, twinsValid, distinctUsed);
}

}  // namespace mos::kernel
