// libFuzzer target: the AMF reader (plain XML or a ZIP holding it), then
// the kernel's repair of each object it read when that is small.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importer/mesh_data.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_repair.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<mos::importer::MeshData> objects;
  std::string error;
  if (!mos::importer::ReadAmf(bytes, objects, error)) return 0;
  for (const auto& m : objects) {
    if (m.points.size() > 5000) continue;
    std::vector<mos::kernel::Vec3> points;
    for (const auto& p : m.points) points.push_back({p[0], p[1], p[2]});
    std::vector<uint32_t> props(m.faces.size(), 0);
    mos::kernel::RepairOptions options;
    mos::kernel::RepairReport report;
    mos::kernel::MeshFromPolygons(points, m.faces, props, options, report);
  }
  return 0;
}
