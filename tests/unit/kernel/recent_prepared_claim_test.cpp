// Claims on recent preparations (kernel/recent_prepared.h): a thread asking
// for a content another thread is preparing waits for that preparation
// instead of making it again, and never hangs when the claimant stops
// without keeping one.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"
#include "kernel/recent_prepared.h"

namespace mos::kernel {
namespace {

std::shared_ptr<const PreparedOperand> Prepared(const Mesh& m) {
  auto data = std::make_shared<PreparedOperand>();
  data->fingerprint = FingerprintOf(m);
  data->operand = PrepareOperand(m);
  data->operand.prop.clear();
  return data;
}

// Runs FindOrClaimRecentPrepared on another thread; `done` once it returns.
struct Asker {
  std::shared_ptr<const PreparedOperand> found;
  bool claimed = false;
  std::atomic<bool> done{false};
  std::thread thread;
  explicit Asker(const MeshFingerprint& fp)
      : thread([this, fp] {
          RecentClaim claim;
          found = FindOrClaimRecentPrepared(fp, claim);
          claimed = claim.Held();
          done = true;
        }) {}
};

void Settle() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

TEST(RecentClaim, TheSecondThreadWaitsForTheFirstsPreparation) {
  const Mesh m = MakeUvSphere({0.3125, 0.0625, -0.1875}, 6.0625, 19, 13);
  const MeshFingerprint fp = FingerprintOf(m);
  RecentClaim claim;
  ASSERT_EQ(FindOrClaimRecentPrepared(fp, claim), nullptr);
  ASSERT_TRUE(claim.Held());
  Asker other(fp);
  Settle();
  EXPECT_FALSE(other.done);  // waiting, not preparing
  const auto data = Prepared(m);
  KeepRecentPrepared(data);
  other.thread.join();
  EXPECT_EQ(other.found, data);
  EXPECT_FALSE(other.claimed);
  claim.Release();  // already ended by the keep: nothing to wake
  EXPECT_FALSE(claim.Held());
  RecentClaim again;
  EXPECT_EQ(FindOrClaimRecentPrepared(fp, again), data);
  EXPECT_FALSE(again.Held());
}

TEST(RecentClaim, AClaimantThatThrowsLetsTheWaiterClaim) {
  const Mesh m = MakeUvSphere({-0.4375, 0.1875, 0.0625}, 5.9375, 17, 11);
  const MeshFingerprint fp = FingerprintOf(m);
  std::unique_ptr<Asker> other;
  try {
    RecentClaim claim;
    ASSERT_EQ(FindOrClaimRecentPrepared(fp, claim), nullptr);
    other = std::make_unique<Asker>(fp);
    Settle();
    EXPECT_FALSE(other->done);
    throw std::runtime_error("stopped");
  } catch (const std::runtime_error&) {
  }
  other->thread.join();
  EXPECT_EQ(other->found, nullptr);
  EXPECT_TRUE(other->claimed);  // its own claim, ended with its thread
  RecentClaim claim;
  EXPECT_EQ(FindOrClaimRecentPrepared(fp, claim), nullptr);
  EXPECT_TRUE(claim.Held());
}

TEST(RecentClaim, AThreadHoldingAClaimDoesNotWait) {
  const Mesh a = MakeUvSphere({0.0625, 0.4375, 0.1875}, 5.8125, 15, 9);
  const Mesh b = MakeUvSphere({0.1875, -0.0625, 0.3125}, 5.6875, 13, 7);
  const MeshFingerprint fa = FingerprintOf(a), fb = FingerprintOf(b);
  // Another thread claims b and keeps its claim until told.
  std::atomic<bool> claimed{false}, finish{false};
  std::thread holder([&] {
    RecentClaim claim;
    FindOrClaimRecentPrepared(fb, claim);
    claimed = true;
    while (!finish) std::this_thread::yield();
  });
  while (!claimed) std::this_thread::yield();
  // This thread claims a, then asks for b: no wait (the holder might be
  // waiting for a), no claim.
  RecentClaim ca, cb;
  EXPECT_EQ(FindOrClaimRecentPrepared(fa, ca), nullptr);
  EXPECT_TRUE(ca.Held());
  EXPECT_EQ(FindOrClaimRecentPrepared(fb, cb), nullptr);
  EXPECT_FALSE(cb.Held());
  finish = true;
  holder.join();
}

template <class T>
bool SameBytes(const std::vector<T>& x, const std::vector<T>& y) {
  return x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(T)) == 0);
}

// The same content prepared by two threads at once (as CSG.scad's sibling
// subtrees): both get the operand a fresh preparation gives.
TEST(RecentClaim, PairsOnTwoThreadsGetTheFreshPreparation) {
  for (int round = 0; round < 4; ++round) {
    const double r = 7.0625 + 0.125 * round;
    const Mesh sphere = MakeUvSphere({0.0625, 0.125, -0.0625}, r, 27, 5);
    const Mesh cube = MakeBox({-5.4375, -5.5625, -5.3125}, {5.5625, 5.4375, 5.6875}, 3 + round);
    const BoolOperand fresh = PrepareOperand(sphere);
    BoolOperand ps[2], qs[2];
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
      threads.emplace_back([&, t] {
        Mesh a = sphere, b = cube;
        a.prepared.reset();
        b.prepared.reset();
        PrepareOperandPair(t == 0 ? a : b, t == 0 ? b : a, t == 0 ? ps[t] : qs[t], t == 0 ? qs[t] : ps[t]);
      });
    for (std::thread& th : threads) th.join();
    for (int t = 0; t < 2; ++t) {
      SCOPED_TRACE(t);
      EXPECT_TRUE(SameBytes(ps[t].pos, fresh.pos));
      EXPECT_EQ(ps[t].tri, fresh.tri);
      EXPECT_EQ(ps[t].twin, fresh.twin);
      EXPECT_TRUE(SameBytes(ps[t].vertNormal, fresh.vertNormal));
      EXPECT_TRUE(SameBytes(ps[t].faceNormal, fresh.faceNormal));
      EXPECT_EQ(ps[t].closed, fresh.closed);
    }
  }
}

}  // namespace
}  // namespace mos::kernel
