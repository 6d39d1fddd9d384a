// libFuzzer target: the .nef3 reader (importer::ReadNef3), then the kernel's
// repair of its one-cycle facets (facets with holes go through
// kernel::TriangulatePolygon in geom/import_nef3.cpp, fuzzed by
// mos_fuzz_triangulate).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "importer/mesh_nef3.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_repair.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  mos::importer::Nef3Data m;
  std::string error;
  if (!mos::importer::ReadNef3(text, m, error) || m.points.size() > 20000) return 0;
  std::vector<mos::kernel::Vec3> points;
  for (const auto& p : m.points) points.push_back({p[0], p[1], p[2]});
  std::vector<std::vector<int>> faces;
  for (const auto& f : m.facets)
    if (f.cycles.size() == 1) faces.push_back(f.cycles[0]);
  std::vector<uint32_t> props(faces.size(), 0);
  mos::kernel::RepairOptions options;
  mos::kernel::RepairReport report;
  mos::kernel::MeshFromPolygons(points, faces, props, options, report);
  return 0;
}
