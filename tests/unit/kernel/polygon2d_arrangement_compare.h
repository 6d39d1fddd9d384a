// Two split-pair searches of the 2D arrangement (swept, the default, and the
// exhaustive box grid) must give the same arrangement bit for bit.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "kernel/polygon2d.h"
#include "kernel/polygon2d_arrangement.h"

namespace mos::kernel::testing {

inline void AddSegments(const Polygon2d& p, int operand, std::vector<Segment2d>& out) {
  for (const Contour& c : p.contours) {
    if (c.size() < 2) continue;
    for (size_t i = 0; i < c.size(); ++i) out.push_back({c[i], c[(i + 1) % c.size()], operand});
  }
}

inline bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Returns the number of arrangement edges compared.
inline size_t ExpectSameArrangement(const Polygon2d& a, const Polygon2d& b, const std::string& what) {
  std::vector<Segment2d> segments;
  AddSegments(a, 0, segments);
  AddSegments(b, 1, segments);
  const Arrangement2d swept = BuildArrangement(segments, nullptr, SplitPairSearch::kSwept);
  const Arrangement2d full = BuildArrangement(segments, nullptr, SplitPairSearch::kBoxGrid);
  EXPECT_EQ(swept.points.size(), full.points.size()) << what;
  EXPECT_EQ(swept.edges.size(), full.edges.size()) << what;
  if (swept.points.size() != full.points.size() || swept.edges.size() != full.edges.size()) return 0;
  for (size_t i = 0; i < swept.points.size(); ++i) {
    if (!SameBits(swept.points[i].x, full.points[i].x) || !SameBits(swept.points[i].y, full.points[i].y)) {
      ADD_FAILURE() << what << ": first different point " << i;
      return 0;
    }
  }
  for (size_t i = 0; i < swept.edges.size(); ++i) {
    const ArrangementEdge& p = swept.edges[i];
    const ArrangementEdge& q = full.edges[i];
    if (p.lo != q.lo || p.hi != q.hi || p.delta != q.delta) {
      ADD_FAILURE() << what << ": first different edge " << i;
      return 0;
    }
  }
  return swept.edges.size();
}

}  // namespace mos::kernel::testing
