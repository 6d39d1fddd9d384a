#include "engine/library_paths.h"

#include <algorithm>
#include <cstdlib>

namespace mos::engine {

std::vector<std::string> SplitPathList(const std::string& list) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : list) {
    if (c == ':') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(current);
  return parts;
}

std::vector<std::string> LibrarySearchPath(const std::vector<std::string>& requestPaths) {
  std::vector<std::string> paths;
  auto add = [&paths](const std::string& p) {
    if (!p.empty() && std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(p);
  };
  // 2021.01 reads OPENSCADPATH first; a WASM module has no environment.
  if (const char* env = std::getenv("OPENSCADPATH")) {
    for (const auto& p : SplitPathList(env)) add(p);
  }
  for (const auto& p : requestPaths) add(p);
#ifdef MOS_BUILTIN_LIBRARY_DIR
  // Where Debian's openscad keeps its bundled libraries (MCAD); 2021.01 finds
  // `use <MCAD/...>` there, so models written for it keep working.
  for (const auto& p : SplitPathList(MOS_BUILTIN_LIBRARY_DIR)) add(p);
#endif
  return paths;
}

}  // namespace mos::engine
