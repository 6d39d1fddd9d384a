#include "kernel/shared_kernel12.h"

#include <array>

namespace mos::kernel {

template <bool kHashed>
bool SharedKernel12T<kHashed>::HashedPays(const BoolKernels& kernels, bool forward, size_t maxPairs) {
  const size_t numTri = (forward ? kernels.Q() : kernels.P()).tri->size();
  const size_t three = maxPairs < SIZE_MAX / 3 ? 3 * maxPairs : SIZE_MAX;
  return EpochIndexMap<EdgeAnswers, true>::HashedFits(3 * numTri, three);
}

template <bool kHashed>
SharedKernel12T<kHashed>::SharedKernel12T(const BoolKernels& kernels, bool forward, size_t maxPairs)
    : kernels_(kernels),
      forward_(forward),
      edgeMesh_(forward ? kernels.P() : kernels.Q()),
      triMesh_(forward ? kernels.Q() : kernels.P()) {
  const size_t numTri = triMesh_.tri->size();
  // A pair sets at most one triangle and three halfedges or vertices.
  const size_t three = maxPairs < SIZE_MAX / 3 ? 3 * maxPairs : SIZE_MAX;
  startShadow_.Reset(3 * numTri, three);
  startK02_.Reset(numTri, maxPairs);
  edgeAnswers_.Reset(3 * numTri, three);
  vertShadow_.Reset(triMesh_.pos->size(), three);
}

// Shadow01 of the current start vertex (an edge-mesh vertex) on a canonical
// triangle-mesh halfedge h = hv[0] -> hv[1]: vertInQ exactly when the
// edges are Q's.
template <bool kHashed>
inline const ShadowResult* SharedKernel12T<kHashed>::StartShadow(int h, const int (&hv)[2]) {
  if (const ShadowResult* r = startShadow_.Find(h)) return r;
  return &startShadow_.Insert(h, kernels_.Shadow01(ev_[0], hv[0], hv[1], !forward_));
}

// Shadow01 of a triangle-mesh vertex on the current edge.
template <bool kHashed>
inline const ShadowResult* SharedKernel12T<kHashed>::VertShadow(int triVert) {
  if (const ShadowResult* r = vertShadow_.Find(triVert)) return r;
  return &vertShadow_.Insert(triVert, kernels_.Shadow01(triVert, ev_[0], ev_[1], forward_));
}

template <bool kHashed>
int SharedKernel12T<kHashed>::Kernel12(int edge, int tri, Vec3& point) {
  if (edge != edge_) {
    edge_ = edge;
    edgeAnswers_.Clear();
    vertShadow_.Clear();
    const int start = edgeMesh_.Start(edge);
    if (start != ev_[0]) {
      startShadow_.Clear();
      startK02_.Clear();
    }
    ev_[0] = start;
    ev_[1] = edgeMesh_.End(edge);
  }
  // The triangle's canonical halfedges (BoolMeshView::Canonical) and their
  // ends, from its corners read once.
  const std::array<int, 3>& tv = (*triMesh_.tri)[static_cast<size_t>(tri)];
  int heF[3];
  int hvs[3][2];
  const EdgeAnswers* answers[3];
  for (int i = 0; i < 3; ++i) {
    const int he = 3 * tri + i;
    int h = he;
    hvs[i][0] = tv[i];
    hvs[i][1] = tv[i == 2 ? 0 : i + 1];
    if (!(hvs[i][0] < hvs[i][1])) {
      const int tw = (*triMesh_.twin)[static_cast<size_t>(he)];
      if (tw >= 0) {
        h = tw;
        hvs[i][0] = triMesh_.Start(tw);
        hvs[i][1] = triMesh_.End(tw);
      }
    }
    heF[i] = h;
    if (const EdgeAnswers* a = edgeAnswers_.Find(h)) {
      answers[i] = a;
      continue;
    }
    const int(&hv)[2] = hvs[i];
    EdgeAnswers* a = edgeAnswers_.Emplace(h);
    a->endShadow = kernels_.Shadow01(ev_[1], hv[0], hv[1], !forward_);
    const ShadowResult* const evShadow[2] = {StartShadow(h, hv), &a->endShadow};
    const ShadowResult* const hvShadow[2] = {VertShadow(hv[0]), VertShadow(hv[1])};
    a->k11 = forward_ ? kernels_.Kernel11From(ev_, hv, evShadow, hvShadow)
                      : kernels_.Kernel11From(hv, ev_, hvShadow, evShadow);
    answers[i] = a;
  }
  Kernel02Result k02[2];
  if (const Kernel02Result* r = startK02_.Find(tri)) {
    k02[0] = *r;
  } else {
    const ShadowResult* startShadow[3];
    for (int i = 0; i < 3; ++i) startShadow[i] = StartShadow(heF[i], hvs[i]);
    k02[0] = startK02_.Insert(tri, kernels_.Kernel02From(ev_[0], tri, forward_, heF,
                                                         {startShadow[0], startShadow[1], startShadow[2]}));
  }
  k02[1] = kernels_.Kernel02From(ev_[1], tri, forward_, heF,
                                 {&answers[0]->endShadow, &answers[1]->endShadow, &answers[2]->endShadow});
  return kernels_.Kernel12From(ev_, tri, forward_, heF, k02, {&answers[0]->k11, &answers[1]->k11, &answers[2]->k11},
                               point);
}

template class SharedKernel12T<false>;
template class SharedKernel12T<true>;

}  // namespace mos::kernel
