#include "output_writer.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace mos::cli {

namespace {

std::string LowerExtension(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return "cannot open '" + path + "' for writing";
  out << text;
  out.close();
  if (!out) return "cannot write '" + path + "'";
  return "";
}

}  // namespace

OutputKind OutputKindOf(const std::string& path) {
  const std::string ext = LowerExtension(path);
  if (ext == "echo") return OutputKind::Echo;
  if (ext == "csg") return OutputKind::Csg;
  if (ext == "ast") return OutputKind::Ast;
  if (ext == "stl" || ext == "off") return OutputKind::Geometry;
  static const char* const kNotYet[] = {"obj", "3mf", "amf", "dxf", "svg",
                                        "png", "nef3", "term", "pdf", "wrl"};
  for (const char* g : kNotYet) {
    if (ext == g) return OutputKind::NotAvailable;
  }
  return OutputKind::Unknown;
}

std::string WriteOutput(const std::string& path, const RenderResult& result) {
  switch (OutputKindOf(path)) {
    case OutputKind::Echo:
      return WriteFile(path, result.echo);
    case OutputKind::Csg:
      if (!result.parsed) return "no .csg written: the model could not be parsed";
      return WriteFile(path, result.csg);
    case OutputKind::Ast:
      if (!result.parsed) return "no .ast written: the model could not be parsed";
      return WriteFile(path, result.ast);
    case OutputKind::Geometry:
      if (!result.parsed) return "no geometry written: the model could not be parsed";
      return ExportGeometry(result, path);
    case OutputKind::NotAvailable:
      return "'" + path + "': this export format is not available yet in mos "
             "(.echo, .csg, .ast, .stl, .off); nothing was written";
    case OutputKind::Unknown:
      break;
  }
  return "'" + path + "': unknown output format (use .echo, .csg, .ast, .stl or .off)";
}

}  // namespace mos::cli
