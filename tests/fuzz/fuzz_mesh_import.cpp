// libFuzzer target: the STL, OFF and OBJ readers (the first byte picks the
// reader, the rest is the file), then the kernel's repair of what they read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "importer/mesh_data.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_repair.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  mos::importer::MeshData m;
  std::string error;
  bool ok = data[0] % 3 == 0   ? mos::importer::ReadStl(text, m, error)
            : data[0] % 3 == 1 ? mos::importer::ReadOff(text, m, error)
                               : mos::importer::ReadObj(text, m, error);
  if (!ok || m.points.size() > 20000) return 0;
  std::vector<mos::kernel::Vec3> points;
  for (const auto& p : m.points) points.push_back({p[0], p[1], p[2]});
  std::vector<uint32_t> props(m.faces.size(), 0);
  mos::kernel::RepairOptions options;
  mos::kernel::RepairReport report;
  mos::kernel::MeshFromPolygons(points, m.faces, props, options, report);
  return 0;
}
