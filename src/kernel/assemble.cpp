// Keep and assemble (Smith 2009, ch. 4): partial, new and whole edges of
// every output face.
#include "kernel/assemble.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <tuple>

#include "kernel/small_sort.h"

namespace mos::kernel {

namespace {

struct Inclusion {
  int c, s;  // inclusion count = c + s * winding
  int operator()(int w) const { return c + s * w; }
};

// A directed edge of output face `face`, in the order it was found.
struct FaceEdge {
  int face;
  std::pair<int, int> edge;
};

struct NewEdgeEnd {
  int faceP, faceQ, vert;
  bool startOnP;  // this vertex starts the new edge as seen on P's face
};

// Partial and whole edges of one operand, plus the new-edge ends its hits
// create. `faceOffset` places its faces in the output face list.
// `untouched` faces (UntouchedFaces) get none; `walk` (optional): the
// forward halfedges to visit, increasing (EdgesOfTouched), else all.
void CutEdges(const BoolOperand& m, bool isP, Inclusion inc, const std::vector<int>& winding,
              const std::vector<int>& outVert, const std::vector<EdgeTriHit>& hits, int hitVertBase,
              int faceOffset, const std::vector<char>& untouched, const std::vector<int>* walk,
              std::vector<FaceEdge>& out, std::vector<NewEdgeEnd>& ends) {
  const BoolMeshView view = m.View();
  const int numHe = 3 * m.NumTri();
  size_t h = 0;
  std::vector<int> order;
  const bool listed = walk != nullptr;
  const int numSteps = listed ? static_cast<int>(walk->size()) : numHe;
  for (int step = 0; step < numSteps; ++step) {
    const int he = listed ? (*walk)[static_cast<size_t>(step)] : step;
    if (!listed && !view.Forward(he)) continue;
    const int tw = m.twin[he];
    // An untouched face's edges carry no hit: it gets its triangle
    // directly (UntouchedFaces), so its pieces are left out here.
    const bool skipL = !untouched.empty() && untouched[static_cast<size_t>(he / 3)];
    const bool skipR = tw >= 0 && !untouched.empty() && untouched[static_cast<size_t>(tw / 3)];
    if (skipL && skipR) continue;
    const int faceL = faceOffset + he / 3;
    const int faceR = tw >= 0 ? faceOffset + tw / 3 : -1;
    while (h < hits.size() && hits[h].edge < he) ++h;
    size_t hEnd = h;
    while (hEnd < hits.size() && hits[hEnd].edge == he) ++hEnd;
    if (hEnd == h) {  // no hit (most edges): the walk below comes to one whole piece
      const int a0 = outVert[view.Start(he)], b0 = outVert[view.End(he)];
      const int i = inc(winding[view.Start(he)]);
      if (i != 0 && a0 >= 0 && b0 >= 0 && a0 != b0) {
        const int a = i > 0 ? a0 : b0;
        const int b = i > 0 ? b0 : a0;
        if (!skipL) out.push_back({faceL, {a, b}});
        if (faceR >= 0 && !skipR) out.push_back({faceR, {b, a}});
      }
      continue;
    }
    // Order the hits so the running winding stays within the inputs'
    // range; hits at nearly the same place may come in either order.
    order.clear();
    for (size_t k = h; k < hEnd; ++k) order.push_back(static_cast<int>(k));
    const int wStart = winding[view.Start(he)];
    const int wEnd = winding[view.End(he)];
    const int lo = std::min({0, wStart, wEnd});
    const int hi = std::max({1, wStart, wEnd});
    int w = wStart;
    for (size_t k = 0; k < order.size(); ++k) {
      if (w + hits[order[k]].dw >= lo && w + hits[order[k]].dw <= hi) {
        w += hits[order[k]].dw;
        continue;
      }
      for (size_t j = k + 1; j < order.size(); ++j) {
        if (hits[order[j]].dw == -hits[order[k]].dw) {
          std::rotate(order.begin() + k, order.begin() + j, order.begin() + j + 1);
          break;
        }
      }
      w += hits[order[k]].dw;
    }
    // Walk the pieces.
    w = wStart;
    int prev = outVert[view.Start(he)];
    for (size_t k = 0; k <= order.size(); ++k) {
      const int cur = k < order.size() ? hitVertBase + order[k] : outVert[view.End(he)];
      const int i = inc(w);
      if (i != 0 && prev >= 0 && cur >= 0 && prev != cur) {
        const int a = i > 0 ? prev : cur;
        const int b = i > 0 ? cur : prev;
        if (!skipL) out.push_back({faceL, {a, b}});
        if (faceR >= 0 && !skipR) out.push_back({faceR, {b, a}});
      }
      if (k == order.size()) break;
      const EdgeTriHit& hit = hits[order[k]];
      const int di = inc.s * hit.dw;
      // Flow into the vertex from the pieces on faceL is -di: the new edge
      // must carry it away (start) when positive. faceR runs the other way.
      const bool startL = di < 0;
      const bool startR = di > 0;
      if (isP) {
        ends.push_back({faceL, hit.tri, cur, startL});
        if (faceR >= 0) ends.push_back({faceR, hit.tri, cur, startR});
      } else {
        ends.push_back({hit.tri, faceL - faceOffset, cur, !startL});
        if (faceR >= 0) ends.push_back({hit.tri, faceR - faceOffset, cur, !startR});
      }
      w += hit.dw;
      prev = cur;
    }
  }
}

// Per face of a closed operand: whether no intersection touches it (no
// hit on its edges, no edge of the other operand through it) and its
// corners all have one inclusion. Such a face's polygon is its input
// triangle (inclusion > 0), reversed (< 0) or nothing (0); the kept ones
// go to out.directTri / directCorner, as the triangle the generic path
// would link from the face's edges (they come in the order of their
// forward halfedges, and the triangle starts at the first). Empty (no
// face) for an operand that is not closed: its twins may pair an edge's
// halfedges ambiguously, which the generic path handles. `touched` gets
// the other faces.
std::vector<char> UntouchedFaces(const BoolOperand& m, Inclusion inc, const std::vector<int>& winding,
                                 const std::vector<int>& outVert, const std::vector<EdgeTriHit>& ownHits,
                                 const std::vector<EdgeTriHit>& otherHits, int faceOffset, FacePolygons& out,
                                 std::vector<int>& touched) {
  std::vector<char> untouched;
  touched.clear();
  if (!m.closed || m.twin.size() != 3 * m.tri.size()) return untouched;
  const int numTri = m.NumTri();
  untouched.assign(static_cast<size_t>(numTri), 1);
  for (const EdgeTriHit& h : ownHits) {
    if (static_cast<unsigned>(h.edge) >= m.twin.size()) return {};
    untouched[static_cast<size_t>(h.edge / 3)] = 0;
    const int tw = m.twin[static_cast<size_t>(h.edge)];
    if (tw >= 0) untouched[static_cast<size_t>(tw / 3)] = 0;
  }
  for (const EdgeTriHit& h : otherHits) {
    if (h.tri < 0 || h.tri >= numTri) return {};
    untouched[static_cast<size_t>(h.tri)] = 0;
  }
  const std::array<int, 3>* tri = m.tri.data();
  const int* twin = m.twin.data();
  const int* wind = winding.data();
  std::array<int, 3>* directTri = out.directTri.data() + faceOffset;
  signed char* directCorner = out.directCorner.data() + faceOffset;
  for (int t = 0; t < numTri; ++t) {
    const std::array<int, 3>& v = tri[t];
    const int i = inc(wind[v[0]]);
    const int* tw = twin + 3 * t;
    if (!untouched[static_cast<size_t>(t)] || inc(wind[v[1]]) != i || inc(wind[v[2]]) != i || tw[0] < 0 ||
        tw[1] < 0 || tw[2] < 0) {
      untouched[static_cast<size_t>(t)] = 0;
      touched.push_back(t);
      continue;
    }
    if (i == 0) continue;  // dropped: no edges, no triangle
    const int k0 = v[0] < v[1] ? 3 * t : tw[0];
    const int k1 = v[1] < v[2] ? 3 * t + 1 : tw[1];
    const int k2 = v[2] < v[0] ? 3 * t + 2 : tw[2];
    const int first = k0 < k1 ? (k0 < k2 ? 0 : 2) : (k1 < k2 ? 1 : 2);
    const int a = outVert[static_cast<size_t>(v[first])];
    const int b = outVert[static_cast<size_t>(v[first == 2 ? 0 : first + 1])];
    const int c = outVert[static_cast<size_t>(v[first == 0 ? 2 : first - 1])];
    directCorner[t] = static_cast<signed char>(i > 0 ? first + 1 : -(first + 1));
    directTri[t] = i > 0 ? std::array<int, 3>{a, b, c} : std::array<int, 3>{b, a, c};
  }
  return untouched;
}

// The forward halfedges CutEdges must walk when only `touched` faces are
// cut (increasing, as the full walk meets them); empty with `all` set when
// so many are touched that the full walk is cheaper.
std::vector<int> EdgesOfTouched(const BoolOperand& m, const std::vector<int>& touched, bool& all) {
  std::vector<int> edges;
  all = 8 * touched.size() > m.tri.size();
  if (all) return edges;
  edges.reserve(3 * touched.size());
  for (int t : touched)
    for (int k = 0; k < 3; ++k) {
      const int he = 3 * t + k;
      const auto& v = m.tri[static_cast<size_t>(t)];
      edges.push_back(v[k] < v[k == 2 ? 0 : k + 1] ? he : m.twin[static_cast<size_t>(he)]);
    }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

// Sorts the new-edge ends by (P face, Q face, startOnP, vertex): those are
// all their fields, so one sequence comes out whatever the method. By P
// face first (a counting sort), then each face's few ends in place.
void SortEnds(std::vector<NewEdgeEnd>& ends, int numFacesP) {
  auto less = [](const NewEdgeEnd& a, const NewEdgeEnd& b) {
    return std::tie(a.faceQ, a.startOnP, a.vert) < std::tie(b.faceQ, b.startOnP, b.vert);
  };
  if (ends.size() < 64 || ends.size() < static_cast<size_t>(numFacesP) / 4) {  // few: a plain sort
    std::sort(ends.begin(), ends.end(), [&](const NewEdgeEnd& a, const NewEdgeEnd& b) {
      return a.faceP != b.faceP ? a.faceP < b.faceP : less(a, b);
    });
    return;
  }
  std::vector<int> start(static_cast<size_t>(numFacesP) + 2, 0);
  for (const NewEdgeEnd& e : ends) ++start[static_cast<size_t>(e.faceP) + 2];
  for (int f = 0; f < numFacesP; ++f) start[f + 2] += start[f + 1];
  std::vector<NewEdgeEnd> sorted(ends.size());
  for (const NewEdgeEnd& e : ends) sorted[static_cast<size_t>(start[static_cast<size_t>(e.faceP) + 1]++)] = e;
  for (int f = 0; f < numFacesP; ++f) {
    SortBucket(sorted.begin() + start[f], sorted.begin() + start[f + 1], less, 16);
  }
  ends.swap(sorted);
}

}  // namespace

BoolRoles RolesFor(OpType op, bool swapped) {
  switch (op) {
    case OpType::kUnion:
      return {1, -1, 1, -1, 1.0};
    case OpType::kIntersection:
      return {0, 1, 0, 1, -1.0};
    case OpType::kDifference:
      // First minus second: the first kept outside, the second reversed
      // inside; the first moves inward, or the second outward.
      return swapped ? BoolRoles{0, -1, 1, -1, 1.0} : BoolRoles{1, -1, 0, -1, -1.0};
  }
  return {1, -1, 1, -1, 1.0};
}

FacePolygons AssembleFaces(const BoolOperand& p, const BoolOperand& q, const BoolRoles& roles,
                           const std::vector<int>& windingP, const std::vector<int>& windingQ,
                           const std::vector<EdgeTriHit>& hitsPQ, const std::vector<EdgeTriHit>& hitsQP,
                           bool direct) {
  const Inclusion incP{roles.cP, roles.sP}, incQ{roles.cQ, roles.sQ};
  FacePolygons out;
  for (int w : windingP)
    if (std::abs(incP(w)) > 1) out.consistent = false;
  for (int w : windingQ)
    if (std::abs(incQ(w)) > 1) out.consistent = false;
  std::vector<int> outP(p.NumVert(), -1), outQ(q.NumVert(), -1);
  out.vertPos.reserve(p.pos.size() + q.pos.size() + hitsPQ.size() + hitsQP.size());
  for (int v = 0; v < p.NumVert(); ++v)
    if (incP(windingP[v]) != 0) {
      outP[v] = static_cast<int>(out.vertPos.size());
      out.vertPos.push_back(p.pos[v]);
    }
  for (int v = 0; v < q.NumVert(); ++v)
    if (incQ(windingQ[v]) != 0) {
      outQ[v] = static_cast<int>(out.vertPos.size());
      out.vertPos.push_back(q.pos[v]);
    }
  const int basePQ = static_cast<int>(out.vertPos.size());
  out.numOriginalVerts = basePQ;
  for (const EdgeTriHit& h : hitsPQ) out.vertPos.push_back(h.pos);
  const int baseQP = static_cast<int>(out.vertPos.size());
  for (const EdgeTriHit& h : hitsQP) out.vertPos.push_back(h.pos);

  const int nP = p.NumTri();
  const int nQ = q.NumTri();
  out.faceProp.resize(nP + nQ);
  out.numFacesP = nP;
  out.flipP = roles.cP == 0 && roles.sP < 0 ? -1.0 : 1.0;
  out.flipQ = roles.cQ == 0 && roles.sQ < 0 ? -1.0 : 1.0;
  for (int t = 0; t < nP; ++t) out.faceProp[t] = p.prop[t];
  for (int t = 0; t < nQ; ++t) out.faceProp[nP + t] = q.prop[t];

  std::vector<NewEdgeEnd> ends;
  ends.reserve(2 * (hitsPQ.size() + hitsQP.size()));  // two per hit on a paired edge
  std::vector<FaceEdge> raw;
  std::vector<char> untouchedP, untouchedQ;
  std::vector<int> walkP, walkQ;
  bool allP = true, allQ = true;
  if (direct && (p.closed || q.closed)) {
    out.directCorner.assign(static_cast<size_t>(nP + nQ), 0);
    out.directTri.assign(static_cast<size_t>(nP + nQ), std::array<int, 3>{-1, -1, -1});
    std::vector<int> touched;
    untouchedP = UntouchedFaces(p, incP, windingP, outP, hitsPQ, hitsQP, 0, out, touched);
    if (!untouchedP.empty()) walkP = EdgesOfTouched(p, touched, allP);
    untouchedQ = UntouchedFaces(q, incQ, windingQ, outQ, hitsQP, hitsPQ, nP, out, touched);
    if (!untouchedQ.empty()) walkQ = EdgesOfTouched(q, touched, allQ);
  }
  {
    size_t numTouched = static_cast<size_t>(nP + nQ);
    for (char u : untouchedP) numTouched -= u != 0;
    for (char u : untouchedQ) numTouched -= u != 0;
    raw.reserve(3 * numTouched + 2 * ends.capacity());
  }
  CutEdges(p, true, incP, windingP, outP, hitsPQ, basePQ, 0, untouchedP, allP ? nullptr : &walkP, raw, ends);
  CutEdges(q, false, incQ, windingQ, outQ, hitsQP, baseQP, nP, untouchedQ, allQ ? nullptr : &walkQ, raw, ends);

  // New edges: each (P face, Q face) pair gets one start and one end.
  SortEnds(ends, nP);
  size_t i = 0;
  std::vector<int> starts, stops;
  while (i < ends.size()) {
    size_t j = i;
    starts.clear();
    stops.clear();
    while (j < ends.size() && ends[j].faceP == ends[i].faceP && ends[j].faceQ == ends[i].faceQ) {
      (ends[j].startOnP ? starts : stops).push_back(ends[j].vert);
      ++j;
    }
    const size_t n = std::min(starts.size(), stops.size());
    if (starts.size() != stops.size()) out.consistent = false;
    for (size_t k = 0; k < n; ++k) {
      raw.push_back({ends[i].faceP, {starts[k], stops[k]}});
      raw.push_back({nP + ends[i].faceQ, {stops[k], starts[k]}});
    }
    i = j;
  }
  // Group by face, keeping the order found (a counting sort).
  out.faceStart.assign(static_cast<size_t>(nP + nQ) + 2, 0);
  for (const FaceEdge& e : raw) ++out.faceStart[static_cast<size_t>(e.face) + 2];
  for (int f = 0; f < nP + nQ; ++f) out.faceStart[f + 2] += out.faceStart[f + 1];
  out.edges.resize(raw.size());
  for (const FaceEdge& e : raw) out.edges[static_cast<size_t>(out.faceStart[static_cast<size_t>(e.face) + 1]++)] = e.edge;
  out.faceStart.pop_back();  // faceStart[f] is now face f's start, faceStart[nP + nQ] the end
  return out;
}

namespace {

// LinkLoops for a face of at most 64 edges (nearly every face): the next
// edge is the unused one of lowest index starting where the last one ended,
// found by a scan (what the sorted search below finds), `used` a bit mask,
// and each loop reserved once for the edges left. Into `loops` as
// LinkLoopsInto.
size_t LinkFewLoops(const std::pair<int, int>* edges, size_t numEdges, std::vector<std::vector<int>>& loops) {
  size_t count = 0;
  uint64_t used = 0;
  size_t numUsed = 0;
  const int n = static_cast<int>(numEdges);
  for (int e0 = 0; e0 < n; ++e0) {
    if (used >> e0 & 1) continue;
    if (count == loops.size()) loops.emplace_back();
    std::vector<int>& loop = loops[count];
    loop.clear();
    loop.reserve(numEdges - numUsed);
    int e = e0;
    const int first = edges[e0].first;
    while (e >= 0) {
      used |= uint64_t{1} << e;
      ++numUsed;
      loop.push_back(edges[e].first);
      const int v = edges[e].second;
      if (v == first) break;
      e = -1;
      for (int k = 0; k < n; ++k)
        if (edges[k].first == v && !(used >> k & 1)) {
          e = k;
          break;
        }
    }
    if (loop.size() >= 3) ++count;
  }
  return count;
}

struct ChainScratch {
  std::vector<int> slotVert, slotHead, next;
  std::vector<char> used;
};

}  // namespace

// LinkLoops for a face of more than 64 edges, in time linear in its edges:
// each start vertex's edges form a chain in increasing index (its head in
// an open-addressing table of the start vertices), and the next edge of a
// walk is the first unused one of its chain. The used edges of a chain are
// always a prefix of it (a loop starts at the first unused edge of all,
// each step takes the first unused edge of a chain), so a head only moves
// forward. The edges taken are the sorted index's (the first unused edge
// by (start, index)), so are the loops.
size_t assemble_detail::LinkManyLoops(const std::pair<int, int>* edges, size_t numEdges,
                                      std::vector<std::vector<int>>& loops) {
  // Work arrays kept per thread up to a few thousand edges, a larger
  // face's its own.
  thread_local ChainScratch pooled;
  std::unique_ptr<ChainScratch> own;
  if (numEdges > 4096) own = std::make_unique<ChainScratch>();
  ChainScratch& scratch = own ? *own : pooled;
  size_t cap = 16;
  int bits = 4;
  while (cap < 2 * numEdges) {
    cap *= 2;
    ++bits;
  }
  const size_t mask = cap - 1;
  std::vector<int>& slotVert = scratch.slotVert;
  std::vector<int>& slotHead = scratch.slotHead;  // -1: empty slot
  slotVert.resize(cap);
  slotHead.assign(cap, -1);
  std::vector<int>& next = scratch.next;
  next.resize(numEdges);
  auto slotOf = [&](int v) {
    size_t i = static_cast<size_t>((static_cast<uint32_t>(v) * 0x9E3779B9u) >> (32 - bits));
    while (slotHead[i] != -1 && slotVert[i] != v) i = (i + 1) & mask;
    return i;
  };
  for (size_t e = numEdges; e-- > 0;) {  // last first: each chain comes out increasing
    const int v = edges[e].first;
    const size_t i = slotOf(v);
    slotVert[i] = v;
    next[e] = slotHead[i];
    slotHead[i] = static_cast<int>(e);
  }
  std::vector<char>& used = scratch.used;
  used.assign(numEdges, 0);
  auto findNext = [&](int v) {
    const size_t i = slotOf(v);
    int h = slotHead[i];  // -1: an empty slot (no edge starts at v); -2: a chain used up
    if (h < 0) return -1;
    while (h >= 0 && used[static_cast<size_t>(h)]) h = next[static_cast<size_t>(h)];
    slotHead[i] = h < 0 ? -2 : h;  // the slot stays taken
    return h < 0 ? -1 : h;
  };
  size_t count = 0;
  for (size_t e0 = 0; e0 < numEdges; ++e0) {
    if (used[e0]) continue;
    if (count == loops.size()) loops.emplace_back();
    std::vector<int>& loop = loops[count];
    loop.clear();
    int e = static_cast<int>(e0);
    const int first = edges[e0].first;
    while (e >= 0) {
      used[static_cast<size_t>(e)] = 1;
      loop.push_back(edges[e].first);
      if (edges[e].second == first) break;
      e = findNext(edges[e].second);
    }
    if (loop.size() >= 3) ++count;
  }
  return count;
}

size_t LinkLoopsInto(const std::pair<int, int>* edges, size_t numEdges, std::vector<std::vector<int>>& loops) {
  if (numEdges <= 64) return LinkFewLoops(edges, numEdges, loops);
  return assemble_detail::LinkManyLoops(edges, numEdges, loops);
}

std::vector<std::vector<int>> LinkLoops(const std::pair<int, int>* edges, size_t numEdges) {
  std::vector<std::vector<int>> loops;
  loops.resize(LinkLoopsInto(edges, numEdges, loops));
  return loops;
}

std::vector<std::vector<int>> assemble_detail::LinkLoopsSorted(const std::pair<int, int>* edges, size_t numEdges) {
  std::vector<std::vector<int>> loops;
  // Work arrays kept per thread for the usual small faces (one call per
  // face a boolean cuts), a large face's its own.
  thread_local std::vector<std::pair<int, int>> pooledByStart;
  thread_local std::vector<char> pooledUsed;
  std::vector<std::pair<int, int>> ownByStart;
  std::vector<char> ownUsed;
  std::vector<std::pair<int, int>>& byStart = numEdges <= 4096 ? pooledByStart : ownByStart;
  std::vector<char>& used = numEdges <= 4096 ? pooledUsed : ownUsed;
  byStart.resize(numEdges);
  for (size_t e = 0; e < numEdges; ++e) byStart[e] = {edges[e].first, static_cast<int>(e)};
  std::sort(byStart.begin(), byStart.end());
  used.assign(numEdges, 0);
  auto findNext = [&](int v) {
    auto it = std::lower_bound(byStart.begin(), byStart.end(), std::make_pair(v, -1));
    for (; it != byStart.end() && it->first == v; ++it)
      if (!used[it->second]) return it->second;
    return -1;
  };
  for (size_t e0 = 0; e0 < numEdges; ++e0) {
    if (used[e0]) continue;
    std::vector<int> loop;
    int e = static_cast<int>(e0);
    const int first = edges[e0].first;
    while (e >= 0) {
      used[e] = 1;
      loop.push_back(edges[e].first);
      if (edges[e].second == first) break;
      e = findNext(edges[e].second);
    }
    if (loop.size() >= 3) loops.push_back(std::move(loop));
  }
  return loops;
}

}  // namespace mos::kernel
