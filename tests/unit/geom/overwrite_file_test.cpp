// io/overwrite_file.h: an output written over an existing file in place
// ends up exactly as if the file had been truncated and written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/overwrite_file.h"

namespace mos::io {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool Write(const fs::path& path, const std::string& text) {
  std::ofstream file;
  if (!OpenOverwriting(path.string(), file)) return false;
  file << text;
  return FinishOverwriting(file, path.string());
}

class OverwriteFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mos-overwrite-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(OverwriteFile, CreatesAMissingFile) {
  const fs::path p = dir_ / "new.stl";
  ASSERT_TRUE(Write(p, "solid x\nendsolid x\n"));
  EXPECT_EQ(ReadAll(p), "solid x\nendsolid x\n");
}

TEST_F(OverwriteFile, ShorterContentsLeaveNothingOfTheOldFile) {
  const fs::path p = dir_ / "out.stl";
  ASSERT_TRUE(Write(p, std::string(100000, 'a')));
  ASSERT_TRUE(Write(p, "short"));
  EXPECT_EQ(ReadAll(p), "short");
  EXPECT_EQ(fs::file_size(p), 5u);
}

TEST_F(OverwriteFile, LongerAndEqualLengthContentsReplaceTheOld) {
  const fs::path p = dir_ / "out.stl";
  ASSERT_TRUE(Write(p, "12345"));
  ASSERT_TRUE(Write(p, "abcdefghij"));
  EXPECT_EQ(ReadAll(p), "abcdefghij");
  ASSERT_TRUE(Write(p, "ABCDEFGHIJ"));
  EXPECT_EQ(ReadAll(p), "ABCDEFGHIJ");
  ASSERT_TRUE(Write(p, ""));
  EXPECT_EQ(ReadAll(p), "");
}

// The file is written in place, as with truncation: a hard link to it sees
// the new contents.
TEST_F(OverwriteFile, KeepsTheSameFile) {
  const fs::path p = dir_ / "out.stl", link = dir_ / "link.stl";
  ASSERT_TRUE(Write(p, "old contents"));
  fs::create_hard_link(p, link);
  ASSERT_TRUE(Write(p, "new"));
  EXPECT_EQ(ReadAll(link), "new");
}

TEST_F(OverwriteFile, FailsInAMissingDirectory) {
  std::ofstream file;
  EXPECT_FALSE(OpenOverwriting((dir_ / "no" / "such" / "dir.stl").string(), file));
}

}  // namespace
}  // namespace mos::io
