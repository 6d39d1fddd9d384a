// Ranges: element count as 2021.01 iterates them, and range literals with
// 2021.01's construction warnings.
#include <cmath>
#include <limits>
#include <utility>

#include "eval/value.h"

namespace mos::eval {

uint32_t RangeValue::NumValues() const {
  constexpr uint32_t kInfinite = std::numeric_limits<uint32_t>::max();
  if (std::isnan(begin) || std::isnan(step) || std::isnan(end)) return 0;
  if (step < 0 ? begin < end : begin > end) return 0;
  if (step == 0) return begin == end ? 0 : kInfinite;
  if (begin == end || std::isinf(step)) return 1;
  if (std::isinf(begin) || std::isinf(end)) return kInfinite;
  // One ulp up, so a count just below a whole number (0.3 / 0.1) is whole.
  const double steps = std::nextafter(std::fabs(end - begin) / std::fabs(step),
                                      std::numeric_limits<double>::infinity());
  if (!(steps < static_cast<double>(kInfinite) - 1)) return kInfinite;
  return static_cast<uint32_t>(steps) + 1;
}

Value MakeRange(const Value& begin, const Value* step, const Value& end, const OpSite& site) {
  if (!begin.IsNumber() || !end.IsNumber() || (step && !step->IsNumber())) return Value();
  RangeValue r;
  r.begin = begin.AsNumber();
  r.end = end.AsNumber();
  if (step) {
    r.step = step->AsNumber();
    // Only ranges with three finite numbers are checked ([0:-inf:1] and
    // [0:1:-inf] pass silently in 2021.01).
    const bool finite = std::isfinite(r.begin) && std::isfinite(r.step) && std::isfinite(r.end);
    if (finite && r.step < 0 && r.begin < r.end) {
      site.Warn("begin is smaller than the end, but step is negative");
    } else if (finite && r.step > 0 && r.begin > r.end) {
      site.Warn("begin is greater than the end, but step is positive");
    }
  } else {
    r.step = 1;
    if (r.begin > r.end) {
      site.Deprecated(
          "Using ranges of the form [begin:end] with begin value greater than the end value is "
          "deprecated");
      std::swap(r.begin, r.end);
    }
  }
  return Value::Range(r);
}

}  // namespace mos::eval
