// Files a script names (import, surface, the extrusions' file=, dxf_dim,
// dxf_cross), found as 2021.01 finds them.
#pragma once

#include <string>

#include "lang/ast.h"

namespace mos::eval {

// "a/./b/../c" -> "a/c" (lexical, keeps leading "..").
std::string NormalizePath(const std::string& path);

// Absolute and normalised: a relative path is joined to the working directory.
std::string AbsolutePath(const std::string& path);

struct LocatedFile {
  std::string path;             // to open; not normalised when found beside the script
  bool inDocumentRoot = false;  // found through 2021.01's deprecated fallback
};

// `file` beside the script at `span`; a relative name missing there is looked
// up in the main file's directory (`mainDirectory`), as 2021.01 still does for
// libraries written before paths were relative to the importing file.
LocatedFile LocateScriptFile(const std::string& file, const lang::SourceSpan& span,
                             const std::string& mainDirectory);

}  // namespace mos::eval
