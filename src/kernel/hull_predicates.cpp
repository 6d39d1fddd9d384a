// J. R. Shewchuk, "Adaptive precision floating-point arithmetic and fast
// robust geometric predicates" (Discrete & Computational Geometry 18, 1997):
// error-free transformations (Two-Sum, Two-Diff, Two-Product by Dekker
// splitting), Grow-Expansion, Fast-Expansion-Sum and Scale-Expansion with
// zero elimination, and the adaptive orient3d of section 4.3, written from
// the paper. Stages: A, a floating-point filter; B, the exact determinant of
// the rounded differences (exact when no difference rounded); C, a
// first-order tail correction under a second error bound; D, the exact
// determinant of the exact differences. Every expansion lives in a
// fixed-size stack array sized for its worst case (orient3d: 192 terms), so
// the exact path never allocates.
#include "kernel/hull_predicates.h"

#include <cmath>

namespace mos::kernel {
namespace {

constexpr double kEpsilon = 1.1102230246251565e-16;  // 2^-53
constexpr double kSplitter = 134217729.0;            // 2^27 + 1
// Shewchuk's error bounds (section 4.3 and predicates.c's exactinit).
constexpr double kResultBound = (3.0 + 8.0 * kEpsilon) * kEpsilon;
constexpr double kOrient2dBound = (3.0 + 16.0 * kEpsilon) * kEpsilon;
constexpr double kOrient3dBound = (7.0 + 56.0 * kEpsilon) * kEpsilon;
constexpr double kOrient3dBoundB = (3.0 + 28.0 * kEpsilon) * kEpsilon;
constexpr double kOrient3dBoundC = (26.0 + 288.0 * kEpsilon) * kEpsilon * kEpsilon;

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

// Expansions: nonoverlapping terms in increasing magnitude, in caller-owned
// arrays; every function returns the output length (at least 1) and the
// caller sizes the output for the worst case named in each comment.

// h = e + f (Fast-Expansion-Sum with zero elimination; h holds m + n terms).
// The terms are merged by magnitude (the smaller first; ties to f), then
// accumulated: a Fast-Two-Sum for the first two, Two-Sums after.
int Sum(const double* e, int m, const double* f, int n, double* h) {
  int i = 0, j = 0, len = 0;
  // e[i] is next when it is not larger in magnitude than f[j].
  auto eFirst = [&]() { return (f[j] > e[i]) == (f[j] > -e[i]); };
  double q = eFirst() ? e[i++] : f[j++];
  double next, err;
  if (i < m && j < n) {
    if (eFirst()) {
      FastTwoSum(e[i++], q, next, err);
    } else {
      FastTwoSum(f[j++], q, next, err);
    }
    q = next;
    if (err != 0) h[len++] = err;
    while (i < m && j < n) {
      if (eFirst()) {
        TwoSum(q, e[i++], next, err);
      } else {
        TwoSum(q, f[j++], next, err);
      }
      q = next;
      if (err != 0) h[len++] = err;
    }
  }
  for (; i < m; ++i) {
    TwoSum(q, e[i], next, err);
    q = next;
    if (err != 0) h[len++] = err;
  }
  for (; j < n; ++j) {
    TwoSum(q, f[j], next, err);
    q = next;
    if (err != 0) h[len++] = err;
  }
  if (q != 0 || len == 0) h[len++] = q;
  return len;
}

// h = e * b (Scale-Expansion with zero elimination; h holds 2 m terms).
int Scale(const double* e, int m, double b, double* h) {
  int len = 0;
  double q, err;
  TwoProduct(e[0], b, q, err);
  if (err != 0) h[len++] = err;
  for (int i = 1; i < m; ++i) {
    double p1, p0, sum;
    TwoProduct(e[i], b, p1, p0);
    TwoSum(q, p0, sum, err);
    if (err != 0) h[len++] = err;
    FastTwoSum(p1, sum, q, err);
    if (err != 0) h[len++] = err;
  }
  if (q != 0 || len == 0) h[len++] = q;
  return len;
}

// h = e * f for a two-term f (h holds 4 m terms; scratch 4 m).
int MulTwo(const double* e, int m, const double* f, int n, double* h, double* scratch) {
  if (n == 1) return Scale(e, m, f[0], h);
  const int l0 = Scale(e, m, f[0], scratch);
  const int l1 = Scale(e, m, f[1], scratch + 2 * m);
  return Sum(scratch, l0, scratch + 2 * m, l1, h);
}

void Negate(double* e, int m) {
  for (int i = 0; i < m; ++i) e[i] = -e[i];
}

int Sign(const double* e, int m) {
  for (int i = m; i-- > 0;) {
    if (e[i] > 0) return 1;
    if (e[i] < 0) return -1;
  }
  return 0;
}

inline int SignOf(double x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }

// a - b as an exact expansion of one or two terms.
int Diff(double a, double b, double* h) {
  double x, y;
  TwoDiff(a, b, x, y);
  if (y == 0) {
    h[0] = x;
    return 1;
  }
  h[0] = y;
  h[1] = x;
  return 2;
}

// Exact a*d - b*c for expansions of at most two terms (16 terms out).
int ExactMinor(const double* a, int la, const double* d, int ld, const double* b, int lb,
               const double* c, int lc, double* h) {
  double ad[8], bc[8], scratch[8];
  const int lad = MulTwo(a, la, d, ld, ad, scratch);
  const int lbc = MulTwo(b, lb, c, lc, bc, scratch);
  Negate(bc, lbc);
  return Sum(ad, lad, bc, lbc, h);
}

// Stage D: the exact sign of det[w; u; v] from the exact differences.
int Orient3dExact(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p) {
  double u[3][2], v[3][2], w[3][2];
  int lu[3], lv[3], lw[3];
  for (int k = 0; k < 3; ++k) {
    lu[k] = Diff(b[k], a[k], u[k]);
    lv[k] = Diff(c[k], a[k], v[k]);
    lw[k] = Diff(p[k], a[k], w[k]);
  }
  // det = w . (u x v); each cross component is 16 terms, each product 64.
  double terms[3][64];
  int lt[3];
  for (int k = 0; k < 3; ++k) {
    const int i = (k + 1) % 3, j = (k + 2) % 3;
    double minor[16], scratch[64];
    const int lm = ExactMinor(u[i], lu[i], v[j], lv[j], u[j], lu[j], v[i], lv[i], minor);
    lt[k] = MulTwo(minor, lm, w[k], lw[k], terms[k], scratch);
  }
  double sum01[128], all[192];
  const int l01 = Sum(terms[0], lt[0], terms[1], lt[1], sum01);
  return Sign(all, Sum(sum01, l01, terms[2], lt[2], all));
}

// The exact sign when one of b - a, c - a, p - a lies on a coordinate axis
// (two coordinates equal, as along the box edges of a Minkowski sum), else
// 2 (not applicable). det[p-a; b-a; c-a] is the triple product [X, Y, Z] of
// any cyclic rotation of (p-a, b-a, c-a); with X = x e_k it is
// x (Y_i Z_j - Y_j Z_i), (k, i, j) cyclic: the sign of x (exact: a
// difference of two distinct doubles never rounds to 0) times the exact 2D
// orientation of a, Y's point, Z's point projected to the (i, j) plane.
int Orient3dAxisEdge(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p) {
  const Vec3* rot[3][3] = {{&p, &b, &c}, {&b, &c, &p}, {&c, &p, &b}};
  for (const auto& r : rot) {
    const Vec3& x = *r[0];
    const bool same[3] = {x.x == a.x, x.y == a.y, x.z == a.z};
    if (same[0] + same[1] + same[2] != 2) continue;  // 3: x == a, det 0, left to the caller
    const int k = !same[0] ? 0 : (!same[1] ? 1 : 2);
    const int i = (k + 1) % 3, j = (k + 2) % 3;
    const int sx = x[k] > a[k] ? 1 : -1;
    const Vec3& y = *r[1];
    const Vec3& z = *r[2];
    // y and z one axis step apart too (a parallelogram with an axis-parallel
    // side): the projections coincide, the orientation is 0.
    if (y[i] == z[i] && y[j] == z[j]) return 0;
    return sx * Orient2dSign({a[i], a[j]}, {y[i], y[j]}, {z[i], z[j]});
  }
  return 2;
}

// Exact x1 y2 - x2 y1 as an expansion of at most four terms (h[0] smallest,
// zeros dropped): the two exact products, then the
// second subtracted term by term (two Grow-Expansion steps, unrolled). The
// same value as Sum of the two products; a generic Sum call with its
// merge branches cost ~140 instructions, this ~40.
inline int Minor4(double x1, double y2, double x2, double y1, double* h) {
  double p1, p0, q1, q0, i, j, t;
  TwoProduct(x1, y2, p1, p0);
  TwoProduct(x2, y1, q1, q0);
  TwoDiff(p0, q0, i, h[0]);  // (p1, p0) - q0 = (j, t, h0)
  TwoSum(p1, i, j, t);
  TwoDiff(t, q1, i, h[1]);  // (j, t) - q1 = (h3, h2, h1)
  TwoSum(j, i, h[3], h[2]);
  int len = 0;  // zero elimination: shorter inputs for Scale and Sum
  for (int k = 0; k < 4; ++k) {
    if (h[k] != 0) h[len++] = h[k];
  }
  if (len == 0) h[len++] = 0;
  return len;
}

// Stages B to D, after the filter failed. Shewchuk's orient3dadapt with his
// (a, b, c, d) = our (p, b, c, a): the same determinant, det[p-a; b-a; c-a].
int Orient3dAdaptive(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p) {
  const int axisEdge = Orient3dAxisEdge(a, b, c, p);
  if (axisEdge != 2) return axisEdge;
  const double adx = p.x - a.x, ady = p.y - a.y, adz = p.z - a.z;
  const double bdx = b.x - a.x, bdy = b.y - a.y, bdz = b.z - a.z;
  const double cdx = c.x - a.x, cdy = c.y - a.y, cdz = c.z - a.z;

  // Stage B: the determinant of the rounded differences, exactly (24 terms).
  double bc[4], ca[4], ab[4];
  const int lbc = Minor4(bdx, cdy, cdx, bdy, bc);
  const int lca = Minor4(cdx, ady, adx, cdy, ca);
  const int lab = Minor4(adx, bdy, bdx, ady, ab);
  double adet[8], bdet[8], cdet[8], abdet[16], fin[24];
  const int la = Scale(bc, lbc, adz, adet);
  const int lb = Scale(ca, lca, bdz, bdet);
  const int lc = Scale(ab, lab, cdz, cdet);
  const int lab2 = Sum(adet, la, bdet, lb, abdet);
  const int lfin = Sum(abdet, lab2, cdet, lc, fin);
  double det = 0;
  for (int i = 0; i < lfin; ++i) det += fin[i];
  const double permanent = (std::fabs(bdx * cdy) + std::fabs(cdx * bdy)) * std::fabs(adz) +
                           (std::fabs(cdx * ady) + std::fabs(adx * cdy)) * std::fabs(bdz) +
                           (std::fabs(adx * bdy) + std::fabs(bdx * ady)) * std::fabs(cdz);
  double bound = kOrient3dBoundB * permanent;
  if (det >= bound || -det >= bound) return SignOf(det);

  // Stage C: when no difference rounded, stage B was exact.
  double adxt, adyt, adzt, bdxt, bdyt, bdzt, cdxt, cdyt, cdzt, unused;
  TwoDiff(p.x, a.x, unused, adxt);
  TwoDiff(p.y, a.y, unused, adyt);
  TwoDiff(p.z, a.z, unused, adzt);
  TwoDiff(b.x, a.x, unused, bdxt);
  TwoDiff(b.y, a.y, unused, bdyt);
  TwoDiff(b.z, a.z, unused, bdzt);
  TwoDiff(c.x, a.x, unused, cdxt);
  TwoDiff(c.y, a.y, unused, cdyt);
  TwoDiff(c.z, a.z, unused, cdzt);
  if (adxt == 0 && adyt == 0 && adzt == 0 && bdxt == 0 && bdyt == 0 && bdzt == 0 &&
      cdxt == 0 && cdyt == 0 && cdzt == 0) {
    return Sign(fin, lfin);
  }
  bound = kOrient3dBoundC * permanent + kResultBound * std::fabs(det);
  det += (adz * ((bdx * cdyt + cdy * bdxt) - (bdy * cdxt + cdx * bdyt)) +
          adzt * (bdx * cdy - bdy * cdx)) +
         (bdz * ((cdx * adyt + ady * cdxt) - (cdy * adxt + adx * cdyt)) +
          bdzt * (cdx * ady - cdy * adx)) +
         (cdz * ((adx * bdyt + bdy * adxt) - (ady * bdxt + bdx * adyt)) +
          cdzt * (adx * bdy - ady * bdx));
  if (det >= bound || -det >= bound) return SignOf(det);

  // Stage D.
  return Orient3dExact(a, b, c, p);
}

int Orient2dExact(const Vec2& a, const Vec2& b, const Vec2& c) {
  double ux[2], uy[2], vx[2], vy[2], det[16];
  const int lux = Diff(b.x, a.x, ux), luy = Diff(b.y, a.y, uy);
  const int lvx = Diff(c.x, a.x, vx), lvy = Diff(c.y, a.y, vy);
  return Sign(det, ExactMinor(ux, lux, vy, lvy, uy, luy, vx, lvx, det));
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
  return Orient3dAdaptive(a, b, c, p);
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
