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
// vertex, reused per edge.
#pragma once

#include <memory>
#include <new>
#include <type_traits>
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
  // Values by small integer key with O(1) clear: a value slot per key,
  // valid while its stamp is the current epoch (Clear starts a new epoch,
  // so nothing is cleared key by key). The slots are raw storage, written
  // before they are read (T is trivially copyable), so sizing the map
  // touches only the stamps. Pointers stay valid until the key is set
  // again.
  template <class T>
  class IndexMap {
   public:
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    void Reset(size_t numKeys) {
      stamp_.assign(numKeys, 0);
      epoch_ = 1;
      vals_.reset(new unsigned char[(numKeys > 0 ? numKeys : 1) * sizeof(T)]);
    }
    void Clear() { ++epoch_; }
    const T* Find(int key) const {
      return stamp_[static_cast<size_t>(key)] == epoch_ ? Slot(key) : nullptr;
    }
    const T& Insert(int key, const T& val) {
      stamp_[static_cast<size_t>(key)] = epoch_;
      return *new (Slot(key)) T(val);
    }
    // The key's slot, marked set, for the caller to fill before any Find.
    T* Emplace(int key) {
      stamp_[static_cast<size_t>(key)] = epoch_;
      return Slot(key);
    }

   private:
    T* Slot(int key) const { return reinterpret_cast<T*>(vals_.get()) + key; }
    std::vector<unsigned> stamp_;
    unsigned epoch_ = 1;
    std::unique_ptr<unsigned char[]> vals_;
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
