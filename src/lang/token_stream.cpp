#include "lang/token_stream.h"

#include <algorithm>

#include "lang/path_resolver.h"

namespace mos::lang {
namespace {

constexpr size_t kMaxFileBytes = size_t(1) << 30;

struct Frame {
  std::unique_ptr<std::string> text;
  std::unique_ptr<Lexer> lexer;
  int32_t fileIndex;
};

}  // namespace

TokenStream Tokenize(const std::string& mainText, const std::string& mainPath,
                     const std::string& mainDir, const std::string& mainName,
                     const ParseOptions& options) {
  TokenStream ts;
  ts.files.push_back({std::make_shared<const std::string>(mainPath), mainDir});
  std::vector<Frame> stack;
  std::vector<std::string> openFiles;  // spellings of the include chain (not the main file)
  {
    // 2021.01 lexes the main file as a C string with "\n\x03\n" appended:
    // it ends at the first NUL byte, and then without the suffix.
    auto text = std::make_unique<std::string>();
    size_t nul = mainText.find('\0');
    if (nul == std::string::npos) {
      text->reserve(mainText.size() + 3);
      *text = mainText;
      *text += "\n\x03\n";
      for (const std::string& assignment : options.commandLineAssignments) {
        *text += assignment;
        *text += ";\n";
      }
    } else {
      text->assign(mainText, 0, nul);
    }
    auto lexer = std::make_unique<Lexer>(*text, 0);
    stack.push_back({std::move(text), std::move(lexer), 0});
  }
  // A token takes at least one byte; dense data (mcad's font tables) has
  // ~0.77 tokens per byte, code ~0.2-0.3. Up to 1 MB of text, room for
  // one token per byte (untouched room costs no memory) spares the copy
  // of a regrowth; beyond, a third of that as before.
  const size_t expected = mainText.size() <= (size_t(1) << 20) ? mainText.size() + 16
                                                                 : mainText.size() / 3 + 16;
  ts.tokens.reserve(std::min(expected, options.maxTokens + 1));
  while (true) {
    Frame& frame = stack.back();
    // Lexed in place at the end of the vector; the few kinds that are not
    // tokens of their own (end of an included file, include) are taken
    // back off.
    Token& t = ts.tokens.emplace_back();
    if (frame.lexer->NextPunct(ts.comments, t) || frame.lexer->NextPlainNumber(ts.comments, t)) {
      // Punctuation or a number (Lexer::NextPunct, NextPlainNumber): not
      // End, Error, Include or Use, so only the token limit applies.
      if (ts.tokens.size() - 1 >= options.maxTokens) {
        t.kind = TokenKind::Error;
        t.text = "too many tokens (limit " + std::to_string(options.maxTokens) + ")";
        break;
      }
      continue;
    }
    frame.lexer->Next(ts.comments, t);
    const size_t index = ts.tokens.size() - 1;  // the token's index once kept
    if (t.kind == TokenKind::End && stack.size() > 1) {
      ts.tokens.pop_back();
      stack.pop_back();
      openFiles.pop_back();
      continue;
    }
    if (t.kind == TokenKind::Include) {
      const Token include = std::move(t);
      ts.tokens.pop_back();
      const SourceFileInfo& from = ts.files[static_cast<size_t>(frame.fileIndex)];
      std::string spelling;
      std::string found =
          FindValidPath(from.dir, include.text, options.libraryPaths, &openFiles, &spelling);
      std::string contents;
      Diagnostic d;
      d.severity = Severity::Warning;
      d.location = {frame.fileIndex == 0 ? mainName : *from.path, include.line, include.column};
      if (found.empty() || !ReadWholeFile(found, contents, kMaxFileBytes)) {
        d.message = "Can't open include file '" + include.text + "'.";
        ts.messages.push_back({index, d, "WARNING: " + d.message});
        continue;
      }
      if (static_cast<int>(stack.size()) > options.maxIncludeDepth) {
        d.severity = Severity::Error;
        d.message = "Include depth limit (" + std::to_string(options.maxIncludeDepth) +
                    ") exceeded at include file '" + include.text + "'.";
        ts.messages.push_back({index, d, "ERROR: " + d.message});
        continue;
      }
      bool seen = false;
      for (const std::string& f : ts.includedFiles) seen = seen || f == found;
      if (!seen) ts.includedFiles.push_back(found);
      // What 2021.01 remembers for its cycle check (fitted to its behaviour
      // on include-recursive-test.scad): files included by the main file
      // by their normalised path, deeper ones by their raw spelling.
      openFiles.push_back(frame.fileIndex == 0 ? found : spelling);
      auto fileIndex = static_cast<int32_t>(ts.files.size());
      ts.files.push_back({std::make_shared<const std::string>(found), DirectoryOf(found)});
      auto text = std::make_unique<std::string>(std::move(contents));
      auto lexer = std::make_unique<Lexer>(*text, fileIndex);
      stack.push_back({std::move(text), std::move(lexer), fileIndex});
      continue;
    }
    if (t.kind == TokenKind::Use) {
      // Resolved (and reported) by the lexer in 2021.01, wherever it stands.
      const SourceFileInfo& from = ts.files[static_cast<size_t>(frame.fileIndex)];
      t.number = static_cast<double>(ts.useResolved.size());
      std::string found = FindValidPath(from.dir, t.text, options.libraryPaths, &openFiles);
      if (found.empty()) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.message = "Can't open library '" + t.text + "'.";
        d.location = {frame.fileIndex == 0 ? mainName : *from.path, t.line, t.column};
        ts.messages.push_back({index, d, "WARNING: " + d.message});
      }
      ts.useResolved.push_back(std::move(found));
    }
    if (index >= options.maxTokens && t.kind != TokenKind::End) {
      t.kind = TokenKind::Error;
      t.text = "too many tokens (limit " + std::to_string(options.maxTokens) + ")";
    }
    if (t.kind == TokenKind::End || t.kind == TokenKind::Error) break;
  }
  return ts;
}

}  // namespace mos::lang
