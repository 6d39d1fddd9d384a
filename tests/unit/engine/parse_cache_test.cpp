#include "engine/parse_cache.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace mos::engine {
namespace {

namespace fs = std::filesystem;

class ParseCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mos_parse_cache_" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  lang::ParseResult Parse(const std::string& path) { return lang::ParseFile(path, {}); }
  fs::path dir_;
};

TEST_F(ParseCacheTest, HitWhileFilesAreUnchanged) {
  std::string main = Write("main.scad", "include <inc.scad>\na = 1;\n");
  Write("inc.scad", "b = 2;\n");
  ParseCache cache;
  auto before = FingerprintOfFile(main);
  auto parsed = Parse(main);
  ASSERT_TRUE(parsed.file);
  cache.Store("k", main, before, parsed);
  const lang::ParseResult* hit = cache.Find("k");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->file, parsed.file);  // the very same parsed program
}

TEST_F(ParseCacheTest, MissAfterTheMainFileChanges) {
  std::string main = Write("main.scad", "a = 1;\n");
  ParseCache cache;
  cache.Store("k", main, FingerprintOfFile(main), Parse(main));
  Write("main.scad", "a = 2;\n");
  EXPECT_EQ(cache.Find("k"), nullptr);
  EXPECT_EQ(cache.Size(), 0u);
}

TEST_F(ParseCacheTest, MissAfterAnIncludedFileChanges) {
  std::string main = Write("main.scad", "include <inc.scad>\n");
  Write("inc.scad", "b = 2;\n");
  ParseCache cache;
  auto parsed = Parse(main);
  ASSERT_TRUE(parsed.file);
  ASSERT_EQ(parsed.file->includedFiles.size(), 1u);
  cache.Store("k", main, FingerprintOfFile(main), parsed);
  Write("inc.scad", "b = 3;\n");
  EXPECT_EQ(cache.Find("k"), nullptr);
}

TEST_F(ParseCacheTest, ResultsWithDiagnosticsAreNotStored) {
  std::string main = Write("main.scad", "include <missing.scad>\n");
  ParseCache cache;
  auto parsed = Parse(main);
  ASSERT_FALSE(parsed.diagnostics.empty());
  cache.Store("k", main, FingerprintOfFile(main), parsed);
  EXPECT_EQ(cache.Find("k"), nullptr);
}

TEST_F(ParseCacheTest, OldestEntryIsEvictedWhenFull) {
  std::string main = Write("main.scad", "a = 1;\n");
  ParseCache cache(2);
  auto parsed = Parse(main);
  auto fp = FingerprintOfFile(main);
  cache.Store("a", main, fp, parsed);
  cache.Store("b", main, fp, parsed);
  ASSERT_NE(cache.Find("a"), nullptr);  // "b" is now the least recently used
  cache.Store("c", main, fp, parsed);
  EXPECT_EQ(cache.Size(), 2u);
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_NE(cache.Find("a"), nullptr);
}

// The file read by its size, then to its end: the fingerprint of exactly
// its bytes for files of every size, the empty text's for an empty file,
// none for a missing file, and a pipe (which cannot seek) read to its end.
TEST_F(ParseCacheTest, FingerprintOfFileIsThatOfItsBytes) {
  std::string text;
  for (int n : {0, 1, 7, 4095, 4096, 4097, 70000}) {
    text.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) text[static_cast<size_t>(i)] = static_cast<char>((i * 131 + n) & 0xff);
    const std::string path = Write(std::to_string(n) + ".bytes", text);
    EXPECT_EQ(FingerprintOfFile(path), FingerprintOfText(text)) << n;
  }
  EXPECT_FALSE(FingerprintOfFile((dir_ / "missing").string()).exists);
#if defined(__unix__) && !defined(__EMSCRIPTEN__)
  const std::string fifo = (dir_ / "pipe").string();
  ASSERT_EQ(std::system(("mkfifo '" + fifo + "'").c_str()), 0);
  const std::string piped(5000, 'p');
  ASSERT_EQ(std::system(("printf '%5000s' '' | tr ' ' p > '" + fifo + "' &").c_str()), 0);
  EXPECT_EQ(FingerprintOfFile(fifo), FingerprintOfText(piped));
#endif
}

}  // namespace
}  // namespace mos::engine
