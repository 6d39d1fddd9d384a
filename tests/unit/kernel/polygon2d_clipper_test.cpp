// Randomized comparison of the 2D booleans with Clipper 1 (test-only
// oracle). Inputs lie on the 1/65536 grid. Clipper works on integers and
// rounds every crossing point to its grid, so it gets the same inputs scaled
// by 2^46 (still exact) and its rounding then changes areas by ~1e-14; the
// areas must agree within 1e-9 relative. CI size by default; set
// MOS_CLIPPER_ITERATIONS for a long run.
#ifdef MOS_HAVE_CLIPPER
#include <gtest/gtest.h>

#include <clipper.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "kernel/polygon2d.h"
#include "polygon2d_check.h"
#include "polygon2d_slab_oracle.h"

namespace mos::kernel {
namespace {

constexpr double kGrid = 65536.0;
constexpr double kClipperScale = 65536.0 * 1073741824.0;  // 2^46

int Iterations(int ciDefault) {
  const char* env = std::getenv("MOS_CLIPPER_ITERATIONS");
  return env ? std::max(1, std::atoi(env)) : ciDefault;
}

std::string Describe(const Polygon2d& p) {
  std::string s;
  for (const Contour& c : p.contours) {
    s += "{";
    for (const Vec2& v : c) {
      char buf[80];
      std::snprintf(buf, sizeof buf, "{%.17g,%.17g},", v.x, v.y);
      s += buf;
    }
    s += "} ";
  }
  return s;
}

double Snap(double v) { return std::round(v * kGrid) / kGrid; }

Polygon2d RandomSet(std::mt19937_64& rng, int style) {
  Polygon2d p;
  std::uniform_int_distribution<int> contours(1, 3), vertices(3, 10), grid(0, 6);
  std::uniform_real_distribution<double> coord(-8, 8), radius(0.5, 6), unit(0, 1);
  const int nc = contours(rng);
  for (int c = 0; c < nc; ++c) {
    Contour contour;
    const int nv = vertices(rng);
    if (style == 0) {  // random points: self-intersections everywhere
      for (int i = 0; i < nv; ++i) contour.push_back({Snap(coord(rng)), Snap(coord(rng))});
    } else if (style == 1) {  // small integers: coincident edges and vertices
      for (int i = 0; i < nv; ++i) contour.push_back({static_cast<double>(grid(rng)), static_cast<double>(grid(rng))});
    } else {  // star-shaped, random orientation
      const Vec2 centre{Snap(coord(rng) / 2), Snap(coord(rng) / 2)};
      const bool ccw = unit(rng) < 0.7;
      for (int i = 0; i < nv; ++i) {
        const double a = 2 * M_PI * i / nv * (ccw ? 1 : -1);
        const double r = radius(rng);
        contour.push_back({Snap(centre.x + r * std::cos(a)), Snap(centre.y + r * std::sin(a))});
      }
    }
    p.contours.push_back(contour);
  }
  return p;
}

ClipperLib::Paths ToClipper(const Polygon2d& p, double scale) {
  ClipperLib::Paths paths;
  for (const Contour& c : p.contours) {
    ClipperLib::Path path;
    for (const Vec2& v : c) {
      path.push_back(ClipperLib::IntPoint(static_cast<ClipperLib::cInt>(std::llround(v.x * scale)),
                                          static_cast<ClipperLib::cInt>(std::llround(v.y * scale))));
    }
    paths.push_back(path);
  }
  return paths;
}

double ClipperArea(const ClipperLib::Paths& paths, double scale) {
  double a = 0;
  for (const auto& path : paths) a += ClipperLib::Area(path);
  return a / (scale * scale);
}

ClipperLib::PolyFillType ToClipper(FillRule f) {
  switch (f) {
    case FillRule::kEvenOdd: return ClipperLib::pftEvenOdd;
    case FillRule::kNonZero: return ClipperLib::pftNonZero;
    case FillRule::kPositive: return ClipperLib::pftPositive;
    case FillRule::kNegative: return ClipperLib::pftNegative;
  }
  return ClipperLib::pftNonZero;
}

ClipperLib::ClipType ToClipper(BoolOp2d op) {
  switch (op) {
    case BoolOp2d::kUnion: return ClipperLib::ctUnion;
    case BoolOp2d::kIntersection: return ClipperLib::ctIntersection;
    case BoolOp2d::kDifference: return ClipperLib::ctDifference;
    case BoolOp2d::kXor: return ClipperLib::ctXor;
  }
  return ClipperLib::ctUnion;
}

double ClipperBoolean(const Polygon2d& a, const Polygon2d& b, BoolOp2d op, FillRule fa, FillRule fb,
                      double scale) {
  ClipperLib::Clipper clipper;
  clipper.AddPaths(ToClipper(a, scale), ClipperLib::ptSubject, true);
  clipper.AddPaths(ToClipper(b, scale), ClipperLib::ptClip, true);
  ClipperLib::Paths solution;
  clipper.Execute(ToClipper(op), solution, ToClipper(fa), ToClipper(fb));
  return ClipperArea(solution, scale);
}

// Where Clipper and we disagree, the exact slab integration decides (Clipper
// 6.4.2 is itself wrong on some self-intersecting inputs: see the test
// ClipperItselfIsWrongHere below).
TEST(Polygon2dClipper, RandomBooleanAreasMatch) {
  std::mt19937_64 rng(20210131);
  const int iterations = Iterations(1500);
  const FillRule fills[] = {FillRule::kNonZero, FillRule::kEvenOdd, FillRule::kPositive, FillRule::kNegative};
  const BoolOp2d ops[] = {BoolOp2d::kUnion, BoolOp2d::kIntersection, BoolOp2d::kDifference, BoolOp2d::kXor};
  int failures = 0, clipperWrong = 0;
  for (int it = 0; it < iterations && failures < 5; ++it) {
    const int style = it % 3;
    const Polygon2d a = RandomSet(rng, style), b = RandomSet(rng, style);
    const FillRule fa = fills[rng() % 4], fb = fills[rng() % 4];
    for (BoolOp2d op : ops) {
      const Polygon2d ours = Boolean2d(a, b, op, fa, fb);
      const double expected = ClipperBoolean(a, b, op, fa, fb, kClipperScale);
      const double got = SignedArea(ours);
      const double tol = 1e-9 * std::max(1.0, std::fabs(expected));
      bool areaOk = std::fabs(got - expected) <= tol;
      if (!areaOk) {
        const double exact =
            testing::SlabArea(a, b, [&](int wa, int wb) { return testing::SlabApply(testing::SlabFill(wa, fa), testing::SlabFill(wb, fb), op); });
        areaOk = std::fabs(got - exact) <= tol;
        ++clipperWrong;
        if (areaOk) continue;
      }
      const std::string crossing = testing::FindCrossing(ours);
      if (!areaOk || !crossing.empty()) {
        ++failures;
        ADD_FAILURE() << "iteration " << it << " style " << style << " op " << static_cast<int>(op) << " fills "
                      << static_cast<int>(fa) << "," << static_cast<int>(fb) << ": ours " << got << " clipper "
                      << expected << " " << crossing << "\n a: " << Describe(a) << "\n b: " << Describe(b);
      }
    }
  }
  std::printf("%d iterations x 4 operations; Clipper disagreed %d times, slab integration sided with us\n",
              iterations, clipperWrong);
}

TEST(Polygon2dClipper, ClipperItselfIsWrongHere) {
  // Even-odd fill of this integer polygon set: Clipper 6.4.2 says 6.4938,
  // exact slab integration (and point sampling) say 7.4938, as do we.
  const Polygon2d b{{{{0, 1}, {3, 1}, {1, 4}, {2, 1}, {0, 1}, {6, 3}, {3, 2}, {1, 2}},
                     {{1, 2}, {0, 2}, {2, 3}, {4, 2}, {6, 4}, {2, 6}, {4, 5}, {2, 1}},
                     {{6, 5}, {2, 3}, {5, 5}}}};
  const double exact = testing::SlabArea(b, Polygon2d{}, [](int wa, int) { return (wa & 1) != 0; });
  EXPECT_NEAR(SignedArea(Simplify2d(b, FillRule::kEvenOdd)), exact, 1e-12);
  EXPECT_NEAR(exact, 7.4938311688, 1e-9);
  EXPECT_NEAR(ClipperBoolean(b, Polygon2d{}, BoolOp2d::kUnion, FillRule::kEvenOdd, FillRule::kEvenOdd, kClipperScale),
              exact - 1, 1e-9);
}

TEST(Polygon2dClipper, SnappedToTheOpenScadGridAreasAgreeClosely) {
  // At 2021.01's own scale (2^16) Clipper rounds crossings to 1/65536, so the
  // areas only agree to about edge length * 2^-16 per crossing.
  std::mt19937_64 rng(7);
  for (int it = 0; it < Iterations(300) / 5 + 1; ++it) {
    const Polygon2d a = RandomSet(rng, 2), b = RandomSet(rng, 0);
    const double expected = ClipperBoolean(a, b, BoolOp2d::kUnion, FillRule::kNonZero, FillRule::kNonZero, kGrid);
    EXPECT_NEAR(SignedArea(Union2d(a, b)), expected, 1e-3) << "iteration " << it;
  }
}

}  // namespace
}  // namespace mos::kernel
#endif  // MOS_HAVE_CLIPPER
