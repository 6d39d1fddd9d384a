// SVG path data (SVG 1.1, section 8.3) and the elliptical arc conversion of
// its implementation notes (F.6.5: endpoint to center parameterization,
// F.6.6: out-of-range radii scaled up).
#include "importer/svg_path.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace mos::importer {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kCircleSegments = 40;
constexpr int kBezierSegments = 20;

// Reads SVG numbers and flags from path data and point lists.
class NumberScanner {
 public:
  explicit NumberScanner(std::string_view s) : s_(s) {}
  void SkipSeparators() {
    while (pos_ < s_.size() && (std::isspace(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == ','))
      ++pos_;
  }
  bool AtEnd() {
    SkipSeparators();
    return pos_ >= s_.size();
  }
  char Peek() { return AtEnd() ? '\0' : s_[pos_]; }
  void Advance() { ++pos_; }
  // A number: sign, digits, one dot, exponent. False (nothing consumed)
  // when there is none.
  bool Number(double& v) {
    SkipSeparators();
    size_t i = pos_;
    if (i < s_.size() && (s_[i] == '+' || s_[i] == '-')) ++i;
    size_t digits = 0;
    while (i < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i]))) ++i, ++digits;
    if (i < s_.size() && s_[i] == '.') {
      ++i;
      while (i < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i]))) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s_.size() && (s_[i] == 'e' || s_[i] == 'E')) {
      size_t j = i + 1;
      if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
      if (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) {
        while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) ++j;
        i = j;
      }
    }
    std::string text(s_.substr(pos_, i - pos_));
    v = std::strtod(text.c_str(), nullptr);
    pos_ = i;
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

using Point = std::array<double, 2>;

class PathBuilder {
 public:
  explicit PathBuilder(SvgPointBudget& budget) : budget_(budget) {}

  void MoveTo(Point p) {
    Finish();
    current_.points.clear();
    Add(p);
    start_ = p;
    pen_ = p;
  }
  void LineTo(Point p) {
    if (current_.points.empty()) Add(pen_);
    Add(p);
    pen_ = p;
  }
  void Close() {
    sawClose_ = true;
    if (!current_.points.empty()) {
      Add(start_);
      current_.closed = true;
    }
    Finish();
    pen_ = start_;
  }
  void Cubic(Point c1, Point c2, Point p) {
    const Point p0 = pen_;
    if (current_.points.empty()) Add(p0);
    for (int i = 1; i <= kBezierSegments; ++i) {
      const double t = static_cast<double>(i) / kBezierSegments, u = 1 - t;
      Add({u * u * u * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * p[0],
           u * u * u * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * p[1]});
    }
    pen_ = p;
  }
  void Quadratic(Point c, Point p) {
    const Point p0 = pen_;
    if (current_.points.empty()) Add(p0);
    for (int i = 1; i <= kBezierSegments; ++i) {
      const double t = static_cast<double>(i) / kBezierSegments, u = 1 - t;
      Add({u * u * p0[0] + 2 * u * t * c[0] + t * t * p[0],
           u * u * p0[1] + 2 * u * t * c[1] + t * t * p[1]});
    }
    pen_ = p;
  }
  void Arc(double rx, double ry, double angleDeg, bool large, bool sweep, Point p) {
    const Point p0 = pen_;
    rx = std::fabs(rx);
    ry = std::fabs(ry);
    if (rx == 0 || ry == 0 || (p0[0] == p[0] && p0[1] == p[1])) {
      LineTo(p);
      return;
    }
    const double phi = angleDeg * kPi / 180, cs = std::cos(phi), sn = std::sin(phi);
    const double dx = (p0[0] - p[0]) / 2, dy = (p0[1] - p[1]) / 2;
    const double x1 = cs * dx + sn * dy, y1 = -sn * dx + cs * dy;
    const double lambda = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry);
    if (lambda > 1) {
      rx *= std::sqrt(lambda);
      ry *= std::sqrt(lambda);
    }
    double num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
    const double den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
    double k = den > 0 && num > 0 ? std::sqrt(num / den) : 0;
    if (large == sweep) k = -k;
    const double cx1 = k * rx * y1 / ry, cy1 = -k * ry * x1 / rx;
    const double cx = cs * cx1 - sn * cy1 + (p0[0] + p[0]) / 2;
    const double cy = sn * cx1 + cs * cy1 + (p0[1] + p[1]) / 2;
    const double theta = std::atan2((y1 - cy1) / ry, (x1 - cx1) / rx);
    double delta = std::atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx) - theta;
    if (sweep && delta < 0) delta += 2 * kPi;
    if (!sweep && delta > 0) delta -= 2 * kPi;
    if (!std::isfinite(delta)) {
      LineTo(p);
      return;
    }
    const int steps = static_cast<int>(std::fabs(delta) * 180 / kPi * 10 / 180 + 4);
    if (current_.points.empty()) Add(p0);
    for (int i = 1; i < steps; ++i) {
      const double a = theta + delta * i / steps;
      const double ex = rx * std::cos(a), ey = ry * std::sin(a);
      Add({cs * ex - sn * ey + cx, sn * ex + cs * ey + cy});
    }
    Add(p);
    pen_ = p;
  }

  Point Pen() const { return pen_; }
  // 2021.01 closes the last subpath too when any Z came before it (n: "M a
  // Z M b" fills b, zero area for a line, instead of stroking it).
  std::vector<SvgSubpath> Take() {
    if (sawClose_ && !current_.points.empty()) current_.closed = true;
    Finish();
    return std::move(done_);
  }

 private:
  void Add(Point p) {
    if (budget_.Take(1)) current_.points.push_back(p);
  }
  void Finish() {
    auto& pts = current_.points;
    if (pts.size() >= 2) {
      if (!current_.closed && pts.front() == pts.back()) current_.closed = true;
      while (current_.closed && pts.size() > 1 && pts.front() == pts.back()) pts.pop_back();
      done_.push_back(std::move(current_));
    }
    current_ = SvgSubpath();
  }

  SvgPointBudget& budget_;
  SvgSubpath current_;
  std::vector<SvgSubpath> done_;
  Point start_{0, 0}, pen_{0, 0};
  bool sawClose_ = false;
};

}  // namespace

// As 2021.01 reads path data: each command letter takes the numbers after
// it, used in groups of its arity (a moveto's later pairs are linetos);
// numbers left over, unknown letters and stray characters are ignored.
// Arc flags are numbers too, so flags written together ("0010,0") make
// one number and leave the arc short of arguments (2021.01 then drops it).
std::vector<SvgSubpath> ParseSvgPathData(std::string_view d, SvgPointBudget& budget) {
  NumberScanner in(d);
  PathBuilder b(budget);
  Point lastControl{0, 0};  // reflected by S and T
  char lastCommand = '\0';
  std::vector<double> args;
  while (!in.AtEnd() && !budget.exhausted) {
    const char command = in.Peek();
    in.Advance();
    if (!std::isalpha(static_cast<unsigned char>(command))) continue;
    args.clear();
    double number;
    while (in.Number(number)) args.push_back(number);
    const bool rel = std::islower(static_cast<unsigned char>(command)) != 0;
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(command)));
    size_t arity = 0;
    switch (upper) {
      case 'M': case 'L': case 'T': arity = 2; break;
      case 'H': case 'V': arity = 1; break;
      case 'C': arity = 6; break;
      case 'S': case 'Q': arity = 4; break;
      case 'A': arity = 7; break;
      case 'Z': arity = 0; break;
      default: continue;  // an unknown command and its numbers
    }
    if (upper == 'Z') {
      b.Close();
      lastCommand = 'Z';
      continue;
    }
    for (size_t g = 0; g + arity <= args.size() && !budget.exhausted; g += arity) {
      const double* v = args.data() + g;
      const Point pen = b.Pen();
      auto at = [&](double x, double y) { return rel ? Point{pen[0] + x, pen[1] + y} : Point{x, y}; };
      switch (upper) {
        case 'M':
          if (g == 0) {
            b.MoveTo(at(v[0], v[1]));
          } else {
            b.LineTo(at(v[0], v[1]));
          }
          break;
        case 'L': b.LineTo(at(v[0], v[1])); break;
        case 'H': b.LineTo({rel ? pen[0] + v[0] : v[0], pen[1]}); break;
        case 'V': b.LineTo({pen[0], rel ? pen[1] + v[0] : v[0]}); break;
        case 'C': {
          const Point c2 = at(v[2], v[3]);
          b.Cubic(at(v[0], v[1]), c2, at(v[4], v[5]));
          lastControl = c2;
          break;
        }
        case 'S': {
          const bool smooth = lastCommand == 'C' || lastCommand == 'S';
          const Point c1 = smooth ? Point{2 * pen[0] - lastControl[0], 2 * pen[1] - lastControl[1]} : pen;
          const Point c2 = at(v[0], v[1]);
          b.Cubic(c1, c2, at(v[2], v[3]));
          lastControl = c2;
          break;
        }
        case 'Q': {
          const Point c = at(v[0], v[1]);
          b.Quadratic(c, at(v[2], v[3]));
          lastControl = c;
          break;
        }
        case 'T': {
          const bool smooth = lastCommand == 'Q' || lastCommand == 'T';
          const Point c = smooth ? Point{2 * pen[0] - lastControl[0], 2 * pen[1] - lastControl[1]} : pen;
          b.Quadratic(c, at(v[0], v[1]));
          lastControl = c;
          break;
        }
        case 'A':
          b.Arc(v[0], v[1], v[2], v[3] != 0, v[4] != 0, at(v[5], v[6]));
          break;
      }
      lastCommand = upper;
    }
  }
  return b.Take();
}

SvgSubpath SvgEllipse(double cx, double cy, double rx, double ry, SvgPointBudget& budget) {
  SvgSubpath s;
  s.closed = true;
  // A negative radius draws the same circle (2021.01 does not check it).
  if (rx == 0 || ry == 0 || !budget.Take(kCircleSegments)) return s;
  for (int i = 0; i < kCircleSegments; ++i) {
    const double a = 2 * kPi * i / kCircleSegments;
    s.points.push_back({cx + rx * std::cos(a), cy + ry * std::sin(a)});
  }
  return s;
}

SvgSubpath SvgRect(double x, double y, double w, double h, double rx, double ry,
                   SvgPointBudget& budget) {
  if (w == 0 || h == 0) return {};
  // A negative size runs the other way from (x, y), unrounded (2021.01 draws it so).
  if (w < 0 || h < 0) rx = ry = 0;
  if (rx <= 0 && ry > 0) rx = ry;
  if (ry <= 0 && rx > 0) ry = rx;
  rx = std::min(std::max(rx, 0.0), w / 2);
  ry = std::min(std::max(ry, 0.0), h / 2);
  if (rx <= 0 || ry <= 0) {
    SvgSubpath s;
    s.closed = true;
    if (budget.Take(4)) s.points = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
    return s;
  }
  PathBuilder b(budget);
  b.MoveTo({x + rx, y});
  b.LineTo({x + w - rx, y});
  b.Arc(rx, ry, 0, false, true, {x + w, y + ry});
  b.LineTo({x + w, y + h - ry});
  b.Arc(rx, ry, 0, false, true, {x + w - rx, y + h});
  b.LineTo({x + rx, y + h});
  b.Arc(rx, ry, 0, false, true, {x, y + h - ry});
  b.LineTo({x, y + ry});
  b.Arc(rx, ry, 0, false, true, {x + rx, y});
  b.Close();
  std::vector<SvgSubpath> out = b.Take();
  return out.empty() ? SvgSubpath() : std::move(out[0]);
}

std::vector<double> ParseSvgNumberList(std::string_view s) {
  NumberScanner in(s);
  std::vector<double> out;
  double v;
  while (in.Number(v)) out.push_back(v);
  return out;
}

}  // namespace mos::importer
