#include "serve_paths.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <vector>

namespace mos::serve {

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return "";
  return buf;
}

bool IsInside(const std::string& file, const std::string& dir) {
  if (dir.empty() || file.empty()) return false;
  if (file == dir) return true;
  const std::string prefix = dir.back() == '/' ? dir : dir + "/";
  return file.compare(0, prefix.size(), prefix) == 0;
}

ResolvedPath ResolveUnder(const std::string& root, std::string_view relative) {
  ResolvedPath out;
  std::vector<std::string_view> segments;
  while (!relative.empty()) {
    const std::size_t slash = relative.find('/');
    const std::string_view segment = relative.substr(0, slash);
    if (segment == ".." || segment == ".") { out.status = 403; return out; }
    if (segment.find('\0') != std::string_view::npos || segment.find('\\') != std::string_view::npos) {
      out.status = 403;
      return out;
    }
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    relative.remove_prefix(slash + 1);
  }
  if (segments.empty()) return out;  // the root itself is no file
  const std::string realRoot = RealPath(root);
  if (realRoot.empty()) return out;
  std::string joined = realRoot;
  for (std::string_view s : segments) {
    joined += '/';
    joined += s;
  }
  const std::string real = RealPath(joined);
  if (real.empty()) return out;  // missing (or a dangling link)
  if (!IsInside(real, realRoot) || real == realRoot) { out.status = 403; return out; }
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return out;
  out.status = 200;
  out.file = real;
  return out;
}

}  // namespace mos::serve
