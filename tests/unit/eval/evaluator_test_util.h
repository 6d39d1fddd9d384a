// Helpers for the evaluator tests: run a program given as text and get its
// .echo lines and .csg dump. Expected texts were produced by openscad 2021.01
// on the same snippets (`openscad -o t.echo t.scad`, `-o t.csg`).
#pragma once

#include <string>
#include <vector>

#include "eval/evaluator.h"
#include "lang/parser.h"

namespace mos::eval::testing {

struct Run {
  std::string echo;  // the .echo file: one line per message
  std::string csg;   // the .csg file
  bool aborted = false;
};

inline Run Evaluate(const std::string& source, EvalOptions options = {}) {
  lang::ParseOptions po;
  lang::ParseResult parsed = lang::ParseSource(source, "t.scad", "", po);
  Run run;
  for (const auto& l : parsed.echoLines) run.echo += l + "\n";
  if (!parsed.file) return run;
  EvalResult r = eval::Evaluate(parsed.file, options);
  for (const auto& l : r.log.Lines()) run.echo += l + "\n";
  if (r.root) run.csg = DumpCsg(*r.root);
  run.aborted = r.aborted;
  return run;
}

inline std::string Echo(const std::string& source) { return Evaluate(source).echo; }
inline std::string Csg(const std::string& source) { return Evaluate(source).csg; }

}  // namespace mos::eval::testing
