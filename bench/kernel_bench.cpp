// Google Benchmark of the kernel on its stress models (kernel_models.h):
// the operation alone, operands prebuilt. With --export DIR it first writes
// each model's operands as DIR/<model>.json (vertex and triangle arrays),
// which bench/manifold_bench.mjs loads into npm manifold-3d, so both time
// exactly the same meshes. run_kernel_bench.py runs both and prints ratios.
//   mos_bench_kernel [--export DIR] [Google Benchmark flags]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "kernel_models.h"

namespace mos::bench {
namespace {

using kernel::Mesh;

const char* OpName(ModelOp op) {
  switch (op) {
    case ModelOp::kUnion: return "union";
    case ModelOp::kDifference: return "difference";
    case ModelOp::kHull: return "hull";
    case ModelOp::kMinkowski: return "minkowski";
  }
  return "";
}

void Export(const std::string& dir) {
  for (const KernelModel& m : AllKernelModels()) {
    std::ofstream out(dir + "/" + m.name + ".json");
    out.precision(17);
    out << "{\"name\":\"" << m.name << "\",\"op\":\"" << OpName(m.op) << "\",\"operands\":[";
    for (size_t i = 0; i < m.operands.size(); ++i) {
      const Mesh& o = m.operands[i];
      out << (i ? "," : "") << "{\"vertices\":[";
      for (size_t v = 0; v < o.vertPos.size(); ++v)
        out << (v ? "," : "") << o.vertPos[v].x << "," << o.vertPos[v].y << "," << o.vertPos[v].z;
      out << "],\"triangles\":[";
      for (size_t t = 0; t < o.triVerts.size(); ++t)
        out << (t ? "," : "") << o.triVerts[t][0] << "," << o.triVerts[t][1] << "," << o.triVerts[t][2];
      out << "]}";
    }
    out << "]}\n";
  }
}

void BM_Kernel(benchmark::State& state, const KernelModel* model) {
  int tris = 0;
  for (auto _ : state) {
    tris = RunKernelModel(*model);
    benchmark::DoNotOptimize(tris);
  }
  state.counters["triangles"] = tris;
}

}  // namespace
}  // namespace mos::bench

int main(int argc, char** argv) {
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--export") == 0 && i + 1 < argc) {
      mos::bench::Export(argv[++i]);
      continue;
    }
    args.push_back(argv[i]);
  }
  static const std::vector<mos::bench::KernelModel> models = mos::bench::AllKernelModels();
  for (const auto& m : models) {
    benchmark::RegisterBenchmark(m.name.c_str(), mos::bench::BM_Kernel, &m)
        ->Unit(benchmark::kMillisecond)
        ->MinTime(0.5)
        ->UseRealTime();
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
