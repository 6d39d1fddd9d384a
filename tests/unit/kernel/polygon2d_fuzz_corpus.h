// The polygon2d fuzz corpus for kernel tests: its inputs decoded as the fuzz
// target decodes them (tests/fuzz/polygon2d_fuzz.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include "kernel/polygon2d.h"

namespace mos::kernel::testing {

// The fuzz target's decoding.
inline void DecodePolygon2dFuzzInput(const std::vector<uint8_t>& data, Polygon2d sets[2]) {
  size_t i = 0;
  auto next = [&]() -> uint8_t { return i < data.size() ? data[i++] : 0; };
  const uint8_t head = next();
  const double jitter = (head & 64) ? 1e-9 : 0;
  int current = 0;
  sets[0].contours.emplace_back();
  while (i < data.size()) {
    const uint8_t b = next();
    if (b == 0xff) {
      sets[current].contours.emplace_back();
      continue;
    }
    if (b == 0xfe) {
      current = 1;
      sets[1].contours.emplace_back();
      continue;
    }
    const double j = jitter * static_cast<int8_t>(next());
    sets[current].contours.back().push_back({(b & 15) + j, (b >> 4) + j * 0.7});
  }
}

// tests/fuzz of the source tree: next to this file when __FILE__ is
// absolute, else found upward from the test binary or the working directory
// (ccache's base_dir makes __FILE__ relative to the build directory).
inline std::filesystem::path FuzzDir() {
  namespace fs = std::filesystem;
  std::vector<fs::path> starts{fs::path(__FILE__).parent_path() / "../../fuzz"};
  std::error_code ec;
  for (fs::path dir : {fs::read_symlink("/proc/self/exe", ec).parent_path(), fs::current_path(ec)}) {
    for (int up = 0; up < 6 && !dir.empty(); ++up, dir = dir.parent_path()) starts.push_back(dir / "tests/fuzz");
  }
  for (const fs::path& p : starts) {
    if (fs::is_directory(p / "kernel_corpus/polygon2d", ec)) return p;
  }
  return starts.front();
}

// f(name, sets) for every input of 4 to 512 bytes in the polygon2d corpus
// and its regressions; returns the number of inputs (0 if a folder is
// missing).
template <typename F>
int ForEachPolygon2dCorpusInput(F&& f) {
  const std::filesystem::path fuzz = FuzzDir();
  int files = 0;
  for (const char* dir : {"kernel_corpus/polygon2d", "kernel_regressions/polygon2d"}) {
    if (!std::filesystem::is_directory(fuzz / dir)) return 0;
    for (const auto& entry : std::filesystem::directory_iterator(fuzz / dir)) {
      if (entry.path().filename() == "README.md") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (data.size() < 4 || data.size() > 512) continue;
      Polygon2d sets[2];
      DecodePolygon2dFuzzInput(data, sets);
      f(entry.path().filename().string(), sets);
      ++files;
    }
  }
  return files;
}

}  // namespace mos::kernel::testing
