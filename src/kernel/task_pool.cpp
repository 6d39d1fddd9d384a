#include "kernel/task_pool.h"

#include <algorithm>
#include <exception>

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define MOS_SERIAL_TASKS 1
#else
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>
#endif

namespace mos::kernel {

#ifdef MOS_SERIAL_TASKS

int AvailableThreads() { return 1; }

void RunTasks(int count, const std::function<void(int)>& task, int) {
  for (int i = 0; i < count; ++i) task(i);
}

#else

namespace {

// One RunTasks call: threads claim indices until none is left.
struct Batch {
  const std::function<void(int)>* task = nullptr;
  int count = 0;
  std::atomic<int> next{0};
  std::mutex mutex;  // guards done, error
  std::condition_variable finished;
  int done = 0;
  std::exception_ptr error;

  void Work() {
    for (;;) {
      const int i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= count) return;
      std::exception_ptr thrown;
      try {
        (*task)(i);
      } catch (...) {
        thrown = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(mutex);
      if (thrown && !error) error = thrown;
      if (++done == count) finished.notify_all();
    }
  }
};

class Pool {
 public:
  static Pool& Get() {
    static Pool pool;
    return pool;
  }
  int Workers() const { return static_cast<int>(workers_.size()); }

  // Offers `batch` to `helpers` workers (those that are busy take it later,
  // or find it claimed empty).
  void Offer(const std::shared_ptr<Batch>& batch, int helpers) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (int i = 0; i < helpers; ++i) queue_.push_back(batch);
    }
    if (helpers == 1)
      wake_.notify_one();
    else
      wake_.notify_all();
  }

  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

 private:
  Pool() {
    const unsigned cores = std::thread::hardware_concurrency();
    const int workers = static_cast<int>(std::clamp(cores, 1u, 16u)) - 1;
    try {
      for (int i = 0; i < workers; ++i) workers_.emplace_back([this] { Run(); });
    } catch (const std::exception&) {
      // No more threads: the ones started do the work (or the caller alone).
    }
  }

  void Run() {
    for (;;) {
      std::shared_ptr<Batch> batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      batch->Work();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Batch>> queue_;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

// The machine's threads, without starting the pool (a render that never
// runs a batch starts no thread).
int AvailableThreads() {
  static const int threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 16u));
  return threads;
}

void RunTasks(int count, const std::function<void(int)>& task, int maxThreads) {
  const int helpers = std::min({maxThreads - 1, count - 1, maxThreads > 1 ? Pool::Get().Workers() : 0});
  if (helpers <= 0) {
    for (int i = 0; i < count; ++i) task(i);
    return;
  }
  auto batch = std::make_shared<Batch>();
  batch->task = &task;
  batch->count = count;
  Pool::Get().Offer(batch, helpers);
  batch->Work();
  std::unique_lock<std::mutex> lock(batch->mutex);
  batch->finished.wait(lock, [&] { return batch->done == batch->count; });
  if (batch->error) std::rethrow_exception(batch->error);
}

#endif

}  // namespace mos::kernel
