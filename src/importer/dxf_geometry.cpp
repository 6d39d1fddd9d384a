// What dxf_dim(), dxf_cross() and import() take from a parsed drawing.
#include <cmath>

#include "importer/dxf_data.h"

namespace mos::importer {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

std::vector<std::vector<std::array<double, 2>>> DxfOutlines(const DxfData& data) {
  std::vector<std::vector<std::array<double, 2>>> out;
  for (const DxfPath& path : data.paths) {
    const size_t n = path.indices.size();
    // 2021.01 lists a path backwards, whole (an open path is closed by its
    // last edge); only the repeated point of a path that returns to its
    // start is left out. A "closed" path that ends elsewhere (lines left at
    // a branch) keeps every point.
    const bool returns = n > 1 && path.indices.front() == path.indices.back();
    std::vector<std::array<double, 2>> outline;
    for (size_t j = returns ? 1 : 0; j < n; ++j) outline.push_back(data.points[path.indices[n - 1 - j]]);
    out.push_back(std::move(outline));
  }
  return out;
}

bool DxfDimensionValue(const DxfData& data, const std::string& name, double& value,
                       bool& unsupportedType) {
  unsupportedType = false;
  for (const DxfDimension& d : data.dims) {
    if (!name.empty() && d.name != name) continue;
    const auto& c = d.coords;
    switch (d.type & 7) {
      case 0: {  // rotated, horizontal or vertical: measured along the angle
        const double x = c[4][0] - c[3][0], y = c[4][1] - c[3][1];
        const double a = d.angle * kPi / 180.0;
        value = std::fabs(x * std::cos(a) + y * std::sin(a));
        return true;
      }
      case 1: {  // aligned
        const double x = c[4][0] - c[3][0], y = c[4][1] - c[3][1];
        value = std::sqrt(x * x + y * y);
        return true;
      }
      case 2: {  // angular between two lines, in degrees
        const double a1 = std::atan2(c[0][0] - c[5][0], c[0][1] - c[5][1]);
        const double a2 = std::atan2(c[4][0] - c[3][0], c[4][1] - c[3][1]);
        value = std::fabs(a1 - a2) * 180.0 / kPi;
        return true;
      }
      case 3:    // diameter
      case 4: {  // radius
        const double x = c[5][0] - c[0][0], y = c[5][1] - c[0][1];
        value = std::sqrt(x * x + y * y);
        return true;
      }
      case 6:  // ordinate: x when bit 64 is set, else y
        value = (d.type & 64) ? c[3][0] : c[3][1];
        return true;
      default:
        unsupportedType = true;
        return false;
    }
  }
  return false;
}

bool DxfCross(const DxfData& data, double& x, double& y) {
  std::array<std::array<double, 2>, 4> c{};
  int found = 0;
  for (const DxfPath& path : data.paths) {
    if (path.indices.size() != 2) continue;
    c[found++] = data.points[path.indices[0]];
    c[found++] = data.points[path.indices[1]];
    if (found < 4) continue;
    const double x1 = c[0][0], y1 = c[0][1], x2 = c[1][0], y2 = c[1][1];
    const double x3 = c[2][0], y3 = c[2][1], x4 = c[3][0], y4 = c[3][1];
    const double dem = (y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1);
    if (dem == 0) return false;
    const double ua = ((x4 - x3) * (y1 - y3) - (y4 - y3) * (x1 - x3)) / dem;
    x = x1 + ua * (x2 - x1);
    y = y1 + ua * (y2 - y1);
    return true;
  }
  return false;
}

}  // namespace mos::importer
