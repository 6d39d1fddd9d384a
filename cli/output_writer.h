// Writing the files named by -o, chosen by their extension or by
// --export-format.
#pragma once

#include <string>

#include "mos/engine.h"

namespace mos::cli {

enum class OutputKind { Echo, Csg, Ast, Geometry, Param, NotAvailable, Unknown };

// The format of an output: `exportFormat` when given, else the lower-case
// extension of `path` ("" when it has none).
std::string OutputFormat(const std::string& path, const std::string& exportFormat);

// What a format name stands for ("stl", "asciistl", "3mf", "echo", ...).
OutputKind OutputKindOfFormat(const std::string& format);
inline OutputKind OutputKindOf(const std::string& path, const std::string& exportFormat = "") {
  return OutputKindOfFormat(OutputFormat(path, exportFormat));
}

// Writes one output of `result` in `format`. Returns an error message, or
// "" on success. Nothing is written for formats not available, or when the
// model did not parse (2021.01 writes no .csg then either).
std::string WriteOutput(const std::string& path, const std::string& format,
                        const RenderResult& result);

// The --info text of a render: one "key: value" line each, see UsageText().
std::string InfoText(const GeometrySummary& summary);

}  // namespace mos::cli
