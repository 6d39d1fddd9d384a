#include "output_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

namespace mos::cli {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return "cannot open '" + path + "' for writing";
  out << text;
  out.close();
  if (!out) return "cannot write '" + path + "'";
  return "";
}

// 10 significant digits, "-0" as "0": stable across platforms and runs.
std::string InfoNumber(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v == 0 ? 0.0 : v);
  return buf;
}

}  // namespace

std::string OutputFormat(const std::string& path, const std::string& exportFormat) {
  if (!exportFormat.empty()) return Lower(exportFormat);
  const size_t slash = path.find_last_of("/\\");
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return Lower(path.substr(dot + 1));
}

OutputKind OutputKindOfFormat(const std::string& format) {
  if (format == "echo") return OutputKind::Echo;
  if (format == "csg") return OutputKind::Csg;
  if (format == "ast") return OutputKind::Ast;
  if (format == "param") return OutputKind::Param;
  for (const char* g : {"stl", "asciistl", "binstl", "off", "obj", "amf", "3mf", "svg", "dxf"}) {
    if (format == g) return OutputKind::Geometry;
  }
  for (const char* g : {"png", "nef3", "nefdbg", "term", "pdf", "wrl"}) {
    if (format == g) return OutputKind::NotAvailable;
  }
  return OutputKind::Unknown;
}

std::string WriteOutput(const std::string& path, const std::string& format,
                        const RenderResult& result) {
  switch (OutputKindOfFormat(format)) {
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
      return ExportGeometry(result, path, format);
    case OutputKind::Param:  // main() writes it from the parsed file
      return "no parameters written: the model could not be parsed";
    case OutputKind::NotAvailable:
      return "'" + path + "': export format '" + format +
             "' is not available yet in mos; nothing was written";
    case OutputKind::Unknown:
      break;
  }
  // 2021.01's words for an output without a known suffix.
  return "Either add a valid suffix or specify one using the --export-format option.";
}

std::string InfoText(const GeometrySummary& s) {
  std::string out;
  auto line = [&](const std::string& key, const std::string& value) {
    out += key + ": " + value + "\n";
  };
  const bool threeD = s.kind == GeometryKind::ThreeD;
  line("dimension", s.kind == GeometryKind::Empty ? "empty" : threeD ? "3" : "2");
  if (s.kind == GeometryKind::Empty) return out;
  if (threeD) line("volume", InfoNumber(s.volume));
  line("area", InfoNumber(s.area));
  const int axes = threeD ? 3 : 2;
  std::string lo, hi;
  for (int i = 0; i < axes; ++i) {
    if (i > 0) lo += ", ", hi += ", ";
    lo += InfoNumber(s.bboxMin[i]);
    hi += InfoNumber(s.bboxMax[i]);
  }
  line("bbox", "[" + lo + "] [" + hi + "]");
  line("vertices", std::to_string(s.vertices));
  if (threeD) {
    line("triangles", std::to_string(s.triangles));
    line("components", std::to_string(s.components));
    line("genus", std::to_string(s.genus));
  }
  return out;
}

}  // namespace mos::cli
