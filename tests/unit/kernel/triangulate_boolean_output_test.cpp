// The triangulator on the output of the 2D booleans: canonical polygon sets
// are valid (weakly simple: contours may touch at vertices, holes may touch
// their outer boundary), so every triangle must be counter-clockwise and the
// triangles must cover exactly the set's area.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <random>

#include "kernel/polygon2d.h"
#include "kernel/triangulate.h"
#include "triangulate_check.h"

namespace mos::kernel {
namespace {

Polygon2d RandomGridSet(std::mt19937_64& rng) {
  Polygon2d p;
  const int contours = 1 + static_cast<int>(rng() % 3);
  for (int c = 0; c < contours; ++c) {
    Contour contour;
    const int n = 3 + static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) contour.push_back({static_cast<double>(rng() % 7), static_cast<double>(rng() % 7)});
    p.contours.push_back(contour);
  }
  return p;
}

std::string Describe(const Polygon2d& p) {
  std::string s;
  char buf[96];
  for (const Contour& c : p.contours) {
    s += "\n  {";
    for (const Vec2& v : c) {
      std::snprintf(buf, sizeof buf, "{%.17g,%.17g},", v.x, v.y);
      s += buf;
    }
    s += "},";
  }
  return s;
}

TEST(TriangulateBooleanOutput, RandomCanonicalSetsTriangulateWithoutInversions) {
  std::mt19937_64 rng(4242);
  const char* env = std::getenv("MOS_CLIPPER_ITERATIONS");
  const int iterations = env ? std::max(1, std::atoi(env)) : 2000;
  int failures = 0;
  for (int it = 0; it < iterations && failures < 5; ++it) {
    const Polygon2d set = Boolean2d(RandomGridSet(rng), RandomGridSet(rng), static_cast<BoolOp2d>(rng() % 4),
                                    static_cast<FillRule>(rng() % 4), static_cast<FillRule>(rng() % 4));
    const double area = SignedArea(set);
    const auto tris = TriangulatePolygon(set.contours);
    const auto r = testing::CheckTriangulation(set.contours, tris);
    const double tol = 1e-9 * std::max(1.0, area);
    if (!r.ok || std::fabs(r.signedArea - area) > tol || std::fabs(r.absoluteArea - area) > tol) {
      ++failures;
      ADD_FAILURE() << "iteration " << it << ": " << r.error << " area " << area << " triangles " << r.signedArea
                    << " |triangles| " << r.absoluteArea << Describe(set);
    }
  }
}

}  // namespace
}  // namespace mos::kernel
