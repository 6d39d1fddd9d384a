// The last few whole preparations of small meshes, by content, for every
// thread: a mesh prepared again as another object (the same primitive in
// several booleans, as CSG.scad's sphere and cube in its union,
// intersection and difference) takes the kept preparation instead of
// making the same one. A preparation is a function of the positions and
// triangles (the fingerprint: Mesh::prepared trusts it the same way), so a
// kept one is the very operand a fresh preparation would give.
//
// Sibling subtrees on two threads ask for the same content at the same
// moment: the first to miss claims the content, and the others wait for its
// preparation instead of making it again (FindOrClaimRecentPrepared).
#pragma once

#include <cstddef>
#include <atomic>
#include <memory>

#include "kernel/boolean_operand.h"

namespace mos::kernel {

// Whether a mesh of `numTri` triangles can be kept (small ones only:
// their memory stays).
bool RecentMayHold(size_t numTri);

// The kept preparation of content `fp`, or null.
std::shared_ptr<const PreparedOperand> FindRecentPrepared(const MeshFingerprint& fp);

// Keeps `data` (a whole preparation, its fingerprint set), replacing the
// oldest, when RecentMayHold its size; wakes the threads waiting for it.
void KeepRecentPrepared(std::shared_ptr<const PreparedOperand> data);

// A thread's claim to prepare a content: while it lasts, other threads
// asking for that content wait. It ends when the content is kept
// (KeepRecentPrepared, by any thread) or the object goes (Release, the
// destructor: also when the claimant throws or stops), and the waiters then
// look again (and one of them claims it if it is still not kept).
class RecentClaim {
 public:
  RecentClaim() = default;
  RecentClaim(const RecentClaim&) = delete;
  RecentClaim& operator=(const RecentClaim&) = delete;
  ~RecentClaim() { Release(); }
  bool Held() const { return held_; }
  void Release();

 private:
  friend struct RecentClaimAccess;
  bool held_ = false;  // this thread's view: taken and not yet Released
  // Still listed (cleared by whichever thread ends the claim, under the
  // lock): Release skips the lock when a keep has ended it.
  std::atomic<bool> listed_{false};
};

// FindRecentPrepared, except that when another thread has claimed `fp`
// this one waits for that preparation; when nobody has, `claim` (which must
// not be Held) takes it and null is returned: the caller prepares the
// content and keeps it, or lets the claim go. A thread that holds a claim
// never waits (it returns null without a claim), so two claimants cannot
// wait for each other; a claimant must not wait for other threads (run
// tasks) while it holds the claim.
std::shared_ptr<const PreparedOperand> FindOrClaimRecentPrepared(const MeshFingerprint& fp, RecentClaim& claim);

}  // namespace mos::kernel
