#include "kernel/recent_prepared.h"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <utility>

namespace mos::kernel {

struct RecentClaimAccess {
  static bool& Held(RecentClaim& c) { return c.held_; }
  static std::atomic<bool>& Listed(RecentClaim& c) { return c.listed_; }
};

namespace {

constexpr size_t kKept = 8;
constexpr size_t kMaxTriangles = 4096;  // at most about a megabyte each
constexpr size_t kClaims = 8;  // contents claimed at once (more: not claimed)

struct Claimed {
  MeshFingerprint fp;
  RecentClaim* owner;
};

struct Recent;
[[gnu::noinline]] const std::shared_ptr<const PreparedOperand>* Kept(const Recent& r, const MeshFingerprint& fp);

struct Recent {
  std::mutex mutex;
  std::shared_ptr<const PreparedOperand> kept[kKept];
  size_t next = 0;              // the slot replaced next (the oldest)
  Claimed claims[kClaims];      // the contents being prepared
  size_t numClaims = 0;
  int waiting = 0;              // threads waiting for a claim to end
  std::condition_variable claimEnded;

  // Ends the claims on `fp` (any thread's: its content is kept now), or
  // the one of `owner` (when `fp` is null); whether a thread waits to be told.
  bool EndClaims(const MeshFingerprint* fp, RecentClaim* owner) {
    bool ended = false;
    for (size_t i = numClaims; i-- > 0;) {
      RecentClaim* const o = claims[i].owner;
      if (fp ? !(claims[i].fp == *fp) : o != owner) continue;
      claims[i] = claims[--numClaims];
      if (o) RecentClaimAccess::Listed(*o).store(false, std::memory_order_relaxed);
      ended = true;
    }
    return ended && waiting > 0;
  }
};

const std::shared_ptr<const PreparedOperand>* Kept(const Recent& r, const MeshFingerprint& fp) {
  for (const auto& k : r.kept)
    if (k && k->fingerprint == fp) return &k;
  return nullptr;
}

Recent& TheRecent() {
  static Recent recent;
  return recent;
}

// Claims this thread holds (it never waits while it holds one).
thread_local int claimsHeld = 0;

}  // namespace

bool RecentMayHold(size_t numTri) { return numTri > 0 && numTri <= kMaxTriangles; }

std::shared_ptr<const PreparedOperand> FindRecentPrepared(const MeshFingerprint& fp) {
  if (!RecentMayHold(fp.numTri)) return nullptr;
  Recent& r = TheRecent();
  std::lock_guard<std::mutex> lock(r.mutex);
  const auto* k = Kept(r, fp);
  return k ? *k : nullptr;
}

std::shared_ptr<const PreparedOperand> FindOrClaimRecentPrepared(const MeshFingerprint& fp, RecentClaim& claim) {
  if (!RecentMayHold(fp.numTri) || claim.Held()) return nullptr;
  Recent& r = TheRecent();
  std::unique_lock<std::mutex> lock(r.mutex);
  for (;;) {
    if (const auto* k = Kept(r, fp)) return *k;
    bool claimed = false;
    for (size_t i = 0; i < r.numClaims; ++i) claimed = claimed || r.claims[i].fp == fp;
    if (!claimed && r.numClaims == kClaims) return nullptr;  // (prepared unclaimed)
    if (!claimed) {
      r.claims[r.numClaims++] = {fp, &claim};
      RecentClaimAccess::Listed(claim).store(true, std::memory_order_relaxed);
      RecentClaimAccess::Held(claim) = true;
      ++claimsHeld;
      return nullptr;
    }
    if (claimsHeld > 0) return nullptr;
    ++r.waiting;
    r.claimEnded.wait(lock);
    --r.waiting;
  }
}

void RecentClaim::Release() {
  if (!held_) return;
  held_ = false;
  --claimsHeld;
  if (!listed_.load(std::memory_order_relaxed)) return;  // ended by a keep
  Recent& r = TheRecent();
  bool wake;
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    wake = r.EndClaims(nullptr, this);
  }
  if (wake) r.claimEnded.notify_all();
}

void KeepRecentPrepared(std::shared_ptr<const PreparedOperand> data) {
  if (!data || !RecentMayHold(data->fingerprint.numTri)) return;
  Recent& r = TheRecent();
  std::shared_ptr<const PreparedOperand> old;  // released outside the lock
  bool wake;
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    wake = r.EndClaims(&data->fingerprint, nullptr);
    if (!Kept(r, data->fingerprint)) {
      old = std::move(r.kept[r.next]);
      r.kept[r.next] = std::move(data);
      r.next = (r.next + 1) % kKept;
    }
  }
  if (wake) r.claimEnded.notify_all();
}

}  // namespace mos::kernel
