// A temporary directory tree of files for include/use tests; also switches
// the working directory into it (2021.01 names files in parser errors
// relative to the working directory) and back.
#pragma once

#include "parse_test_util.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace mos::lang::test {

class TempTree {
 public:
  TempTree() {
    static std::atomic<int> counter{0};
    root_ = std::filesystem::temp_directory_path() /
            ("mos_lang_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(root_);
    oldCwd_ = std::filesystem::current_path();
    std::filesystem::current_path(root_);
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::current_path(oldCwd_, ec);
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  void Write(const std::string& relative, const std::string& content) const {
    std::filesystem::path p = root_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  std::string Path(const std::string& relative) const {
    return (root_ / relative).lexically_normal().generic_string();
  }
  std::string Root() const { return root_.generic_string(); }

 private:
  std::filesystem::path root_, oldCwd_;
};

}  // namespace mos::lang::test
