#include "engine/library_paths.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace mos::engine {
namespace {

TEST(LibraryPaths, SplitDropsEmptyEntries) {
  EXPECT_EQ(SplitPathList("a::b:"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(SplitPathList("").empty());
}

TEST(LibraryPaths, OpenscadPathComesFirstWithoutDuplicates) {
  ::setenv("OPENSCADPATH", "/env/one:/env/two", 1);
  auto paths = LibrarySearchPath({"/lib/a", "/env/one"});
  ::unsetenv("OPENSCADPATH");
  ASSERT_GE(paths.size(), 3u);
  EXPECT_EQ(paths[0], "/env/one");
  EXPECT_EQ(paths[1], "/env/two");
  EXPECT_EQ(paths[2], "/lib/a");
  int count = 0;
  for (const auto& p : paths) count += p == "/env/one";
  EXPECT_EQ(count, 1);
}

}  // namespace
}  // namespace mos::engine
