// The kernel's stress models (kernel_models.h) timed by a plain loop, for
// the emscripten build run in Node, where Google Benchmark is not available.
// Same method as bench/manifold_bench.mjs: one warm-up run, then runs until
// at least three and min-time seconds; prints the medians of the wall-clock
// and the process CPU time of a run as one JSON object
// {model: {seconds, cpu_seconds, triangles}}. run_kernel_bench.py runs it
// per model.
//   node mos_bench_kernel_wasm.js [--model NAME] [--min-time S]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "kernel_models.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace {

// Process CPU seconds (Node's process.cpuUsage() in the WASM build): the
// machine is shared, so wall-clock times alone mislead.
double CpuSeconds() {
#ifdef __EMSCRIPTEN__
  return EM_ASM_DOUBLE({
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  });
#else
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  std::string only;
  double minTime = 0.5;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--model") == 0) only = argv[++i];
    else if (std::strcmp(argv[i], "--min-time") == 0) minTime = std::atof(argv[++i]);
  }
  std::printf("{");
  bool first = true;
  for (const mos::bench::KernelModel& m : mos::bench::AllKernelModels()) {
    if (!only.empty() && m.name != only) continue;
    int tris = mos::bench::RunKernelModel(m);  // warm-up
    std::vector<double> times, cpus;
    double total = 0;
    while (times.size() < 3 || total < minTime) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = CpuSeconds();
      tris = mos::bench::RunKernelModel(m);
      cpus.push_back(CpuSeconds() - c0);
      const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      times.push_back(t);
      total += t;
    }
    std::sort(times.begin(), times.end());
    std::sort(cpus.begin(), cpus.end());
    std::printf("%s\"%s\":{\"seconds\":%.6f,\"cpu_seconds\":%.6f,\"triangles\":%d}", first ? "" : ",",
                m.name.c_str(), times[times.size() / 2], cpus[cpus.size() / 2], tris);
    first = false;
  }
  std::printf("}\n");
  return 0;
}
