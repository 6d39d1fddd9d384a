// AssembleFaces' direct path (faces no intersection touches given as their
// triangle) against the generic path (every face by its edges), and the
// raw boolean's locally paired twins against BuildHalfedges.
#include <gtest/gtest.h>

#include "kernel/assemble.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"
#include "kernel/predicates.h"
#include "kernel/winding.h"

namespace mos::kernel {
namespace {

struct Pair {
  Mesh a, b;
};

// A big sphere and small parts meeting it in one place (re-rendering one
// part of a large model), plus a box through a box (many faces cut).
std::vector<Pair> Cases() {
  return {{MakeUvSphere({0, 0, 0}, 20, 48), MakeBox({18, -1, -1}, {21, 1, 1})},
          {MakeUvSphere({0, 0, 0}, 20, 48), MakeUvSphere({19.5, 0.3, 0.2}, 1.5, 12)},
          {MakeBox({0, 0, 0}, {2, 2, 2}), MakeBox({1, 0.5, 0.5}, {3, 1.5, 1.5})}};
}

TEST(AssembleDirect, DirectFacesAreWhatTheEdgesLink) {
  int numDirect = 0, numGeneric = 0;
  for (const Pair& c : Cases())
    for (OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection})
      for (bool swapped : {false, true}) {
        const BoolOperand p = PrepareOperand(swapped ? c.b : c.a);
        const BoolOperand q = PrepareOperand(swapped ? c.a : c.b);
        const BoolRoles roles = RolesFor(op, swapped);
        const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, roles.expandP);
        const auto hitsPQ = IntersectEdgesWithTriangles(kernels, p, q, true);
        const auto hitsQP = IntersectEdgesWithTriangles(kernels, p, q, false);
        const auto wP = WindingNumbers(kernels, p, q, true, hitsPQ);
        const auto wQ = WindingNumbers(kernels, p, q, false, hitsQP);
        const FacePolygons direct = AssembleFaces(p, q, roles, wP, wQ, hitsPQ, hitsQP, true);
        const FacePolygons generic = AssembleFaces(p, q, roles, wP, wQ, hitsPQ, hitsQP, false);
        ASSERT_EQ(direct.NumFaces(), generic.NumFaces());
        ASSERT_EQ(direct.vertPos.size(), generic.vertPos.size());
        EXPECT_EQ(direct.consistent, generic.consistent);
        EXPECT_TRUE(generic.directCorner.empty());
        for (size_t f = 0; f < direct.NumFaces(); ++f) {
          const std::vector<std::pair<int, int>> gen(generic.FaceEdges(f),
                                                     generic.FaceEdges(f) + generic.NumFaceEdges(f));
          if (direct.IsDirect(f)) {
            ++numDirect;
            EXPECT_EQ(direct.NumFaceEdges(f), 0);
            const auto loops = LinkLoops(gen);
            ASSERT_EQ(loops.size(), 1u);
            ASSERT_EQ(loops[0].size(), 3u);
            const std::array<int, 3> t{loops[0][0], loops[0][1], loops[0][2]};
            EXPECT_EQ(direct.directTri[f], t) << "face " << f;
          } else {
            ++numGeneric;
            const std::vector<std::pair<int, int>> dir(direct.FaceEdges(f),
                                                       direct.FaceEdges(f) + direct.NumFaceEdges(f));
            EXPECT_EQ(dir, gen) << "face " << f;
          }
        }
      }
  EXPECT_GT(numDirect, 1000);  // the spheres' far sides
  EXPECT_GT(numGeneric, 50);
}

TEST(AssembleDirect, RawTwinsAreBuildHalfedges) {
  for (const Pair& c : Cases())
    for (OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
      const Mesh raw = BooleanRaw(c.a, c.b, op);
      ASSERT_GT(raw.NumTri(), 0);
      Mesh rebuilt = raw;
      EXPECT_TRUE(BuildHalfedges(rebuilt));
      EXPECT_EQ(raw.halfedgeTwin, rebuilt.halfedgeTwin);
      EXPECT_TRUE(FansManifold(raw));
    }
}

}  // namespace
}  // namespace mos::kernel
