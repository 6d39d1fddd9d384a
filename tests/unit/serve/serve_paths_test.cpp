// `mos serve`: URL paths -> files, confined to their root
// (cli/serve/serve_paths.h), and the model's files and roots (model_files.h).
#include "serve/serve_paths.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "serve/model_files.h"

namespace mos::serve {
namespace {

namespace fs = std::filesystem;

class Tree {
 public:
  Tree() {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() / ("mos_serve_test_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(counter++));
    fs::create_directories(root_);
    root_ = fs::canonical(root_);
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  std::string Write(const std::string& rel, const std::string& text) const {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string Path(const std::string& rel) const { return (root_ / rel).string(); }

 private:
  fs::path root_;
};

TEST(ServePaths, ResolvesFilesInsideTheRoot) {
  Tree t;
  const std::string model = t.Write("site/model.scad", "cube(1);");
  t.Write("site/sub/part.scad", "sphere(1);");
  const std::string root = t.Path("site");
  ResolvedPath r = ResolveUnder(root, "model.scad");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.file, model);
  EXPECT_EQ(ResolveUnder(root, "sub/part.scad").status, 200);
  EXPECT_EQ(ResolveUnder(root, "sub//part.scad").status, 200);  // empty segments skipped
  EXPECT_EQ(ResolveUnder(root, "/sub/part.scad").status, 200);  // a leading slash stays inside
  EXPECT_EQ(ResolveUnder(root, "missing.scad").status, 404);
  EXPECT_EQ(ResolveUnder(root, "sub").status, 404);  // directories are no files
  EXPECT_EQ(ResolveUnder(root, "").status, 404);
}

TEST(ServePaths, RefusesTraversal) {
  Tree t;
  t.Write("secret.txt", "secret");
  t.Write("site/model.scad", "cube(1);");
  const std::string root = t.Path("site");
  EXPECT_EQ(ResolveUnder(root, "../secret.txt").status, 403);
  EXPECT_EQ(ResolveUnder(root, "sub/../../secret.txt").status, 403);
  EXPECT_EQ(ResolveUnder(root, "./model.scad").status, 403);
  EXPECT_EQ(ResolveUnder(root, "..").status, 403);
  EXPECT_EQ(ResolveUnder(root, "..\\secret.txt").status, 403);
  EXPECT_EQ(ResolveUnder(root, std::string("model.scad\0x", 12)).status, 403);
  // An absolute path is taken below the root, never as itself.
  EXPECT_EQ(ResolveUnder(root, t.Path("secret.txt")).status, 404);
  EXPECT_EQ(ResolveUnder(root, "/etc/passwd").status, 404);
}

TEST(ServePaths, RefusesSymlinksLeadingOut) {
  Tree t;
  const std::string secret = t.Write("secret.txt", "secret");
  t.Write("site/model.scad", "cube(1);");
  t.Write("site/inner/ok.scad", "cube(2);");
  const std::string root = t.Path("site");
  fs::create_symlink(secret, t.Path("site/link.txt"));
  fs::create_directory_symlink(t.Path("."), t.Path("site/up"));
  fs::create_symlink(t.Path("site/inner/ok.scad"), t.Path("site/inside.scad"));
  fs::create_symlink(t.Path("nowhere"), t.Path("site/dangling"));
  EXPECT_EQ(ResolveUnder(root, "link.txt").status, 403);
  EXPECT_EQ(ResolveUnder(root, "up/secret.txt").status, 403);
  EXPECT_EQ(ResolveUnder(root, "inside.scad").status, 200);  // a link within the root is fine
  EXPECT_EQ(ResolveUnder(root, "dangling").status, 404);
  // A root that is itself a symlink: compared by real paths.
  fs::create_directory_symlink(root, t.Path("alias"));
  EXPECT_EQ(ResolveUnder(t.Path("alias"), "model.scad").status, 200);
  EXPECT_EQ(ResolveUnder(t.Path("alias"), "link.txt").status, 403);
}

TEST(ServePaths, InsideComparesWholeSegments) {
  EXPECT_TRUE(IsInside("/a/b/c", "/a/b"));
  EXPECT_FALSE(IsInside("/a/bc", "/a/b"));
  EXPECT_TRUE(IsInside("/a/b", "/a/b"));
  EXPECT_TRUE(IsInside("/etc", "/"));
  EXPECT_FALSE(IsInside("/a", ""));
}

TEST(ModelFiles, ListsIncludesAndUsesRecursively) {
  Tree t;
  t.Write("site/model.scad", "include <parts/a.scad>\nuse <lib.scad>\nw = 3; // [1:9]\ncube(w);\n");
  t.Write("site/parts/a.scad", "include <b.scad>\n");
  t.Write("site/parts/b.scad", "x = 1;\n");
  t.Write("libs/lib.scad", "use <deep.scad>\nmodule m() cube(1);\n");
  t.Write("libs/deep.scad", "module d() cube(1);\n");
  t.Write("site/unrelated.scad", "cube(1);\n");
  const std::string model = t.Path("site/model.scad");
  const std::vector<std::string> libs = {t.Path("libs")};
  const ModelFiles files = ScanModel(model, libs);
  EXPECT_TRUE(files.parsed);
  ASSERT_EQ(files.files.size(), 5u);
  EXPECT_EQ(files.files[0], model);
  EXPECT_EQ(files.files[1], t.Path("site/parts/a.scad"));
  EXPECT_EQ(files.files[2], t.Path("site/parts/b.scad"));
  EXPECT_EQ(files.files[3], t.Path("libs/lib.scad"));
  EXPECT_EQ(files.files[4], t.Path("libs/deep.scad"));
  EXPECT_NE(files.parametersJson.find("\"name\": \"w\""), std::string::npos);

  const ServeRoots roots = MakeRoots(model, libs);
  ASSERT_EQ(roots.dirs.size(), 2u);
  EXPECT_EQ(FileUrl(roots, t.Path("site/parts/a.scad")), "/files/0/parts/a.scad");
  EXPECT_EQ(FileUrl(roots, t.Path("libs/deep.scad")), "/files/1/deep.scad");
  EXPECT_EQ(FileUrl(roots, t.Write("elsewhere/x.scad", "")), "");
  const std::string json = ModelJson(model, roots, files, 7);
  EXPECT_NE(json.find("\"version\": 7"), std::string::npos);
  EXPECT_NE(json.find("\"url\": \"/files/1/lib.scad\""), std::string::npos);

  // A syntax error in an include hides the include list: the files known
  // before stay listed (and watched).
  t.Write("site/parts/b.scad", "x = ;\n");
  const ModelFiles broken = ScanModel(model, libs, &files);
  EXPECT_FALSE(broken.parsed);
  EXPECT_EQ(broken.files.size(), 5u);
  EXPECT_EQ(ScanModel(model, libs).files.size(), 1u);
}

TEST(ModelFiles, ListsTheDataFilesTheModelReads) {
  Tree t;
  t.Write("site/model.scad",
          "include <parts/p.scad>\n"
          "name = \"height\";\n"
          "import(\"meshes/part.stl\");\n"
          "surface(file = str(name, \".dat\"));\n"  // a computed name
          "for (i = [1:2]) translate([i, 0, 0]) import(str(\"tile\", i, \".svg\"));\n"
          "linear_extrude(file = \"outline.dxf\", height = 1);\n"
          "import(\"missing.off\");\n"
          "import(\"../elsewhere/outside.stl\");\n");
  t.Write("site/parts/p.scad", "module q() import(\"../logo.png\");\nq();\n");
  for (const char* f : {"site/meshes/part.stl", "site/height.dat", "site/tile1.svg", "site/tile2.svg",
                        "site/outline.dxf", "site/logo.png", "elsewhere/outside.stl", "site/unused.stl"})
    t.Write(f, "x");
  const std::string model = t.Path("site/model.scad");
  const ModelFiles files = ScanModel(model, {});
  ASSERT_TRUE(files.parsed);
  const std::vector<std::string> expected = {
      model, t.Path("site/parts/p.scad"), t.Path("site/meshes/part.stl"), t.Path("site/height.dat"),
      t.Path("site/tile1.svg"), t.Path("site/tile2.svg"), t.Path("site/outline.dxf"),
      t.Path("elsewhere/outside.stl"), t.Path("site/logo.png")};
  // The include's import is relative to the include (2021.01: to the file
  // that calls import); the missing file and the unused one are not listed.
  std::vector<std::string> sorted = files.files, want = expected;
  std::sort(sorted.begin() + 1, sorted.end());
  std::sort(want.begin() + 1, want.end());
  EXPECT_EQ(sorted, want);
  // Served (and so written into the page's file system) only inside the
  // model's folder and the library paths.
  const ServeRoots roots = MakeRoots(model, {});
  EXPECT_EQ(FileUrl(roots, t.Path("site/meshes/part.stl")), "/files/0/meshes/part.stl");
  EXPECT_EQ(FileUrl(roots, t.Path("elsewhere/outside.stl")), "");
  const std::string json = ModelJson(model, roots, files, 1);
  EXPECT_NE(json.find("\"url\": \"/files/0/height.dat\""), std::string::npos);
  EXPECT_EQ(json.find("outside.stl"), std::string::npos);
}

TEST(ModelFiles, AModelThatRunsAwayStillScans) {
  Tree t;
  t.Write("site/a.stl", "x");
  const std::string model =
      t.Write("site/model.scad", "import(\"a.stl\");\nmodule r(n) { r(n + 1); }\nr(0);\n");
  const ModelFiles files = ScanModel(model, {});
  EXPECT_TRUE(files.parsed);
  ASSERT_EQ(files.files.size(), 2u);
  EXPECT_EQ(files.files[1], t.Path("site/a.stl"));
}

TEST(ModelFiles, UrlsEscapeOddNames) {
  Tree t;
  const std::string model = t.Write("site/my model #1.scad", "cube(1);");
  const ServeRoots roots = MakeRoots(model, {});
  EXPECT_EQ(FileUrl(roots, model), "/files/0/my%20model%20%231.scad");
  EXPECT_EQ(ResolveUnder(roots.dirs[0], "my model #1.scad").status, 200);
}

}  // namespace
}  // namespace mos::serve
