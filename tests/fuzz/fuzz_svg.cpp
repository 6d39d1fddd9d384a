// libFuzzer target: the SVG reader (the first byte picks center and dpi,
// the rest is the file), then the kernel's fills and union of what it read
// when that is tiny (the reader is the target; the kernel has its own).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importer/svg_data.h"
#include "kernel/polygon2d.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  mos::importer::SvgOptions options;
  options.center = data[0] & 1;
  const double dpis[4] = {72, 96, 25.4, 1e-3};
  options.dpi = dpis[(data[0] >> 1) & 3];
  options.maxPoints = 20000;  // the budget path is reached quickly
  std::vector<mos::importer::SvgShape> shapes;
  std::string error;
  std::vector<std::string> warnings;
  if (!mos::importer::ReadSvg(text, options, shapes, error, warnings)) return 0;
  size_t points = 0;
  for (const auto& s : shapes)
    for (const auto* list : {&s.fill, &s.stroke})
      for (const auto& c : *list) points += c.size();
  if (points > 64) return 0;  // the kernel has fuzz targets of its own
  auto polygon = [](const std::vector<mos::importer::SvgContour>& list) {
    mos::kernel::Polygon2d p;
    for (const auto& c : list) {
      mos::kernel::Contour contour;
      for (const auto& q : c) contour.push_back({q[0], q[1]});
      p.contours.push_back(std::move(contour));
    }
    return p;
  };
  std::vector<mos::kernel::Polygon2d> parts;
  for (const auto& s : shapes) {
    mos::kernel::Polygon2d all = polygon(s.fill);
    for (const auto& outline : s.stroke)
      for (auto& c : mos::kernel::Simplify2d(polygon({outline}), mos::kernel::FillRule::kPositive).contours)
        all.contours.push_back(std::move(c));
    parts.push_back(mos::kernel::Simplify2d(all, mos::kernel::FillRule::kEvenOdd));
  }
  mos::kernel::UnionAll2d(parts);
  return 0;
}
