// The path assembly against a plain transcription of 2021.01's procedure
// (rescan the unused lines from the start after every open path) on random
// line sets with branches, loops and repeated segments.
#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "importer/dxf_data.h"

namespace mos::importer {
namespace {

std::vector<DxfPath> Reference(const std::vector<std::array<int, 2>>& lines, int points) {
  std::vector<std::vector<int>> at(points);
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
    at[lines[i][0]].push_back(i);
    if (lines[i][1] != lines[i][0]) at[lines[i][1]].push_back(i);
  }
  std::unordered_map<int, int> enabled;
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) enabled[i] = i;
  auto next = [&](int p, int except) {
    for (int l : at[p])
      if (l != except && enabled.count(l)) return l;
    return -1;
  };
  std::vector<DxfPath> paths;
  auto trace = [&](int line, int end, bool closed) {
    DxfPath path;
    path.closed = closed;
    path.indices.push_back(lines[line][end]);
    while (line >= 0) {
      int p = lines[line][1 - end];
      path.indices.push_back(p);
      enabled.erase(line);
      line = next(p, -1);
      if (line >= 0) end = lines[line][0] == p ? 0 : 1;
    }
    paths.push_back(path);
  };
  for (bool again = true; again;) {
    again = false;
    for (const auto& e : enabled) {
      for (int end = 0; end < 2 && !again; ++end)
        if (next(lines[e.second][end], e.second) < 0) {
          trace(e.second, end, false);
          again = true;
        }
      if (again) break;
    }
  }
  while (!enabled.empty()) trace(enabled.begin()->second, 1, true);
  return paths;
}

TEST(DxfPaths, SameAsTheRescanningProcedure) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    const int side = 2 + static_cast<int>(rng() % 4);
    const int count = 1 + static_cast<int>(rng() % 40);
    std::string body;
    std::vector<std::array<int, 2>> lines;
    // Point ids in order of first appearance, as the reader numbers them.
    std::unordered_map<int, int> ids;
    auto id = [&](int cell) {
      auto it = ids.find(cell);
      if (it != ids.end()) return it->second;
      int n = static_cast<int>(ids.size());
      ids[cell] = n;
      return n;
    };
    for (int i = 0; i < count; ++i) {
      int a = static_cast<int>(rng() % (side * side)), b = static_cast<int>(rng() % (side * side));
      body += "0\nLINE\n8\n0\n10\n" + std::to_string(a % side) + "\n20\n" +
              std::to_string(a / side) + "\n11\n" + std::to_string(b % side) + "\n21\n" +
              std::to_string(b / side) + "\n";
      const int ia = id(a);
      lines.push_back({ia, id(b)});
    }
    std::vector<std::string> w;
    DxfOptions o;
    DxfData d = ParseDxf("0\nSECTION\n2\nENTITIES\n" + body + "0\nENDSEC\n", o, w);
    std::vector<DxfPath> ref = Reference(lines, static_cast<int>(ids.size()));
    ASSERT_EQ(d.paths.size(), ref.size()) << "round " << round;
    for (size_t i = 0; i < ref.size(); ++i) {
      EXPECT_EQ(d.paths[i].closed, ref[i].closed) << "round " << round;
      EXPECT_EQ(d.paths[i].indices, ref[i].indices) << "round " << round << " path " << i;
    }
  }
}

}  // namespace
}  // namespace mos::importer
