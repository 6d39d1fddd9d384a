// SVG transform lists (SVG 1.1, 7.6): matrix, translate, scale, rotate
// (with an optional centre), skewX, skewY, applied right to left.
#pragma once

#include <array>
#include <string_view>

namespace mos::importer {

// x' = a x + c y + e, y' = b x + d y + f.
struct SvgMatrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  std::array<double, 2> Apply(std::array<double, 2> p) const {
    return {a * p[0] + c * p[1] + e, b * p[0] + d * p[1] + f};
  }
};

// `inner` first, then `outer`.
SvgMatrix Compose(const SvgMatrix& outer, const SvgMatrix& inner);

// The transform a list gives; parsing stops at the first malformed entry
// (the entries before it still apply).
SvgMatrix ParseSvgTransform(std::string_view text);

}  // namespace mos::importer
