// `mos serve`: which file a URL path names, confined to one directory (the
// model's folder, a library path, the bundled assets). Refused: ".." and "."
// segments (also when percent-encoded: the path arrives decoded), NUL bytes,
// backslashes, and any file whose real path (symlinks resolved) lies outside
// the real path of the directory.
#pragma once

#include <string>
#include <string_view>

namespace mos::serve {

struct ResolvedPath {
  int status = 404;  // 200: `file` is a regular file inside the root; 403, 404
  std::string file;  // the real path (symlinks resolved)
};

// `relative`: the decoded URL path below the root's URL prefix ("sub/a.scad";
// empty segments are skipped). `root` need not be a real path.
ResolvedPath ResolveUnder(const std::string& root, std::string_view relative);

// The real path of `path` ("" when it does not exist).
std::string RealPath(const std::string& path);

// True when the real path `file` is `dir` or lies below it (both real paths).
bool IsInside(const std::string& file, const std::string& dir);

}  // namespace mos::serve
