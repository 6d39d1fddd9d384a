// Tokenizing a main file with its includes spliced in, as 2021.01 does in its
// lexer: `include <f>` is replaced by the tokens of f (which may even sit in
// the middle of an expression). Messages the lexer produces on the way are
// queued with the index of the token after which 2021.01 would print them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lang/lexer.h"
#include "lang/parser.h"

namespace mos::lang {

struct SourceFileInfo {
  std::shared_ptr<const std::string> path;  // normalised absolute path
  std::string dir;
};

struct PendingMessage {
  size_t tokenIndex;  // shown once the parser fetches this token
  Diagnostic diagnostic;
  std::string echoLine;
};

struct TokenStream {
  std::vector<Token> tokens;  // ends with End or Error
  std::vector<Comment> comments;
  std::vector<SourceFileInfo> files;  // [0] is the main file
  std::vector<PendingMessage> messages;
  std::vector<std::string> includedFiles;   // unique, in order of first include
  std::vector<std::string> useResolved;     // Use token: index in `number`
};

// `mainText` is lexed with 2021.01's "\n\x03\n" suffix (which decides the
// line numbers of errors at the end of the file), up to its first NUL.
// `mainName` is the main file as the caller named it (for diagnostics).
TokenStream Tokenize(const std::string& mainText, const std::string& mainPath,
                     const std::string& mainDir, const std::string& mainName,
                     const ParseOptions& options);

}  // namespace mos::lang
