// RunTasks: every task exactly once, nested batches, exceptions.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "kernel/task_pool.h"

namespace mos::kernel {
namespace {

TEST(TaskPool, RunsEveryTaskOnce) {
  for (int threads : {1, 2, 4}) {
    std::vector<std::atomic<int>> runs(100);
    RunTasks(100, [&](int i) { runs[static_cast<size_t>(i)].fetch_add(1); }, threads);
    for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
  }
}

TEST(TaskPool, NestedBatchesFinish) {
  std::atomic<int> leaves{0};
  RunTasks(
      4,
      [&](int) {
        RunTasks(
            4, [&](int) { RunTasks(3, [&](int) { leaves.fetch_add(1); }, 8); }, 8);
      },
      8);
  EXPECT_EQ(leaves.load(), 4 * 4 * 3);
}

TEST(TaskPool, RethrowsAfterTheOthersFinish) {
  std::atomic<int> finished{0};
  EXPECT_THROW(RunTasks(
                   16,
                   [&](int i) {
                     if (i == 3) throw std::runtime_error("task 3");
                     finished.fetch_add(1);
                   },
                   4),
               std::runtime_error);
  EXPECT_EQ(finished.load(), 15);
}

TEST(TaskPool, AvailableThreadsIsAtLeastOne) { EXPECT_GE(AvailableThreads(), 1); }

}  // namespace
}  // namespace mos::kernel
