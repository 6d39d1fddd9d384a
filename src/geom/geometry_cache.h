// The geometry cache shared by all renders of one Engine: subtree results
// keyed by their content (node_key.h), kept under an LRU byte budget.
// Entries are immutable once stored and handed out as shared_ptr<const>, so
// a render keeps using an entry that another render evicts meanwhile.
// Thread-safe: every member function takes the cache's mutex.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "geom/geometry.h"
#include "geom/node_key.h"

namespace mos::geom {

#ifdef __EMSCRIPTEN__
inline constexpr uint64_t kDefaultGeometryCacheBytes = uint64_t{64} << 20;
#else
inline constexpr uint64_t kDefaultGeometryCacheBytes = uint64_t{256} << 20;
#endif

// A subtree's result, position-independent: property ids are relative to
// the first property the subtree made, node ids relative to its root's.
struct CachedGeometry {
  std::string keyBytes;  // the full key, compared on every hit
  Geometry geometry;
  std::vector<FaceProperty> properties;
  int nodeCount = 0;  // node ids the subtree used
  int height = 0;     // levels below its root
  // Partial boolean results (sibling sets, see sibling_set.h): the number of
  // properties their operands made; property ids are offsets into them.
  uint32_t propertySpan = 0;
  uint64_t bytes = 0;
};

// Rough heap size of an entry, for the budget.
uint64_t EstimateBytes(const CachedGeometry& entry);

struct GeometryCacheCounters {
  uint64_t entries = 0;
  uint64_t bytes = 0;
  uint64_t budget = 0;
  uint64_t evictions = 0;  // since the cache was made
};

class GeometryCache {
 public:
  explicit GeometryCache(uint64_t budgetBytes = kDefaultGeometryCacheBytes)
      : budget_(budgetBytes) {}

  // The entry stored under `key` whose full key bytes equal `key.bytes`.
  std::shared_ptr<const CachedGeometry> Find(const NodeKey& key);
  // Stores (or replaces) an entry; one larger than the budget is dropped.
  // Evicts least recently used entries until the total fits.
  void Store(const NodeDigest& digest, std::shared_ptr<const CachedGeometry> entry);

  // A budget of 0 turns caching off (and empties the cache).
  void SetBudget(uint64_t bytes);
  void Clear();
  GeometryCacheCounters Counters() const;

 private:
  struct Slot {
    std::shared_ptr<const CachedGeometry> entry;
    std::list<NodeDigest>::iterator lru;  // position in lru_ (front: newest)
  };
  void EvictLocked();

  mutable std::mutex mutex_;
  std::unordered_map<NodeDigest, Slot, NodeDigestHash> slots_;
  std::list<NodeDigest> lru_;
  uint64_t budget_;
  uint64_t bytes_ = 0;
  uint64_t evictions_ = 0;
};

}  // namespace mos::geom
