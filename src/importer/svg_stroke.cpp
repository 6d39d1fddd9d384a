#include "importer/svg_stroke.h"

#include <algorithm>
#include <cmath>

namespace mos::importer {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kScale = 1e4;          // libsvg's integer units per user unit
constexpr double kArcTolerance = 0.25;  // Clipper's default, in integer units
constexpr double kMaxStepsPerCircle = 1e5;  // ours: a bound for absurd widths
using P = std::array<double, 2>;

class OffsetWalker {
 public:
  OffsetWalker(const std::vector<P>& src, double delta, SvgJoin join, SvgPointBudget& budget)
      : src_(src), delta_(delta), join_(join), budget_(budget) {
    const double y = std::min(kArcTolerance, delta * kArcTolerance);
    double steps = kPi / std::acos(1 - y / delta);
    steps = std::min({steps, delta * kPi, kMaxStepsPerCircle});
    steps = std::max(steps, 3.0);
    sin_ = std::sin(2 * kPi / steps);
    cos_ = std::cos(2 * kPi / steps);
    stepsPerRad_ = steps / (2 * kPi);
  }

  // Clipper's unit normal of the edge a->b: (dy, -dx) / length.
  static P Normal(P a, P b) {
    const double dx = b[0] - a[0], dy = b[1] - a[1];
    const double l = std::hypot(dx, dy);
    if (l == 0) return {0, 0};
    return {dy / l, -dx / l};
  }

  void Emit(double x, double y) {
    if (!budget_.Take(1)) return;
    out_.push_back({std::round(x), std::round(y)});
  }
  void Offset(size_t j, const P& n) { Emit(src_[j][0] + n[0] * delta_, src_[j][1] + n[1] * delta_); }

  void Square(size_t j, const P& nk, const P& nj, double sinA) {
    const double dx = std::tan(std::atan2(sinA, nk[0] * nj[0] + nk[1] * nj[1]) / 4);
    Emit(src_[j][0] + delta_ * (nk[0] - nk[1] * dx), src_[j][1] + delta_ * (nk[1] + nk[0] * dx));
    Emit(src_[j][0] + delta_ * (nj[0] + nj[1] * dx), src_[j][1] + delta_ * (nj[1] - nj[0] * dx));
  }
  void Miter(size_t j, const P& nk, const P& nj, double r) {
    const double q = delta_ / r;
    Emit(src_[j][0] + (nk[0] + nj[0]) * q, src_[j][1] + (nk[1] + nj[1]) * q);
  }
  void Round(size_t j, const P& nk, const P& nj, double sinA) {
    const double a = std::atan2(sinA, nk[0] * nj[0] + nk[1] * nj[1]);
    const int steps = std::max(static_cast<int>(std::lround(stepsPerRad_ * std::fabs(a))), 1);
    double x = nk[0], y = nk[1];
    for (int i = 0; i < steps; ++i) {
      Emit(src_[j][0] + x * delta_, src_[j][1] + y * delta_);
      const double x2 = x;
      x = x * cos_ - sin_ * y;
      y = x2 * sin_ + y * cos_;
    }
    Offset(j, nj);
  }

  // The join at vertex j between the edge with normal nk (before) and the
  // one with normal nj (after).
  void Join(size_t j, const P& nk, const P& nj) {
    double sinA = nk[0] * nj[1] - nj[0] * nk[1];
    if (std::fabs(sinA * delta_) < 1.0) {
      if (nk[0] * nj[0] + nk[1] * nj[1] > 0) {  // nearly straight on
        Offset(j, nk);
        return;
      }
    } else {
      sinA = std::clamp(sinA, -1.0, 1.0);
    }
    if (sinA * delta_ < 0) {  // the inner side
      Offset(j, nk);
      Emit(src_[j][0], src_[j][1]);
      Offset(j, nj);
      return;
    }
    if (join_ == SvgJoin::kRound) {
      Round(j, nk, nj, sinA);
    } else if (join_ == SvgJoin::kMiter) {
      const double r = 1 + (nj[0] * nk[0] + nj[1] * nk[1]);
      if (r >= 0.5) {
        Miter(j, nk, nj, r);
      } else {
        Square(j, nk, nj, sinA);
      }
    } else {
      Square(j, nk, nj, sinA);
    }
  }

  void Cap(size_t j, const P& nk, SvgCap cap) {
    const P nj{-nk[0], -nk[1]};
    if (cap == SvgCap::kButt) {
      Offset(j, nk);
      Offset(j, nj);
    } else if (cap == SvgCap::kSquare) {
      Square(j, nk, nj, 0);
    } else {
      Round(j, nk, nj, 0);
    }
  }

  std::vector<P> Take() { return std::move(out_); }

 private:
  const std::vector<P>& src_;
  double delta_;
  SvgJoin join_;
  SvgPointBudget& budget_;
  double sin_ = 0, cos_ = 1, stepsPerRad_ = 1;
  std::vector<P> out_;
};

}  // namespace

void StrokeSvgPolyline(const SvgContour& in, double width, SvgCap cap, SvgJoin join,
                       SvgPointBudget& budget, std::vector<SvgContour>& out) {
  const double delta = width / 2 * kScale;
  if (!(delta > 0) || !std::isfinite(delta)) return;
  // Integer coordinates without consecutive duplicates, as Clipper has them.
  std::vector<P> src;
  for (const P& p : in) {
    const P q{std::round(p[0] * kScale), std::round(p[1] * kScale)};
    if (!std::isfinite(q[0]) || !std::isfinite(q[1]) || std::fabs(q[0]) > 4e18 ||
        std::fabs(q[1]) > 4e18)
      return;
    if (src.empty() || q != src.back()) src.push_back(q);
  }
  const size_t n = src.size();
  if (n < 2) return;
  std::vector<P> normals(n);
  for (size_t j = 0; j + 1 < n; ++j) normals[j] = OffsetWalker::Normal(src[j], src[j + 1]);
  normals[n - 1] = normals[n - 2];
  OffsetWalker w(src, delta, join, budget);
  for (size_t j = 1; j + 1 < n; ++j) w.Join(j, normals[j - 1], normals[j]);
  w.Cap(n - 1, normals[n - 2], cap);
  // Back along the other side: the normals of the reversed path.
  std::vector<P> back(n);
  for (size_t j = n - 1; j > 0; --j) back[j] = {-normals[j - 1][0], -normals[j - 1][1]};
  back[0] = back[1];
  for (size_t j = n - 2; j > 0; --j) w.Join(j, back[j + 1], back[j]);
  w.Cap(0, back[1], cap);
  std::vector<P> contour = w.Take();
  if (contour.size() < 3) return;
  for (P& p : contour) p = {p[0] / kScale, p[1] / kScale};
  out.push_back(std::move(contour));
}

}  // namespace mos::importer
