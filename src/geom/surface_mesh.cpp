#include "geom/surface_mesh.h"

#include <map>
#include <utility>

#include "geom/surface_file.h"
#include "kernel/mesh_build.h"

namespace mos::geom {

SurfacePolygons BuildSurfacePolygons(const SurfaceData& data, bool center) {
  SurfacePolygons out;
  const int lines = data.Lines(), columns = data.columns;
  if (lines < 2 || columns < 2) return out;
  const double ox = center ? -(columns - 1) / 2.0 : 0;
  const double oy = center ? -(lines - 1) / 2.0 : 0;
  const double base = data.baseLevel;
  auto& pts = out.points;
  pts.reserve(static_cast<size_t>(lines) * columns * 2 + 2 * static_cast<size_t>(lines + columns));
  // Top grid points: index line * columns + column.
  for (int i = 0; i < lines; ++i)
    for (int j = 0; j < columns; ++j) pts.push_back({ox + j, oy + i, data.At(i, j)});
  auto top = [&](int i, int j) { return i * columns + j; };
  // Floor points, only on the boundary.
  std::map<std::pair<int, int>, int> floorIndex;
  auto floor = [&](int i, int j) {
    auto it = floorIndex.find({i, j});
    if (it != floorIndex.end()) return it->second;
    const int k = static_cast<int>(pts.size());
    pts.push_back({ox + j, oy + i, base});
    floorIndex[{i, j}] = k;
    return k;
  };
  auto& faces = out.faces;
  for (int i = 1; i < lines; ++i)
    for (int j = 1; j < columns; ++j) {
      const double v1 = data.At(i - 1, j - 1), v2 = data.At(i - 1, j);
      const double v3 = data.At(i, j - 1), v4 = data.At(i, j);
      const int c = static_cast<int>(pts.size());
      pts.push_back({ox + j - 0.5, oy + i - 0.5, (v1 + v2 + v3 + v4) / 4});
      const int a = top(i - 1, j - 1), b = top(i - 1, j), d = top(i, j - 1), e = top(i, j);
      faces.push_back({a, b, c});
      faces.push_back({b, e, c});
      faces.push_back({e, d, c});
      faces.push_back({d, a, c});
    }
  for (int i = 1; i < lines; ++i) {
    faces.push_back({floor(i - 1, 0), top(i - 1, 0), top(i, 0), floor(i, 0)});
    const int r = columns - 1;
    faces.push_back({floor(i, r), top(i, r), top(i - 1, r), floor(i - 1, r)});
  }
  for (int j = 1; j < columns; ++j) {
    faces.push_back({floor(0, j), top(0, j), top(0, j - 1), floor(0, j - 1)});
    const int t = lines - 1;
    faces.push_back({floor(t, j - 1), top(t, j - 1), top(t, j), floor(t, j)});
  }
  // The floor, clockwise seen from above: up the x = 0 side, along the far
  // line, down the last column, back along line 0.
  std::vector<int> bottom;
  for (int i = 0; i < lines - 1; ++i) bottom.push_back(floor(i, 0));
  for (int j = 0; j < columns - 1; ++j) bottom.push_back(floor(lines - 1, j));
  for (int i = lines - 1; i > 0; --i) bottom.push_back(floor(i, columns - 1));
  for (int j = columns - 1; j > 0; --j) bottom.push_back(floor(0, j));
  faces.push_back(std::move(bottom));
  return out;
}

Geometry SurfaceGeometry(const eval::SurfaceParams& p, const kernel::KernelLimits& limits,
                         uint32_t prop, const lang::SourceSpan& span,
                         std::vector<GeomMessage>& warnings) {
  kernel::LimitGuard guard(limits, "surface");
  SurfaceReadLimits readLimits;
  // About two vertices per grid point (the grid and the cell centres).
  readLimits.maxCells = guard.MaxVertices() / 2;
  const SurfaceData data = ReadSurfaceFile(p.path, p.invert, readLimits);
  for (const auto& w : data.warnings) warnings.push_back({w, lang::SourceSpan{}});
  for (const auto& d : data.diagnostics) warnings.push_back({d, span});
  if (data.nonFinite) {
    warnings.push_back({"surface(): '" + p.path +
                            "' has a height that is not a finite number; object left out",
                        span});
    return {};
  }
  const SurfacePolygons polygons = BuildSurfacePolygons(data, p.center);
  if (polygons.faces.empty()) {
    // Measured with 2021.01: a grid of one line (or column) of n >= 2 heights
    // gives its walls only, front and back in one plane: a sheet of 4(n-1)
    // triangles without volume, non-manifold where the steps meet. Our solids
    // are closed with volume, so it is left out (not in the test corpus).
    if ((data.Lines() == 1 && data.columns >= 2) || (data.columns == 1 && data.Lines() >= 2))
      warnings.push_back({"surface(): '" + p.path +
                              "' has a single line or column of heights: 2021.01 makes a flat "
                              "sheet without volume of it; object left out",
                          span});
    return {};
  }
  kernel::RepairOptions options;
  options.winding = kernel::FaceWinding::CounterClockwise;
  options.limits = limits;
  kernel::RepairReport report;
  const std::vector<uint32_t> props(polygons.faces.size(), prop);
  kernel::Mesh mesh =
      kernel::MeshFromPolygons(polygons.points, polygons.faces, props, options, report);
  if (!report.closedManifold && mesh.NumTri() > 0) {
    warnings.push_back({"surface(): not a closed solid after repair; object left out", span});
    return {};
  }
  return Geometry::Solid(std::move(mesh));
}

}  // namespace mos::geom
