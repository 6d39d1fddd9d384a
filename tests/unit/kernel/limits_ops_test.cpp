// Cancel token and vertex / memory budgets in the 2D operations
// (polygon2d_limited.h) and in the n-ary boolean (csg_schedule.h): a stopped
// operation returns kCancelled / kTooLarge, no geometry and a diagnostic;
// within its limits it returns what the unlimited operation returns.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <string>
#include <vector>

#include "kernel/csg_schedule.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/polygon2d_limited.h"

namespace mos::kernel {
namespace {

Contour Rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

// n thin horizontal bars and n thin vertical bars: 8n input vertices, 4n^2
// crossings, so an arrangement budget between the two stops mid-way.
Polygon2d Bars(int n, bool vertical) {
  Polygon2d p;
  for (int i = 0; i < n; ++i) {
    const double a = i * 2.0, b = a + 1;
    p.contours.push_back(vertical ? Rect(a, -1, b, 2 * n) : Rect(-1, a, 2 * n, b));
  }
  return p;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(LimitsOps, Boolean2dWithinLimitsMatchesUnlimited) {
  const Polygon2d a = Bars(6, false), b = Bars(6, true);
  const PolygonOpResult r = Boolean2d(a, b, BoolOp2d::kUnion, FillRule::kNonZero, FillRule::kNonZero, KernelLimits{});
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_TRUE(r.diagnostic.message.empty());
  EXPECT_DOUBLE_EQ(SignedArea(r.polygon), SignedArea(Union2d(a, b)));
  EXPECT_DOUBLE_EQ(SignedArea(r.polygon), 2 * 6 * 13 - 36);
}

TEST(LimitsOps, Boolean2dCancelled) {
  std::atomic<bool> cancel{true};
  KernelLimits limits;
  limits.cancel = &cancel;
  const PolygonOpResult r = Boolean2d(Bars(3, false), Bars(3, true), BoolOp2d::kIntersection, FillRule::kNonZero,
                                      FillRule::kNonZero, limits);
  EXPECT_EQ(r.status, HullStatus::kCancelled);
  EXPECT_TRUE(r.polygon.contours.empty());
  EXPECT_TRUE(Contains(r.diagnostic.message, "2D boolean: cancelled")) << r.diagnostic.message;
}

TEST(LimitsOps, Boolean2dStopsWhenCrossingsExceedTheVertexBudget) {
  // 20 + 20 bars: 160 input vertices pass the first check; the 1600
  // crossings do not.
  KernelLimits limits;
  limits.maxVertices = 600;
  const PolygonOpResult r = Boolean2d(Bars(20, false), Bars(20, true), BoolOp2d::kUnion, FillRule::kNonZero,
                                      FillRule::kNonZero, limits);
  EXPECT_EQ(r.status, HullStatus::kTooLarge);
  EXPECT_TRUE(r.polygon.contours.empty());
  EXPECT_TRUE(Contains(r.diagnostic.message, "vertex budget of 600 exceeded")) << r.diagnostic.message;
  EXPECT_GT(r.diagnostic.count, 600);
  // The same operation with room to spare finishes.
  limits.maxVertices = 100000;
  EXPECT_EQ(Boolean2d(Bars(20, false), Bars(20, true), BoolOp2d::kUnion, FillRule::kNonZero, FillRule::kNonZero,
                      limits)
                .status,
            HullStatus::kOk);
}

TEST(LimitsOps, Boolean2dMemoryBudget) {
  KernelLimits limits;
  limits.maxBytes = 1000;
  const PolygonOpResult r = Boolean2d(Bars(5, false), Bars(5, true), BoolOp2d::kDifference, FillRule::kNonZero,
                                      FillRule::kNonZero, limits);
  EXPECT_EQ(r.status, HullStatus::kTooLarge);
  EXPECT_TRUE(Contains(r.diagnostic.message, "memory budget of 1000 bytes exceeded")) << r.diagnostic.message;
}

TEST(LimitsOps, SimplifyAndUnionAllHonourTheCancelToken) {
  std::atomic<bool> cancel{false};
  KernelLimits limits;
  limits.cancel = &cancel;
  const std::vector<Polygon2d> parts{Bars(2, false), Bars(2, true)};
  const PolygonOpResult u = UnionAll2d(parts, limits);
  ASSERT_EQ(u.status, HullStatus::kOk);
  EXPECT_DOUBLE_EQ(SignedArea(u.polygon), SignedArea(UnionAll2d(parts)));
  const PolygonOpResult s = Simplify2d(Bars(2, false), FillRule::kEvenOdd, limits);
  ASSERT_EQ(s.status, HullStatus::kOk);
  EXPECT_DOUBLE_EQ(SignedArea(s.polygon), 2 * 5.0);
  cancel = true;
  EXPECT_EQ(UnionAll2d(parts, limits).status, HullStatus::kCancelled);
  EXPECT_EQ(Simplify2d(Bars(2, false), FillRule::kEvenOdd, limits).status, HullStatus::kCancelled);
}

TEST(LimitsOps, OffsetChecksTheArcVerticesBeforeMakingThem) {
  Polygon2d square{{Rect(0, 0, 10, 10)}};
  OffsetOptions o;
  o.delta = 2;
  o.fragments = 1000000;  // a million-gon per corner
  KernelLimits limits;
  limits.maxVertices = 100000;
  const PolygonOpResult big = Offset2d(square, o, limits);
  EXPECT_EQ(big.status, HullStatus::kTooLarge);
  EXPECT_TRUE(Contains(big.diagnostic.message, "offset: stopped, vertex budget")) << big.diagnostic.message;
  o.fragments = 32;
  const PolygonOpResult small = Offset2d(square, o, limits);
  ASSERT_EQ(small.status, HullStatus::kOk);
  EXPECT_DOUBLE_EQ(SignedArea(small.polygon), SignedArea(Offset2d(square, o)));
  std::atomic<bool> cancel{true};
  limits.cancel = &cancel;
  EXPECT_EQ(Offset2d(square, o, limits).status, HullStatus::kCancelled);
}

std::vector<Mesh> OverlappingSpheres(int n) {
  std::vector<Mesh> spheres;
  for (int i = 0; i < n; ++i) spheres.push_back(MakeUvSphere({i * 1.0, 0, 0}, 0.8, 16));
  return spheres;
}

TEST(LimitsOps, BooleanNWithinLimitsMatchesUnlimited) {
  const MeshOpResult r = BooleanN(OverlappingSpheres(4), OpType::kUnion, KernelLimits{});
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_TRUE(IsClosedManifold(r.mesh));
  EXPECT_DOUBLE_EQ(SignedVolume(r.mesh), SignedVolume(BooleanN(OverlappingSpheres(4), OpType::kUnion)));
}

TEST(LimitsOps, BooleanNCancelled) {
  std::atomic<bool> cancel{true};
  KernelLimits limits;
  limits.cancel = &cancel;
  for (OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
    const MeshOpResult r = BooleanN(OverlappingSpheres(3), op, limits);
    EXPECT_EQ(r.status, HullStatus::kCancelled);
    EXPECT_EQ(r.mesh.NumTri(), 0);
    EXPECT_EQ(r.diagnostic.message, "n-ary boolean: cancelled");
  }
}

TEST(LimitsOps, BooleanNBudgets) {
  KernelLimits limits;
  limits.maxVertices = 100;  // each sphere alone has 114 vertices
  MeshOpResult r = BooleanN(OverlappingSpheres(3), OpType::kUnion, limits);
  EXPECT_EQ(r.status, HullStatus::kTooLarge);
  EXPECT_EQ(r.mesh.NumTri(), 0);
  EXPECT_TRUE(Contains(r.diagnostic.message, "n-ary boolean: stopped, vertex budget of 100")) << r.diagnostic.message;
  limits = KernelLimits{};
  limits.maxBytes = 4096;
  r = BooleanN(OverlappingSpheres(3), OpType::kIntersection, limits);
  EXPECT_EQ(r.status, HullStatus::kTooLarge);
  EXPECT_TRUE(Contains(r.diagnostic.message, "memory budget")) << r.diagnostic.message;
}

}  // namespace
}  // namespace mos::kernel
