#include "geom/geometry_cache.h"

#include <utility>

namespace mos::geom {

uint64_t EstimateBytes(const CachedGeometry& e) {
  const kernel::Mesh& m = e.geometry.mesh;
  uint64_t bytes = 256 + e.keyBytes.capacity();
  bytes += m.vertPos.capacity() * sizeof(kernel::Vec3);
  bytes += m.triVerts.capacity() * sizeof(std::array<int, 3>);
  bytes += m.halfedgeTwin.capacity() * sizeof(int);
  bytes += m.triProp.capacity() * sizeof(uint32_t);
  for (const auto& c : e.geometry.polygon.contours)
    bytes += sizeof(kernel::Contour) + c.capacity() * sizeof(kernel::Vec2);
  bytes += e.properties.capacity() * sizeof(FaceProperty);
  return bytes;
}

std::shared_ptr<const CachedGeometry> GeometryCache::Find(const NodeKey& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = slots_.find(key.digest);
  if (it == slots_.end() || it->second.entry->keyBytes != key.bytes) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.entry;
}

void GeometryCache::Store(const NodeDigest& digest, std::shared_ptr<const CachedGeometry> entry) {
  if (!entry) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (entry->bytes > budget_) return;
  auto it = slots_.find(digest);
  if (it != slots_.end()) {
    bytes_ -= it->second.entry->bytes;
    it->second.entry = std::move(entry);
    bytes_ += it->second.entry->bytes;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
  } else {
    lru_.push_front(digest);
    bytes_ += entry->bytes;
    slots_.emplace(digest, Slot{std::move(entry), lru_.begin()});
  }
  EvictLocked();
}

void GeometryCache::EvictLocked() {
  while (bytes_ > budget_ && !lru_.empty()) {
    auto it = slots_.find(lru_.back());
    bytes_ -= it->second.entry->bytes;
    slots_.erase(it);
    lru_.pop_back();
    ++evictions_;
  }
}

void GeometryCache::SetBudget(uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  budget_ = bytes;
  EvictLocked();
}

void GeometryCache::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  slots_.clear();
  lru_.clear();
  bytes_ = 0;
}

GeometryCacheCounters GeometryCache::Counters() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {slots_.size(), bytes_, budget_, evictions_};
}

}  // namespace mos::geom
