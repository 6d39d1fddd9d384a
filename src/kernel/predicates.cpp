// Intersection kernels from one-axis predicates (Smith 2009, ch. 4).
#include "kernel/predicates.h"

#include <cmath>
#include <utility>

namespace mos::kernel {

// (Shadow01 by vertex ids and the ...From kernels: predicates_inline.h.)

int BoolKernels::Shadow01(int vert, int edge, bool vertInQ, Vec2& yz, bool& overlap) const {
  const BoolMeshView& edgeMesh = vertInQ ? p_ : q_;
  const ShadowResult r = Shadow01(vert, edgeMesh.Start(edge), edgeMesh.End(edge), vertInQ);
  overlap = r.overlap;
  if (r.overlap) yz = r.yz;
  return r.s;
}

int BoolKernels::Kernel11(int edgeP, int edgeQ, Xyzz& xyzz, bool& overlap) const {
  const int pv[2] = {p_.Start(edgeP), p_.End(edgeP)};
  const int qv[2] = {q_.Start(edgeQ), q_.End(edgeQ)};
  const ShadowResult pvShadow[2] = {Shadow01(pv[0], qv[0], qv[1], false), Shadow01(pv[1], qv[0], qv[1], false)};
  const ShadowResult qvShadow[2] = {Shadow01(qv[0], pv[0], pv[1], true), Shadow01(qv[1], pv[0], pv[1], true)};
  const Kernel11Result r = Kernel11From(pv, qv, {&pvShadow[0], &pvShadow[1]}, {&qvShadow[0], &qvShadow[1]});
  overlap = r.overlap;
  if (r.overlap) xyzz = r.xyzz;
  return r.s;
}

int BoolKernels::Kernel02(int vert, int tri, bool forward, double& z, bool& overlap) const {
  const BoolMeshView& triMesh = forward ? q_ : p_;
  int heF[3];
  ShadowResult edges[3];
  for (int i = 0; i < 3; ++i) {
    heF[i] = triMesh.Canonical(3 * tri + i);
    edges[i] = Shadow01(vert, triMesh.Start(heF[i]), triMesh.End(heF[i]), !forward);
  }
  const Kernel02Result r = Kernel02From(vert, tri, forward, heF, {&edges[0], &edges[1], &edges[2]});
  overlap = r.overlap;
  if (r.overlap) z = r.z;
  return r.s;
}

int BoolKernels::Kernel12(int edge, int tri, bool forward, Vec3& point) const {
  const BoolMeshView& edgeMesh = forward ? p_ : q_;
  const BoolMeshView& triMesh = forward ? q_ : p_;
  const int ev[2] = {edgeMesh.Start(edge), edgeMesh.End(edge)};
  int heF[3];
  int hv[3][2];
  for (int i = 0; i < 3; ++i) {
    heF[i] = triMesh.Canonical(3 * tri + i);
    hv[i][0] = triMesh.Start(heF[i]);
    hv[i][1] = triMesh.End(heF[i]);
  }
  Kernel02Result ends[2];
  ShadowResult endShadow[2][3];  // the edge's ends on the triangle's edges
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) endShadow[i][j] = Shadow01(ev[i], hv[j][0], hv[j][1], !forward);
    ends[i] = Kernel02From(ev[i], tri, forward, heF, {&endShadow[i][0], &endShadow[i][1], &endShadow[i][2]});
  }
  Kernel11Result edges[3];
  for (int i = 0; i < 3; ++i) {
    const ShadowResult hvShadow[2] = {Shadow01(hv[i][0], ev[0], ev[1], forward),
                                      Shadow01(hv[i][1], ev[0], ev[1], forward)};
    const ShadowResult* const evPtr[2] = {&endShadow[0][i], &endShadow[1][i]};
    const ShadowResult* const hvPtr[2] = {&hvShadow[0], &hvShadow[1]};
    edges[i] = forward ? Kernel11From(ev, hv[i], evPtr, hvPtr) : Kernel11From(hv[i], ev, hvPtr, evPtr);
  }
  return Kernel12From(ev, tri, forward, heF, ends, {&edges[0], &edges[1], &edges[2]}, point);
}

}  // namespace mos::kernel
