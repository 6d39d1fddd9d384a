// `use`d libraries are parsed once per Engine and parsed again only when
// their contents change (issue 2: a re-render after a parameter change does
// not re-parse large libraries).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "mos/engine.h"

namespace mos {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

class UsedLibraryCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mos_used_lib_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    Write(dir_ / "lib.scad", "function f(x) = x * 2;\n");
    Write(dir_ / "main.scad", "use <lib.scad>\na = 1;\necho(f(a));\n");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  RenderResult Render(Engine& engine, const std::string& a) {
    RenderRequest request;
    request.file = (dir_ / "main.scad").string();
    request.defines = {{"a", a}};
    return engine.Render(request);
  }
  fs::path dir_;
};

TEST_F(UsedLibraryCache, SecondRenderParsesNeitherModelNorLibrary) {
  Engine engine;
  RenderResult first = Render(engine, "1");
  EXPECT_EQ(first.echo, "ECHO: 2\n");
  EXPECT_EQ(first.stats.parsedFileCacheMisses, 2u);  // the model and lib.scad
  RenderResult second = Render(engine, "5");
  EXPECT_EQ(second.echo, "ECHO: 10\n");
  EXPECT_EQ(second.stats.parsedFileCacheHits, 2u);
  EXPECT_EQ(second.stats.parsedFileCacheMisses, 0u);
}

TEST_F(UsedLibraryCache, EditedLibraryIsParsedAgain) {
  Engine engine;
  EXPECT_EQ(Render(engine, "1").echo, "ECHO: 2\n");
  Write(dir_ / "lib.scad", "function f(x) = x * 3 + 1;\n");
  RenderResult after = Render(engine, "1");
  EXPECT_EQ(after.echo, "ECHO: 4\n");
  EXPECT_EQ(after.stats.parsedFileCacheMisses, 1u);  // only the library
}

TEST_F(UsedLibraryCache, LibraryWithSyntaxErrorIsNotKept) {
  Write(dir_ / "lib.scad", "function f(x) = ;\n");
  Engine engine;
  Render(engine, "1");
  Write(dir_ / "lib.scad", "function f(x) = x * 2;\n");
  EXPECT_EQ(Render(engine, "4").echo, "ECHO: 8\n");
}

}  // namespace
}  // namespace mos
