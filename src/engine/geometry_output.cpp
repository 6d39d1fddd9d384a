// The geometry stage of a render: node tree -> geom::RenderResult, then the
// public flat Mesh, its summary, and the 2021.01-style log lines.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "engine/rendered_geometry.h"
#include "engine/solid_summary.h"
#include "kernel/mesh_properties.h"
#include "kernel/polygon2d.h"

namespace mos::engine {

namespace {

// OpenSCAD's default face colour (the CGAL "face" colour of its default scheme).
constexpr uint8_t kDefaultColor[4] = {0xf9, 0xd7, 0x2c, 0xff};

uint8_t ToByte(double channel) {
  return static_cast<uint8_t>(std::lround(std::clamp(channel, 0.0, 1.0) * 255.0));
}

// One palette entry per distinct triangle property, in order of first use.
void FillMesh(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              Mesh& out) {
  // Sized once and written by index (per-element push_back was a third of
  // this on large results).
  const size_t numVert = mesh.vertPos.size(), numTri = mesh.triVerts.size();
  out.positions.resize(numVert * 3);
  float* pos = out.positions.data();
  for (size_t v = 0; v < numVert; ++v) {
    const kernel::Vec3& p = mesh.vertPos[v];
    pos[3 * v] = static_cast<float>(p.x);
    pos[3 * v + 1] = static_cast<float>(p.y);
    pos[3 * v + 2] = static_cast<float>(p.z);
  }
  out.indices.resize(numTri * 3);
  uint32_t* idx = out.indices.data();
  for (size_t t = 0; t < numTri; ++t) {
    const auto& tv = mesh.triVerts[t];
    idx[3 * t] = static_cast<uint32_t>(tv[0]);
    idx[3 * t + 1] = static_cast<uint32_t>(tv[1]);
    idx[3 * t + 2] = static_cast<uint32_t>(tv[2]);
  }
  out.partIds.reserve(numTri);
  std::map<uint32_t, uint32_t> partOfProp;
  // Neighbouring triangles mostly share a property: the last one's part
  // is reused without a map lookup.
  uint32_t lastProp = 0, lastPart = 0;
  bool haveLast = false;
  for (size_t t = 0; t < numTri; ++t) {
    const uint32_t prop = t < mesh.triProp.size() ? mesh.triProp[t] : 0;
    if (haveLast && prop == lastProp) {
      out.partIds.push_back(lastPart);
      continue;
    }
    auto [it, inserted] = partOfProp.emplace(prop, static_cast<uint32_t>(out.partNodes.size()));
    if (inserted) {
      const geom::FaceProperty* fp = prop < properties.size() ? &properties[prop] : nullptr;
      for (int c = 0; c < 4; ++c) {
        out.palette.push_back(fp && fp->HasColor() ? ToByte(fp->rgba[c]) : kDefaultColor[c]);
      }
      out.partNodes.push_back(fp ? fp->nodeId : -1);
    }
    out.partIds.push_back(it->second);
    lastProp = prop;
    lastPart = it->second;
    haveLast = true;
  }
}

GeometrySummary Summarize(const geom::Geometry& g) {
  GeometrySummary s;
  if (g.dim == geom::Dim::k3) {
    s = SummarizeSolid(g.mesh);
  } else if (g.dim == geom::Dim::k2) {
    s.kind = GeometryKind::TwoD;
    s.area = kernel::SignedArea(g.polygon);
    bool first = true;
    for (const auto& contour : g.polygon.contours) {
      for (const auto& p : contour) {
        ++s.vertices;
        if (first) {
          s.bboxMin = {p.x, p.y, 0};
          s.bboxMax = {p.x, p.y, 0};
          first = false;
        }
        s.bboxMin[0] = std::min(s.bboxMin[0], p.x);
        s.bboxMin[1] = std::min(s.bboxMin[1], p.y);
        s.bboxMax[0] = std::max(s.bboxMax[0], p.x);
        s.bboxMax[1] = std::max(s.bboxMax[1], p.y);
      }
    }
  }
  return s;
}

}  // namespace

void RenderGeometry(const eval::Node& root, const eval::EvalLog& log, const RenderRequest& request,
                    const GeometryContext& context, RenderResult& result) {
  using Clock = std::chrono::steady_clock;
  geom::RenderOptions options;
  options.cancel = request.cancel;
  options.cancelPoll = request.cancelPoll;
  options.threads = request.threads;
  options.deadline = context.deadline;
  // A budget of 0 turns caching off: no subtree keys are computed either.
  if (context.cache && context.cache->Counters().budget > 0) options.cache = context.cache;
  options.limits.maxVertices = static_cast<int64_t>(
      std::min<uint64_t>(request.limits.maxVertices, uint64_t{1} << 62));
  options.limits.maxBytes = static_cast<int64_t>(
      std::min<uint64_t>(request.limits.maxMemoryBytes, uint64_t{1} << 62));
  auto rendered = std::make_shared<RenderedGeometry>();
  const Clock::time_point evalStart = Clock::now();
  rendered->render = geom::RenderNodeTree(root, options);
  const Clock::time_point outputStart = Clock::now();
  const geom::RenderResult& r = rendered->render;
  RenderStats& stats = result.stats;
  stats.geometryEvalSeconds = std::chrono::duration<double>(outputStart - evalStart).count();
  stats.geometryKeySeconds = r.stats.keySeconds;
  stats.geometryCacheSeconds = r.stats.lookupSeconds;
  stats.geometryCacheHits = r.stats.cacheHits;
  stats.geometryCacheMisses = r.stats.cacheMisses;
  stats.geometryCacheStores = r.stats.cacheStores;
  stats.geometryPrefixHits = r.stats.prefixHits;
  stats.geometryPrefixStores = r.stats.prefixStores;
  stats.geometrySiblingHits = r.stats.siblingHits;
  stats.geometrySiblingStores = r.stats.siblingStores;
  for (size_t k = 0; k < geom::GeometryStats::kKinds; ++k) {
    if (r.stats.kindNodes[k] == 0) continue;
    stats.geometrySecondsByKind.push_back(
        {eval::NodeKindName(static_cast<eval::NodeKind>(k)), r.stats.kindSeconds[k],
         r.stats.kindNodes[k]});
  }
  if (context.cache) {
    const geom::GeometryCacheCounters counters = context.cache->Counters();
    stats.geometryCacheEntries = counters.entries;
    stats.geometryCacheBytes = counters.bytes;
  }
  for (const auto& w : r.warnings) {
    result.echo += "WARNING: " + w.text + log.LocationSuffix(w.span) + "\n";
    result.diagnostics.push_back({Severity::Warning, w.text,
                                  {w.span.FileName(), w.span.line, w.span.column}});
  }
  for (const auto& e : r.errors) {
    result.echo += "ERROR: " + e.text + (e.withLocation ? log.LocationSuffix(e.span) : "") + "\n";
    result.diagnostics.push_back({Severity::Error, e.text,
                                  {e.span.FileName(), e.span.line, e.span.column}});
  }
  if (r.cancelled) {
    result.diagnostics.push_back({Severity::Error,
                                  r.timedOut ? "render timed out: geometry evaluation passed the "
                                               "time limit"
                                             : "render cancelled",
                                  {request.file, 0, 0}});
    result.ok = false;
  }
  if (request.wantMeshAndSummary) {
    if (r.geometry.dim == geom::Dim::k3) FillMesh(r.geometry.mesh, r.properties, result.mesh);
    result.summary = Summarize(r.geometry);
  }
  result.geometry = std::move(rendered);
  stats.geometryOutputSeconds = std::chrono::duration<double>(Clock::now() - outputStart).count();
}

}  // namespace mos::engine
