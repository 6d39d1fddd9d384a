// Parsing OpenSCAD 2021.01 source into a lang::File.
//
// `include <f>` is resolved and spliced here (2021.01 does it in the lexer);
// `use <f>` is resolved and recorded. Resolution order as in 2021.01: the
// directory of the including file, then the library paths in order.
#pragma once

#include <string>
#include <vector>

#include "lang/ast.h"
#include "mos/diagnostic.h"

namespace mos::lang {

struct ParseOptions {
  std::vector<std::string> libraryPaths;  // -L dirs, OPENSCADPATH, built-in dir
  int maxIncludeDepth = 64;               // include cycles end in an error
  // Syntactic nesting (parentheses, brackets, operators, statements) beyond
  // this ends in a parser error instead of exhausting the stack (about
  // 1.3 KB of stack per level in a debug build).
  int maxNestingDepth = 1000;
  // Tokens (main file and includes together) beyond this end in a parser
  // error, which bounds the memory a huge input can take (~100 bytes per
  // token for tokens and AST).
  size_t maxTokens = 20000000;
  // `-D name=expr` overrides, as given. 2021.01 appends them to the main
  // file's text (after its end marker, one "<text>;" per line), so they
  // replace an existing top-level assignment in place, silently, or are
  // added at the end. Only ParseFile/ParseSource of the main file use them.
  std::vector<std::string> commandLineAssignments;
  // Set (to the model's main file) when parsing a library loaded by `use`:
  // 2021.01 then words reassignment warnings relative to the model's main
  // file, and writes no "Can't parse file" line when the library fails.
  std::string usedFromMainFile;
};

struct ParseResult {
  FilePtr file;  // null when a syntax error stopped parsing
  // Syntax errors and include problems, with line and column.
  std::vector<Diagnostic> diagnostics;
  // Lines for the .echo output exactly as 2021.01 writes them, e.g.
  // "ERROR: Parser error: syntax error in file sub/x.scad, line 3" (file
  // names relative to the working directory), then "Can't parse file 'x'!"
  // and "" when parsing failed; include/use warnings and reassignment
  // warnings when it did not.
  std::vector<std::string> echoLines;
};

// Parse a file from disk. `path` may be relative to the working directory.
ParseResult ParseFile(const std::string& path, const ParseOptions& options);

// Parse `text` as the content of the file `path` (already read by the
// caller, e.g. the parsed-file cache): the same result as ParseFile.
ParseResult ParseFileContent(const std::string& text, const std::string& path,
                             const ParseOptions& options);

// Parse text; `name` is the file name used in spans and messages and `dir`
// the directory relative includes resolve against.
ParseResult ParseSource(const std::string& text, const std::string& name,
                        const std::string& dir, const ParseOptions& options);

}  // namespace mos::lang
