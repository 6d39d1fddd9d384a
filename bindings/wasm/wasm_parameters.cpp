#include "wasm_parameters.h"

#include <vector>

#include "engine/library_paths.h"
#include "lang/parameters_json.h"
#include "lang/parser.h"
#include "wasm_request.h"
#include "wasm_result.h"

namespace mos::wasm {

using emscripten::val;

val ParametersToJs(const std::string& source, const val& options) {
  std::string file, name;
  std::vector<std::string> libraryPaths;
  if (!options.isUndefined() && !options.isNull()) {
    if (options["file"].isString()) file = options["file"].as<std::string>();
    if (options["name"].isString()) name = options["name"].as<std::string>();
    val paths = options["libraryPaths"];
    if (paths.isArray()) {
      const int n = paths["length"].as<int>();
      for (int i = 0; i < n; ++i)
        if (paths[i].isString()) libraryPaths.push_back(paths[i].as<std::string>());
    }
  }
  libraryPaths.push_back(kBuiltinLibraryDir);
  lang::ParseOptions parseOptions;
  parseOptions.libraryPaths = engine::LibrarySearchPath(libraryPaths);
  const lang::ParseResult parsed = file.empty() ? lang::ParseSource(source, name, "", parseOptions)
                                                : lang::ParseFile(file, parseOptions);
  val out = val::object();
  out.set("ok", parsed.file != nullptr);
  val list = val::array();
  if (parsed.file) {
    // One JSON writer for the CLI and this module: parse its text here.
    val json = val::global("JSON").call<val>("parse", lang::ParametersJson(*parsed.file));
    list = json["parameters"];
  }
  out.set("parameters", list);
  out.set("diagnostics", DiagnosticsToJs(parsed.diagnostics));
  return out;
}

}  // namespace mos::wasm
