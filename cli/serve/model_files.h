// `mos serve`: what the page needs to know about the model, computed from
// the file system by the native parser and evaluator: the files a render
// reads (the main file, its includes, the files it uses and theirs,
// recursively, and the data files import(), surface() and the file=
// extrusions read, found by one native evaluation), the roots
// they are served from, and the customizer parameters.
#pragma once

#include <string>
#include <vector>

namespace mos::serve {

struct ServeRoots {
  // Real paths: [0] the model's folder, then each library path (-L,
  // OPENSCADPATH) that exists. Served as /files/<index>/...
  std::vector<std::string> dirs;
};

ServeRoots MakeRoots(const std::string& modelFile, const std::vector<std::string>& libraryPaths);

struct ModelFiles {
  bool parsed = false;                // the main file parsed without a syntax error
  std::vector<std::string> files;     // real paths: main file first, then every dependency
  std::string parametersJson;         // lang::ParametersJson ("" when not parsed)
};

// Parses the model (and, recursively, the files it uses; at most `maxFiles`
// files in all). When parsing fails (a syntax error in an included file
// hides the include list), `previous` files stay in the list so that fixing
// them is still noticed and they still reach the page.
ModelFiles ScanModel(const std::string& modelFile, const std::vector<std::string>& libraryPaths,
                     const ModelFiles* previous = nullptr, std::size_t maxFiles = 512);

// The URL a file is served at ("" when it is in no root): /files/<i>/<rel>,
// the relative part percent-encoded.
std::string FileUrl(const ServeRoots& roots, const std::string& realFile);

// The JSON /api/model answers: {"name", "file", "libraryPaths": [...],
// "version", "parsed", "files": [{"path", "url"}], "customizer": {...}}.
// `file` and `path` are the real paths the page writes into the engine's
// in-memory file system, so includes resolve there as they do on disk.
std::string ModelJson(const std::string& modelFile, const ServeRoots& roots, const ModelFiles& files,
                      long long version);

}  // namespace mos::serve
