#include "geom/extrude.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "geom/cgal_closed_check.h"
#include "geom/tessellation.h"
#include "geom/extrude_layout_twins.h"
#include "geom/extrude_mesh.h"
#include "geom/delaunay_flips.h"
#include "kernel/triangulate.h"

namespace mos::geom {
namespace {

using kernel::Vec2;
using kernel::Vec3;
using Triangle = std::array<Vec3, 3>;

constexpr double kPi = 3.14159265358979323846;

// Triangles of the polygon set (counter-clockwise in the plane), as indices
// into its contours' vertices taken in order.
std::vector<std::array<int, 3>> CapTriangles(const kernel::Polygon2d& polygon) {
  std::vector<Vec2> all;
  for (const auto& c : polygon.contours) all.insert(all.end(), c.begin(), c.end());
  std::vector<std::array<int, 3>> tris = kernel::TriangulatePolygon(polygon.contours);
  // Short triangles instead of ear clipping's long thin ones (a bounded
  // number of flips: a few per triangle).
  FlipToDelaunay(all, tris, 8 * static_cast<int>(tris.size()) + 64);
  return tris;
}

// One outline turning one way only (2021.01's Polygon2d::is_convex; such
// extrusions go to CGAL as hulls, never through its polyhedron builder).
bool SingleConvexOutline(const kernel::Polygon2d& polygon) {
  if (polygon.contours.size() != 1) return false;
  const kernel::Contour& c = polygon.contours[0];
  const size_t n = c.size();
  if (n < 3) return false;
  bool left = false, right = false;
  for (size_t i = 0; i < n; ++i) {
    const double turn = kernel::Cross(c[(i + 1) % n] - c[i], c[(i + 2) % n] - c[(i + 1) % n]);
    left = left || turn > 0;
    right = right || turn < 0;
  }
  return !(left && right);
}

// Some point used twice by the outlines (outlines touching in a vertex):
// the extrusion then has an edge with four faces.
bool HasRepeatedVertex(const kernel::Polygon2d& polygon) {
  std::vector<std::pair<double, double>> points;
  for (const auto& c : polygon.contours)
    for (const Vec2& v : c) points.emplace_back(v.x, v.y);
  std::sort(points.begin(), points.end());
  return std::adjacent_find(points.begin(), points.end()) != points.end();
}

// A contour's orientation: holes of a canonical set run clockwise.
bool IsHole(const kernel::Contour& c) { return kernel::SignedArea(c) < 0; }

// Length of the path the farthest vertex (radius r) takes: a helix, or with
// a uniform scale a conical helix whose radius goes from r to r*s. 2021.01's
// counts (checked for s = 0.2 ... 4) match a radius shrinking to r*min(s, 1/s);
// non-uniform scales count as unscaled.
double TwistPathLength(double r, const eval::LinearExtrudeParams& p) {
  const double theta = std::abs(p.twist) * kPi / 180;
  const double h = p.height;
  double s = p.scale[0] == p.scale[1] ? p.scale[0] : 1;
  if (s > 1) s = 1 / s;
  if (s == 1) return std::sqrt(r * theta * r * theta + h * h);
  const double dr = r * (s - 1);
  auto speed = [&](double t) {
    const double rt = r + dr * t;
    return std::sqrt(dr * dr + rt * theta * rt * theta + h * h);
  };
  constexpr int kSteps = 64;  // Simpson's rule; the speed is smooth
  double sum = speed(0) + speed(1);
  for (int i = 1; i < kSteps; ++i) sum += speed(static_cast<double>(i) / kSteps) * (i % 2 ? 4 : 2);
  return sum / (3 * kSteps);
}

}  // namespace

int LinearExtrudeSlices(const kernel::Polygon2d& polygon, const eval::LinearExtrudeParams& p) {
  if (p.hasSlices) return std::max(p.slices, 1);  // the evaluator bounds it to int
  if (p.twist == 0) return 1;
  const double twist = std::abs(p.twist);
  double n;
  if (p.fragments.fn > 0) {
    n = std::max(p.fragments.fn, 3.0) * twist / 360;
  } else {
    double maxR2 = 0;
    for (const auto& c : polygon.contours)
      for (const Vec2& v : c) maxR2 = std::max(maxR2, v.x * v.x + v.y * v.y);
    n = std::min(twist / p.fragments.fa, TwistPathLength(std::sqrt(maxR2), p) / p.fragments.fs);
  }
  n = std::ceil(std::max(n, 1.0));
  return n < 2147483647.0 ? static_cast<int>(n) : 2147483647;
}

ExtrusionLayout LinearExtrudeLayout(const kernel::Polygon2d& polygon,
                                    const eval::LinearExtrudeParams& p) {
  ExtrusionLayout layout;
  if (!(p.height > 0) || !std::isfinite(p.height) || polygon.contours.empty()) return layout;
  const int slices = LinearExtrudeSlices(polygon, p);
  const double z0 = p.center ? -p.height / 2 : 0;
  std::vector<Vec2> all;
  for (const auto& c : polygon.contours) all.insert(all.end(), c.begin(), c.end());
  const int count = static_cast<int>(all.size());
  // Level k: rotate by -twist*k/slices (degrees, exact at right angles),
  // then scale by the interpolated factors. Point k * count + i is vertex
  // i (contours in order) on level k.
  // Sized first and filled by index (no capacity check per point).
  layout.points.resize(static_cast<size_t>(count) * (static_cast<size_t>(slices) + 1));
  Vec3* out = layout.points.data();
  for (int k = 0; k <= slices; ++k) {
    const double t = static_cast<double>(k) / slices;
    const double rot = -p.twist * t;
    const double c = CosDegrees(rot), s = SinDegrees(rot);
    const double sx = 1 + (p.scale[0] - 1) * t, sy = 1 + (p.scale[1] - 1) * t;
    const double z = k == slices ? z0 + p.height : z0 + p.height * t;
    // "+ 0.0": 2021.01 applies an affine map with a zero translation, which
    // turns -0 into +0 in its output.
    for (const Vec2 v : all)
      *out++ = {sx * (c * v.x - s * v.y) + 0.0, sy * (s * v.x + c * v.y) + 0.0, z};
  }
  auto& tris = layout.triangles;
  const auto cap = CapTriangles(polygon);
  const int top = slices * count;
  tris.resize(2 * cap.size() + 2 * static_cast<size_t>(count) * slices);
  std::array<int, 3>* tri = tris.data();
  for (const auto& t : cap) {
    *tri++ = {t[0], t[2], t[1]};  // faces down
    *tri++ = {top + t[0], top + t[1], top + t[2]};
  }
  // Side quads are not planar under a twist; 2021.01 cuts each along its
  // shorter diagonal (checked by volume against its output, also with a
  // vertex on the axis). Ties (planar quads): from the lower corner at the
  // start of a counter-clockwise edge when the twist is positive, else the
  // other diagonal; holes the other way round.
  const bool lowerDiagonal = p.twist > 0;
  std::vector<char> diagonalA;
  for (const auto& c : polygon.contours) diagonalA.push_back(lowerDiagonal != IsHole(c));
  for (int k = 0; k < slices; ++k) {
    // The slice ending in a top scaled to zero on an axis takes the other
    // (longer) diagonal: 2021.01's rule against zero-thickness ears there
    // (issue2259.scad: a triangle extruded with scale=[1,0] gives 6 facets,
    // each side quad split along its longer diagonal).
    const bool zeroTop = k + 1 == slices && (p.scale[0] == 0 || p.scale[1] == 0);
    int first = 0;  // the contour's first vertex
    for (size_t ci = 0; ci < polygon.contours.size(); ++ci) {
      const int n = static_cast<int>(polygon.contours[ci].size());
      for (int i = 0; i < n; ++i) {
        const int a = k * count + first + i, b = k * count + first + (i + 1 == n ? 0 : i + 1);
        const int a2 = a + count, b2 = b + count;
        const Vec3* pt = layout.points.data();
        const double da = kernel::LengthSquared(pt[b2] - pt[a]);
        const double db = kernel::LengthSquared(pt[a2] - pt[b]);
        // Equal lengths up to rounding count as a tie: a vertex on the axis
        // makes both diagonals equally long in exact arithmetic, and 2021.01
        // then splits by the rule above (linear_extrude-tests.scad, twisted
        // square(10) with a corner at the origin).
        const bool tie = std::abs(da - db) <= 1e-9 * std::max(da, db);
        if ((tie ? diagonalA[ci] != 0 : da < db) != zeroTop) {
          *tri++ = {a, b, b2};
          *tri++ = {a, b2, a2};
        } else {
          *tri++ = {a, b, a2};
          *tri++ = {b, b2, a2};
        }
      }
      first += n;
    }
  }
  // A top scaled to zero collapses its points (the mesh builder then pairs
  // the twins of what is left itself).
  if (p.scale[0] != 0 && p.scale[1] != 0) {
    std::vector<int> sizes;
    for (const auto& c : polygon.contours) sizes.push_back(static_cast<int>(c.size()));
    layout.twins = LinearLayoutTwins(sizes, slices, cap, tris);
  }
  return layout;
}

kernel::Mesh LinearExtrude(const kernel::Polygon2d& polygon, const eval::LinearExtrudeParams& p,
                           uint32_t prop, bool* cgalRejects) {
  if (cgalRejects) *cgalRejects = false;
  ExtrusionLayout layout = LinearExtrudeLayout(polygon, p);
  if (layout.triangles.empty()) return {};
  // Only a degenerate top or outlines touching in a point (issue791.scad: a
  // self-intersecting polygon() filled even-odd is two outlines meeting in
  // the crossing) can make the soup non-manifold. A degenerate top has no
  // area: 2021.01's tessellator gives it no triangles (ours are collinear).
  const bool zeroScale = p.scale[0] == 0 || p.scale[1] == 0;
  if (cgalRejects && !SingleConvexOutline(polygon) && (zeroScale || HasRepeatedVertex(polygon))) {
    // The caps come first, bottom and top in turn.
    const size_t capTriangles = CapTriangles(polygon).size();
    std::vector<Triangle> withoutTop;
    for (size_t i = 0; i < layout.triangles.size(); ++i)
      if (!zeroScale || i >= 2 * capTriangles || i % 2 == 0) {
        const auto& t = layout.triangles[i];
        withoutTop.push_back({layout.points[t[0]], layout.points[t[1]], layout.points[t[2]]});
      }
    *cgalRejects = !ClosedManifoldSoup(withoutTop);
  }
  return ExtrusionMesh(std::move(layout), prop);
}

int64_t PolygonVertexCount(const kernel::Polygon2d& polygon) {
  int64_t n = 0;
  for (const auto& c : polygon.contours) n += static_cast<int64_t>(c.size());
  return n;
}

int RotateExtrudeFragments(const kernel::Polygon2d& polygon, const eval::RotateExtrudeParams& p) {
  double radius = 0;
  for (const auto& c : polygon.contours)
    for (const Vec2& v : c) radius = std::max(radius, std::abs(v.x));
  const int base = FragmentCount(radius, p.fragments.fn, p.fragments.fs, p.fragments.fa);
  // 2021.01 truncates (an unsigned cast): angle=100 with 30 fragments per
  // turn sweeps 8 segments, not 9.
  const double n = std::floor(std::max(base * std::abs(p.angle) / 360, 1.0));
  return n < 2147483647.0 ? static_cast<int>(n) : 2147483647;
}

ExtrusionLayout RotateExtrudeLayout(const kernel::Polygon2d& polygon,
                                    const eval::RotateExtrudeParams& p, std::string& error) {
  ExtrusionLayout layout;
  if (polygon.contours.empty()) return layout;
  double minX = INFINITY, maxX = -INFINITY;
  for (const auto& c : polygon.contours)
    for (const Vec2& v : c) {
      minX = std::min(minX, v.x);
      maxX = std::max(maxX, v.x);
    }
  if (minX < 0 && maxX > 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "all points for rotate_extrude() must have the same X coordinate sign "
                  "(range is %.2f -> %.2f)",
                  minX, maxX);
    error = buf;
    return layout;
  }
  kernel::Polygon2d shape = polygon;
  // Left of the axis: 2021.01 sweeps the points where they are (x < 0), i.e.
  // the shape mirrored to the right (contours reversed to stay
  // counter-clockwise) and turned by 180 degrees about Z: `side` = -1.
  const double side = maxX <= 0 ? -1.0 : 1.0;
  if (side < 0) {
    for (auto& c : shape.contours) {
      for (Vec2& v : c) v.x = -v.x;
      std::reverse(c.begin(), c.end());
    }
  }
  const double angle = p.angle;
  const bool full = std::abs(angle) >= 360;
  const int n = RotateExtrudeFragments(polygon, p);
  std::vector<Vec2> all;
  for (const auto& c : shape.contours) all.insert(all.end(), c.begin(), c.end());
  const int count = static_cast<int>(all.size());
  // Profile j lies in the plane at angle j*angle/n from +X; full turns start
  // at 180 degrees and go clockwise (2021.01's layout, visible for odd n).
  // Point j * count + i is vertex i (contours in order) of profile j; a
  // full turn has n profiles (the last quad closes on profile 0), else n + 1.
  const int profiles = full ? n : n + 1;
  layout.points.resize(static_cast<size_t>(count) * profiles);
  Vec3* out = layout.points.data();
  for (int j = 0; j < profiles; ++j) {
    const double a = full ? 180.0 - 360.0 * j / n : angle * j / n;
    const double c = CosDegrees(a), s = SinDegrees(a);
    for (const Vec2 v : all) {
      const double x = side * v.x;
      *out++ = {x * c, x * s, v.y};
    }
  }
  // The triangles below face outward for a counter-clockwise sweep; a
  // clockwise one (full turns, negative angles) turns every face inside out.
  // Reversing them here, rather than leaving it to the repair's orientation
  // pass, keeps the cavity of a profile with holes (two shells, no caps) a
  // cavity.
  const bool reverse = full || angle < 0;
  auto& tris = layout.triangles;
  std::vector<std::array<int, 3>> cap;
  if (!full) cap = CapTriangles(shape);
  tris.reserve(2 * static_cast<size_t>(count) * n + 2 * cap.size());
  auto add = [&](int a, int b, int c) {
    if (reverse) tris.push_back({a, c, b});
    else tris.push_back({a, b, c});
  };
  for (int j = 0; j < n; ++j) {
    const int j2 = full && j + 1 == n ? 0 : j + 1;
    int first = 0;  // the contour's first vertex
    for (const auto& c : shape.contours) {
      const int m = static_cast<int>(c.size());
      for (int i = 0; i < m; ++i) {
        const int va = first + i, vb = first + (i + 1 == m ? 0 : i + 1);
        add(j * count + va, j2 * count + va, j2 * count + vb);
        add(j * count + va, j2 * count + vb, j * count + vb);
      }
      first += m;
    }
  }
  if (!full) {
    for (const auto& t : cap) {
      add(t[0], t[1], t[2]);
      add(n * count + t[0], n * count + t[2], n * count + t[1]);
    }
  }
  // A point on the axis is the same point in every profile (the mesh
  // builder then pairs the twins of what is left itself).
  bool onAxis = false;
  for (const Vec2 v : all) onAxis = onAxis || v.x == 0;
  if (!onAxis) {
    std::vector<int> sizes;
    for (const auto& c : shape.contours) sizes.push_back(static_cast<int>(c.size()));
    layout.twins = RotateLayoutTwins(sizes, n, full, reverse, cap, tris);
  }
  return layout;
}

kernel::Mesh RotateExtrude(const kernel::Polygon2d& polygon, const eval::RotateExtrudeParams& p,
                           uint32_t prop, std::string& error) {
  ExtrusionLayout layout = RotateExtrudeLayout(polygon, p, error);
  if (layout.triangles.empty()) return {};
  return ExtrusionMesh(std::move(layout), prop);
}

}  // namespace mos::geom
