// `mos serve`: its command line and where its page files are found
// (cli/serve/serve_command.h).
#include "serve/serve_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace mos::serve {
namespace {

TEST(ServeArguments, ModelPortAndLibraryPaths) {
  ServeArguments a;
  EXPECT_EQ(ParseServeArguments({"m.scad", "--port", "0", "-L", "libs", "-Lmore", "--assets", "dir"}, a), "");
  EXPECT_EQ(a.model, "m.scad");
  EXPECT_EQ(a.port, 0);
  EXPECT_EQ(a.libraryPaths, (std::vector<std::string>{"libs", "more"}));
  EXPECT_EQ(a.assets, "dir");
  ServeArguments b;
  EXPECT_EQ(ParseServeArguments({"--port=8080", "m.scad"}, b), "");
  EXPECT_EQ(b.port, 8080);
  ServeArguments c;
  EXPECT_EQ(ParseServeArguments({"m.scad"}, c), "");
  EXPECT_EQ(c.port, kDefaultPort);
}

TEST(ServeArguments, RefusesBadCommandLines) {
  ServeArguments a;
  EXPECT_NE(ParseServeArguments({}, a), "");
  EXPECT_NE(ParseServeArguments({"m.scad", "--port"}, a), "");
  EXPECT_NE(ParseServeArguments({"m.scad", "--port", "65536"}, a), "");
  EXPECT_NE(ParseServeArguments({"m.scad", "--port", "-1"}, a), "");
  EXPECT_NE(ParseServeArguments({"m.scad", "--port", "80x"}, a), "");
  EXPECT_NE(ParseServeArguments({"m.scad", "-L"}, a), "");
  EXPECT_NE(ParseServeArguments({"m.scad", "--bogus"}, a), "");
  EXPECT_NE(ParseServeArguments({"a.scad", "b.scad"}, a), "");
  ServeArguments h;
  EXPECT_EQ(ParseServeArguments({"--help"}, h), "");
  EXPECT_TRUE(h.help);
}

TEST(ServeAssets, FoundWhereToldOrNamedWhenMissing) {
  namespace fs = std::filesystem;
  static std::atomic<int> counter{0};
  const fs::path dir = fs::temp_directory_path() /
                       ("mos_serve_assets_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::create_directories(dir);
  std::string error;
  EXPECT_EQ(FindAssets(dir.string(), error), "");
  EXPECT_NE(error.find("no index.html"), std::string::npos);
  EXPECT_NE(error.find("build_serve_assets.sh"), std::string::npos);
  for (const std::string& f : RequiredAssets()) std::ofstream(dir / f) << "x";
  error.clear();
  EXPECT_EQ(FindAssets(dir.string(), error), fs::canonical(dir).string());
  EXPECT_EQ(error, "");
  // The environment variable when no flag is given.
  ::setenv("MOS_SERVE_ASSETS", dir.string().c_str(), 1);
  EXPECT_EQ(FindAssets("", error), fs::canonical(dir).string());
  fs::remove(dir / "mos_wasm.wasm");
  EXPECT_EQ(FindAssets("", error), "");
  EXPECT_NE(error.find("no mos_wasm.wasm"), std::string::npos);
  EXPECT_NE(error.find("MOS_SERVE_ASSETS"), std::string::npos);
  ::unsetenv("MOS_SERVE_ASSETS");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mos::serve
