#include "geom/position_classes.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tuple>

namespace mos::geom {
namespace {

using kernel::Vec3;

// The bits of v with -0 read as +0 (x + 0.0 is +0 for both zeros and x
// otherwise), so equal coordinates have equal bits.
uint64_t Bits(double v) {
  const double w = v + 0.0;
  uint64_t b;
  std::memcpy(&b, &w, sizeof b);
  return b;
}

}  // namespace

std::vector<int> PositionClasses(const std::vector<Vec3>& points, int& numClasses) {
  const size_t n = points.size();
  std::vector<int> classOf(n);
  size_t capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const size_t mask = capacity - 1;
  // slot: the first point of a class (-1: empty).
  std::vector<int> slot(capacity, -1);
  numClasses = 0;
  for (size_t i = 0; i < n; ++i) {
    const Vec3 p = points[i];
    uint64_t h = Bits(p.x) * 0x9e3779b97f4a7c15ULL;
    h = (h ^ Bits(p.y)) * 0xc2b2ae3d27d4eb4fULL;
    h = (h ^ Bits(p.z)) * 0x165667b19e3779f9ULL;
    size_t s = static_cast<size_t>(h >> 32) & mask;
    for (;;) {
      const int first = slot[s];
      if (first < 0) {
        slot[s] = static_cast<int>(i);
        classOf[i] = numClasses++;
        break;
      }
      if (points[first] == p) {  // exact (finite points: -0 == +0)
        classOf[i] = classOf[first];
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return classOf;
}

std::vector<int> PositionClassesBySort(const std::vector<Vec3>& points) {
  struct Keyed {
    Vec3 p;
    int id;
  };
  std::vector<Keyed> sorted(points.size());
  for (size_t i = 0; i < points.size(); ++i) sorted[i] = {points[i], static_cast<int>(i)};
  std::sort(sorted.begin(), sorted.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.p.x, a.p.y, a.p.z, a.id) < std::tie(b.p.x, b.p.y, b.p.z, b.id);
  });
  std::vector<int> classOf(points.size());
  int cls = -1;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i == 0 || !(sorted[i].p == sorted[i - 1].p)) ++cls;
    classOf[sorted[i].id] = cls;
  }
  return classOf;
}

bool SamePartition(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) return false;
  int top = 0;
  for (int c : a) top = std::max(top, c + 1);
  for (int c : b) top = std::max(top, c + 1);
  // A bijection between the two numberings: a's class -> b's and back.
  std::vector<int> aToB(top, -1), bToA(top, -1);
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] < 0 || b[i] < 0) return false;
    if (aToB[a[i]] < 0 && bToA[b[i]] < 0) {
      aToB[a[i]] = b[i];
      bToA[b[i]] = a[i];
    } else if (aToB[a[i]] != b[i] || bToA[b[i]] != a[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace mos::geom
