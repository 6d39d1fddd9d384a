// Local development tool (not built by CMake, not in CI): evaluates one .scad
// file and writes the .echo and .csg outputs, for tools/eval_compare/run.sh.
#include <fstream>
#include <iostream>

#include "eval/evaluator.h"
#include "lang/parser.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: eval_dump in.scad out.echo out.csg\n";
    return 2;
  }
  mos::lang::ParseOptions po;
  po.libraryPaths = {"/usr/share/openscad/libraries"};
  auto parsed = mos::lang::ParseFile(argv[1], po);
  std::ofstream echo(argv[2]);
  std::ofstream csg(argv[3]);
  for (const auto& l : parsed.echoLines) echo << l << "\n";
  if (!parsed.file) return 1;
  mos::eval::EvalOptions eo;
  eo.libraryPaths = po.libraryPaths;
  eo.timeoutSeconds = 20;
  auto result = mos::eval::Evaluate(parsed.file, eo);
  for (const auto& l : result.log.Lines()) echo << l << "\n";
  if (result.root) csg << mos::eval::DumpCsg(*result.root);
  return 0;
}
