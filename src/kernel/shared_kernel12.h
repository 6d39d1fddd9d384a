// Kernel12 (edge vs triangle) over many pairs with the sub-answers that
// neighbouring pairs share computed once (Smith 2009, ch. 4, the kernels of
// kernel/predicates.h). Every kernel is a pure function of its indices, so
// a kept answer is the answer and the result is bit-identical to calling
// BoolKernels::Kernel12 per pair; only the work changes:
//  - the triangles around an edge share their edges: Kernel11(edge, h), the
//    shadows of the edge's ends on h, and of h's ends on the edge, once per
//    edge (kept until the edge changes);
//  - the edges of one start vertex share that vertex's shadows on the other
//    mesh's edges and its Kernel02 against each triangle (kept until the
//    start vertex changes; pass pairs grouped by start vertex to share them).
// Memory: four maps with a slot per triangle-mesh halfedge, triangle or
// vertex, reused per edge; or, when the pairs are few for the mesh, open
// addressing tables sized by the pairs (a pair adds at most three keys to
// a map), so a boolean that meets a large mesh in a small region does not
// clear a stamp per triangle of it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/epoch_index_map.h"
#include "kernel/predicates.h"

namespace mos::kernel {

// kHashed: the maps are tables sized by the pairs (see the top).
template <bool kHashed>
class SharedKernel12T {
 public:
  // forward: edges of P against triangles of Q; else edges of Q against P.
  // `maxPairs`: at most this many Kernel12 calls will be made.
  SharedKernel12T(const BoolKernels& kernels, bool forward, size_t maxPairs = SIZE_MAX);
  // Whether the hashed maps pay for `maxPairs` pairs (the triangle mesh
  // has many more halfedges than the pairs can reach).
  static bool HashedPays(const BoolKernels& kernels, bool forward, size_t maxPairs);

  // BoolKernels::Kernel12(edge, tri, forward, point). Pairs of one edge
  // must come one after another.
  int Kernel12(int edge, int tri, Vec3& point);

 private:
  struct EdgeAnswers {
    ShadowResult endShadow;  // Shadow01(edge's end, h)
    Kernel11Result k11;      // the edge against h
  };

  const ShadowResult* StartShadow(int h, const int (&hv)[2]);
  const ShadowResult* VertShadow(int triVert);

  const BoolKernels& kernels_;
  const bool forward_;
  const BoolMeshView& edgeMesh_;
  const BoolMeshView& triMesh_;
  int edge_ = -1;           // the edge the edge maps hold answers of
  int ev_[2] = {-1, -1};    // its start (whose answers the start maps hold) and end
  EpochIndexMap<ShadowResult, kHashed> startShadow_;  // by triangle-mesh halfedge h
  EpochIndexMap<Kernel02Result, kHashed> startK02_;   // by triangle
  EpochIndexMap<EdgeAnswers, kHashed> edgeAnswers_;   // by triangle-mesh halfedge h
  EpochIndexMap<ShadowResult, kHashed> vertShadow_;   // by triangle-mesh vertex: Shadow01(w, edge)
};

using SharedKernel12 = SharedKernel12T<false>;
using SharedKernel12Hashed = SharedKernel12T<true>;

extern template class SharedKernel12T<false>;
extern template class SharedKernel12T<true>;

}  // namespace mos::kernel
