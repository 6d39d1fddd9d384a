#include "importer/svg_transform.h"

#include <cctype>
#include <cmath>
#include <string>

#include "importer/svg_path.h"

namespace mos::importer {

SvgMatrix Compose(const SvgMatrix& o, const SvgMatrix& i) {
  SvgMatrix r;
  r.a = o.a * i.a + o.c * i.b;
  r.b = o.b * i.a + o.d * i.b;
  r.c = o.a * i.c + o.c * i.d;
  r.d = o.b * i.c + o.d * i.d;
  r.e = o.a * i.e + o.c * i.f + o.e;
  r.f = o.b * i.e + o.d * i.f + o.f;
  return r;
}

SvgMatrix ParseSvgTransform(std::string_view s) {
  constexpr double kPi = 3.14159265358979323846;
  SvgMatrix total;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (std::isspace(static_cast<unsigned char>(s[pos])) || s[pos] == ','))
      ++pos;
    if (pos >= s.size()) break;
    const size_t open = s.find('(', pos), close = s.find(')', pos);
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) break;
    std::string name(s.substr(pos, open - pos));
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
    const std::vector<double> v = ParseSvgNumberList(s.substr(open + 1, close - open - 1));
    const size_t n = v.size();
    SvgMatrix m;
    if (name == "matrix" && n == 6) {
      m = {v[0], v[1], v[2], v[3], v[4], v[5]};
    } else if (name == "translate" && (n == 1 || n == 2)) {
      m.e = v[0];
      m.f = n == 2 ? v[1] : 0;
    } else if (name == "scale" && (n == 1 || n == 2)) {
      m.a = v[0];
      m.d = n == 2 ? v[1] : v[0];
    } else if (name == "rotate" && (n == 1 || n == 3)) {
      const double r = v[0] * kPi / 180, cs = std::cos(r), sn = std::sin(r);
      m = {cs, sn, -sn, cs, 0, 0};
      if (n == 3) {  // about (cx, cy): translate(c) rotate translate(-c)
        m.e = v[1] - cs * v[1] + sn * v[2];
        m.f = v[2] - sn * v[1] - cs * v[2];
      }
    } else if (name == "skewX" && n == 1) {
      m.c = std::tan(v[0] * kPi / 180);
    } else if (name == "skewY" && n == 1) {
      m.b = std::tan(v[0] * kPi / 180);
    } else {
      break;
    }
    total = Compose(total, m);
    pos = close + 1;
  }
  return total;
}

}  // namespace mos::importer
