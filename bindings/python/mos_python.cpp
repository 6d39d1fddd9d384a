// marimo_openscad._mos: the engine for Python (nanobind).
//
// One Engine object is meant to be shared process-wide (the Python package
// keeps one); Engine::Render is thread-safe and runs with the GIL released,
// so renders on worker threads do not block the notebook kernel. Mesh arrays
// are numpy views into the RenderResult (no copy), kept alive by it.
#include <nanobind/nanobind.h>
#include <nanobind/ndarray.h>
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/library_paths.h"
#include "lang/parser.h"
#include "mos/engine.h"
#include "python_values.h"

namespace nb = nanobind;
using namespace nb::literals;

namespace {

struct CancelToken {
  std::atomic<bool> flag{false};
};

const char* SeverityName(mos::Severity s) {
  switch (s) {
    case mos::Severity::Echo: return "echo";
    case mos::Severity::Warning: return "warning";
    case mos::Severity::Deprecated: return "deprecated";
    case mos::Severity::Error: return "error";
    case mos::Severity::Trace: return "trace";
  }
  return "error";
}

const char* KindName(mos::GeometryKind k) {
  switch (k) {
    case mos::GeometryKind::Empty: return "empty";
    case mos::GeometryKind::TwoD: return "2d";
    case mos::GeometryKind::ThreeD: return "3d";
  }
  return "empty";
}

// A numpy view of `v` as rows of `cols` (read-only), owned by the result.
template <typename T>
nb::ndarray<nb::numpy, const T> View(const std::vector<T>& v, size_t cols) {
  static const T empty[4] = {};
  const T* data = v.empty() ? empty : v.data();
  if (cols == 1) return nb::ndarray<nb::numpy, const T>(data, {v.size()}, nb::handle());
  return nb::ndarray<nb::numpy, const T>(data, {v.size() / cols, cols}, nb::handle());
}

nb::list DiagnosticsToPython(const std::vector<mos::Diagnostic>& diagnostics) {
  nb::list out;
  for (const mos::Diagnostic& d : diagnostics) out.append(d);
  return out;
}

// Parses the main file (text or path) and returns its customizer parameters
// and the parse diagnostics. The parser runs without the GIL.
nb::tuple Parameters(const std::string& source, const std::string& file,
                     const std::string& sourceName, const std::vector<std::string>& libraryPaths) {
  mos::lang::ParseResult parsed;
  {
    nb::gil_scoped_release release;
    mos::lang::ParseOptions options;
    options.libraryPaths = mos::engine::LibrarySearchPath(libraryPaths);
    parsed = file.empty() ? mos::lang::ParseSource(source, sourceName, "", options)
                          : mos::lang::ParseFile(file, options);
  }
  nb::list params = parsed.file ? mos::python::ParametersToPython(*parsed.file) : nb::list();
  return nb::make_tuple(params, DiagnosticsToPython(parsed.diagnostics));
}

}  // namespace

NB_MODULE(_mos, m) {
  m.doc() = "The marimo-openscad engine (OpenSCAD 2021.01 compatible).";

  nb::class_<CancelToken>(m, "CancelToken", "Set to stop a running render.")
      .def(nb::init<>())
      .def("cancel", [](CancelToken& t) { t.flag.store(true); })
      .def_prop_ro("cancelled", [](const CancelToken& t) { return t.flag.load(); });

  nb::class_<mos::Diagnostic>(m, "Diagnostic")
      .def_prop_ro("severity", [](const mos::Diagnostic& d) { return SeverityName(d.severity); })
      .def_ro("message", &mos::Diagnostic::message)
      .def_prop_ro("file", [](const mos::Diagnostic& d) { return d.location.file; })
      .def_prop_ro("line", [](const mos::Diagnostic& d) { return d.location.line; })
      .def_prop_ro("column", [](const mos::Diagnostic& d) { return d.location.column; })
      .def("__str__", [](const mos::Diagnostic& d) { return mos::FormatDiagnostic(d); })
      .def("__repr__", [](const mos::Diagnostic& d) {
        return "<Diagnostic " + mos::FormatDiagnostic(d) + ">";
      });

  nb::class_<mos::RenderResult>(m, "RenderResult")
      .def_ro("ok", &mos::RenderResult::ok)
      .def_ro("parsed", &mos::RenderResult::parsed)
      .def_ro("echo", &mos::RenderResult::echo)
      .def_ro("csg", &mos::RenderResult::csg)
      .def_ro("ast", &mos::RenderResult::ast)
      .def_prop_ro("diagnostics",
                   [](const mos::RenderResult& r) { return DiagnosticsToPython(r.diagnostics); })
      .def_prop_ro("stats", [](const mos::RenderResult& r) {
        nb::dict s;
        s["parse_seconds"] = r.stats.parseSeconds;
        s["eval_seconds"] = r.stats.evalSeconds;
        s["geometry_seconds"] = r.stats.geometrySeconds;
        s["parsed_file_cache_hits"] = r.stats.parsedFileCacheHits;
        s["parsed_file_cache_misses"] = r.stats.parsedFileCacheMisses;
        return s;
      })
      .def_prop_ro("positions", [](const mos::RenderResult& r) { return View(r.mesh.positions, 3); },
                   nb::rv_policy::reference_internal)
      .def_prop_ro("indices", [](const mos::RenderResult& r) { return View(r.mesh.indices, 3); },
                   nb::rv_policy::reference_internal)
      .def_prop_ro("part_ids", [](const mos::RenderResult& r) { return View(r.mesh.partIds, 1); },
                   nb::rv_policy::reference_internal)
      .def_prop_ro("palette", [](const mos::RenderResult& r) { return View(r.mesh.palette, 4); },
                   nb::rv_policy::reference_internal)
      .def_prop_ro("part_nodes", [](const mos::RenderResult& r) { return View(r.mesh.partNodes, 1); },
                   nb::rv_policy::reference_internal)
      .def_prop_ro("kind", [](const mos::RenderResult& r) { return KindName(r.summary.kind); })
      .def_prop_ro("triangles", [](const mos::RenderResult& r) { return r.summary.triangles; })
      .def_prop_ro("vertices", [](const mos::RenderResult& r) { return r.summary.vertices; })
      .def_prop_ro("volume", [](const mos::RenderResult& r) { return r.summary.volume; })
      .def_prop_ro("area", [](const mos::RenderResult& r) { return r.summary.area; })
      .def_prop_ro("bbox_min", [](const mos::RenderResult& r) {
        return nb::make_tuple(r.summary.bboxMin[0], r.summary.bboxMin[1], r.summary.bboxMin[2]);
      })
      .def_prop_ro("bbox_max", [](const mos::RenderResult& r) {
        return nb::make_tuple(r.summary.bboxMax[0], r.summary.bboxMax[1], r.summary.bboxMax[2]);
      })
      .def_prop_ro("components", [](const mos::RenderResult& r) { return r.summary.components; })
      .def_prop_ro("genus", [](const mos::RenderResult& r) { return r.summary.genus; })
      .def(
          "export",
          [](const mos::RenderResult& r, const std::string& path, const std::string& format) {
            nb::gil_scoped_release release;
            return mos::ExportGeometry(r, path, format);
          },
          "path"_a, "format"_a = "",
          "Writes the geometry; returns '' on success, else what went wrong.");

  nb::class_<mos::Engine>(m, "Engine", "Thread-safe; owns the parse and geometry caches.")
      .def(nb::init<>())
      .def(
          "render",
          [](mos::Engine& engine, const std::string& source, const std::string& file,
             const std::string& sourceName,
             const std::vector<std::pair<std::string, std::string>>& defines,
             const std::vector<std::string>& libraryPaths, double timeout, bool geometry,
             bool csg, bool ast, CancelToken* cancel, bool preview) {
            mos::RenderRequest request;
            request.source = source;
            request.file = file;
            request.sourceName = sourceName;
            request.defines = defines;
            request.libraryPaths = libraryPaths;
            request.limits.timeoutSeconds = timeout;
            request.wantGeometry = geometry;
            request.wantCsg = csg;
            request.wantAst = ast;
            request.previewSemantics = preview;  // $preview true, as OpenSCAD's F5
            request.cancel = cancel ? &cancel->flag : nullptr;
            auto result = std::make_unique<mos::RenderResult>();
            {
              nb::gil_scoped_release release;
              *result = engine.Render(request);
            }
            return result.release();
          },
          "source"_a = "", "file"_a = "", "source_name"_a = "",
          "defines"_a = std::vector<std::pair<std::string, std::string>>(),
          "library_paths"_a = std::vector<std::string>(), "timeout"_a = 0.0,
          "geometry"_a = true, "csg"_a = false, "ast"_a = false, "cancel"_a = nb::none(),
          "preview"_a = false,
          nb::rv_policy::take_ownership);

  m.def("parameters", &Parameters, "source"_a = "", "file"_a = "", "source_name"_a = "",
        "library_paths"_a = std::vector<std::string>(),
        "Customizer parameters of the main file: (list of dicts, diagnostics).");
}
