// libFuzzer target: the 3MF reader. An input starting with "PK" is the
// archive itself (directory, local headers, inflate); any other input is
// the model XML, stored uncompressed in an archive built here, so the
// fuzzer reaches the XML reading without having to forge deflate streams.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importer/mesh_data.h"

namespace {

void Put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xff));
  s.push_back(static_cast<char>((v >> 8) & 0xff));
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

// A ZIP with one stored entry (CRCs are not checked by the reader).
std::string StoredZip(const std::string& name, std::string_view content) {
  std::string z;
  Put32(z, 0x04034b50);
  Put16(z, 10); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put16(z, 0);
  Put32(z, 0);
  Put32(z, static_cast<uint32_t>(content.size()));
  Put32(z, static_cast<uint32_t>(content.size()));
  Put16(z, static_cast<uint32_t>(name.size())); Put16(z, 0);
  z += name;
  z += content;
  const uint32_t central = static_cast<uint32_t>(z.size());
  Put32(z, 0x02014b50);
  Put16(z, 20); Put16(z, 10); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put16(z, 0);
  Put32(z, 0);
  Put32(z, static_cast<uint32_t>(content.size()));
  Put32(z, static_cast<uint32_t>(content.size()));
  Put16(z, static_cast<uint32_t>(name.size())); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put16(z, 0);
  Put32(z, 0); Put32(z, 0);
  z += name;
  const uint32_t centralSize = static_cast<uint32_t>(z.size()) - central;
  Put32(z, 0x06054b50);
  Put16(z, 0); Put16(z, 0); Put16(z, 1); Put16(z, 1);
  Put32(z, centralSize); Put32(z, central); Put16(z, 0);
  return z;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<mos::importer::MeshData> objects;
  std::string error;
  if (bytes.substr(0, 2) == "PK") {
    mos::importer::Read3mf(bytes, objects, error);
  } else {
    mos::importer::Read3mf(StoredZip("3D/3dmodel.model", bytes), objects, error);
  }
  return 0;
}
