// A tiny driver for differential testing against openscad 2021.01: prints
// DumpAst of a file to stdout and the parser's .echo lines to stderr, like
// `openscad -o out.ast file.scad`. Not part of the build; compile with
//   g++ -std=c++20 -O1 -Isrc -Iinclude tests/unit/lang/tools/mos_ast_dump.cpp \
//       src/lang/*.cpp -o /tmp/mos_ast_dump
#include <iostream>

#include "lang/ast_dump.h"
#include "lang/parser.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: mos_ast_dump file.scad\n";
    return 2;
  }
  mos::lang::ParseOptions options;
  options.libraryPaths.push_back("/usr/share/openscad/libraries");
  mos::lang::ParseResult r = mos::lang::ParseFile(argv[1], options);
  for (const std::string& line : r.echoLines) std::cerr << line << "\n";
  if (r.file) std::cout << mos::lang::DumpAst(*r.file);
  return r.file ? 0 : 1;
}
