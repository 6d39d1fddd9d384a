#include "kernel/recent_prepared.h"

#include <cstddef>
#include <mutex>
#include <utility>

namespace mos::kernel {

namespace {

constexpr size_t kKept = 8;
constexpr size_t kMaxTriangles = 4096;  // at most about a megabyte each

struct Recent {
  std::mutex mutex;
  std::shared_ptr<const PreparedOperand> kept[kKept];
  size_t next = 0;  // the slot replaced next (the oldest)
};

Recent& TheRecent() {
  static Recent recent;
  return recent;
}

}  // namespace

bool RecentMayHold(size_t numTri) { return numTri > 0 && numTri <= kMaxTriangles; }

std::shared_ptr<const PreparedOperand> FindRecentPrepared(const MeshFingerprint& fp) {
  if (!RecentMayHold(fp.numTri)) return nullptr;
  Recent& r = TheRecent();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const auto& k : r.kept)
    if (k && k->fingerprint == fp) return k;
  return nullptr;
}

void KeepRecentPrepared(std::shared_ptr<const PreparedOperand> data) {
  if (!data || !RecentMayHold(data->fingerprint.numTri)) return;
  Recent& r = TheRecent();
  std::shared_ptr<const PreparedOperand> old;  // released outside the lock
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const auto& k : r.kept)
    if (k && k->fingerprint == data->fingerprint) return;
  old = std::move(r.kept[r.next]);
  r.kept[r.next] = std::move(data);
  r.next = (r.next + 1) % kKept;
}

}  // namespace mos::kernel
