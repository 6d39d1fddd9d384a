// The library search path of a render: where `include <x>` and `use <x>`
// look after the directory of the including file.
#pragma once

#include <string>
#include <vector>

namespace mos::engine {

// Splits a PATH-style list (':' separated; empty entries dropped).
std::vector<std::string> SplitPathList(const std::string& list);

// OPENSCADPATH entries, then the request's library paths, then the built-in
// library directory of this build (if any), without duplicates, in order.
std::vector<std::string> LibrarySearchPath(const std::vector<std::string>& requestPaths);

}  // namespace mos::engine
