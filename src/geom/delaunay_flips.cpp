// Lawson's edge flips (Lawson 1977); see delaunay_flips.h.
#include "geom/delaunay_flips.h"

#include <cstdint>
#include <cstdlib>
#include <unordered_map>

#include "kernel/hull_predicates.h"

namespace mos::geom {
namespace {

using kernel::Vec2;

uint64_t EdgeKey(int a, int b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

// > 0 when d lies inside the circumcircle of the counter-clockwise
// triangle (a, b, c). Floating point is enough: it only decides which of
// two valid triangulations to keep.
double InCircle(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& d) {
  const double adx = a.x - d.x, ady = a.y - d.y;
  const double bdx = b.x - d.x, bdy = b.y - d.y;
  const double cdx = c.x - d.x, cdy = c.y - d.y;
  const double ad = adx * adx + ady * ady, bd = bdx * bdx + bdy * bdy, cd = cdx * cdx + cdy * cdy;
  return adx * (bdy * cd - bd * cdy) - ady * (bdx * cd - bd * cdx) + ad * (bdx * cdy - bdy * cdx);
}

// Lawson's loop over an owner table: directed edge (a, b) -> the triangle
// holding it as a -> b. Owners is asked only to find, insert, assign and
// erase (never walked), so any table gives the same flips.
template <class Owners>
int Flip(const std::vector<Vec2>& points, std::vector<std::array<int, 3>>& tris, int maxFlips, Owners& owner) {
  const int n = static_cast<int>(points.size());
  for (size_t t = 0; t < tris.size(); ++t) {
    for (int i = 0; i < 3; ++i) {
      const int a = tris[t][i], b = tris[t][(i + 1) % 3];
      if (a < 0 || b < 0 || a >= n || b >= n) return 0;  // not over these points
      // A directed edge used twice: not a proper triangulation, left as is.
      if (!owner.Insert(EdgeKey(a, b), static_cast<int>(t))) return 0;
    }
  }
  std::vector<std::array<int, 2>> stack;
  stack.reserve(3 * tris.size());
  for (const auto& t : tris)
    for (int i = 0; i < 3; ++i) stack.push_back({t[i], t[(i + 1) % 3]});
  int flips = 0;
  auto third = [&](int t, int a, int b) {
    for (int i = 0; i < 3; ++i)
      if (tris[t][i] != a && tris[t][i] != b) return tris[t][i];
    return -1;
  };
  while (!stack.empty() && flips < maxFlips) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    const int t1 = owner.Find(EdgeKey(a, b));
    if (t1 < 0) continue;  // gone
    const int t2 = owner.Find(EdgeKey(b, a));
    if (t2 < 0) continue;  // boundary
    if (t1 == t2) continue;
    const int c = third(t1, a, b), d = third(t2, a, b);
    if (c < 0 || d < 0 || c == d) continue;
    // t1 = (a, b, c), t2 = (b, a, d), both counter-clockwise.
    const Vec2 &pa = points[a], &pb = points[b], &pc = points[c], &pd = points[d];
    if (!(InCircle(pa, pb, pc, pd) > 0)) continue;
    // The new triangles (c, a, d) and (d, b, c) must both turn left
    // (a strictly convex quadrilateral a, d, b, c).
    if (kernel::Orient2dSign(pa, pb, pc) <= 0 || kernel::Orient2dSign(pb, pa, pd) <= 0 ||
        kernel::Orient2dSign(pc, pa, pd) <= 0 || kernel::Orient2dSign(pd, pb, pc) <= 0)
      continue;
    if (owner.Find(EdgeKey(c, d)) >= 0 || owner.Find(EdgeKey(d, c)) >= 0) continue;  // would duplicate
    owner.Erase(EdgeKey(a, b));
    owner.Erase(EdgeKey(b, a));
    tris[t1] = {c, a, d};
    tris[t2] = {d, b, c};
    for (int t : {t1, t2})
      for (int i = 0; i < 3; ++i) owner.Assign(EdgeKey(tris[t][i], tris[t][(i + 1) % 3]), t);
    ++flips;
    stack.push_back({a, d});
    stack.push_back({d, b});
    stack.push_back({b, c});
    stack.push_back({c, a});
  }
  return flips;
}

// The owner table as it was: a std::unordered_map (a node allocated per
// edge: most of the flips' time on a text cap).
class MapOwners {
 public:
  explicit MapOwners(size_t edges) { map_.reserve(edges); }
  bool Insert(uint64_t k, int t) { return map_.emplace(k, t).second; }
  int Find(uint64_t k) const {
    const auto it = map_.find(k);
    return it == map_.end() ? -1 : it->second;
  }
  void Erase(uint64_t k) { map_.erase(k); }
  void Assign(uint64_t k, int t) { map_[k] = t; }

 private:
  std::unordered_map<uint64_t, int> map_;
};

// The owner table in one array: linear probing, deletion by backward shift.
// A flip keeps the number of directed edges (two erased, the four around
// the quadrilateral reassigned, two added), so the table never holds more
// than the 3 t it starts with and is made at least twice that.
class ProbeOwners {
 public:
  explicit ProbeOwners(size_t edges) {
    size_t size = 16;
    shift_ = 60;
    while (size < 2 * edges) {
      size *= 2;
      --shift_;
    }
    keys_.assign(size, kEmpty);
    owners_.resize(size);
    mask_ = size - 1;
  }
  bool Insert(uint64_t k, int t) {
    const size_t s = Slot(k);
    if (keys_[s] == k) return false;
    keys_[s] = k;
    owners_[s] = t;
    return true;
  }
  int Find(uint64_t k) const {
    const size_t s = Slot(k);
    return keys_[s] == k ? owners_[s] : -1;
  }
  void Assign(uint64_t k, int t) {
    const size_t s = Slot(k);
    keys_[s] = k;
    owners_[s] = t;
  }
  void Erase(uint64_t k) {
    size_t hole = Slot(k);
    if (keys_[hole] != k) return;
    // Later keys of the run move back into the hole unless their home slot
    // lies cyclically in (hole, j]: every key stays reachable from its home.
    for (size_t j = (hole + 1) & mask_; keys_[j] != kEmpty; j = (j + 1) & mask_) {
      const size_t home = Home(keys_[j]);
      const bool stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      keys_[hole] = keys_[j];
      owners_[hole] = owners_[j];
      hole = j;
    }
    keys_[hole] = kEmpty;
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};  // no key: both halves are indices below 2^31
  size_t Home(uint64_t k) const { return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> shift_); }  // the top bits
  // The slot holding k, or the empty slot ending its run.
  size_t Slot(uint64_t k) const {
    size_t s = Home(k);
    while (keys_[s] != k && keys_[s] != kEmpty) s = (s + 1) & mask_;
    return s;
  }
  std::vector<uint64_t> keys_;
  std::vector<int> owners_;
  size_t mask_ = 0;
  int shift_ = 60;
};

}  // namespace

int FlipToDelaunay(const std::vector<Vec2>& points, std::vector<std::array<int, 3>>& tris, int maxFlips) {
#ifdef MOS_CHECK_DELAUNAY_FLIPS
  std::vector<std::array<int, 3>> want = tris;
  const int wantFlips = delaunay_detail::FlipToDelaunayReference(points, want, maxFlips);
#endif
  ProbeOwners owner(tris.size() * 3);
  const int flips = Flip(points, tris, maxFlips, owner);
#ifdef MOS_CHECK_DELAUNAY_FLIPS
  if (flips != wantFlips || tris != want) std::abort();
#endif
  return flips;
}

namespace delaunay_detail {
int FlipToDelaunayReference(const std::vector<Vec2>& points, std::vector<std::array<int, 3>>& tris, int maxFlips) {
  MapOwners owner(tris.size() * 3);
  return Flip(points, tris, maxFlips, owner);
}
}  // namespace delaunay_detail

}  // namespace mos::geom
