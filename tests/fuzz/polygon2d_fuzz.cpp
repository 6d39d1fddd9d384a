// libFuzzer target for the 2D booleans and offset: two polygon sets on a
// coarse grid (optionally jittered), a random operation and fill rules.
// Asserts that the result's area equals an exact slab integration of the
// inputs and that offsetting the result neither crashes nor yields
// non-finite coordinates.
//
// The offset runs only on results of at most kMaxOffsetPoints points: a
// result of a hundred small contours (an even-odd self-intersecting input)
// offset by 0.5 makes a raw offset whose pieces all overlap, and its
// arrangement took over a second under the sanitizers (0.5 s natively for
// 472 points), a tenth of the campaign's rate. Small results still cover
// the joins on coincident, collinear and nearly degenerate corners.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "../unit/kernel/polygon2d_slab_oracle.h"
#include "kernel/offset2d.h"
#include "kernel/polygon2d.h"

using namespace mos::kernel;

namespace {
constexpr size_t kMaxOffsetPoints = 128;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4 || size > 512) return 0;
  size_t i = 0;
  auto next = [&]() -> uint8_t { return i < size ? data[i++] : 0; };
  const uint8_t head = next();
  const BoolOp2d op = static_cast<BoolOp2d>(head & 3);
  const FillRule fa = static_cast<FillRule>((head >> 2) & 3), fb = static_cast<FillRule>((head >> 4) & 3);
  const double jitter = (head & 64) ? 1e-9 : 0;
  Polygon2d sets[2];
  int current = 0;
  sets[0].contours.emplace_back();
  while (i < size) {
    const uint8_t b = next();
    if (b == 0xff) {  // next contour
      sets[current].contours.emplace_back();
      continue;
    }
    if (b == 0xfe) {  // switch to the second operand
      current = 1;
      sets[1].contours.emplace_back();
      continue;
    }
    const double j = jitter * static_cast<int8_t>(next());
    sets[current].contours.back().push_back({(b & 15) + j, (b >> 4) + j * 0.7});
  }
  auto apply = [&](int wa, int wb) {
    return testing::SlabApply(testing::SlabFill(wa, fa), testing::SlabFill(wb, fb), op);
  };
  const Polygon2d result = Boolean2d(sets[0], sets[1], op, fa, fb);
  const double exact = mos::kernel::testing::SlabArea(sets[0], sets[1], apply);
  if (std::fabs(SignedArea(result) - exact) > 1e-6) {
    std::fprintf(stderr, "area %.17g, exact %.17g\n", SignedArea(result), exact);
    std::abort();
  }
  size_t points = 0;
  for (const Contour& c : result.contours) points += c.size();
  if (points > kMaxOffsetPoints) return 0;
  OffsetOptions o;
  o.delta = (static_cast<int>(head >> 6) - 1.5) * 0.37;
  o.join = static_cast<OffsetJoin>(head % 3);
  o.fragments = 3 + head % 13;
  for (const Contour& c : Offset2d(result, o).contours) {
    for (const Vec2& p : c) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) std::abort();
    }
  }
  return 0;
}
