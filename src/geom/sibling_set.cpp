#include "geom/sibling_set.h"

#include <algorithm>

namespace mos::geom {
namespace {

// Each member's start in the concatenation, in key order.
struct Slot {
  uint32_t lo, hi, offset;
};

std::vector<Slot> Slots(const std::vector<PropertyRange>& ranges, const std::vector<size_t>& keyOrder) {
  std::vector<Slot> slots;
  uint32_t offset = 0;
  for (size_t i : keyOrder) {
    const PropertyRange& r = ranges[i];
    slots.push_back({r.lo, r.hi, offset});
    offset += r.hi - r.lo;
  }
  return slots;
}

}  // namespace

std::string SetKeyBytes(SetOp op, const std::vector<NodeDigest>& digests,
                        const std::vector<size_t>& keyOrder) {
  std::string bytes = op == SetOp::kUnion        ? "union-set:"
                      : op == SetOp::kDifference ? "difference-set:"
                                                 : "intersection-set:";
  for (size_t i : keyOrder) {
    bytes.append(reinterpret_cast<const char*>(&digests[i].hi), sizeof(uint64_t));
    bytes.append(reinterpret_cast<const char*>(&digests[i].lo), sizeof(uint64_t));
  }
  return bytes;
}

uint32_t PropertySpan(const std::vector<PropertyRange>& ranges, const std::vector<size_t>& keyOrder) {
  uint32_t span = 0;
  for (size_t i : keyOrder) span += ranges[i].hi - ranges[i].lo;
  return span;
}

bool EncodeProperties(std::vector<uint32_t>& props, const std::vector<PropertyRange>& ranges,
                      const std::vector<size_t>& keyOrder) {
  std::vector<Slot> byLo = Slots(ranges, keyOrder);
  std::sort(byLo.begin(), byLo.end(), [](const Slot& a, const Slot& b) { return a.lo < b.lo; });
  size_t last = 0;  // runs of triangles share a member: try the previous one first
  for (uint32_t& p : props) {
    if (last >= byLo.size() || p < byLo[last].lo || p >= byLo[last].hi) {
      auto it = std::upper_bound(byLo.begin(), byLo.end(), p,
                                 [](uint32_t v, const Slot& s) { return v < s.lo; });
      if (it == byLo.begin()) return false;
      last = static_cast<size_t>(it - byLo.begin()) - 1;
      if (p >= byLo[last].hi) return false;
    }
    p = byLo[last].offset + (p - byLo[last].lo);
  }
  return true;
}

bool DecodeProperties(std::vector<uint32_t>& props, const std::vector<PropertyRange>& ranges,
                      const std::vector<size_t>& keyOrder, uint32_t span) {
  if (PropertySpan(ranges, keyOrder) != span) return false;
  std::vector<Slot> byOffset = Slots(ranges, keyOrder);  // offsets ascend
  // Members that made no properties share an offset with the next: drop them.
  byOffset.erase(std::remove_if(byOffset.begin(), byOffset.end(), [](const Slot& s) { return s.hi == s.lo; }),
                 byOffset.end());
  size_t last = 0;
  for (uint32_t& p : props) {
    if (p >= span) return false;
    if (last >= byOffset.size() || p < byOffset[last].offset ||
        p - byOffset[last].offset >= byOffset[last].hi - byOffset[last].lo) {
      auto it = std::upper_bound(byOffset.begin(), byOffset.end(), p,
                                 [](uint32_t v, const Slot& s) { return v < s.offset; });
      last = static_cast<size_t>(it - byOffset.begin()) - 1;
    }
    p = byOffset[last].lo + (p - byOffset[last].offset);
  }
  return true;
}

}  // namespace mos::geom
