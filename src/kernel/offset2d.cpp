// Offset by moving edges and joining them (see offset2d.h for the joins and
// why they are placed as they are), then a positive-winding fill that
// removes the loops concave corners and overlapping parts create.
#include "kernel/offset2d.h"

#include <algorithm>
#include <cmath>

#include "kernel/grid_snap.h"
#include "kernel/polygon2d_limited.h"

namespace mos::kernel {
namespace {

constexpr double kPi = 3.14159265358979323846;  // M_PI is not standard C++

Vec2 Scale(Vec2 v, double s) { return {v.x * s, v.y * s}; }
double Dot2(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }

class ContourOffsetter {
 public:
  ContourOffsetter(const OffsetOptions& options, double stepsPerCircle)
      : options_(options), delta_(options.delta), stepsPerRad_(stepsPerCircle / (2 * kPi)) {
    const double step = 2 * kPi / stepsPerCircle;
    sin_ = std::sin(step);
    cos_ = std::cos(step);
    if (delta_ < 0) sin_ = -sin_;
    // Clipper's miter threshold on 1 + cos(turn).
    miterMin_ = options.miterLimit > 2 ? 2 / (options.miterLimit * options.miterLimit) : 0.5;
  }

  Contour Offset(const Contour& c) {
    const size_t n = c.size();
    normals_.assign(n, {});
    for (size_t i = 0; i < n; ++i) {
      const Vec2 d = c[(i + 1) % n] - c[i];
      const double len = std::sqrt(Dot2(d, d));
      normals_[i] = len > 0 ? Vec2{d.y / len, -d.x / len} : Vec2{0, 0};  // right-hand (outward for CCW)
    }
    out_.clear();
    for (size_t j = 0; j < n; ++j) Corner(c[j], normals_[(j + n - 1) % n], normals_[j]);
    return out_;
  }

 private:
  void Emit(Vec2 p) {
    if (options_.snapToGrid) p = RoundToClipperGrid(p);
    out_.push_back(p);
  }

  // The join at vertex p between the edge before it (normal nk) and the edge
  // after it (normal nj).
  void Corner(Vec2 p, Vec2 nk, Vec2 nj) {
    const double sinA = Cross(nk, nj);
    const double cosA = Dot2(nk, nj);
    // Nearly straight on (less than one grid unit of deviation): one point.
    if (std::fabs(sinA * delta_) < 1 / kClipperGridScale && cosA > 0) {
      Emit(p + Scale(nk, delta_));
      return;
    }
    if (sinA * delta_ < 0) {  // turning away from the offset side
      Emit(p + Scale(nk, delta_));
      Emit(p);
      Emit(p + Scale(nj, delta_));
      return;
    }
    switch (options_.join) {
      case OffsetJoin::kRound: Round(p, nk, nj, sinA, cosA); break;
      case OffsetJoin::kMiter: {
        const double r = 1 + cosA;
        if (r >= miterMin_) {
          Emit(p + Scale(nk + nj, delta_ / r));
        } else {
          Square(p, nk, nj, sinA, cosA);
        }
        break;
      }
      case OffsetJoin::kChamfer: Square(p, nk, nj, sinA, cosA); break;
    }
  }

  void Round(Vec2 p, Vec2 nk, Vec2 nj, double sinA, double cosA) {
    const double turn = std::atan2(sinA, cosA);
    const int steps = std::max(static_cast<int>(std::lround(stepsPerRad_ * std::fabs(turn))), 1);
    Vec2 n = nk;
    for (int i = 0; i < steps; ++i) {
      Emit(p + Scale(n, delta_));
      n = {n.x * cos_ - sin_ * n.y, n.x * sin_ + n.y * cos_};
    }
    Emit(p + Scale(nj, delta_));
  }

  // Corner cut at distance |delta| from p, perpendicular to the bisector:
  // the points lie tan(turn/4) * delta along the moved edges from the
  // offset normals' ends.
  void Square(Vec2 p, Vec2 nk, Vec2 nj, double sinA, double cosA) {
    const double t = std::tan(std::atan2(sinA, cosA) / 4);
    Emit(p + Scale(Vec2{nk.x - nk.y * t, nk.y + nk.x * t}, delta_));
    Emit(p + Scale(Vec2{nj.x + nj.y * t, nj.y - nj.x * t}, delta_));
  }

  const OffsetOptions& options_;
  double delta_;
  double stepsPerRad_;
  double sin_ = 0, cos_ = 1, miterMin_ = 0;
  std::vector<Vec2> normals_;
  Contour out_;
};

}  // namespace

int OffsetArcFragments(double r, double fn, double fs, double fa) {
  constexpr double kGridFine = 1.0 / (1 << 20);
  if (!(r >= kGridFine)) return 3;
  if (fn > 0) return fn >= 3 ? static_cast<int>(fn) : 3;
  if (!(fa > 0) || !(fs > 0)) return 5;
  const double n = std::ceil(std::max(std::min(360.0 / fa, r * 2 * kPi / fs), 5.0));
  return n < 1e6 ? static_cast<int>(n) : 1000000;
}

static Polygon2d Offset2dGuarded(const Polygon2d& input, const OffsetOptions& options, LimitGuard* guard) {
  Polygon2d source = options.snapToGrid ? TruncateToClipperGrid(input) : input;
  auto simplify = [&](const Polygon2d& p, FillRule fill) {
    return polygon2d_detail::Boolean2dGuarded(p, Polygon2d{}, BoolOp2d::kUnion, fill, FillRule::kNonZero, guard);
  };
  auto stopped = [&]() { return guard != nullptr && guard->Stopped(); };
  source = simplify(source, FillRule::kNonZero);
  if (stopped()) return {};
  const double absDelta = std::fabs(options.delta);
  if (options.delta == 0 || (options.snapToGrid && absDelta * kClipperGridScale < 0.5)) return source;
  // Steps per full circle from the arc tolerance, as 2021.01 set it up:
  // tolerance = |r| (1 - cos(180/n)), capped at |r| / 4.
  const int fragments = std::max(options.fragments, 3);
  double tolerance = absDelta * (1 - std::cos(kPi / fragments));
  tolerance = std::min(tolerance, absDelta * 0.25);
  double stepsPerCircle = kPi / std::acos(1 - tolerance / absDelta);
  // Clipper limits the steps to |delta| * pi in grid units.
  if (options.snapToGrid) stepsPerCircle = std::min(stepsPerCircle, absDelta * kClipperGridScale * kPi);
  if (!(stepsPerCircle >= 1)) stepsPerCircle = 1;
  stepsPerCircle = std::min(stepsPerCircle, 1e6);
  // Bound the vertices arcs can create (huge $fn on many corners): at most
  // kMaxArcVertices in total, by coarsening the steps if needed.
  if (options.join == OffsetJoin::kRound) {
    constexpr double kMaxArcVertices = 1e7;
    double totalTurn = 0;
    for (const Contour& c : source.contours) totalTurn += c.size() * kPi;  // upper bound on the arcs' turning
    if (stepsPerCircle / (2 * kPi) * totalTurn > kMaxArcVertices) {
      stepsPerCircle = std::max(3.0, kMaxArcVertices * 2 * kPi / totalTurn);
    }
  }
  // The vertices the offset will have (arcs included), before making them.
  if (guard != nullptr) {
    double estimate = 0;
    for (const Contour& c : source.contours) estimate += static_cast<double>(c.size());
    if (options.join == OffsetJoin::kRound) estimate += estimate * stepsPerCircle / 2;
    estimate = std::min(estimate, 9e18);
    if (!guard->Check(static_cast<int64_t>(estimate), static_cast<int64_t>(std::min(estimate * 64, 9e18))))
      return {};
  }
  ContourOffsetter offsetter(options, stepsPerCircle);
  Polygon2d raw;
  for (const Contour& c : source.contours) {
    if (guard != nullptr && !guard->Check()) return {};
    if (c.size() >= 3) raw.contours.push_back(offsetter.Offset(c));
  }
  Polygon2d result = simplify(raw, FillRule::kPositive);
  if (stopped()) return {};
  if (options.snapToGrid) result = simplify(RoundToClipperGrid(result), FillRule::kNonZero);
  if (stopped()) return {};
  return result;
}

Polygon2d Offset2d(const Polygon2d& input, const OffsetOptions& options) {
  return Offset2dGuarded(input, options, nullptr);
}

PolygonOpResult Offset2d(const Polygon2d& input, const OffsetOptions& options, const KernelLimits& limits) {
  LimitGuard guard(limits, "offset");
  Polygon2d out = Offset2dGuarded(input, options, &guard);
  return polygon2d_detail::Finish(std::move(out), guard);
}

}  // namespace mos::kernel
