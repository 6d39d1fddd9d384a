#include <algorithm>
#include <cmath>
#include <string>

#include "io/contour_order.h"
#include "io/export_2d.h"
#include "io/export_mesh.h"

namespace mos::io {

void WriteSvg(const kernel::Polygon2d& input, std::ostream& out) {
  const kernel::Polygon2d polygon = OrderContoursAsOpenscad(input);
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  bool first = true;
  for (const auto& contour : polygon.contours) {
    for (const auto& p : contour) {
      if (first) {
        minX = maxX = p.x;
        minY = maxY = p.y;
        first = false;
      }
      minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
      minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
  }
  // Whole millimetres around the box; SVG's y axis points down. Clamped so
  // that no coordinate, however large, overflows the integer conversion.
  auto whole = [](double v) {
    constexpr double kLimit = 1e15;
    return static_cast<long long>(std::isnan(v) ? 0.0 : std::fmax(-kLimit, std::fmin(kLimit, v)));
  };
  const long long left = whole(std::floor(minX));
  const long long top = whole(std::floor(-maxY));
  const long long width = whole(std::ceil(maxX)) - left;
  const long long height = whole(std::ceil(-minY)) - top;
  out << "<?xml version=\"1.0\" standalone=\"no\"?>\n"
      << "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
         "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
      << "<svg width=\"" << width << "mm\" height=\"" << height << "mm\" viewBox=\"" << left
      << " " << top << " " << width << " " << height
      << "\" xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\">\n"
      << "<title>OpenSCAD Model</title>\n"
      << "<path d=\"\n";
  // The path's text is put together in one string and written at once:
  // four stream insertions per point were most of the export's time.
  size_t points = 0;
  for (const auto& contour : polygon.contours) points += contour.size();
  std::string path;
  path.reserve(32 * points + 8 * polygon.contours.size());
  for (const auto& contour : polygon.contours) {
    if (contour.empty()) continue;
    for (size_t i = 0; i < contour.size(); ++i) {
      path += i == 0 ? "M " : " L ";
      path += FormatNumber(contour[i].x);
      path += ',';
      path += FormatNumber(-contour[i].y);
      if (i % 6 == 5) path += '\n';  // 2021.01 breaks the line after every 6th point
    }
    path += " z\n";
  }
  out.write(path.data(), static_cast<std::streamsize>(path.size()));
  out << "\" stroke=\"black\" fill=\"lightgray\" stroke-width=\"0.5\"/>\n"
      << "</svg>\n";
}

}  // namespace mos::io
