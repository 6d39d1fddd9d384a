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
// Memory: four index maps the size of the triangle mesh, reused per edge.
#pragma once

#include <vector>

#include "kernel/predicates.h"

namespace mos::kernel {

class SharedKernel12 {
 public:
  // forward: edges of P against triangles of Q; else edges of Q against P.
  SharedKernel12(const BoolKernels& kernels, bool forward);

  // BoolKernels::Kernel12(edge, tri, forward, point). Pairs of one edge
  // must come one after another.
  int Kernel12(int edge, int tri, Vec3& point);

 private:
  // Values by small integer key with O(1) clear (the sparse-set layout:
  // where_[key] points into keys_, checked by the back reference, so
  // where_ is never cleared).
  template <class T>
  class IndexMap {
   public:
    // Sized once per boolean direction: the value vectors start with room
    // for the usual few dozen entries, so they seldom grow (an allocation
    // each time, expensive under the fuzzers' sanitizers).
    void Reset(size_t numKeys) {
      where_.assign(numKeys, 0);
      Clear();
      const size_t room = numKeys < 64 ? numKeys : 64;
      keys_.reserve(room);
      vals_.reserve(room);
    }
    void Clear() {
      keys_.clear();
      vals_.clear();
    }
    const T* Find(int key) const {
      const size_t at = static_cast<size_t>(where_[key]);
      return at < keys_.size() && keys_[at] == key ? &vals_[at] : nullptr;
    }
    // Room for `extra` more values, so pointers from Find and Insert stay
    // valid over that many inserts.
    void Reserve(size_t extra) {
      if (vals_.capacity() >= vals_.size() + extra) return;
      keys_.reserve(2 * (keys_.size() + extra));
      vals_.reserve(2 * (vals_.size() + extra));
    }
    const T& Insert(int key, const T& val) {
      where_[key] = static_cast<int>(keys_.size());
      keys_.push_back(key);
      vals_.push_back(val);
      return vals_.back();
    }

   private:
    std::vector<int> where_;
    std::vector<int> keys_;
    std::vector<T> vals_;
  };
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
  IndexMap<ShadowResult> startShadow_;  // by triangle-mesh halfedge h
  IndexMap<Kernel02Result> startK02_;   // by triangle
  IndexMap<EdgeAnswers> edgeAnswers_;   // by triangle-mesh halfedge h
  IndexMap<ShadowResult> vertShadow_;   // by triangle-mesh vertex: Shadow01(w, edge)
};

}  // namespace mos::kernel
