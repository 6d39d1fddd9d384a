// libFuzzer target for surface()'s readers: arbitrary bytes as a .dat text or
// (with the PNG signature) a PNG through stb_image, then the 2021.01 mesh
// layout and the kernel's polygon-to-mesh path. A crash, sanitizer report,
// hang or an allocation over -malloc_limit_mb fails.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geom/surface_file.h"
#include "geom/surface_mesh.h"
#include "kernel/mesh_build.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  mos::geom::SurfaceReadLimits limits;
  limits.maxCells = 1 << 16;
  const bool invert = size % 2 == 1;
  const mos::geom::SurfaceData grid =
      mos::geom::ParseSurfaceBytes(bytes, invert, "fuzz.dat", limits);
  if (grid.nonFinite) return 0;  // left out with a diagnostic, as the evaluator does
  const mos::geom::SurfacePolygons polygons = mos::geom::BuildSurfacePolygons(grid, size % 3 == 0);
  if (polygons.faces.empty() || polygons.points.size() > 4096) return 0;
  mos::kernel::RepairOptions options;
  mos::kernel::RepairReport report;
  const std::vector<uint32_t> props(polygons.faces.size(), 0);
  (void)mos::kernel::MeshFromPolygons(polygons.points, polygons.faces, props, options, report);
  return 0;
}
