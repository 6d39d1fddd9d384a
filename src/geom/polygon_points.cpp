#include "geom/polygon_points.h"

#include <cmath>

namespace mos::geom {

std::optional<std::string> PolygonPointError(const eval::PolygonParams& params) {
  if (!params.pointsValue.IsVector()) return std::nullopt;
  const auto& points = params.pointsValue.AsVector();
  for (size_t i = 0; i < points.size(); ++i) {
    const auto& p = points[i];
    bool ok = p.IsVector() && p.AsVector().size() == 2;
    for (size_t k = 0; ok && k < 2; ++k) {
      const auto& c = p.AsVector()[k];
      // NaN passes here as in 2021.01 (its range check drops it later).
      ok = c.IsNumber() && !std::isinf(c.AsNumber());
    }
    if (!ok)
      return "Unable to convert points[" + std::to_string(i) + "] = " + p.ToEchoString() +
             " to a vec2 of numbers";
  }
  return std::nullopt;
}

std::vector<std::string> PolygonIndexWarnings(const eval::PolygonParams& params) {
  std::vector<std::string> out;
  const long long n = static_cast<long long>(params.points.size());
  for (size_t k = 0; k < params.paths.size(); ++k) {
    const auto& path = params.paths[k];
    for (size_t j = 0; j < path.size(); ++j) {
      if (path[j] >= 0 && path[j] < n) continue;
      out.push_back("Point index " + std::to_string(path[j]) + " is out of bounds (from paths[" +
                    std::to_string(k) + "][" + std::to_string(j) + "])");
    }
  }
  return out;
}

}  // namespace mos::geom
