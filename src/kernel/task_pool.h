// Independent tasks on a process-wide pool of worker threads: the one
// interface the engine runs work in parallel through. Natively the pool has
// one worker per extra core, started when first needed; a WASM build
// without pthreads runs every task on the calling thread.
//
// The calling thread takes tasks too, and a waiting thread only waits for
// tasks another thread is running, so tasks may run tasks of their own
// (nested use) without deadlock, and a pool whose workers are gone (after
// fork) still finishes everything on the caller.
#pragma once

#include <functional>

namespace mos::kernel {

// Threads a batch can use at most: the machine's (1 in WASM). The pool
// starts its workers (one fewer) when a batch first needs them.
int AvailableThreads();

// Runs task(0) .. task(count - 1), each exactly once, on up to `maxThreads`
// threads (the caller included; <= 1: all on the caller, in order), and
// returns when all are done. An exception thrown by a task is rethrown here
// (the first one) after the others have finished.
void RunTasks(int count, const std::function<void(int)>& task, int maxThreads);

}  // namespace mos::kernel
