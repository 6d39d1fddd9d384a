// Cache entries some thread of one render is making now, by their digest.
// A thread that needs an entry another thread is making waits for it and
// then takes it from the cache, as the serial render would, instead of
// making it again (a module used in two sibling subtrees on different
// threads; the shared first steps of several differences). A thread waits
// only for an entry strictly inside what it is making itself, so no two
// threads wait for each other.
#pragma once

#include <condition_variable>
#include <mutex>
#include <unordered_set>

#include "geom/node_key.h"

namespace mos::geom {

class EvaluationClaims {
 public:
  // True: the caller now makes `digest` (and releases it when stored or
  // given up). False: another thread was making it and has finished; look
  // in the cache again (it is there unless it was not storable).
  bool ClaimOrWait(const NodeDigest& digest) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (making_.insert(digest).second) return true;
    done_.wait(lock, [&] { return making_.count(digest) == 0; });
    return false;
  }
  void Release(const NodeDigest& digest) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      making_.erase(digest);
    }
    done_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_;
  std::unordered_set<NodeDigest, NodeDigestHash> making_;
};

// One claim, released when the guard goes (also on a cancel or exception).
// Without `claims` (a serial render) nothing is claimed.
class ClaimGuard {
 public:
  explicit ClaimGuard(EvaluationClaims* claims) : claims_(claims) {}
  ClaimGuard(const ClaimGuard&) = delete;
  ClaimGuard& operator=(const ClaimGuard&) = delete;
  ~ClaimGuard() {
    if (claimed_) claims_->Release(digest_);
  }
  // As EvaluationClaims::ClaimOrWait; true at once without `claims`.
  bool ClaimOrWait(const NodeDigest& digest) {
    if (!claims_ || claimed_) return true;
    if (!claims_->ClaimOrWait(digest)) return false;
    claimed_ = true;
    digest_ = digest;
    return true;
  }

 private:
  EvaluationClaims* claims_;
  bool claimed_ = false;
  NodeDigest digest_;
};

}  // namespace mos::geom
