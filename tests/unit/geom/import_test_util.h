// Helpers for the import() tests: a file written by the test, and the
// request import() at line `line` would make for it.
#pragma once

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "geom/import_geometry.h"

namespace mos::geom::testing {

inline std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

inline ImportRequest RequestAtLine(const std::string& path, int line) {
  ImportRequest r;
  r.path = path;
  r.displayName = path.substr(path.find_last_of('/') + 1);
  r.line = line;
  return r;
}

}  // namespace mos::geom::testing
