// Parsing entry points. The recursive-descent parser (parser_impl.h)
// follows 2021.01's grammar rule by rule (statement, module_instantiation,
// child_statement, expr ... primary, vector_expr and
// list_comprehension_elements) so that exactly the same programs are
// accepted and a syntax error is reported at the same token. Nesting is
// bounded by an explicit depth counter.
#include <filesystem>
#include <new>

#include "lang/customizer_annotations.h"
#include "lang/parser_impl.h"
#include "lang/path_resolver.h"
#include "lang/token_stream.h"

namespace mos::lang {

const std::string& SourceSpan::FileName() const {
  static const std::string kEmpty;
  return file ? *file : kEmpty;
}

namespace {

ParseResult ParseTextUnguarded(const std::string& text, const std::string& mainPath,
                               const std::string& mainDir, const std::string& displayName,
                               const ParseOptions& options) {
  ParseResult result;
  TokenStream ts = Tokenize(text, mainPath, mainDir, displayName, options);
  detail::Parser parser(ts, displayName, options.maxNestingDepth, result);
  if (!options.usedFromMainFile.empty()) {
    std::string model = NormalizePath(options.usedFromMainFile);
    parser.SetModelMainFile(model, DirectoryOf(model));
  }
  try {
    std::shared_ptr<File> file = parser.ParseInput();
    size_t nul = text.find('\0');
    std::string fullText = text.substr(0, nul);
    if (nul == std::string::npos) {
      fullText += "\n\x03\n";
      for (const std::string& assignment : options.commandLineAssignments) {
        fullText += assignment;
        fullText += ";\n";
      }
    }
    AddCustomizerAnnotations(*file, mainPath, fullText);
    result.file = std::move(file);
  } catch (const detail::SyntaxErrorThrown&) {
    result.file = nullptr;
    if (options.usedFromMainFile.empty()) {
      result.echoLines.push_back("Can't parse file '" + displayName + "'!");
      result.echoLines.push_back("");
    }
  }
  return result;
}

// No exception leaves the parser: running out of memory on a huge input
// ends as a diagnostic.
ParseResult ParseText(const std::string& text, const std::string& mainPath,
                      const std::string& mainDir, const std::string& displayName,
                      const ParseOptions& options) {
  try {
    return ParseTextUnguarded(text, mainPath, mainDir, displayName, options);
  } catch (const std::bad_alloc&) {
    ParseResult result;
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = "Parser error: out of memory";
    d.location = {displayName, 0, 0};
    result.diagnostics.push_back(d);
    result.echoLines.push_back("ERROR: " + d.message);
    return result;
  }
}

}  // namespace

ParseResult ParseFile(const std::string& path, const ParseOptions& options) {
  std::string normalized = NormalizePath(path);
  std::string text;
  if (!ReadWholeFile(normalized, text, size_t(1) << 30)) {
    ParseResult result;
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = "Can't open input file '" + path + "'!";
    d.location = {path, 0, 0};
    result.diagnostics.push_back(d);
    result.echoLines.push_back(d.message);  // as 2021.01 writes it into .echo
    result.echoLines.push_back("");
    return result;
  }
  return ParseText(text, normalized, DirectoryOf(normalized), path, options);
}

ParseResult ParseFileContent(const std::string& text, const std::string& path,
                             const ParseOptions& options) {
  std::string normalized = NormalizePath(path);
  return ParseText(text, normalized, DirectoryOf(normalized), path, options);
}

ParseResult ParseSource(const std::string& text, const std::string& name,
                        const std::string& dir, const ParseOptions& options) {
  std::string mainPath;
  if (!name.empty()) mainPath = NormalizePath((std::filesystem::path(dir) / name).generic_string());
  std::string mainDir = dir.empty() ? DirectoryOf(mainPath) : NormalizePath(dir);
  return ParseText(text, mainPath, mainDir, name, options);
}

}  // namespace mos::lang
