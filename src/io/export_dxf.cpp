#include "io/contour_order.h"
#include "io/export_2d.h"
#include "io/export_mesh.h"

namespace mos::io {

void WriteDxf(const kernel::Polygon2d& input, std::ostream& out) {
  const kernel::Polygon2d polygon = OrderContoursAsOpenscad(input);
  out << "  0\nSECTION\n  2\nBLOCKS\n  0\nENDSEC\n"
      << "  0\nSECTION\n  2\nENTITIES\n";
  for (const auto& contour : polygon.contours) {
    for (size_t i = 0; i < contour.size(); ++i) {
      const auto& a = contour[i];
      const auto& b = contour[(i + 1) % contour.size()];
      out << "  0\nLINE\n  8\n0\n"
          << " 10\n" << FormatNumber(a.x) << "\n"
          << " 20\n" << FormatNumber(a.y) << "\n"
          << " 11\n" << FormatNumber(b.x) << "\n"
          << " 21\n" << FormatNumber(b.y) << "\n";
    }
  }
  out << "  0\nENDSEC\n"
      << "  0\nSECTION\n  2\nOBJECTS\n  0\nDICTIONARY\n  0\nENDSEC\n"
      << "  0\nEOF\n";
}

}  // namespace mos::io
