// Shewchuk (DCG 18, 1997): error-free transformations and expansion
// arithmetic, written from the paper's algorithms (Two-Sum, Two-Product by
// Dekker splitting, Grow-Expansion, Scale-Expansion, zero elimination).
#include "kernel/hull_predicates.h"

#include <cmath>
#include <vector>

namespace mos::kernel {
namespace {

using Expansion = std::vector<double>;  // nonoverlapping, increasing magnitude

constexpr double kEpsilon = 1.1102230246251565e-16;  // 2^-53
constexpr double kSplitter = 134217729.0;            // 2^27 + 1
// Shewchuk's bounds for the filtered orient2d / orient3d.
constexpr double kOrient2dBound = (3.0 + 16.0 * kEpsilon) * kEpsilon;
constexpr double kOrient3dBound = (7.0 + 56.0 * kEpsilon) * kEpsilon;

inline void TwoSum(double a, double b, double& x, double& y) {
  x = a + b;
  const double bv = x - a;
  const double av = x - bv;
  y = (a - av) + (b - bv);
}

inline void FastTwoSum(double a, double b, double& x, double& y) {  // |a| >= |b|
  x = a + b;
  y = b - (x - a);
}

inline void TwoDiff(double a, double b, double& x, double& y) {
  x = a - b;
  const double bv = a - x;
  const double av = x + bv;
  y = (a - av) + (bv - b);
}

inline void Split(double a, double& hi, double& lo) {
  const double c = kSplitter * a;
  const double big = c - a;
  hi = c - big;
  lo = a - hi;
}

inline void TwoProduct(double a, double b, double& x, double& y) {
  x = a * b;
  double ahi, alo, bhi, blo;
  Split(a, ahi, alo);
  Split(b, bhi, blo);
  const double err1 = x - ahi * bhi;
  const double err2 = err1 - alo * bhi;
  const double err3 = err2 - ahi * blo;
  y = alo * blo - err3;
}

// e + b.
Expansion Grow(const Expansion& e, double b) {
  Expansion h;
  h.reserve(e.size() + 1);
  double q = b;
  for (double ei : e) {
    double sum, err;
    TwoSum(q, ei, sum, err);
    if (err != 0) h.push_back(err);
    q = sum;
  }
  if (q != 0 || h.empty()) h.push_back(q);
  return h;
}

Expansion Add(const Expansion& e, const Expansion& f) {
  Expansion h = e;
  for (double fi : f) h = Grow(h, fi);
  return h;
}

// e * b.
Expansion Scale(const Expansion& e, double b) {
  Expansion h;
  if (e.empty() || b == 0) return {0.0};
  h.reserve(2 * e.size());
  double q, err;
  TwoProduct(e[0], b, q, err);
  if (err != 0) h.push_back(err);
  for (size_t i = 1; i < e.size(); ++i) {
    double p1, p0, sum;
    TwoProduct(e[i], b, p1, p0);
    TwoSum(q, p0, sum, err);
    if (err != 0) h.push_back(err);
    FastTwoSum(p1, sum, q, err);
    if (err != 0) h.push_back(err);
  }
  if (q != 0 || h.empty()) h.push_back(q);
  return h;
}

Expansion Mul(const Expansion& e, const Expansion& f) {
  Expansion h{0.0};
  for (double fi : f) h = Add(h, Scale(e, fi));
  return h;
}

Expansion Negate(Expansion e) {
  for (double& x : e) x = -x;
  return e;
}

int Sign(const Expansion& e) {
  for (size_t i = e.size(); i-- > 0;) {
    if (e[i] > 0) return 1;
    if (e[i] < 0) return -1;
  }
  return 0;
}

Expansion Diff(double a, double b) {
  double x, y;
  TwoDiff(a, b, x, y);
  return y != 0 ? Expansion{y, x} : Expansion{x};
}

int Orient3dExact(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p) {
  const Expansion ux = Diff(b.x, a.x), uy = Diff(b.y, a.y), uz = Diff(b.z, a.z);
  const Expansion vx = Diff(c.x, a.x), vy = Diff(c.y, a.y), vz = Diff(c.z, a.z);
  const Expansion wx = Diff(p.x, a.x), wy = Diff(p.y, a.y), wz = Diff(p.z, a.z);
  const Expansion nx = Add(Mul(uy, vz), Negate(Mul(uz, vy)));
  const Expansion ny = Add(Mul(uz, vx), Negate(Mul(ux, vz)));
  const Expansion nz = Add(Mul(ux, vy), Negate(Mul(uy, vx)));
  return Sign(Add(Add(Mul(wx, nx), Mul(wy, ny)), Mul(wz, nz)));
}

int Orient2dExact(const Vec2& a, const Vec2& b, const Vec2& c) {
  const Expansion ux = Diff(b.x, a.x), uy = Diff(b.y, a.y);
  const Expansion vx = Diff(c.x, a.x), vy = Diff(c.y, a.y);
  return Sign(Add(Mul(ux, vy), Negate(Mul(uy, vx))));
}

}  // namespace

int Orient2dSign(const Vec2& a, const Vec2& b, const Vec2& c) {
  const double m1 = (b.x - a.x) * (c.y - a.y);
  const double m2 = (b.y - a.y) * (c.x - a.x);
  const double det = m1 - m2;
  const double permanent = std::fabs(m1) + std::fabs(m2);
  if (permanent == 0) return 0;
  const double bound = kOrient2dBound * permanent;
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return Orient2dExact(a, b, c);
}

int Orient3dSign(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p) {
  if (p == a || p == b || p == c) return 0;  // skip the slow path for a sure 0
  const double ux = b.x - a.x, uy = b.y - a.y, uz = b.z - a.z;
  const double vx = c.x - a.x, vy = c.y - a.y, vz = c.z - a.z;
  const double wx = p.x - a.x, wy = p.y - a.y, wz = p.z - a.z;
  const double m1 = uy * vz, m2 = uz * vy;
  const double m3 = uz * vx, m4 = ux * vz;
  const double m5 = ux * vy, m6 = uy * vx;
  const double det = wx * (m1 - m2) + wy * (m3 - m4) + wz * (m5 - m6);
  const double permanent = std::fabs(wx) * (std::fabs(m1) + std::fabs(m2)) +
                           std::fabs(wy) * (std::fabs(m3) + std::fabs(m4)) +
                           std::fabs(wz) * (std::fabs(m5) + std::fabs(m6));
  const double bound = kOrient3dBound * permanent;
  if (permanent == 0) return 0;  // every term is an exact zero (p on a, ...)
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return Orient3dExact(a, b, c, p);
}

bool Collinear3d(const Vec3& a, const Vec3& b, const Vec3& c) {
  // Collinear iff every coordinate-plane projection is.
  for (int k = 0; k < 3; ++k) {
    const int i = (k + 1) % 3, j = (k + 2) % 3;
    if (Orient2dSign({a[i], a[j]}, {b[i], b[j]}, {c[i], c[j]}) != 0) return false;
  }
  return true;
}

}  // namespace mos::kernel
