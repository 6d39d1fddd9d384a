#include "lang/parsed_file_cache.h"

#include <gtest/gtest.h>

#include <thread>

#include "lang/ast_dump.h"
#include "temp_tree.h"

namespace mos::lang {
namespace {

using test::TempTree;

TEST(ParsedFileCache, HitWhenNothingChanged) {
  TempTree tree;
  tree.Write("main.scad", "include <lib.scad>\nx = 1;\n");
  tree.Write("lib.scad", "y = 2;\n");
  ParsedFileCache cache;
  ParseResult a = cache.ParseFile("main.scad", {});
  ParseResult b = cache.ParseFile("main.scad", {});
  ASSERT_TRUE(a.file);
  EXPECT_EQ(a.file, b.file) << "the same parsed tree is shared";
  EXPECT_EQ(cache.GetStats().hits, 1u);
  EXPECT_EQ(cache.GetStats().misses, 1u);
}

TEST(ParsedFileCache, MissWhenTheFileOrAnIncludeChanges) {
  TempTree tree;
  tree.Write("main.scad", "include <lib.scad>\nx = 1;\n");
  tree.Write("lib.scad", "y = 2;\n");
  ParsedFileCache cache;
  FilePtr first = cache.ParseFile("main.scad", {}).file;
  tree.Write("lib.scad", "y = 3;\n");
  ParseResult second = cache.ParseFile("main.scad", {});
  ASSERT_TRUE(second.file);
  EXPECT_NE(first, second.file);
  EXPECT_EQ(DumpAst(*second.file), "y = 3;\n//Parameter(\"\")\nx = 1;\n");
  tree.Write("main.scad", "include <lib.scad>\nx = 5;\n");
  ParseResult third = cache.ParseFile("main.scad", {});
  EXPECT_EQ(DumpAst(*third.file), "y = 3;\n//Parameter(\"\")\nx = 5;\n");
  EXPECT_EQ(cache.GetStats().misses, 3u);
  EXPECT_EQ(cache.GetStats().hits, 0u);
  cache.ParseFile("main.scad", {});
  EXPECT_EQ(cache.GetStats().hits, 1u);
}

TEST(ParsedFileCache, OptionsArePartOfTheKey) {
  TempTree tree;
  tree.Write("main.scad", "include <lib.scad>\n");
  tree.Write("a/lib.scad", "from_a = 1;\n");
  tree.Write("b/lib.scad", "from_b = 1;\n");
  ParsedFileCache cache;
  ParseOptions a, b;
  a.libraryPaths = {tree.Path("a")};
  b.libraryPaths = {tree.Path("b")};
  EXPECT_EQ(DumpAst(*cache.ParseFile("main.scad", a).file), "from_a = 1;\n");
  EXPECT_EQ(DumpAst(*cache.ParseFile("main.scad", b).file), "from_b = 1;\n");
  EXPECT_EQ(cache.GetStats().misses, 2u);
}

TEST(ParsedFileCache, SourceTextAndErrors) {
  ParsedFileCache cache;
  ParseResult a = cache.ParseSource("x = 1;", "inline.scad", "", {});
  ParseResult b = cache.ParseSource("x = 1;", "inline.scad", "", {});
  EXPECT_EQ(a.file, b.file);
  ParseResult c = cache.ParseSource("x = 2;", "inline.scad", "", {});
  EXPECT_NE(a.file, c.file);
  ParseResult bad1 = cache.ParseSource("x = ;", "inline.scad", "", {});
  ParseResult bad2 = cache.ParseSource("x = ;", "inline.scad", "", {});
  EXPECT_FALSE(bad2.file);
  EXPECT_EQ(bad1.echoLines, bad2.echoLines);
  EXPECT_EQ(cache.GetStats().hits, 1u);
  EXPECT_EQ(cache.GetStats().misses, 4u);
}

TEST(ParsedFileCache, ThreadSafe) {
  TempTree tree;
  tree.Write("main.scad", "include <lib.scad>\nx = [for (i = [0:10]) i];\n");
  tree.Write("lib.scad", "module m() cube();\n");
  ParsedFileCache cache;
  std::string path = tree.Path("main.scad");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, &path] {
      for (int i = 0; i < 50; ++i) {
        ParseResult r = cache.ParseFile(path, {});
        EXPECT_TRUE(r.file);
        if (r.file) {
          EXPECT_EQ(r.file->body.modules.size(), 1u);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  ParsedFileCache::Stats s = cache.GetStats();
  EXPECT_EQ(s.hits + s.misses, 200u);
  EXPECT_GE(s.hits, 196u);
  EXPECT_EQ(cache.Size(), 1u);
}

}  // namespace
}  // namespace mos::lang
