// In-process evaluation time: Engine::Render on each model, repeated; prints
// "<file> <median seconds> <min seconds>" per model. Process start-up and
// file-system caches are out of the picture (one warm-up render first).
// With --geometry the render includes the geometry (the mesh, as `mos -o
// x.stl` or the WASM render() make it), else evaluation only.
//   mos_bench_render [--repeats N] [--geometry] file.scad...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "mos/engine.h"

int main(int argc, char** argv) {
  int repeats = 5;
  bool geometry = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--repeats" && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--geometry") geometry = true;
    else files.push_back(arg);
  }
  for (const auto& file : files) {
    mos::RenderRequest request;
    request.file = file;
    request.wantGeometry = geometry;
    std::vector<double> seconds;
    for (int r = 0; r <= repeats; ++r) {
      mos::Engine engine;  // fresh engine: no parsed-file cache hits
      auto start = std::chrono::steady_clock::now();
      mos::RenderResult result = engine.Render(request);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!result.parsed) {
        std::fprintf(stderr, "%s: did not parse\n", file.c_str());
        return 1;
      }
      if (r > 0) seconds.push_back(s);  // r == 0 warms up
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("%s %.6f %.6f\n", file.c_str(), seconds[seconds.size() / 2], seconds.front());
  }
  return 0;
}
