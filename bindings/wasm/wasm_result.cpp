#include "wasm_result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mos::wasm {

using emscripten::val;

namespace {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::Echo: return "echo";
    case Severity::Warning: return "warning";
    case Severity::Deprecated: return "deprecated";
    case Severity::Error: return "error";
    case Severity::Trace: return "trace";
  }
  return "error";
}

const char* KindName(GeometryKind kind) {
  switch (kind) {
    case GeometryKind::Empty: return "empty";
    case GeometryKind::TwoD: return "2d";
    case GeometryKind::ThreeD: return "3d";
  }
  return "empty";
}

// A typed array over `v`: a view into the heap, or (copy) its own buffer.
template <typename T>
val Array(const char* type, const std::vector<T>& v, bool copy) {
  val view(emscripten::typed_memory_view(v.size(), v.data()));
  return copy ? val::global(type).new_(view) : view;
}

}  // namespace

val DiagnosticsToJs(const std::vector<Diagnostic>& diagnostics) {
  val list = val::array();
  int i = 0;
  for (const auto& d : diagnostics) {
    val item = val::object();
    item.set("severity", std::string(SeverityName(d.severity)));
    item.set("message", d.message);
    item.set("file", d.location.file);
    item.set("line", d.location.line);
    item.set("column", d.location.column);
    item.set("text", FormatDiagnostic(d));
    list.set(i++, item);
  }
  return list;
}

namespace {

val Stats(const RenderStats& s) {
  val out = val::object();
  out.set("parseSeconds", s.parseSeconds);
  out.set("evalSeconds", s.evalSeconds);
  out.set("geometrySeconds", s.geometrySeconds);
  out.set("totalSeconds", s.parseSeconds + s.evalSeconds + s.geometrySeconds);
  out.set("geometryEvalSeconds", s.geometryEvalSeconds);
  out.set("geometryKeySeconds", s.geometryKeySeconds);
  out.set("geometryCacheSeconds", s.geometryCacheSeconds);
  out.set("geometryOutputSeconds", s.geometryOutputSeconds);
  // Counts as doubles: exact below 2^53, and plain JS numbers.
  out.set("parsedFileCacheHits", static_cast<double>(s.parsedFileCacheHits));
  out.set("parsedFileCacheMisses", static_cast<double>(s.parsedFileCacheMisses));
  out.set("geometryCacheHits", static_cast<double>(s.geometryCacheHits));
  out.set("geometryCacheMisses", static_cast<double>(s.geometryCacheMisses));
  out.set("geometryCacheStores", static_cast<double>(s.geometryCacheStores));
  out.set("geometryCacheEntries", static_cast<double>(s.geometryCacheEntries));
  out.set("geometryCacheBytes", static_cast<double>(s.geometryCacheBytes));
  out.set("geometryPrefixHits", static_cast<double>(s.geometryPrefixHits));
  out.set("geometryPrefixStores", static_cast<double>(s.geometryPrefixStores));
  out.set("geometrySiblingHits", static_cast<double>(s.geometrySiblingHits));
  out.set("geometrySiblingStores", static_cast<double>(s.geometrySiblingStores));
  val byKind = val::object();
  for (const auto& k : s.geometrySecondsByKind) {
    val entry = val::object();
    entry.set("seconds", k.seconds);
    entry.set("nodes", static_cast<double>(k.nodes));
    byKind.set(k.kind, entry);
  }
  out.set("geometrySecondsByKind", byKind);
  return out;
}

val Point(const std::array<double, 3>& p) {
  val out = val::array();
  for (int i = 0; i < 3; ++i) out.set(i, p[i]);
  return out;
}

}  // namespace

val ResultToJs(const RenderResult& result, bool cancelled) {
  val out = val::object();
  out.set("ok", result.ok);
  out.set("parsed", result.parsed);
  out.set("cancelled", cancelled);
  out.set("echo", result.echo);
  // The echo bytes as 2021.01 wrote them: invalid UTF-8 in strings survives
  // here, while the JS string above replaces it with U+FFFD. A copy.
  out.set("echoBytes",
          val::global("Uint8Array")
              .new_(emscripten::typed_memory_view(
                  result.echo.size(), reinterpret_cast<const uint8_t*>(result.echo.data()))));
  if (!result.csg.empty()) out.set("csg", result.csg);
  if (!result.ast.empty()) out.set("ast", result.ast);
  out.set("diagnostics", DiagnosticsToJs(result.diagnostics));
  out.set("stats", Stats(result.stats));
  const GeometrySummary& s = result.summary;
  out.set("kind", std::string(KindName(s.kind)));
  out.set("volume", s.volume);
  out.set("area", s.area);
  val bbox = val::object();
  bbox.set("min", Point(s.bboxMin));
  bbox.set("max", Point(s.bboxMax));
  out.set("bbox", bbox);
  out.set("triangles", static_cast<double>(s.triangles));
  out.set("vertices", static_cast<double>(s.vertices));
  out.set("components", s.components);
  out.set("genus", s.genus);
  return out;
}

void AddMesh(const RenderResult& result, bool copy, val& out) {
  const Mesh& m = result.mesh;
  val mesh = val::object();
  mesh.set("positions", Array("Float32Array", m.positions, copy));
  mesh.set("indices", Array("Uint32Array", m.indices, copy));
  mesh.set("partIds", Array("Uint32Array", m.partIds, copy));
  mesh.set("palette", Array("Uint8Array", m.palette, copy));
  mesh.set("partNodes", Array("Int32Array", m.partNodes, copy));
  out.set("mesh", mesh);
}

val FailureToJs(const std::string& message) {
  RenderResult result;
  result.diagnostics.push_back({Severity::Error, message, {}});
  return ResultToJs(result, false);
}

}  // namespace mos::wasm
