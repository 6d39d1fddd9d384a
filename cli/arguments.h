// Command-line arguments of `mos`, parsed without side effects.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mos::cli {

struct Arguments {
  std::string input;                   // the .scad file
  std::vector<std::string> outputs;    // -o files, in order
  std::vector<std::pair<std::string, std::string>> defines;  // -D name=expr
  std::vector<std::string> libraryPaths;                     // -L dir
  std::vector<std::string> fontPaths;  // --font-path: font files/directories for text()
  std::string exportFormat;  // --export-format: the format of every -o output
  std::string parameterFile;  // -p: customizer parameter sets (2021.01 JSON)
  std::string parameterSet;   // -P: the set of parameterFile to apply
  bool info = false;         // --info: print the rendered geometry's measures
  int threads = 0;           // --threads: RenderRequest::threads (0: all cores)
  bool help = false;
  bool version = false;
};

struct ParsedArguments {
  Arguments arguments;
  std::string error;  // non-empty when the command line is invalid
};

ParsedArguments ParseArguments(const std::vector<std::string>& argv);

std::string UsageText();
std::string VersionText();

}  // namespace mos::cli
